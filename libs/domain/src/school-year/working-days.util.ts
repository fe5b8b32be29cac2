// Working-day deadlines of the school workflow (a review within N working days), on the Russian
// production calendar (../calendar). Pure and deterministic, so workflow code may use it; the zone
// offset and the cycle's calendar overrides come in with the workflow's set-up.
import { WorkingCalendar, type CalendarOverrides } from '../calendar/working-calendar';
import { isoDateOfEpochDay } from '../calendar/calendar-date.util';

export interface SchoolCalendar {
  /** The cycle's offset from UTC in minutes (Asia/Irkutsk: 480); days are counted in it. */
  utcOffsetMinutes: number;
  /** A region's or cycle's changes to the shipped production calendar. */
  overrides: CalendarOverrides;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The end (23:59:59.999 local) of the `days`-th working day after the local day of `fromMs`: a
 * review submitted on a Friday with one working day is due at the end of Monday.
 */
export function workingDaysLater(fromMs: number, days: number, calendar: SchoolCalendar): number {
  const offset = calendar.utcOffsetMinutes * 60_000;
  const localDay = Math.floor((fromMs + offset) / DAY_MS);
  const due = new WorkingCalendar(calendar.overrides).addWorkingDays(isoDateOfEpochDay(localDay), Math.floor(days));
  return Date.parse(`${due}T00:00:00Z`) + DAY_MS - 1 - offset;
}
