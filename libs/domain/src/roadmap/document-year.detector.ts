// The year a roadmap is for, from its title, heading or dates: «в 2023 году», «на 2020-2021
// учебный год», «в 2023-2024 гг.», and as a last resort a date such as «от 12.04.2023».
import { normalizeRussian } from './russian-text.util';

const YEAR = '((?:19|20)\\d{2})';
const NEXT_YEAR = '((?:19|20)\\d{2}|\\d{2})';

const ACADEMIC_YEAR = new RegExp(`${YEAR}\\s?[-/]\\s?${NEXT_YEAR}(?!\\d)\\s*(?:уч[а-я]*\\.?\\s*(?:г|год)|у\\.?\\s*г)`);
const YEAR_SPAN = new RegExp(`${YEAR}\\s?[-/]\\s?${NEXT_YEAR}(?!\\d)\\s*(?:гг|годы|годов|годах|год)`);
const SINGLE_YEAR = new RegExp(`(?:^|[^\\d.,])${YEAR}(?!\\d)\\s*(?:г(?![а-я])|год|году|года)`);
const DATE_YEAR = new RegExp(`\\d{1,2}\\.\\d{1,2}[.,]${YEAR}(?!\\d)`);

function secondYear(first: number, raw: string): number {
  return raw.length === 2 ? Math.floor(first / 100) * 100 + Number(raw) : Number(raw);
}

export function detectDocumentYear(text: string): { year: number; academicYearStart?: number } | null {
  const normalized = normalizeRussian(typeof text === 'string' ? text : '');
  const academic = ACADEMIC_YEAR.exec(normalized);
  if (academic !== null && secondYear(Number(academic[1]), academic[2]) === Number(academic[1]) + 1) {
    const start = Number(academic[1]);
    return { year: start, academicYearStart: start };
  }
  const span = YEAR_SPAN.exec(normalized);
  const single = SINGLE_YEAR.exec(normalized);
  // The phrase met first names the document's own period; later ones tend to be references.
  const candidates = [span, single].filter((match): match is RegExpExecArray => match !== null);
  if (candidates.length > 0) {
    const first = candidates.reduce((a, b) => (a.index <= b.index ? a : b));
    return { year: Number(first[1]) };
  }
  const date = DATE_YEAR.exec(normalized);
  return date === null ? null : { year: Number(date[1]) };
}
