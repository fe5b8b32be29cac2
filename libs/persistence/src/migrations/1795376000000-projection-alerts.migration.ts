import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Read-model rows say why a projection was refused, so the cycle shows an alert instead of a frozen state. */
export class ProjectionAlerts1795376000000 implements MigrationInterface {
  name = 'ProjectionAlerts1795376000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE school_progress ADD COLUMN projection_error text`);
    await q.query(`ALTER TABLE event_progress ADD COLUMN projection_error text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE event_progress DROP COLUMN IF EXISTS projection_error`);
    await q.query(`ALTER TABLE school_progress DROP COLUMN IF EXISTS projection_error`);
  }
}
