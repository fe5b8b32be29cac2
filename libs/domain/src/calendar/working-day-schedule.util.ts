// When reminders, overdue notices and escalations go out: counted in working days of the production
// calendar and sent at the cycle's local hour. Pure and deterministic (workflow-safe).
import type { PlannedReminder } from '../schedule/reminder-schedule.util';
import { WorkingCalendar, type CalendarOverrides } from './working-calendar';
import { DEFAULT_SEND_TIME, localDateOfInstant, localTimeToInstant, type LocalTime } from './zone-offset.util';

export const DEFAULT_REMINDER_WORKING_DAYS: readonly number[] = [7, 1];

export interface WorkingDayTiming {
  /** The cycle's IANA zone, e.g. Asia/Irkutsk. */
  timeZone: string;
  /** Only for a zone outside the Russian table: its offset from UTC, resolved before the workflow. */
  utcOffsetMinutes?: number;
  /** Local time mail goes out at; 09:00 by default. */
  sendAt?: LocalTime;
  /** The calendar, or the cycle's/region's overrides of the shipped one. */
  calendar?: WorkingCalendar | CalendarOverrides;
}

function calendarOf(timing: WorkingDayTiming): WorkingCalendar {
  return timing.calendar instanceof WorkingCalendar ? timing.calendar : new WorkingCalendar(timing.calendar);
}

/** The local date a deadline belongs to (a deadline at 24:00 belongs to the day before). */
function deadlineDate(deadline: number, timing: WorkingDayTiming): string {
  return localDateOfInstant(deadline - 1, timing.timeZone, timing.utcOffsetMinutes);
}

function slot(date: string, timing: WorkingDayTiming): number {
  return localTimeToInstant(date, timing.sendAt ?? DEFAULT_SEND_TIME, timing.timeZone, timing.utcOffsetMinutes);
}

export interface WorkingDayReminderInput extends WorkingDayTiming {
  /** Epoch ms when the event opens. */
  opensAt: number;
  /** Epoch ms of the deadline. */
  deadline: number;
  /** Working days before the deadline, e.g. [7, 1]. */
  daysBefore?: readonly number[];
}

/**
 * Reminders N working days before the deadline's local date, at the local send time, in time order.
 * One that would fall before the event opens goes on the first working day's send time after the
 * opening instead (or at the opening itself when no such slot precedes the deadline); reminders
 * that collapse onto one instant are sent once.
 */
export function planWorkingDayReminders(input: WorkingDayReminderInput): PlannedReminder[] {
  const { opensAt, deadline } = input;
  if (!(deadline > opensAt)) return [];
  const calendar = calendarOf(input);
  const due = deadlineDate(deadline, input);
  const days = [
    ...new Set((input.daysBefore ?? DEFAULT_REMINDER_WORKING_DAYS).filter((d) => Number.isInteger(d) && d > 0)),
  ].sort((a, b) => b - a);
  const planned: PlannedReminder[] = [];
  for (const daysBefore of days) {
    let dueAt = slot(calendar.subtractWorkingDays(due, daysBefore), input);
    if (dueAt < opensAt) dueAt = firstSlotAtOrAfter(opensAt, deadline, calendar, input);
    if (planned.some((p) => p.dueAt === dueAt)) continue;
    planned.push({ index: planned.length, daysBefore, dueAt });
  }
  return planned;
}

function firstSlotAtOrAfter(
  instant: number,
  before: number,
  calendar: WorkingCalendar,
  timing: WorkingDayTiming,
): number {
  let date = calendar.workingDayOnOrAfter(localDateOfInstant(instant, timing.timeZone, timing.utcOffsetMinutes));
  if (slot(date, timing) < instant) date = calendar.nextWorkingDay(date);
  const candidate = slot(date, timing);
  return candidate < before ? candidate : instant;
}

/** The overdue notice: the first working day after the deadline's local date, at the local send time. */
export function overdueNoticeAt(input: WorkingDayTiming & { deadline: number }): number {
  return slot(calendarOf(input).nextWorkingDay(deadlineDate(input.deadline, input)), input);
}

export const ESCALATION_LEVELS = ['executor', 'municipal_coordinator', 'regional_coordinator'] as const;

export type EscalationLevel = (typeof ESCALATION_LEVELS)[number];

export const ESCALATION_LEVEL_NAMES: Readonly<Record<EscalationLevel, string>> = {
  executor: 'исполнитель',
  municipal_coordinator: 'муниципальный координатор',
  regional_coordinator: 'региональный координатор',
};

export interface EscalationStep {
  level: EscalationLevel;
  /** Working days after the deadline's date on which this level is told (1 = the next working day). */
  afterWorkingDays: number;
}

/** Executor on the first working day after the deadline, then the municipal, then the regional coordinator. */
export const DEFAULT_ESCALATION_CHAIN: readonly EscalationStep[] = [
  { level: 'executor', afterWorkingDays: 1 },
  { level: 'municipal_coordinator', afterWorkingDays: 3 },
  { level: 'regional_coordinator', afterWorkingDays: 5 },
];

export const MAX_ESCALATION_WORKING_DAYS = 60;

/** Problems of a chain set per cycle, in Russian, each naming its step; empty when it is fine. */
export function escalationChainProblems(chain: readonly EscalationStep[]): string[] {
  const problems: string[] = [];
  if (chain.length === 0) return ['Эскалация: цепочка пуста, первым шагом должен быть исполнитель'];
  if (chain[0].level !== 'executor')
    problems.push('Эскалация, шаг 1: первым шагом должен быть исполнитель (уведомление о просрочке)');
  const seen = new Set<string>();
  chain.forEach((step, i) => {
    const name = `Эскалация, шаг ${i + 1}`;
    if (!Object.prototype.hasOwnProperty.call(ESCALATION_LEVEL_NAMES, step.level))
      problems.push(`${name}: неизвестный адресат «${String(step.level)}»`);
    else if (seen.has(step.level))
      problems.push(`${name}: адресат «${ESCALATION_LEVEL_NAMES[step.level]}» уже есть в цепочке`);
    seen.add(step.level);
    const n = step.afterWorkingDays;
    if (!Number.isInteger(n) || n < 1 || n > MAX_ESCALATION_WORKING_DAYS)
      problems.push(
        `${name}: число рабочих дней должно быть целым от 1 до ${MAX_ESCALATION_WORKING_DAYS}, получено ${String(n)}`,
      );
    else if (i > 0 && !(n > chain[i - 1].afterWorkingDays))
      problems.push(`${name}: число рабочих дней должно быть больше, чем у шага ${i}`);
  });
  return problems;
}

export interface PlannedEscalation extends EscalationStep {
  /** Stable index, part of the idempotency key of the e-mail. */
  index: number;
  /** Epoch ms at which this level is told. */
  dueAt: number;
}

/** The chain's send instants after a deadline, in order. The chain must be valid (see escalationChainProblems). */
export function planEscalation(
  input: WorkingDayTiming & { deadline: number; chain?: readonly EscalationStep[] },
): PlannedEscalation[] {
  const calendar = calendarOf(input);
  const due = deadlineDate(input.deadline, input);
  return (input.chain ?? DEFAULT_ESCALATION_CHAIN).map((step, index) => ({
    ...step,
    index,
    dueAt: slot(calendar.addWorkingDays(due, step.afterWorkingDays), input),
  }));
}

const ESCALATION_KEY_INFIX = '/escalation/';

/**
 * The idempotency key of one level's letters about an overdue item (`<item key>/escalation/<level>`):
 * sent once, whatever later edits of the chain reorder. The school workflow names its notices by it.
 */
export function escalationKey(itemKey: string, level: EscalationLevel): string {
  return `${itemKey}${ESCALATION_KEY_INFIX}${level}`;
}

/** The item and level an escalation key names; null for any other notice key. */
export function parseEscalationKey(key: string): { itemKey: string; level: EscalationLevel } | null {
  const at = key.lastIndexOf(ESCALATION_KEY_INFIX);
  if (at < 0) return null;
  const level = key.slice(at + ESCALATION_KEY_INFIX.length);
  return (ESCALATION_LEVELS as readonly string[]).includes(level)
    ? { itemKey: key.slice(0, at), level: level as EscalationLevel }
    : null;
}
