// The activity surface the workflows see. Workflows proxy this interface by type only;
// activities/ implements it over services.
import type { SchoolPipelineState } from '@orientir/domain/workflow';
import type { DailyDigestInput, DailyDigestResult } from './daily-digest.contract';

export type EventStatus = 'scheduled' | 'open' | 'overdue' | 'closed';

export interface EventProgressSnapshot {
  cycleId: string;
  eventId: string;
  workflowId: string;
  status: EventStatus;
  remindersSent: number;
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
  sequence: number;
  changedAt: string;
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

export interface EventReminderResult {
  recipients: number;
}

export interface OrientirActivities {
  projectEventProgress(snapshot: EventProgressSnapshot): Promise<void>;
  projectSchoolProgress(snapshot: SchoolProgressSnapshot): Promise<void>;
  sendEventReminder(input: EventReminderInput): Promise<EventReminderResult>;
  sendDailyDigests(input: DailyDigestInput): Promise<DailyDigestResult>;
}

/**
 * ApplicationFailure type of a projection refused for bad data (e.g. a NUL in remarks): the activity
 * has recorded an alert on the cycle and fails without retrying; the workflow carries on.
 */
export const BAD_PROJECTION_DATA = 'BadProjectionData';
