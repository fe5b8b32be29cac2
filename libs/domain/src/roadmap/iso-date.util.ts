// Calendar arithmetic on ISO dates without `Date`: keeps the parser deterministic
// and time-zone free (it may run inside Temporal workflows).
import type { IsoDate } from './roadmap.model';

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isValidDay(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

export function toIsoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return match !== null && isValidDay(Number(match[1]), Number(match[2]), Number(match[3]));
}

export function parseIsoDate(value: IsoDate): { year: number; month: number; day: number } {
  const [year, month, day] = value.split('-').map(Number);
  return { year, month, day };
}

export function monthStart(year: number, month: number): IsoDate {
  return toIsoDate(year, month, 1);
}

export function monthEnd(year: number, month: number): IsoDate {
  return toIsoDate(year, month, daysInMonth(year, month));
}

/** The day before an ISO date. */
export function previousDay(value: IsoDate): IsoDate {
  const { year, month, day } = parseIsoDate(value);
  if (day > 1) return toIsoDate(year, month, day - 1);
  if (month > 1) return monthEnd(year, month - 1);
  return monthEnd(year - 1, 12);
}

/** Zero-padded ISO dates order lexicographically, so string comparison is date comparison. */
export function minIso(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

export function maxIso(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}
