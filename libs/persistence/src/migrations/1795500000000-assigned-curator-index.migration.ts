import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The curator a school's workflow has assigned (after any change by the coordinator) reads that school:
 * every request looks up the caller's assigned schools by the projected curator's account.
 */
export class AssignedCuratorIndex1795500000000 implements MigrationInterface {
  name = 'AssignedCuratorIndex1795500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX IF NOT EXISTS school_progress_curator_user_idx ON school_progress ((curator ->> 'userId'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS school_progress_curator_user_idx`);
  }
}
