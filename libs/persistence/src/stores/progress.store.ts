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
    await this.upsert('event_progress', 'event_id', {
      event_id: s.eventId,
      cycle_id: s.cycleId,
      workflow_id: s.workflowId,
      status: s.status,
      reminders_sent: s.remindersSent,
      sequence: s.sequence,
      changed_at: s.changedAt,
    });
  }

  async upsertSchoolProgress(s: SchoolProgressSnapshot): Promise<void> {
    await this.upsert('school_progress', 'school_id', {
      school_id: s.schoolId,
      cycle_id: s.cycleId,
      workflow_id: s.workflowId,
      stage: s.stage,
      round: s.round,
      last_remarks: s.lastRemarks,
      sequence: s.sequence,
      changed_at: s.changedAt,
    });
  }

  /** One upsert for every projection table; table and column names come from this file, never from input. */
  private async upsert(table: string, key: string, row: Record<string, unknown>): Promise<void> {
    const columns = Object.keys(row);
    const updates = [...columns.filter((c) => c !== key).map((c) => `${c} = EXCLUDED.${c}`), 'updated_at = now()'];
    await this.dataSource.query(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})
       ON CONFLICT (${key}) DO UPDATE SET ${updates.join(', ')}
       WHERE ${table}.sequence < EXCLUDED.sequence`,
      Object.values(row),
    );
  }
}
