// Dates, times and zones as people read them in a letter: always in the recipient's time zone.
import { zoneNameRu } from '@orientir/domain';

export { zoneNameRu };

/** «31 мая 2023 г.» in the zone. */
export function formatRussianDate(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('ru-RU', { day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(instant);
}

/** «31 мая 2023 г., 23:59 по иркутскому времени» */
export function formatDeadline(instant: Date, timeZone: string): string {
  const time = new Intl.DateTimeFormat('ru-RU', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(instant);
  return `${formatRussianDate(instant, timeZone)}, ${time} ${zoneNameRu(timeZone)}`;
}

/** The local calendar date and time of an instant, as numbers (for .ics and day arithmetic). */
export function localParts(
  instant: Date,
  timeZone: string,
): { year: number; month: number; day: number; hour: number; minute: number } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? NaN);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute') };
}

/** «2023-05-31»: the local date of an instant in the zone. */
export function localIsoDate(instant: Date, timeZone: string): string {
  const { year, month, day } = localParts(instant, timeZone);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
