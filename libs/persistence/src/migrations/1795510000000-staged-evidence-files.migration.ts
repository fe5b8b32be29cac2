import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Uploads may be staged: kept, but not yet referenced by what they were sent for (an evidence record),
 * and gone after `expires_at` if nothing commits them. Every upload stored before is committed.
 */
export class StagedEvidenceFiles1795510000000 implements MigrationInterface {
  name = 'StagedEvidenceFiles1795510000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE stored_files ADD COLUMN state text NOT NULL DEFAULT 'committed'`);
    await q.query(
      `ALTER TABLE stored_files ADD CONSTRAINT stored_files_state_check CHECK (state IN ('staged', 'committed'))`,
    );
    await q.query(`ALTER TABLE stored_files ADD COLUMN expires_at timestamptz`);
    await q.query(
      `ALTER TABLE stored_files ADD CONSTRAINT stored_files_staged_expires
         CHECK ((state = 'staged') = (expires_at IS NOT NULL))`,
    );
    await q.query(`CREATE INDEX stored_files_staged_idx ON stored_files (expires_at) WHERE state = 'staged'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM stored_files WHERE state = 'staged'`);
    await q.query(`DROP INDEX stored_files_staged_idx`);
    await q.query(`ALTER TABLE stored_files DROP COLUMN expires_at, DROP COLUMN state`);
  }
}
