import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Roadmaps1795350000000 implements MigrationInterface {
  name = 'Roadmaps1795350000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE roadmaps (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text NOT NULL,
        year int NOT NULL,
        timezone text NOT NULL,
        document jsonb NOT NULL,
        source_file_name text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS roadmaps`);
  }
}
