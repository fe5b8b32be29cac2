import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The installation's production calendar beside the shipped one: whole years loaded from a file
 * (they replace the shipped year) and single days marked by a coordinator (a region's own holidays,
 * a working Saturday).
 */
export class ProductionCalendar1795451000000 implements MigrationInterface {
  name = 'ProductionCalendar1795451000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE calendar_years (
        year int PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
        day_off text[] NOT NULL,
        working_weekend text[] NOT NULL,
        source text NOT NULL,
        loaded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE calendar_days (
        date date PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('day_off', 'working')),
        note text NOT NULL DEFAULT '',
        marked_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS calendar_days`);
    await q.query(`DROP TABLE IF EXISTS calendar_years`);
  }
}
