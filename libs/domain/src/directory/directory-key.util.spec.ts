import { directoryKey, guessOrganisationKind, nameSimilarity } from './directory-key.util';

describe('directory keys', () => {
  it('treats quote styles, case, ё and spacing as the same entry', () => {
    expect(directoryKey('МБОУ «СОШ № 6»')).toBe(directoryKey('мбоу "СОШ  №6"'));
    expect(directoryKey('Отдел образования')).not.toBe(directoryKey('Отдел образования администрации г. Лесосибирска'));
  });

  it('offers a longer official name for a short spelling, and not an unrelated body', () => {
    expect(nameSimilarity('Отдел образования', 'Отдел образования администрации г. Лесосибирска')).toBe(1);
    expect(nameSimilarity('ГМС ОО', 'МБУ «МИМЦ»')).toBe(0);
    expect(nameSimilarity('Министерство образования Иркутской области', 'Отдел образования')).toBeLessThan(0.75);
    expect(nameSimilarity('МБОУ «СОШ № 5»', 'МБОУ «СОШ № 6»')).toBe(0);
    expect(nameSimilarity('Исполнитель 2.1', 'Исполнитель 1.1')).toBe(0);
    expect(nameSimilarity('СОШ № 5', 'МБОУ «СОШ № 5»')).toBe(1);
  });

  it('guesses the kind of an organisation from its name', () => {
    expect(guessOrganisationKind('МБОУ «СОШ № 6»')).toBe('school');
    expect(guessOrganisationKind('МКУ «ИМЦРО»')).toBe('methodical_centre');
    expect(guessOrganisationKind('Отдел образования администрации г. Лесосибирска')).toBe('education_department');
    expect(guessOrganisationKind('РМО учителей математики')).toBe('association');
  });
});
