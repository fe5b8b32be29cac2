import { DateTime } from 'luxon';
import type { IsoDate } from '../roadmap/roadmap.model';

/** Start of a local calendar day in the cycle's zone, as a UTC instant. */
export function startOfLocalDay(date: IsoDate, timeZone: string): Date {
  return toInstant(DateTime.fromISO(date, { zone: timeZone }).startOf('day'), date, timeZone);
}

/** End of a local calendar day (23:59:59.999) in the cycle's zone: the moment a deadline passes. */
export function endOfLocalDay(date: IsoDate, timeZone: string): Date {
  return toInstant(DateTime.fromISO(date, { zone: timeZone }).endOf('day'), date, timeZone);
}

/** The local calendar date of an instant in a zone. */
export function localDate(instant: Date, timeZone: string): IsoDate {
  return DateTime.fromJSDate(instant, { zone: timeZone }).toISODate() as IsoDate;
}

function toInstant(dt: DateTime, date: string, timeZone: string): Date {
  if (!dt.isValid) throw new Error(`Некорректная дата «${date}» или часовой пояс «${timeZone}»`);
  return dt.toJSDate();
}

/**
 * An event date as people send it, read in the cycle's zone: with an offset it is that instant;
 * without one it is local time; a date alone is the start of that local day (`start`) or its end
 * (`end`, a deadline: 2026-12-20 means until 23:59:59.999 of 20 December there). Null if invalid.
 */
export function localInstant(value: string, timeZone: string, edge: 'start' | 'end'): Date | null {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const parsed = DateTime.fromISO(value, { zone: timeZone, setZone: false });
  if (!parsed.isValid) return null;
  if (!dateOnly) return parsed.toJSDate();
  return (edge === 'start' ? parsed.startOf('day') : parsed.endOf('day')).toJSDate();
}

/** Event dates a cycle of `year` accepts: from 1 January of the year before to 31 December of the year after. */
export function eventDateBounds(year: number, timeZone: string): { from: Date; to: Date } {
  return {
    from: startOfLocalDay(`${year - 1}-01-01`, timeZone),
    to: endOfLocalDay(`${year + 1}-12-31`, timeZone),
  };
}
