import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The school list of a cycle (GET /api/cycles/:id/schools) filters, sorts and counts in PostgreSQL:
 * the current stage's due date on the projection (overdue = past it and not completed), and indexes
 * for the filters of a 3,000-school cycle (stage, due date, municipality, curators by school).
 */
export class SchoolListReadModel1795410100000 implements MigrationInterface {
  name = 'SchoolListReadModel1795410100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE school_progress ADD COLUMN IF NOT EXISTS due_at timestamptz`);
    await q.query(`CREATE INDEX school_progress_cycle_stage_idx ON school_progress (cycle_id, stage)`);
    await q.query(`CREATE INDEX school_progress_cycle_due_idx ON school_progress (cycle_id, due_at)`);
    await q.query(`CREATE INDEX schools_cycle_municipality_idx ON schools (cycle_id, municipality)`);
    await q.query(
      `CREATE INDEX curator_assignments_cycle_school_idx ON curator_assignments (cycle_id, directory_school_id)`,
    );
    await q.query(
      `CREATE INDEX role_grants_school_curator_idx ON role_grants (scope_value) WHERE role = 'curator' AND scope_kind = 'school'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS role_grants_school_curator_idx`);
    await q.query(`DROP INDEX IF EXISTS curator_assignments_cycle_school_idx`);
    await q.query(`DROP INDEX IF EXISTS schools_cycle_municipality_idx`);
    await q.query(`DROP INDEX IF EXISTS school_progress_cycle_due_idx`);
    await q.query(`DROP INDEX IF EXISTS school_progress_cycle_stage_idx`);
    await q.query(`ALTER TABLE school_progress DROP COLUMN IF EXISTS due_at`);
  }
}
