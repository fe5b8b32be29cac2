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
