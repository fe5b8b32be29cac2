// Calendar dates as 'YYYY-MM-DD' strings and whole days since 1970-01-01: plain arithmetic on UTC
// dates, no time zone and no library, so it is safe in the workflow sandbox.
import type { IsoDate } from '../roadmap/roadmap.model';

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a real calendar date, or null for anything else. */
export function epochDayOf(date: string): number | null {
  const match = ISO_DATE.exec(date);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return Math.round(ms / DAY_MS);
}

/** Like epochDayOf, but a bad date is a programming error here. */
export function requireEpochDay(date: string): number {
  const day = epochDayOf(date);
  if (day === null) throw new Error(`Некорректная дата «${date}»: ожидается ГГГГ-ММ-ДД`);
  return day;
}

export function isoDateOfEpochDay(epochDay: number): IsoDate {
  return new Date(epochDay * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOfEpochDay(epochDay: number): number {
  return (((epochDay + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

export function isWeekend(epochDay: number): boolean {
  const weekday = weekdayOfEpochDay(epochDay);
  return weekday === 0 || weekday === 6;
}

export function yearOfEpochDay(epochDay: number): number {
  return new Date(epochDay * DAY_MS).getUTCFullYear();
}

export { DAY_MS };
