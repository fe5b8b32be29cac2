// Working-day arithmetic for the school workflow's deadlines (review within N working days).
// Pure and deterministic, so workflow code may use it. The calendar comes in from outside (the
// set-up activity): weekends by default, plus the production calendar's holidays and transferred
// working days when they are known — swapping the calendar source changes no workflow code.

export interface WorkingCalendar {
  /** The cycle's offset from UTC in minutes at launch (Asia/Irkutsk: 480); days are counted in it. */
  utcOffsetMinutes: number;
  /** Extra days off (YYYY-MM-DD, local), e.g. public holidays and transferred days off. */
  holidays: string[];
  /** Saturdays or Sundays that are working days (YYYY-MM-DD, local). */
  workingWeekends: string[];
}

export const WEEKENDS_ONLY: WorkingCalendar = { utcOffsetMinutes: 0, holidays: [], workingWeekends: [] };

const DAY_MS = 24 * 60 * 60 * 1000;

function localDay(ms: number, calendar: WorkingCalendar): string {
  return new Date(ms + calendar.utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** Is the local day containing `ms` a working day? */
export function isWorkingDay(ms: number, calendar: WorkingCalendar): boolean {
  const day = localDay(ms, calendar);
  if (calendar.workingWeekends.includes(day)) return true;
  if (calendar.holidays.includes(day)) return false;
  const weekday = new Date(ms + calendar.utcOffsetMinutes * 60_000).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/**
 * The end (23:59:59.999 local) of the `days`-th working day after the day of `fromMs`: a review
 * submitted on Friday with 1 working day is due at the end of Monday.
 */
export function addWorkingDays(fromMs: number, days: number, calendar: WorkingCalendar): number {
  const offset = calendar.utcOffsetMinutes * 60_000;
  // Start of the local day of fromMs, as an instant.
  let dayStart = Math.floor((fromMs + offset) / DAY_MS) * DAY_MS - offset;
  let left = Math.max(0, Math.floor(days));
  // A calendar never has more than ~30 days off in a row; the bound keeps a bad calendar finite.
  for (let guard = 0; left > 0 && guard < days * 10 + 60; guard++) {
    dayStart += DAY_MS;
    if (isWorkingDay(dayStart, calendar)) left -= 1;
  }
  return dayStart + DAY_MS - 1;
}
