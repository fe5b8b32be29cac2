// Russian dates and times, always in the cycle's time zone.
import { zoneNameRu } from '@orientir/domain/workflow';

/** «по иркутскому времени»; unknown zones are named as they are («по времени Europe/Berlin»). */
export const zoneName = zoneNameRu;

function parts(value: Date | string, timeZone: string, options: Intl.DateTimeFormatOptions): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  return new Intl.DateTimeFormat('ru-RU', { timeZone, ...options }).format(date);
}

/** «29 ноября 2026 г.» */
export function formatDate(value: Date | string, timeZone: string): string {
  return parts(value, timeZone, { day: 'numeric', month: 'long', year: 'numeric' });
}

/** «29 ноября 2026 г., 09:00 по иркутскому времени» */
export function formatDateTime(value: Date | string, timeZone: string): string {
  const time = parts(value, timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return `${formatDate(value, timeZone)}, ${time} ${zoneName(timeZone)}`;
}

/** «2027-03-31» → «31.03.2027» (how people type and read dates); '' for anything else. */
export function isoDateToRu(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : '';
}

/** «31.03.2027» → «2027-03-31»; null unless it is a whole, real calendar date (no 31.02, no 00.13). */
export function ruDateToIso(text: string): string | null {
  const m = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(text.trim());
  if (!m) return null;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  const real =
    year >= 1900 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real ? `${m[3]}-${m[2]}-${m[1]}` : null;
}

/** A calendar date «2023-05-01» (no zone: it already is local) → «1 мая 2023 г.» */
export function formatIsoDate(iso: string): string {
  return formatDate(`${iso}T12:00:00Z`, 'UTC');
}

const MONTHS = [
  'январь',
  'февраль',
  'март',
  'апрель',
  'май',
  'июнь',
  'июль',
  'август',
  'сентябрь',
  'октябрь',
  'ноябрь',
  'декабрь',
];

/** A month «2023-05» in the nominative, as a chart axis names it: «май 2023». */
export function formatMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return `${MONTHS[m - 1]} ${y}`;
}

/** «май – июнь 2023 г.», «1 – 15 мая 2023 г.», «1 мая 2023 г.» for calendar dates (YYYY-MM-DD). */
export function formatIsoRange(start: string, end: string): string {
  if (start === end) return formatIsoDate(start);
  const [sy, sm, sd] = start.split('-').map(Number);
  const [ey, em, ed] = end.split('-').map(Number);
  const lastDay = new Date(Date.UTC(ey, em, 0)).getUTCDate();
  const wholeMonths = sd === 1 && ed === lastDay;
  if (wholeMonths) {
    if (sy === ey && sm === em) return `${MONTHS[sm - 1]} ${sy} г.`;
    if (sy === ey) return `${MONTHS[sm - 1]} – ${MONTHS[em - 1]} ${sy} г.`;
    return `${MONTHS[sm - 1]} ${sy} г. – ${MONTHS[em - 1]} ${ey} г.`;
  }
  if (sy === ey && sm === em) return `${sd} – ${formatIsoDate(end)}`;
  if (sy === ey) return `${formatIsoDate(start).replace(/ \d{4} г\.$/, '')} – ${formatIsoDate(end)}`;
  return `${formatIsoDate(start)} – ${formatIsoDate(end)}`;
}

/** Local calendar date (YYYY-MM-DD) of an instant in a zone. */
export function localIsoDate(value: Date | string, timeZone: string): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}

/** The UTC offset of a zone at an instant, as «+08:00». */
export function zoneOffset(timeZone: string, at: Date = new Date()): string {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  const match = name?.match(/GMT([+-]\d{2}:\d{2})/);
  return match ? match[1] : '+00:00';
}

/** Start and end of local calendar days as ISO instants with the zone's offset (for hand-set dates). */
export function localDayBounds(start: string, end: string, timeZone: string): { opensAt: string; deadline: string } {
  const offsetOf = (iso: string) => zoneOffset(timeZone, new Date(`${iso}T12:00:00Z`));
  return {
    opensAt: `${start}T00:00:00${offsetOf(start)}`,
    deadline: `${end}T23:59:59${offsetOf(end)}`,
  };
}
