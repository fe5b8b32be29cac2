// Working days on the Russian production calendar: pure and deterministic (workflow-safe).
import type { IsoDate } from '../roadmap/roadmap.model';
import { RUSSIAN_PRODUCTION_CALENDAR, type ProductionCalendarYear } from './production-calendar.data';
import {
  epochDayOf,
  isoDateOfEpochDay,
  isWeekend,
  requireEpochDay,
  weekdayOfEpochDay,
  yearOfEpochDay,
} from './calendar-date.util';

/**
 * What a cycle or region changes in the shipped calendar. Plain JSON, so it can travel in a
 * workflow's input or an activity's result.
 */
export interface CalendarOverrides {
  /** Whole years loaded from a production-calendar file; they replace the shipped year. */
  years?: readonly ProductionCalendarYear[];
  /** Extra non-working days, e.g. a region's own holidays (YYYY-MM-DD). */
  extraDaysOff?: readonly IsoDate[];
  /** Extra working days (YYYY-MM-DD), e.g. a working Saturday the shipped data lacks. */
  extraWorkingDays?: readonly IsoDate[];
}

/** A search never runs further than this many days: a calendar with no working day is a data error. */
const MAX_SCAN_DAYS = 3_700;

// Public holidays of Labour Code art. 112 (MM-DD); January 1–8 are moved only by a decree.
const FIXED_HOLIDAYS = [
  '01-01',
  '01-02',
  '01-03',
  '01-04',
  '01-05',
  '01-06',
  '01-07',
  '01-08',
  '02-23',
  '03-08',
  '05-01',
  '05-09',
  '06-12',
  '11-04',
];

/**
 * A year the shipped data does not cover: the art. 112 rule alone (holidays, and a holiday on a
 * weekend outside January moves to the next working day), without a decree's transfers.
 */
export function baselineCalendarYear(year: number): ProductionCalendarYear {
  const dayOff = new Set<number>(FIXED_HOLIDAYS.map((md) => requireEpochDay(`${year}-${md}`)));
  for (const md of FIXED_HOLIDAYS) {
    if (md.startsWith('01-')) continue;
    const day = requireEpochDay(`${year}-${md}`);
    if (!isWeekend(day)) continue;
    let next = day + 1;
    while (isWeekend(next) || dayOff.has(next)) next += 1;
    dayOff.add(next);
  }
  return {
    year,
    dayOff: [...dayOff].sort((a, b) => a - b).map((d) => isoDateOfEpochDay(d).slice(5)),
    workingWeekend: [],
    source: 'Трудовой кодекс РФ, ст. 112 (без переносов по постановлению)',
    provisional: true,
  };
}

export class WorkingCalendar {
  private readonly years = new Map<number, ProductionCalendarYear>();
  private readonly exceptions = new Map<number, Map<number, boolean>>();
  private readonly extraOff: ReadonlySet<number>;
  private readonly extraWorking: ReadonlySet<number>;

  constructor(overrides: CalendarOverrides = {}) {
    for (const year of RUSSIAN_PRODUCTION_CALENDAR) this.years.set(year.year, year);
    for (const year of overrides.years ?? []) this.years.set(year.year, year);
    this.extraOff = new Set((overrides.extraDaysOff ?? []).map(requireEpochDay));
    this.extraWorking = new Set((overrides.extraWorkingDays ?? []).map(requireEpochDay));
  }

  /** The calendar year in use (loaded, shipped, or the art. 112 baseline). */
  yearData(year: number): ProductionCalendarYear {
    return this.years.get(year) ?? baselineCalendarYear(year);
  }

  isWorkingDay(date: IsoDate): boolean {
    return this.isWorkingEpochDay(requireEpochDay(date));
  }

  /** The date `count` working days after `date` (before it when negative); `date` itself for 0. */
  addWorkingDays(date: IsoDate, count: number): IsoDate {
    if (!Number.isInteger(count)) throw new Error(`Число рабочих дней должно быть целым: ${count}`);
    const step = count < 0 ? -1 : 1;
    let day = requireEpochDay(date);
    let left = Math.abs(count);
    let scanned = 0;
    while (left > 0) {
      day += step;
      if (this.isWorkingEpochDay(day)) left -= 1;
      if (++scanned > MAX_SCAN_DAYS + Math.abs(count) * 2) throw new Error('В календаре нет рабочих дней');
    }
    return isoDateOfEpochDay(day);
  }

  subtractWorkingDays(date: IsoDate, count: number): IsoDate {
    return this.addWorkingDays(date, -count);
  }

  /** The first working day strictly after `date`. */
  nextWorkingDay(date: IsoDate): IsoDate {
    return this.addWorkingDays(date, 1);
  }

  /** `date` itself if it is a working day, else the next one. */
  workingDayOnOrAfter(date: IsoDate): IsoDate {
    return this.isWorkingDay(date) ? date : this.nextWorkingDay(date);
  }

  /** Working days from `from` to `to`, both included. */
  countWorkingDays(from: IsoDate, to: IsoDate): number {
    let count = 0;
    for (let day = requireEpochDay(from), last = requireEpochDay(to); day <= last; day += 1)
      if (this.isWorkingEpochDay(day)) count += 1;
    return count;
  }

  workingDaysInYear(year: number): number {
    return this.countWorkingDays(`${year}-01-01`, `${year}-12-31`);
  }

  private isWorkingEpochDay(day: number): boolean {
    if (this.extraOff.has(day)) return false;
    if (this.extraWorking.has(day)) return true;
    const exception = this.yearExceptions(yearOfEpochDay(day)).get(day);
    return exception ?? weekdayOfEpochDay(day) % 6 !== 0;
  }

  private yearExceptions(year: number): Map<number, boolean> {
    let map = this.exceptions.get(year);
    if (!map) {
      const data = this.yearData(year);
      map = new Map();
      for (const md of data.dayOff) map.set(requireEpochDay(`${year}-${md}`), false);
      for (const md of data.workingWeekend) map.set(requireEpochDay(`${year}-${md}`), true);
      this.exceptions.set(year, map);
    }
    return map;
  }
}

/** True for a real YYYY-MM-DD date. */
export function isIsoDate(value: string): boolean {
  return epochDayOf(value) !== null;
}
