import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EventProgressSnapshot, SchoolProgressSnapshot } from '@orientir/contracts';

// The snapshot fields each table stores (its snake_case columns); the first is the key.
const EVENT_FIELDS = [
  'eventId',
  'cycleId',
  'workflowId',
  'status',
  'remindersSent',
  'progressPercent',
  'occurrences',
  'occurrencesMet',
  'occurrencesTracked',
  'control',
  'sequence',
  'changedAt',
  'projectionError',
] as const;
const SCHOOL_FIELDS = [
  'schoolId',
  'cycleId',
  'workflowId',
  'stage',
  'round',
  'lastRemarks',
  'dueAt',
  'sequence',
  'changedAt',
  'projectionError',
] as const;

/** The event snapshot as its row: every column present, jsonb columns as JSON text (pg sends arrays as SQL arrays). */
type EventRow = Omit<Required<EventProgressSnapshot>, 'occurrences' | 'control'> & {
  occurrences: string;
  control: string;
};

function eventRow(s: EventProgressSnapshot): EventRow {
  return {
    ...s,
    progressPercent: s.progressPercent ?? 0,
    occurrences: JSON.stringify(s.occurrences ?? []),
    occurrencesMet: s.occurrencesMet ?? 0,
    occurrencesTracked: s.occurrencesTracked ?? 0,
    control: JSON.stringify(s.control ?? {}),
  };
}

/** Why a projection was stored without its free text; null when it went through whole. */
type Projected<T> = T & { projectionError: string | null };

/**
 * Upserts read-model rows. The `sequence` guard makes a projection idempotent and
 * order-safe: a retried or late activity never overwrites a newer state.
 */
@Injectable()
export class ProgressStore {
  constructor(private readonly dataSource: DataSource) {}

  async upsertEventProgress(snapshot: EventProgressSnapshot): Promise<void> {
    await this.upsert<Projected<EventRow>>('event_progress', EVENT_FIELDS, {
      ...eventRow(snapshot),
      projectionError: null,
    });
  }

  async upsertSchoolProgress(snapshot: SchoolProgressSnapshot): Promise<void> {
    await this.upsert<Projected<SchoolProgressSnapshot>>('school_progress', SCHOOL_FIELDS, {
      ...snapshot,
      dueAt: snapshot.dueAt ?? null,
      projectionError: null,
    });
  }

  /** The snapshot without what the database refused, and why: the cycle view shows it as an alert. */
  async markEventProjectionFailed(snapshot: EventProgressSnapshot, problem: string): Promise<void> {
    await this.upsert<Projected<EventRow>>('event_progress', EVENT_FIELDS, {
      ...eventRow({ ...snapshot, control: {} }),
      projectionError: problem,
    });
  }

  async markSchoolProjectionFailed(snapshot: SchoolProgressSnapshot, problem: string): Promise<void> {
    await this.upsert<Projected<SchoolProgressSnapshot>>('school_progress', SCHOOL_FIELDS, {
      ...snapshot,
      lastRemarks: null,
      dueAt: snapshot.dueAt ?? null,
      projectionError: problem,
    });
  }

  /** One upsert for every projection table; table and column names come from this file, never from input. */
  private async upsert<T>(table: string, fields: readonly (keyof T & string)[], snapshot: T): Promise<void> {
    const columns = fields.map((f) => f.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`));
    const updates = [...columns.slice(1).map((c) => `${c} = EXCLUDED.${c}`), 'updated_at = now()'];
    await this.dataSource.query(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})
       ON CONFLICT (${columns[0]}) DO UPDATE SET ${updates.join(', ')}
       WHERE ${table}.sequence < EXCLUDED.sequence`,
      fields.map((f) => snapshot[f]),
    );
  }
}
