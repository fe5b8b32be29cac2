// The one rule for names people type for municipalities, regions and organisations (until the
// directory gives them identifiers): what is stored, and what two spellings count as the same.

/** The stored form: Unicode NFC, no outer spaces, every run of spaces (also non-breaking) as one. */
export function tidyName(value: string): string {
  return value.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/** A municipality as stored: tidied, or null when nothing is left (a region-wide object). */
export function normaliseMunicipality(value: string | null | undefined): string | null {
  return value == null ? null : tidyName(value) || null;
}

/** Comparison key: «  Г.  ИРКУТСК  », «г. Иркутск» and «г. иркутск» share it; ё counts as е. */
export function nameKey(value: string): string {
  return tidyName(value).toLocaleLowerCase('ru-RU').replace(/ё/g, 'е');
}

/** Same name by nameKey; an empty or missing name matches nothing. */
export function sameName(a: string | null | undefined, b: string | null | undefined): boolean {
  return !!a && !!b && !!tidyName(a) && nameKey(a) === nameKey(b);
}
