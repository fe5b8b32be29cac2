// The status of a roadmap event and of each of its occurrences, from its plan, the evidence and the
// coordinator's decisions at one instant. Pure and deterministic (workflow-safe: no luxon, no I/O):
// the event workflow, the API and the report all take the rules from here.
import type { IndicatorKind } from '../roadmap/roadmap.model';

export type EventStatusCode =
  | 'not_started'
  | 'open'
  | 'met'
  | 'at_risk'
  | 'overdue'
  | 'not_met'
  | 'closed_early'
  | 'cancelled'
  | 'awaiting_schedule';

export const EVENT_STATUS_CODES: readonly EventStatusCode[] = [
  'not_started',
  'open',
  'met',
  'at_risk',
  'overdue',
  'not_met',
  'closed_early',
  'cancelled',
  'awaiting_schedule',
];

/** The words people see (design.md «Words people see»). */
export const EVENT_STATUS_TITLES_RU: Record<EventStatusCode, string> = {
  not_started: 'Не начато',
  open: 'Открыто',
  met: 'Выполнено',
  at_risk: 'Под угрозой',
  overdue: 'Просрочено',
  not_met: 'Не выполнено',
  closed_early: 'Закрыто досрочно',
  cancelled: 'Отменено',
  awaiting_schedule: 'Ожидает графика',
};

/** What each occurrence must reach. */
export interface EventTarget {
  kind: IndicatorKind;
  /** count: at least N per occurrence; coverage: the percentage of participant schools; else 1. */
  min: number;
  /** The required report form (справка, протокол…), for document indicators and the plain-words text. */
  document: string | null;
}

export interface OccurrenceWindow {
  index: number;
  /** Russian label: «сентябрь 2023 г.», «I квартал 2024 г.». */
  label: string;
  /** Epoch ms. */
  opensAt: number;
  deadline: number;
  /** Epoch ms of the reminders before the deadline, at the cycle's local hour; absent: planned from the deadline alone. */
  remindAt?: number[];
  /** Past at launch and the coordinator chose to skip to the next occurrence: not tracked. */
  skipped?: boolean;
}

/** What the status needs to know of one evidence record. */
export interface EvidenceFact {
  id: string;
  occurrenceIndex: number;
  /** Participants or things; null counts as one. */
  count: number | null;
  schoolIds: string[];
  /** Files attached (a document indicator needs one). */
  files: number;
  removed: boolean;
}

/** A coordinator's judgement of a text indicator for one occurrence. */
export interface TextVerdict {
  occurrenceIndex: number;
  met: boolean;
  comment: string;
}

export interface EventControl {
  cancelled: boolean;
  /** Epoch ms when the coordinator closed the event early; null otherwise. */
  closedEarlyAt: number | null;
  /** The event stopped accepting late evidence: unmet occurrences are «не выполнено», not «просрочено». */
  finalized: boolean;
}

export interface EventFacts {
  target: EventTarget;
  occurrences: readonly OccurrenceWindow[];
  awaitingSchedule: boolean;
  /** The schools a coverage counts (the participants of the population the indicator names). */
  participantSchoolIds: readonly string[];
  /** Schools the school workflows report as having done the event's pipeline stage («100% ШНОР провели самодиагностику»). */
  pipelineCoveredSchoolIds: readonly string[];
  evidence: readonly EvidenceFact[];
  verdicts: readonly TextVerdict[];
  control: EventControl;
}

export interface OccurrenceProgress {
  index: number;
  label: string;
  opensAt: number;
  deadline: number;
  status: EventStatusCode | 'skipped';
  /** count: things recorded; coverage: percent of participants; document: files; text: 1 when judged met. */
  achieved: number;
  target: number;
  /** Schools covered, for coverage indicators (also per-school obligations). */
  coveredSchools: number;
  evidenceCount: number;
}

export interface EventProgressSummary {
  status: EventStatusCode;
  occurrences: OccurrenceProgress[];
  /** 0..100: mean fulfilment of the occurrences opened so far (the dashboard's bar). */
  progressPercent: number;
  occurrencesMet: number;
  occurrencesTracked: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * How much of an occurrence's window must pass before a forecast is trusted: earlier, a slow start
 * says little. The forecast is linear (what was achieved, scaled to the whole window).
 */
export const FORECAST_FROM_FRACTION = 0.5;
/** Document and text indicators have nothing to extrapolate: they are at risk in their last week. */
export const LAST_WEEK_MS = 7 * DAY_MS;

/** What one occurrence has reached so far. */
export function achievedFor(
  facts: EventFacts,
  occurrenceIndex: number,
): { achieved: number; covered: number; records: number } {
  const evidence = facts.evidence.filter((e) => !e.removed && e.occurrenceIndex === occurrenceIndex);
  const participants = new Set(facts.participantSchoolIds);
  const covered = new Set<string>();
  for (const e of evidence) for (const s of e.schoolIds) if (participants.has(s)) covered.add(s);
  if (facts.target.kind === 'coverage')
    for (const s of facts.pipelineCoveredSchoolIds) if (participants.has(s)) covered.add(s);
  const records = evidence.length;
  switch (facts.target.kind) {
    case 'count':
      return { achieved: evidence.reduce((sum, e) => sum + (e.count ?? 1), 0), covered: covered.size, records };
    case 'coverage': {
      const percent = participants.size === 0 ? 0 : Math.floor((covered.size * 100) / participants.size);
      return { achieved: percent, covered: covered.size, records };
    }
    case 'document':
      return { achieved: evidence.reduce((sum, e) => sum + e.files, 0), covered: covered.size, records };
    case 'text': {
      const verdict = lastVerdict(facts.verdicts, occurrenceIndex);
      return { achieved: verdict?.met ? 1 : 0, covered: covered.size, records };
    }
  }
}

function lastVerdict(verdicts: readonly TextVerdict[], occurrenceIndex: number): TextVerdict | undefined {
  return verdicts.filter((v) => v.occurrenceIndex === occurrenceIndex).at(-1);
}

/** The target an occurrence must reach, in the units of `achievedFor`. */
export function targetOf(target: EventTarget): number {
  return target.kind === 'count' || target.kind === 'coverage' ? Math.max(1, target.min) : 1;
}

/**
 * «Под угрозой»: the window is open, the target not reached, and the progress so far says it will
 * not be reached by the deadline.
 */
export function forecastMisses(
  kind: IndicatorKind,
  achieved: number,
  target: number,
  window: Pick<OccurrenceWindow, 'opensAt' | 'deadline'>,
  now: number,
): boolean {
  if (achieved >= target || now < window.opensAt || now > window.deadline) return false;
  const length = window.deadline - window.opensAt;
  if (kind === 'document' || kind === 'text') return window.deadline - now <= Math.min(LAST_WEEK_MS, length / 2);
  const fraction = (now - window.opensAt) / length;
  if (fraction < FORECAST_FROM_FRACTION) return false;
  return achieved / fraction < target;
}

export function occurrenceStatus(facts: EventFacts, window: OccurrenceWindow, now: number): OccurrenceProgress {
  const { achieved, covered, records } = achievedFor(facts, window.index);
  const target = targetOf(facts.target);
  const base = {
    index: window.index,
    label: window.label,
    opensAt: window.opensAt,
    deadline: window.deadline,
    achieved,
    target,
    coveredSchools: covered,
    evidenceCount: records,
  };
  return { ...base, status: statusOf(facts, window, now, achieved, target) };
}

function statusOf(
  facts: EventFacts,
  window: OccurrenceWindow,
  now: number,
  achieved: number,
  target: number,
): OccurrenceProgress['status'] {
  if (window.skipped) return 'skipped';
  if (facts.control.cancelled) return 'cancelled';
  if (achieved >= target) return 'met';
  if (facts.target.kind === 'text') {
    const verdict = lastVerdict(facts.verdicts, window.index);
    if (verdict && !verdict.met) return 'not_met';
  }
  const closedAt = facts.control.closedEarlyAt;
  if (closedAt !== null && closedAt <= window.deadline) return 'closed_early';
  if (now < window.opensAt) return 'not_started';
  if (now <= window.deadline) {
    return forecastMisses(facts.target.kind, achieved, target, window, now) ? 'at_risk' : 'open';
  }
  return facts.control.finalized ? 'not_met' : 'overdue';
}

/** The event's status and every occurrence's, at `now`. */
export function evaluateEvent(facts: EventFacts, now: number): EventProgressSummary {
  const occurrences = facts.occurrences.map((w) => occurrenceStatus(facts, w, now));
  const tracked = occurrences.filter((o) => o.status !== 'skipped');
  const opened = tracked.filter((o) => o.status !== 'not_started' && o.status !== 'cancelled');
  const progressPercent = opened.length
    ? Math.round((opened.reduce((sum, o) => sum + Math.min(1, o.achieved / o.target), 0) * 100) / opened.length)
    : 0;
  const occurrencesMet = tracked.filter((o) => o.status === 'met').length;
  return {
    status: overallStatus(
      facts,
      tracked.map((o) => o.status as EventStatusCode),
    ),
    occurrences,
    progressPercent,
    occurrencesMet,
    occurrencesTracked: tracked.length,
  };
}

function overallStatus(facts: EventFacts, statuses: EventStatusCode[]): EventStatusCode {
  if (facts.control.cancelled) return 'cancelled';
  if (facts.awaitingSchedule) return 'awaiting_schedule';
  if (statuses.length === 0) return 'closed_early';
  const any = (s: EventStatusCode) => statuses.includes(s);
  if (statuses.every((s) => s === 'met')) return 'met';
  if (facts.control.closedEarlyAt !== null) return 'closed_early';
  if (any('overdue')) return 'overdue';
  if (any('at_risk')) return 'at_risk';
  if (any('not_met')) return 'not_met';
  if (any('open') || any('met')) return 'open';
  return 'not_started';
}
