import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The school's year as real work: the progress row carries the stage's due date, overdue and rework
 * flags, the curator and the whole state; every step goes to the school's timeline; a cycle keeps its
 * school-year settings (risk directions, stage due dates, review days, monitoring checkpoints); a
 * school may carry the risk profile imported before launch.
 */
export class SchoolYear1795420000000 implements MigrationInterface {
  name = 'SchoolYear1795420000000';

  async up(q: QueryRunner): Promise<void> {
    // due_at came with the school list (SchoolListReadModel1795410100000); kept if present.
    await q.query(`ALTER TABLE school_progress
      ADD COLUMN IF NOT EXISTS due_at timestamptz,
      ADD COLUMN overdue boolean NOT NULL DEFAULT false,
      ADD COLUMN rework boolean NOT NULL DEFAULT false,
      ADD COLUMN curator jsonb,
      ADD COLUMN state jsonb`);
    await q.query(`CREATE INDEX school_progress_cycle_overdue ON school_progress (cycle_id) WHERE overdue`);
    await q.query(`CREATE TABLE school_timeline (
      school_id uuid NOT NULL,
      step int NOT NULL,
      cycle_id uuid NOT NULL,
      workflow_id text NOT NULL,
      at timestamptz NOT NULL,
      action text NOT NULL,
      stage text NOT NULL,
      round int NOT NULL,
      actor_user_id uuid,
      actor_name text,
      document_key text,
      remarks text,
      files jsonb NOT NULL DEFAULT '[]',
      details jsonb NOT NULL DEFAULT '{}',
      PRIMARY KEY (school_id, step)
    )`);
    await q.query(`CREATE INDEX school_timeline_cycle_at ON school_timeline (cycle_id, at)`);
    await q.query(`CREATE TABLE cycle_school_settings (
      cycle_id uuid PRIMARY KEY REFERENCES cycles(id) ON DELETE CASCADE,
      risk_directions jsonb,
      due_dates jsonb NOT NULL DEFAULT '{}',
      review_working_days int NOT NULL DEFAULT 10,
      checkpoint_rhythm text NOT NULL DEFAULT 'quarterly',
      checkpoint_dates jsonb NOT NULL DEFAULT '[]',
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`ALTER TABLE schools ADD COLUMN flagged_directions text[]`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE schools DROP COLUMN IF EXISTS flagged_directions`);
    await q.query(`DROP TABLE IF EXISTS cycle_school_settings`);
    await q.query(`DROP TABLE IF EXISTS school_timeline`);
    await q.query(`DROP INDEX IF EXISTS school_progress_cycle_overdue`);
    await q.query(`ALTER TABLE school_progress
      DROP COLUMN IF EXISTS state, DROP COLUMN IF EXISTS curator, DROP COLUMN IF EXISTS rework,
      DROP COLUMN IF EXISTS overdue`);
  }
}
