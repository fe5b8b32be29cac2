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

  async upsertEventProgress(s: EventProgressSnapshot): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO event_progress (event_id, cycle_id, workflow_id, status, reminders_sent, sequence, changed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (event_id) DO UPDATE SET
         workflow_id = EXCLUDED.workflow_id, status = EXCLUDED.status, reminders_sent = EXCLUDED.reminders_sent,
         sequence = EXCLUDED.sequence, changed_at = EXCLUDED.changed_at, updated_at = now()
       WHERE event_progress.sequence < EXCLUDED.sequence`,
      [s.eventId, s.cycleId, s.workflowId, s.status, s.remindersSent, s.sequence, s.changedAt],
    );
  }

  async upsertSchoolProgress(s: SchoolProgressSnapshot): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO school_progress (school_id, cycle_id, workflow_id, stage, round, last_remarks, sequence, changed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (school_id) DO UPDATE SET
         workflow_id = EXCLUDED.workflow_id, stage = EXCLUDED.stage, round = EXCLUDED.round,
         last_remarks = EXCLUDED.last_remarks, sequence = EXCLUDED.sequence, changed_at = EXCLUDED.changed_at,
         updated_at = now()
       WHERE school_progress.sequence < EXCLUDED.sequence`,
      [s.schoolId, s.cycleId, s.workflowId, s.stage, s.round, s.lastRemarks, s.sequence, s.changedAt],
    );
  }
}
