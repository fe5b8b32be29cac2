import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
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
  'overdue',
  'rework',
  'curator',
  'state',
] as const;

/** A school snapshot as its row stores it (snapshots of the first workflow carry no year fields). */
type SchoolRow = Omit<SchoolProgressSnapshot, 'curator' | 'state' | 'steps'> & {
  projectionError: string | null;
  curator: string | null;
  state: string | null;
};

function schoolRow(snapshot: SchoolProgressSnapshot, projectionError: string | null): SchoolRow {
  const { steps: _steps, curator, state, ...rest } = snapshot;
  return {
    ...rest,
    dueAt: snapshot.dueAt ?? null,
    overdue: snapshot.overdue ?? false,
    rework: snapshot.rework ?? false,
    curator: curator ? JSON.stringify(curator) : null,
    state: state ? JSON.stringify(state) : null,
    projectionError,
  };
}

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

  /** The row and the new timeline steps in one transaction; a step already stored stays as it is. */
  async upsertSchoolProgress(snapshot: SchoolProgressSnapshot): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.upsert<SchoolRow>('school_progress', SCHOOL_FIELDS, schoolRow(snapshot, null), manager);
      await this.insertSteps(snapshot, manager);
    });
  }

  private async insertSteps(snapshot: SchoolProgressSnapshot, manager: EntityManager): Promise<void> {
    const steps = snapshot.steps ?? [];
    if (!steps.length) return;
    const values: unknown[] = [];
    const rows = steps.map((step, i) => {
      values.push(
        snapshot.schoolId,
        step.step,
        snapshot.cycleId,
        snapshot.workflowId,
        step.at,
        step.action,
        step.stage,
        step.round,
        step.actor?.userId ?? null,
        step.actor?.name ?? null,
        step.documentKey,
        step.remarks,
        JSON.stringify(step.files),
        JSON.stringify(step.details),
      );
      return `(${Array.from({ length: 14 }, (_, j) => `$${i * 14 + j + 1}`).join(', ')})`;
    });
    await manager.query(
      `INSERT INTO school_timeline (school_id, step, cycle_id, workflow_id, at, action, stage, round, actor_user_id,
         actor_name, document_key, remarks, files, details)
       VALUES ${rows.join(', ')} ON CONFLICT (school_id, step) DO NOTHING`,
      values,
    );
  }

  /** The snapshot without what the database refused, and why: the cycle view shows it as an alert. */
  async markEventProjectionFailed(snapshot: EventProgressSnapshot, problem: string): Promise<void> {
    await this.upsert<Projected<EventRow>>('event_progress', EVENT_FIELDS, {
      ...eventRow({ ...snapshot, control: {} }),
      projectionError: problem,
    });
  }

  /** Stage, due date and flags without the free text (remarks, state, timeline) the database refused. */
  async markSchoolProjectionFailed(snapshot: SchoolProgressSnapshot, problem: string): Promise<void> {
    // The stored state stays the last whole one (GET /api/schools/:id keeps answering it).
    await this.upsert<SchoolRow>(
      'school_progress',
      SCHOOL_FIELDS.filter((f) => f !== 'state'),
      { ...schoolRow({ ...snapshot, steps: undefined }, problem), lastRemarks: null },
    );
  }

  /** One upsert for every projection table; table and column names come from this file, never from input. */
  private async upsert<T>(
    table: string,
    fields: readonly (keyof T & string)[],
    snapshot: T,
    manager: Pick<EntityManager, 'query'> = this.dataSource,
  ): Promise<void> {
    const columns = fields.map((f) => f.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`));
    const updates = [...columns.slice(1).map((c) => `${c} = EXCLUDED.${c}`), 'updated_at = now()'];
    await manager.query(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})
       ON CONFLICT (${columns[0]}) DO UPDATE SET ${updates.join(', ')}
       WHERE ${table}.sequence < EXCLUDED.sequence`,
      fields.map((f) => snapshot[f]),
    );
  }
}
