// The year context every period is read in. "В течение года" means the roadmap's whole cycle:
// the academic year for "2020-2021 учебный год", both calendar years for "2023-2024 гг.",
// otherwise the calendar year.

import { detectDocumentYear, PeriodContext } from '@orientir/domain';

export interface ResolvedYear {
  year: number;
  context: PeriodContext;
}

export function resolveYear(
  title: string,
  preamble: string[],
  requestedYear: number | undefined,
  now: Date,
): ResolvedYear {
  const detected = detectDocumentYear(title) ?? detectDocumentYear(preamble.join('\n'));
  const year = requestedYear ?? detected?.year ?? now.getFullYear();
  const academicYearStart =
    detected?.academicYearStart !== undefined && detected.year === year ? detected.academicYearStart : undefined;
  const context: PeriodContext = { year, ...(academicYearStart !== undefined ? { academicYearStart } : {}) };
  const span = academicYearStart === undefined ? calendarSpan(title, year) : null;
  if (span) context.cycle = span;
  return { year, context };
}

/** "в 2023-2024 гг.", "на 2023–2025 годы": a calendar span starting in the document's year. */
function calendarSpan(title: string, year: number): PeriodContext['cycle'] | null {
  const match = /(\d{4})\s*[-–—]\s*(\d{2,4})\s*(гг|годы|годов|г\.)/iu.exec(title);
  if (!match) return null;
  const first = Number(match[1]);
  const last = match[2].length === 2 ? Math.floor(first / 100) * 100 + Number(match[2]) : Number(match[2]);
  if (first !== year || last <= first || last - first > 5) return null;
  return { start: `${first}-01-01`, end: `${last}-12-31` };
}
