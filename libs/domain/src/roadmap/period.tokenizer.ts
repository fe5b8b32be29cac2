// Splits a normalised period text into dates, numbers, year ranges, words and punctuation.
// Order of the alternatives matters: a date «17.10.2023» must win over the number «17».
import { romanValue } from './russian-months.util';

export type PeriodToken =
  | { type: 'date'; day: number; month: number; year: number | null; raw: string }
  | { type: 'number'; value: number; digits: number; raw: string }
  | { type: 'roman'; value: number; raw: string }
  | { type: 'yearRange'; from: number; to: number; raw: string }
  | { type: 'word'; value: string; raw: string }
  | { type: 'punct'; value: string; raw: string };

const NOT_LETTER = '(?![а-яa-z])';
// «-го», «-е», «-х» after a number: «1-го сентября», «3-х».
const NUMBER_SUFFIX = `(?:\\s?-\\s?(?:ого|го|ое|е|ый|ий|й|ая|я|х|ти|ми)${NOT_LETTER})?`;

const TOKEN_PATTERNS: ReadonlyArray<readonly [PeriodToken['type'], RegExp]> = [
  // dd.mm, dd.mm.yy, dd.mm.yyyy; «12.04,2023» (a comma typo before a 4-digit year) too.
  ['date', /(\d{1,2})\.(\d{1,2})(?:(?:\.|,)(\d{4})(?!\d)|\.(\d{2})(?!\d))?(?![\d])/y],
  ['yearRange', /((?:19|20)\d{2})\s?[-/]\s?((?:19|20)\d{2}|\d{2})(?!\d)/y],
  ['number', new RegExp(`(\\d+)${NUMBER_SUFFIX}`, 'y')],
  ['roman', new RegExp(`([ivx]+)${NUMBER_SUFFIX}${NOT_LETTER}`, 'y')],
  ['word', /([а-яa-z]+)\.?/y],
  ['punct', /([,;/()\-:+.])/y],
];

function twoDigitYear(value: number): number {
  return 2000 + value;
}

function makeToken(type: PeriodToken['type'], match: RegExpExecArray): PeriodToken | null {
  const raw = match[0];
  switch (type) {
    case 'date': {
      const year = match[3] ? Number(match[3]) : match[4] ? twoDigitYear(Number(match[4])) : null;
      return { type, day: Number(match[1]), month: Number(match[2]), year, raw };
    }
    case 'yearRange': {
      const from = Number(match[1]);
      const toRaw = Number(match[2]);
      const to = match[2].length === 2 ? Math.floor(from / 100) * 100 + toRaw : toRaw;
      // «2023-2024» only; «2023-25» or «2024-2023» are not year ranges of a roadmap.
      if (to < from || to - from > 10) return null;
      return { type, from, to, raw };
    }
    case 'number':
      return { type, value: Number(match[1]), digits: match[1].length, raw };
    case 'roman': {
      const value = romanValue(match[1]);
      return value === null ? null : { type, value, raw };
    }
    case 'word':
      return { type, value: match[1], raw };
    case 'punct':
      return { type, value: match[1], raw };
  }
}

/** Tokenises normalised text; unknown characters are skipped. */
export function tokenizePeriod(normalized: string): PeriodToken[] {
  const tokens: PeriodToken[] = [];
  let index = 0;
  while (index < normalized.length) {
    if (normalized[index] === ' ') {
      index += 1;
      continue;
    }
    const next = matchAt(normalized, index);
    if (next === null) {
      index += 1;
      continue;
    }
    if (next.token !== null) tokens.push(next.token);
    index += next.length;
  }
  return tokens;
}

function matchAt(text: string, index: number): { token: PeriodToken | null; length: number } | null {
  for (const [type, pattern] of TOKEN_PATTERNS) {
    pattern.lastIndex = index;
    const match = pattern.exec(text);
    if (match === null || match[0].length === 0) continue;
    const token = makeToken(type, match);
    if (token === null) continue;
    return { token, length: match[0].length };
  }
  return null;
}
