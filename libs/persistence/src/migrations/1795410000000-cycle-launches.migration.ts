import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Durable launches: one row per launch with its progress (N of M, failures), written by the launch
 * workflow; a cycle has at most one launch pending or running.
 */
export class CycleLaunches1795410000000 implements MigrationInterface {
  name = 'CycleLaunches1795410000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE cycle_launches (
        id uuid PRIMARY KEY,
        cycle_id uuid NOT NULL REFERENCES cycles(id) ON DELETE CASCADE,
        workflow_id text NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'running', 'completed', 'failed')),
        total int NOT NULL DEFAULT 0,
        started int NOT NULL DEFAULT 0,
        existing int NOT NULL DEFAULT 0,
        failed int NOT NULL DEFAULT 0,
        failures jsonb NOT NULL DEFAULT '[]'::jsonb,
        sequence int NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      )`);
    await q.query(`CREATE INDEX cycle_launches_cycle_idx ON cycle_launches (cycle_id, created_at DESC)`);
    await q.query(
      `CREATE UNIQUE INDEX cycle_launches_one_active ON cycle_launches (cycle_id) WHERE status IN ('pending', 'running')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE cycle_launches`);
  }
}
