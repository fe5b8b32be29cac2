import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Directory schools and people can be deactivated instead of deleted: a closed school or a person
 * who left keeps its history (cycles, grants, audit), gets no reminders and is shown as inactive.
 */
export class DirectoryActive1795400000001 implements MigrationInterface {
  name = 'DirectoryActive1795400000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE directory_schools ADD COLUMN active boolean NOT NULL DEFAULT true`);
    await q.query(`ALTER TABLE people ADD COLUMN active boolean NOT NULL DEFAULT true`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE people DROP COLUMN active`);
    await q.query(`ALTER TABLE directory_schools DROP COLUMN active`);
  }
}
