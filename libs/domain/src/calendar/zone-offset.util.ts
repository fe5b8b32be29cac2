// UTC offsets of the Russian time zones, as a fixed table rather than the runtime's tz database.
// Russia has had no daylight saving time since 26 October 2014 and the last offset change of a
// Russian zone was Volgograd's (UTC+4 → UTC+3) on 27 December 2020, so for the calendar years this
// code plans (2021 on) one offset per zone is exact. A table keeps workflow code deterministic:
// replaying a history on a worker with another ICU/tzdata build cannot move a send time. A new
// legal change means a new entry here and `patched()` in the workflows that plan with it.
import type { IsoDate } from '../roadmap/roadmap.model';
import { DAY_MS, isoDateOfEpochDay, requireEpochDay } from './calendar-date.util';

const RUSSIAN_ZONE_OFFSETS_MIN: Readonly<Record<string, number>> = {
  'Europe/Kaliningrad': 120,
  'Europe/Moscow': 180,
  'Europe/Simferopol': 180,
  'Europe/Kirov': 180,
  'Europe/Volgograd': 180,
  'Europe/Astrakhan': 240,
  'Europe/Saratov': 240,
  'Europe/Ulyanovsk': 240,
  'Europe/Samara': 240,
  'Asia/Yekaterinburg': 300,
  'Asia/Omsk': 360,
  'Asia/Novosibirsk': 420,
  'Asia/Barnaul': 420,
  'Asia/Tomsk': 420,
  'Asia/Novokuznetsk': 420,
  'Asia/Krasnoyarsk': 420,
  'Asia/Irkutsk': 480,
  'Asia/Chita': 540,
  'Asia/Yakutsk': 540,
  'Asia/Khandyga': 540,
  'Asia/Vladivostok': 600,
  'Asia/Ust-Nera': 600,
  'Asia/Magadan': 660,
  'Asia/Sakhalin': 660,
  'Asia/Srednekolymsk': 660,
  'Asia/Kamchatka': 720,
  'Asia/Anadyr': 720,
  UTC: 0,
  'Etc/UTC': 0,
};

export const RUSSIAN_TIME_ZONES: readonly string[] = Object.keys(RUSSIAN_ZONE_OFFSETS_MIN).filter(
  (z) => z.includes('/') && !z.startsWith('Etc/'),
);

/**
 * The zone's offset from UTC in minutes (Irkutsk: 480), or null for a zone outside the table:
 * then the caller resolves it once outside the workflow (e.g. with luxon at launch) and passes
 * `utcOffsetMinutes` explicitly.
 */
export function zoneOffsetMinutes(timeZone: string): number | null {
  if (Object.prototype.hasOwnProperty.call(RUSSIAN_ZONE_OFFSETS_MIN, timeZone))
    return RUSSIAN_ZONE_OFFSETS_MIN[timeZone];
  const etc = /^Etc\/GMT([+-])(\d{1,2})$/.exec(timeZone); // POSIX sign: Etc/GMT-8 is UTC+8
  if (etc) return (etc[1] === '-' ? 1 : -1) * Number(etc[2]) * 60;
  return null;
}

export function requireZoneOffsetMinutes(timeZone: string, utcOffsetMinutes?: number): number {
  if (utcOffsetMinutes !== undefined) return utcOffsetMinutes;
  const offset = zoneOffsetMinutes(timeZone);
  if (offset === null)
    throw new Error(`Часовой пояс «${timeZone}» не из списка российских: передайте его смещение от UTC явно`);
  return offset;
}

/** The instant (epoch ms) of a local wall-clock time on a local date in the zone. */
export function localTimeToInstant(
  date: IsoDate,
  time: LocalTime,
  timeZone: string,
  utcOffsetMinutes?: number,
): number {
  const offset = requireZoneOffsetMinutes(timeZone, utcOffsetMinutes);
  return requireEpochDay(date) * DAY_MS + (time.hour * 60 + time.minute - offset) * 60_000;
}

/** The local calendar date of an instant in the zone. */
export function localDateOfInstant(instant: number, timeZone: string, utcOffsetMinutes?: number): IsoDate {
  const offset = requireZoneOffsetMinutes(timeZone, utcOffsetMinutes);
  return isoDateOfEpochDay(Math.floor((instant + offset * 60_000) / DAY_MS));
}

export interface LocalTime {
  hour: number;
  minute: number;
}

export const DEFAULT_SEND_TIME: LocalTime = { hour: 9, minute: 0 };

/** 'HH:MM' (00:00–23:59) → a local time, or null. */
export function parseLocalTime(value: string): LocalTime | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value);
  return match ? { hour: Number(match[1]), minute: Number(match[2]) } : null;
}
