// Month names in every case and common abbreviations («янв.», «сент.»).

/** Stems of month names whose endings follow the soft declension (январь, января, январе…). */
const SOFT_STEMS: ReadonlyArray<readonly [string, number]> = [
  ['январ', 1],
  ['феврал', 2],
  ['апрел', 4],
  ['июн', 6],
  ['июл', 7],
  ['сентябр', 9],
  ['октябр', 10],
  ['ноябр', 11],
  ['декабр', 12],
];
const SOFT_ENDINGS = ['ь', 'я', 'е', 'ю', 'ем', 'и'];

/** Hard-declension names (март, марта, марте; август, августа…). */
const HARD_STEMS: ReadonlyArray<readonly [string, number]> = [
  ['март', 3],
  ['август', 8],
];
const HARD_ENDINGS = ['', 'а', 'е', 'у', 'ом'];

const MAY_FORMS = ['май', 'мая', 'мае', 'маю', 'маем'];

/** Abbreviations seen in documents, always without the trailing dot (tokenizer drops it). */
const ABBREVIATIONS: Readonly<Record<string, number>> = {
  янв: 1,
  фев: 2,
  февр: 2,
  мар: 3,
  апр: 4,
  июн: 6,
  июл: 7,
  авг: 8,
  сен: 9,
  сент: 9,
  окт: 10,
  ноя: 11,
  нояб: 11,
  дек: 12,
};

/** Month number 1..12 for a lower-cased Russian word (already «ё»-normalised), or null. */
export function monthFromWord(word: string): number | null {
  if (MAY_FORMS.includes(word)) return 5;
  for (const [stem, month] of SOFT_STEMS) {
    if (word.startsWith(stem) && SOFT_ENDINGS.includes(word.slice(stem.length))) return month;
  }
  for (const [stem, month] of HARD_STEMS) {
    if (word.startsWith(stem) && HARD_ENDINGS.includes(word.slice(stem.length))) return month;
  }
  return ABBREVIATIONS[word] ?? null;
}

const ROMAN: Readonly<Record<string, number>> = {
  i: 1,
  ii: 2,
  iii: 3,
  iv: 4,
  v: 5,
  vi: 6,
  vii: 7,
  viii: 8,
  ix: 9,
  x: 10,
  xi: 11,
  xii: 12,
};

/** Value of a lower-case Roman numeral I..XII, or null. */
export function romanValue(word: string): number | null {
  return ROMAN[word] ?? null;
}
