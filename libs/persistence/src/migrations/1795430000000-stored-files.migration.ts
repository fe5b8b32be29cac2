import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Metadata of uploaded files; the bytes themselves are in the file storage, by sha256. */
export class StoredFiles1795430000000 implements MigrationInterface {
  name = 'StoredFiles1795430000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE stored_files (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        sha256 char(64) NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        size bigint NOT NULL CHECK (size > 0),
        content_type text NOT NULL,
        original_name text NOT NULL CHECK (length(original_name) BETWEEN 1 AND 255),
        uploaded_by uuid REFERENCES users(id) ON DELETE SET NULL,
        owner_kind text NOT NULL,
        owner_id uuid NOT NULL,
        purpose text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX stored_files_owner_idx ON stored_files (owner_kind, owner_id, created_at)`);
    await q.query(`CREATE INDEX stored_files_sha256_idx ON stored_files (sha256)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS stored_files`);
  }
}
