import { nameKey, normaliseMunicipality, sameName, tidyName } from './municipality-name.util';

describe('municipality names', () => {
  it('stores a name tidied and compares spellings by one key', () => {
    expect(tidyName('  Г.\u00a0 ИРКУТСК  ')).toBe('Г. ИРКУТСК');
    expect(nameKey('  Г.  ИРКУТСК  ')).toBe(nameKey('г. Иркутск'));
    expect(nameKey('Усть-Илимский район')).toBe(nameKey('усть-илимский  РАЙОН'));
    expect(nameKey('Зелёный')).toBe(nameKey('зеленый'));
    expect(sameName('  Г.  ИРКУТСК  ', 'г. Иркутск')).toBe(true);
    expect(sameName('г. Иркутск', 'г. Ангарск')).toBe(false);
    expect(sameName('  ', '  ')).toBe(false);
    expect(sameName(null, 'г. Иркутск')).toBe(false);
  });

  it('keeps a missing or blank municipality as null (a region-wide object)', () => {
    expect(normaliseMunicipality(undefined)).toBeNull();
    expect(normaliseMunicipality('   ')).toBeNull();
    expect(normaliseMunicipality(' г.  Иркутск ')).toBe('г. Иркутск');
  });
});
