import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EventProgressSnapshot, SchoolProgressSnapshot } from '@orientir/contracts';

/**
 * Upserts read-model rows. The `sequence` guard makes a projection idempotent and
 * order-safe: a retried or late activity never overwrites a newer state.
 */
@Injectable()
export class ProgressStore {
  constructor(private readonly dataSource: DataSource) {}

  upsertEventProgress(s: EventProgressSnapshot): Promise<void> {
    return this.writeEvent(s, null);
  }

  upsertSchoolProgress(s: SchoolProgressSnapshot): Promise<void> {
    return this.writeSchool(s, s.lastRemarks, null);
  }

  /** The snapshot without what the database refused, and why: the cycle view shows it as an alert. */
  markEventProjectionFailed(s: EventProgressSnapshot, problem: string): Promise<void> {
    return this.writeEvent(s, problem);
  }

  markSchoolProjectionFailed(s: SchoolProgressSnapshot, problem: string): Promise<void> {
    return this.writeSchool(s, null, problem);
  }

  private async writeEvent(s: EventProgressSnapshot, problem: string | null): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO event_progress (event_id, cycle_id, workflow_id, status, reminders_sent, sequence, changed_at, projection_error)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (event_id) DO UPDATE SET
         workflow_id = EXCLUDED.workflow_id, status = EXCLUDED.status, reminders_sent = EXCLUDED.reminders_sent,
         sequence = EXCLUDED.sequence, changed_at = EXCLUDED.changed_at, projection_error = EXCLUDED.projection_error,
         updated_at = now()
       WHERE event_progress.sequence < EXCLUDED.sequence`,
      [s.eventId, s.cycleId, s.workflowId, s.status, s.remindersSent, s.sequence, s.changedAt, problem],
    );
  }

  private async writeSchool(s: SchoolProgressSnapshot, remarks: string | null, problem: string | null): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO school_progress (school_id, cycle_id, workflow_id, stage, round, last_remarks, sequence, changed_at, projection_error)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (school_id) DO UPDATE SET
         workflow_id = EXCLUDED.workflow_id, stage = EXCLUDED.stage, round = EXCLUDED.round,
         last_remarks = EXCLUDED.last_remarks, sequence = EXCLUDED.sequence, changed_at = EXCLUDED.changed_at,
         projection_error = EXCLUDED.projection_error, updated_at = now()
       WHERE school_progress.sequence < EXCLUDED.sequence`,
      [s.schoolId, s.cycleId, s.workflowId, s.stage, s.round, remarks, s.sequence, s.changedAt, problem],
    );
  }
}
