// Contract of the daily digest: one Temporal Schedule per time zone starts this workflow at the
// local send hour every day; the activity sends at most one digest per person and working day.

export const DAILY_DIGEST_WORKFLOW = 'dailyDigestWorkflow';

/** One schedule per task queue and time zone, so test workers on their own queues never collide. */
export const digestScheduleId = (taskQueue: string, timeZone: string): string => `digest/${taskQueue}/${timeZone}`;

export interface DailyDigestWorkflowInput {
  timezone: string;
}

export interface DailyDigestInput {
  timezone: string;
  /** Workflow time of the run, ISO: its local date is the digest's day. */
  at: string;
}

export interface DailyDigestResult {
  /** The local date the run was for. */
  localDate: string;
  workingDay: boolean;
  /** Digests recorded in the outbox by this run (a rerun of the same day records none). */
  sent: number;
  /** People with something to read who already had today's digest, chose instant mail, or opted out. */
  skipped: number;
}
