// The occurrences an event is tracked in, from the period the importer parsed: dated windows,
// several occurrences («Сентябрь, Декабрь»), recurrences (each month / week / quarter on its own),
// «В течение года» (one window with a periodic nudge) and «По графику» (waits for dates).
import { DateTime } from 'luxon';
import type { IndicatorPer, IsoDate, Recurrence, RoadmapIndicator, RoadmapPeriod } from '../roadmap/roadmap.model';
import { endOfLocalDay, startOfLocalDay } from '../schedule/local-time.util';
import { planWorkingDayReminders, type CalendarOverrides } from '../calendar';
import type { EventTarget, OccurrenceWindow } from './event-status.util';

export interface OccurrencePlan {
  occurrences: OccurrenceWindow[];
  /** «По графику»: nothing to track until a coordinator sets the dates. */
  awaitingSchedule: boolean;
  /** «В течение года» tracked as one window: remind every N days while it is open. Null: no nudge. */
  nudgeEveryDays: number | null;
}

/**
 * The reminder instants of a window: N working days (production calendar) before its deadline's
 * local date, at the cycle's local send hour, never before it opens.
 */
export function reminderInstants(
  window: { opensAt: number; deadline: number },
  daysBefore: readonly number[],
  timeZone: string,
  /** The installation's changes to the shipped calendar (loaded years, a region's extra days). */
  calendar?: CalendarOverrides,
): number[] {
  return planWorkingDayReminders({
    opensAt: window.opensAt,
    deadline: window.deadline,
    daysBefore,
    timeZone,
    calendar,
  }).map((r) => r.dueAt);
}

/** A year-long window is nudged monthly: one reminder a week before the end would come too late to plan. */
export const WHOLE_CYCLE_NUDGE_DAYS = 30;

type Unit = 'week' | 'month' | 'quarter';

/** Which unit a period is split into: a recurrence in the period, else «в месяц» in the indicator. */
function splitUnit(recurrence: Recurrence | null, per: IndicatorPer | null): Unit | null {
  if (recurrence === 'weekly') return 'week';
  if (recurrence === 'monthly') return 'month';
  if (recurrence === 'quarterly') return 'quarter';
  if (per === 'week' || per === 'month' || per === 'quarter') return per;
  return null;
}

export function planOccurrences(
  period: RoadmapPeriod,
  indicator: Pick<RoadmapIndicator, 'per'> | null,
  timeZone: string,
): OccurrencePlan {
  if (period.toBeScheduled || !period.start || !period.end) {
    return { occurrences: [], awaitingSchedule: true, nudgeEveryDays: null };
  }
  const unit = splitUnit(period.recurrence, indicator?.per ?? null);
  const spans: { start: IsoDate; end: IsoDate }[] = unit
    ? splitSpan(period.start, period.end, unit)
    : period.occurrences.length > 1
      ? period.occurrences
      : [{ start: period.start, end: period.end }];
  const occurrences = spans.map((span, index) => windowOf(index, span.start, span.end, timeZone, unit));
  return {
    occurrences,
    awaitingSchedule: false,
    nudgeEveryDays: period.wholeCycle && occurrences.length === 1 ? WHOLE_CYCLE_NUDGE_DAYS : null,
  };
}

/** Dates a coordinator set by hand (a «По графику» event dated, or a period moved): one window each. */
export function windowsFromDates(
  dates: readonly { opensAt: string; deadline: string }[],
  timeZone: string,
): OccurrenceWindow[] {
  return dates.map((d, index) => {
    const opensAt = Date.parse(d.opensAt);
    const deadline = Date.parse(d.deadline);
    return { index, opensAt, deadline, label: rangeLabel(new Date(opensAt), new Date(deadline), timeZone) };
  });
}

function windowOf(index: number, start: IsoDate, end: IsoDate, timeZone: string, unit: Unit | null): OccurrenceWindow {
  const opensAt = startOfLocalDay(start, timeZone);
  const deadline = endOfLocalDay(end, timeZone);
  const label = unit === 'quarter' ? quarterLabel(start) : rangeLabel(opensAt, deadline, timeZone);
  return { index, label, opensAt: opensAt.getTime(), deadline: deadline.getTime() };
}

function splitSpan(start: IsoDate, end: IsoDate, unit: Unit): { start: IsoDate; end: IsoDate }[] {
  const last = DateTime.fromISO(end, { zone: 'utc' });
  const spans: { start: IsoDate; end: IsoDate }[] = [];
  let cursor = DateTime.fromISO(start, { zone: 'utc' });
  while (cursor <= last) {
    const unitEnd = cursor.endOf(unit === 'week' ? 'week' : unit).startOf('day');
    const spanEnd = unitEnd < last ? unitEnd : last;
    spans.push({ start: cursor.toISODate() as IsoDate, end: spanEnd.toISODate() as IsoDate });
    cursor = spanEnd.plus({ days: 1 });
  }
  return spans;
}

const MONTHS_NOMINATIVE = [
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
const MONTHS_GENITIVE = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
];
const QUARTERS = ['I', 'II', 'III', 'IV'];

function quarterLabel(start: IsoDate): string {
  const d = DateTime.fromISO(start, { zone: 'utc' });
  return `${QUARTERS[d.quarter - 1]} квартал ${d.year} г.`;
}

/** «29 ноября 2026 г.» */
export function russianDate(instant: Date, timeZone: string): string {
  const d = DateTime.fromJSDate(instant, { zone: timeZone });
  return `${d.day} ${MONTHS_GENITIVE[d.month - 1]} ${d.year} г.`;
}

/**
 * «май 2023 г.», «май – июнь 2023 г.» for whole months; «17 – 20 октября 2023 г.» and the like for
 * other spans (design.md «Words people see»).
 */
export function rangeLabel(opensAt: Date, deadline: Date, timeZone: string): string {
  const a = DateTime.fromJSDate(opensAt, { zone: timeZone });
  const b = DateTime.fromJSDate(deadline, { zone: timeZone });
  const wholeMonths = a.day === 1 && b.day === b.daysInMonth;
  if (wholeMonths) {
    if (a.year === b.year && a.month === b.month) return `${MONTHS_NOMINATIVE[a.month - 1]} ${a.year} г.`;
    if (a.year === b.year) return `${MONTHS_NOMINATIVE[a.month - 1]} – ${MONTHS_NOMINATIVE[b.month - 1]} ${b.year} г.`;
    return `${MONTHS_NOMINATIVE[a.month - 1]} ${a.year} г. – ${MONTHS_NOMINATIVE[b.month - 1]} ${b.year} г.`;
  }
  if (a.hasSame(b, 'day')) return russianDate(opensAt, timeZone);
  if (a.year === b.year && a.month === b.month)
    return `${a.day} – ${b.day} ${MONTHS_GENITIVE[b.month - 1]} ${b.year} г.`;
  if (a.year === b.year)
    return `${a.day} ${MONTHS_GENITIVE[a.month - 1]} – ${b.day} ${MONTHS_GENITIVE[b.month - 1]} ${b.year} г.`;
  return `${russianDate(opensAt, timeZone)} – ${russianDate(deadline, timeZone)}`;
}

/** What each occurrence must reach, from the parsed indicator (a roadmap without one: at least one record). */
export function targetFromIndicator(indicator: RoadmapIndicator | null, reportForm: string | null): EventTarget {
  if (!indicator) return { kind: 'count', min: 1, document: reportForm };
  const document = indicator.document ?? reportForm ?? null;
  switch (indicator.kind) {
    case 'count':
      return { kind: 'count', min: Math.max(1, indicator.min ?? 1), document };
    case 'coverage':
      return { kind: 'coverage', min: Math.min(100, Math.max(1, indicator.min ?? 100)), document };
    case 'document':
    case 'text':
      return { kind: indicator.kind, min: 1, document };
  }
}

/** What is expected, in plain words, for «Мои мероприятия» and the report. */
export function expectationText(target: EventTarget, unit: string | null, perOccurrence: boolean): string {
  const per = perOccurrence ? ' за каждый период' : '';
  const doc = target.document ? `; приложите документ: ${target.document}` : '';
  switch (target.kind) {
    case 'count':
      return `Не менее ${target.min}${unit ? ` ${unit}` : ''}${per}${doc}`;
    case 'coverage':
      return `Охват ${target.min}% школ-участников${per}: отметьте школы, которые приняли участие${doc}`;
    case 'document':
      return `Приложите документ${target.document ? `: ${target.document}` : ''}${per}`;
    case 'text':
      return `Опишите, что сделано${per}; выполнение отмечает координатор${doc}`;
  }
}
