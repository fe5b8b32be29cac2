// Text normalisation shared by the roadmap parsers. Real roadmaps are typed by hand
// (or come out of PDF/DOCX extraction): mixed case, «ё», odd dashes and spaces,
// and Latin look-alike letters inside Cyrillic words.

/** Latin letters that look like Cyrillic ones; swapped only inside words that are otherwise Cyrillic. */
const LATIN_HOMOGLYPHS: Readonly<Record<string, string>> = {
  a: 'а',
  c: 'с',
  e: 'е',
  o: 'о',
  p: 'р',
  x: 'х',
  y: 'у',
  k: 'к',
  m: 'м',
  t: 'т',
  h: 'н',
  b: 'в',
};

function fixHomoglyphs(word: string): string {
  const hasCyrillic = /[а-яё]/.test(word);
  const hasLatin = /[a-z]/.test(word);
  if (!hasCyrillic || !hasLatin) return word;
  return word.replace(/[a-z]/g, (ch) => LATIN_HOMOGLYPHS[ch] ?? ch);
}

/** Unify dashes, spaces and quotes; keeps letter case. */
export function normalizePunctuation(text: string): string {
  return text
    .replace(/[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g, '-')
    .replace(/[\u00A0\u2000-\u200B\u202F\u205F\u3000\t\r\f\v]/g, ' ')
    .replace(/[«»“”„‟"″〝〞＂]/g, '"')
    .replace(/[‘’‚‛`´]/g, "'");
}

/** Lower-case, «ё» → «е», unified punctuation, Latin look-alikes fixed, whitespace collapsed (newlines kept as spaces). */
export function normalizeRussian(text: string): string {
  const lowered = normalizePunctuation(text).toLowerCase().replace(/ё/g, 'е');
  return lowered
    .replace(/[a-zа-я]+/g, fixHomoglyphs)
    .replace(/\s+/g, ' ')
    .trim();
}

/** Lower-case one character at a time so indices stay aligned with the original string. */
export function lowerAligned(text: string): string {
  let out = '';
  for (const ch of text) {
    const lower = ch.toLowerCase();
    out += lower.length === ch.length ? lower : ch;
  }
  return out.replace(/ё/g, 'е');
}

export function collapseSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
