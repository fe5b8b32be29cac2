// The activity surface the workflows see. Workflows proxy this interface by type only;
// activities/ implements it over services.
import type { PersonRef, SchoolYearSetup, SchoolYearState, TimelineStep } from './school-cycle.contract';
import type {
  CalendarOverrides,
  EscalationLevel,
  EscalationStep,
  EventStatusCode,
  SchoolPipelineState,
  SchoolStage,
} from '@orientir/domain/workflow';
import type { EventDefinition, EvidenceCorrection, EvidenceInput, EvidenceRemoval } from './roadmap-event.contract';
import type { DailyDigestInput, DailyDigestResult } from './daily-digest.contract';

export type EventStatus = EventStatusCode;

/** One occurrence in the read model (ISO instants). */
export interface OccurrenceProgressRecord {
  index: number;
  label: string;
  opensAt: string;
  deadline: string;
  status: EventStatusCode | 'skipped';
  achieved: number;
  target: number;
  coveredSchools: number;
  evidenceCount: number;
}

/** The coordinator's decisions, as the read model shows them. */
export interface EventControlRecord {
  cancelledReason?: string;
  closedEarlyAt?: string;
  closedEarlyReason?: string;
  verdicts?: { occurrenceIndex: number; met: boolean; comment: string }[];
}

export interface EventProgressSnapshot {
  cycleId: string;
  eventId: string;
  workflowId: string;
  status: EventStatus;
  remindersSent: number;
  progressPercent?: number;
  occurrences?: OccurrenceProgressRecord[];
  occurrencesMet?: number;
  occurrencesTracked?: number;
  control?: EventControlRecord;
  /** Monotonic per workflow: a late retry never overwrites a newer snapshot. */
  sequence: number;
  /** Workflow time of the change, ISO. */
  changedAt: string;
}

export interface SchoolProgressSnapshot {
  cycleId: string;
  schoolId: string;
  workflowId: string;
  stage: SchoolPipelineState;
  round: number;
  lastRemarks: string | null;
  /** When the current stage is due, ISO (null or absent: no date); the school list derives overdue from it. */
  dueAt?: string | null;
  sequence: number;
  changedAt: string;
  /** Since the school year became real work: the stage's flags. */
  overdue?: boolean;
  rework?: boolean;
  curator?: PersonRef | null;
  /** The whole state, for `GET /api/schools/:id` without asking Temporal. */
  state?: SchoolYearState;
  /** Timeline steps since the last projection; stored once each (by school and step). */
  steps?: TimelineStep[];
}

export interface SchoolSetupInput {
  cycleId: string;
  schoolId: string;
}

/** A mail about one school (reminder, overdue escalation, late review, decision), sent through the outbox. */
export interface SchoolNoticeInput {
  workflowId: string;
  cycleId: string;
  schoolId: string;
  kind: 'reminder' | 'overdue' | 'review_overdue' | 'returned' | 'approved' | 'for_review' | 'curator_changed';
  audience: ('school_team' | 'curator' | 'coordinator' | 'regional_coordinator')[];
  /** With the workflow ID and the recipient, the idempotency key of the e-mail. */
  key: string;
  stage: SchoolPipelineState;
  round: number;
  dueAt: string | null;
  documentKey: string | null;
  /** The document's title as people read it (absent in notices scheduled before it was added). */
  documentTitle?: string | null;
  remarks: string | null;
  curator: PersonRef | null;
  /** Experts of the documents on review (they are told along with the curator). */
  experts: PersonRef[];
}

export interface EventReminderInput {
  cycleId: string;
  eventId: string;
  /** Which planned reminder this is; with the workflow ID it makes the e-mail idempotent. */
  reminderIndex: number;
  workflowId: string;
  /** Workflow time when the reminder went out, ISO (for the record and tests). */
  sentAt: string;
}

/**
 * How a cycle's overdue notices and escalations are timed, read by an activity at each planning step
 * (so a chain edited on a running cycle, or a calendar a coordinator changed, counts from the next
 * step on, and a replay sees the recorded answer).
 */
export interface NotificationTiming {
  timeZone: string;
  /** Only for a zone outside the Russian offset table. */
  utcOffsetMinutes?: number;
  /** The cycle's chain (the default one when the cycle never set its own). */
  chain: EscalationStep[];
  /** The installation's production-calendar changes (loaded years, a region's extra days). */
  calendar: CalendarOverrides;
}

/** An overdue notice (level executor) or an escalation step of one event occurrence. */
export interface EventEscalationInput {
  cycleId: string;
  eventId: string;
  workflowId: string;
  occurrenceIndex: number;
  level: EscalationLevel;
  /** The occurrence's deadline, ISO (the letter names it). */
  deadline: string;
  /** Workflow time when it went out, ISO (for the record and tests). */
  sentAt: string;
}

export interface EventReminderResult {
  recipients: number;
}

export interface StageCoverageInput {
  cycleId: string;
  stage: SchoolStage;
}

export interface OrientirActivities {
  projectEventProgress(snapshot: EventProgressSnapshot): Promise<void>;
  /** Reads the stored event and resolves its occurrences in the cycle's zone; non-retryable if it is gone. */
  loadEventDefinition(input: {
    cycleId: string;
    eventId: string;
    reminderDaysBefore: number[];
  }): Promise<EventDefinition>;
  /** Idempotent by evidence id: the row is written once, with the occurrence the workflow chose. */
  storeEvidence(input: {
    cycleId: string;
    eventId: string;
    occurrenceIndex: number;
    evidence: EvidenceInput;
    recordedAt: string;
  }): Promise<void>;
  amendEvidence(input: { eventId: string; correction: EvidenceCorrection; at: string }): Promise<void>;
  removeEvidence(input: { eventId: string; removal: EvidenceRemoval; at: string }): Promise<void>;
  /** The cycle schools whose workflow has done `stage` (from the school read model). */
  measureStageCoverage(input: StageCoverageInput): Promise<string[]>;
  projectSchoolProgress(snapshot: SchoolProgressSnapshot): Promise<void>;
  sendEventReminder(input: EventReminderInput): Promise<EventReminderResult>;
  /** Queues the overdue notice or an escalation letter to the step's people; idempotent per step and recipient. */
  sendEventEscalation(input: EventEscalationInput): Promise<EventReminderResult>;
  /** The cycle's escalation chain, zone and the installation's calendar changes (see NotificationTiming). */
  loadNotificationTiming(input: { cycleId: string }): Promise<NotificationTiming>;
  /** The school's set-up for its year: directions, profile, curator, due dates, checkpoints, calendar. */
  loadSchoolYearSetup(input: SchoolSetupInput): Promise<SchoolYearSetup>;
  sendSchoolNotice(input: SchoolNoticeInput): Promise<{ recipients: number }>;
  sendDailyDigests(input: DailyDigestInput): Promise<DailyDigestResult>;
  enqueueMail(input: EnqueueMailInput): Promise<EnqueueMailResult>;
  /**
   * The installation's production-calendar changes (loaded years, marked days), for
   * `new WorkingCalendar(overrides)`: fetched by an activity so a replay sees the recorded answer.
   */
  loadCalendarOverrides(): Promise<CalendarOverrides>;
}

/**
 * ApplicationFailure type of a projection refused for bad data (e.g. a NUL in remarks): the activity
 * has recorded an alert on the cycle and fails without retrying; the workflow carries on.
 */
export const BAD_PROJECTION_DATA = 'BadProjectionData';

/** An attachment of a queued e-mail (e.g. the deadline as an .ics). */
export interface MailAttachmentInput {
  filename: string;
  contentType: string;
  /** UTF-8 text, or base64 with `encoding: 'base64'`. */
  content: string;
  encoding?: 'base64';
}

/**
 * One e-mail for the outbox. The activity only queues it (idempotent per `dedupeKey`) and returns;
 * the worker's dispatcher sends it, so a mail server outage or a refused address never blocks a workflow.
 */
export interface EnqueueMailInput {
  to: string;
  /** event-reminder, overdue, escalation, digest, …: shown to the coordinator. */
  kind: string;
  /** Deterministic, e.g. `${workflowId}/overdue/${email}`: the same key queues one message, ever. */
  dedupeKey: string;
  subject: string;
  html: string;
  text: string;
  headers?: Record<string, string>;
  attachments?: MailAttachmentInput[];
  cycleId?: string | null;
}

export interface EnqueueMailResult {
  outboxId: string;
  /** pending, or already sent/undeliverable when the key was queued before. */
  status: string;
}
