import { directoryKey } from './directory-key.util';
import { matchQuestion, matchSchoolName, type SchoolMatchCandidate } from './school-match.util';

const SCHOOLS: SchoolMatchCandidate[] = [
  { id: 's18', fullName: 'МБОУ г. Иркутска СОШ № 18', shortName: 'СОШ № 18' },
  { id: 's19', fullName: 'МБОУ г. Иркутска СОШ № 19' },
  { id: 'g2', fullName: 'МАОУ Гимназия № 2 г. Иркутска', aliasKeys: [directoryKey('Гимназия номер два')] },
  { id: 'lyceum', fullName: 'МБОУ «Лицей № 3» г. Иркутска', shortName: 'Лицей № 3' },
];

describe('matching a spelling to a directory school', () => {
  it('takes the folded name exactly, whatever the quotes, case and spacing', () => {
    expect(matchSchoolName('мбоу  г. иркутска сош №18', SCHOOLS)).toEqual({ kind: 'exact', id: 's18' });
    expect(matchSchoolName('МБОУ "Лицей № 3" г. Иркутска', SCHOOLS)).toEqual({ kind: 'exact', id: 'lyceum' });
  });

  it('takes a spelling a person confirmed earlier', () => {
    expect(matchSchoolName('Гимназия  номер два', SCHOOLS)).toEqual({ kind: 'alias', id: 'g2' });
  });

  it('asks about a reordered or shortened name of the same school', () => {
    expect(matchSchoolName('МБОУ СОШ № 18 г. Иркутска', SCHOOLS)).toEqual({ kind: 'fuzzy', id: 's18', similarity: 1 });
    expect(matchSchoolName('Лицей № 3', SCHOOLS)).toMatchObject({ kind: 'fuzzy', id: 'lyceum' });
  });

  it('never offers a school whose number differs, nor an unrelated one', () => {
    expect(matchSchoolName('МБОУ СОШ № 20 г. Иркутска', SCHOOLS)).toEqual({ kind: 'none' });
    expect(matchSchoolName('МКОУ Школа-интернат Ромашка', SCHOOLS)).toEqual({ kind: 'none' });
    expect(matchSchoolName('   ', SCHOOLS)).toEqual({ kind: 'none' });
    expect(matchSchoolName('МБОУ СОШ № 18', [])).toEqual({ kind: 'none' });
  });

  it('prefers the more similar name, then the shorter one', () => {
    const candidates = [
      { id: 'long', fullName: 'МБОУ СОШ № 7 имени героя г. Иркутска' },
      { id: 'short', fullName: 'МБОУ СОШ № 7 г. Иркутска' },
    ];
    expect(matchSchoolName('СОШ № 7 г. Иркутска', candidates)).toMatchObject({ kind: 'fuzzy', id: 'short' });
    expect(matchSchoolName('СОШ № 7 имени героя', candidates)).toMatchObject({ kind: 'fuzzy', id: 'long' });
  });

  it('asks in the words of the preview', () => {
    expect(matchQuestion(' СОШ № 18 ', 'МБОУ г. Иркутска СОШ № 18')).toBe(
      '«СОШ № 18» — это «МБОУ г. Иркутска СОШ № 18»?',
    );
  });
});
