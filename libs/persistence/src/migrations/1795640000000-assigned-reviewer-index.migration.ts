import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Whom a school's workflow names (its curator, a document's expert) reads and reviews that school:
 * every authenticated request looks up the caller's assignments by account and by directory person,
 * so the curator's person and the documents' experts are indexed like the curator's account.
 */
export class AssignedReviewerIndex1795640000000 implements MigrationInterface {
  name = 'AssignedReviewerIndex1795640000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX IF NOT EXISTS school_progress_curator_person_idx ON school_progress ((curator ->> 'personId'))`,
    );
    await q.query(
      `CREATE INDEX IF NOT EXISTS school_progress_documents_idx ON school_progress
         USING gin ((state -> 'documents') jsonb_path_ops)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS school_progress_documents_idx`);
    await q.query(`DROP INDEX IF EXISTS school_progress_curator_person_idx`);
  }
}
