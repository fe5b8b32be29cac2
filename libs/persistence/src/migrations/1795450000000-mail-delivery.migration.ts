import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox sends mail itself: every message has a delivery state (pending → sending → sent, failed
 * awaiting a retry, undeliverable), a due time for the next attempt, a lease while one dispatcher
 * sends it, its kind and cycle (what the coordinator sees), headers and attachments.
 */
export class MailDelivery1795450000000 implements MigrationInterface {
  name = 'MailDelivery1795450000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE mail_outbox DROP CONSTRAINT IF EXISTS mail_outbox_status_check`);
    await q.query(
      `ALTER TABLE mail_outbox ADD CONSTRAINT mail_outbox_status_check CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'undeliverable'))`,
    );
    await q.query(`
      ALTER TABLE mail_outbox
        ADD COLUMN kind text NOT NULL DEFAULT 'other',
        ADD COLUMN cycle_id uuid REFERENCES cycles(id) ON DELETE SET NULL,
        ADD COLUMN headers jsonb NOT NULL DEFAULT '{}'::jsonb,
        ADD COLUMN attachments jsonb NOT NULL DEFAULT '[]'::jsonb,
        ADD COLUMN next_attempt_at timestamptz NOT NULL DEFAULT now(),
        ADD COLUMN locked_until timestamptz,
        ADD COLUMN undeliverable_at timestamptz`);
    await q.query(
      `CREATE INDEX mail_outbox_due_idx ON mail_outbox (next_attempt_at) WHERE status IN ('pending', 'failed')`,
    );
    await q.query(`CREATE INDEX mail_outbox_lease_idx ON mail_outbox (locked_until) WHERE status = 'sending'`);
    await q.query(`CREATE INDEX mail_outbox_cycle_status_idx ON mail_outbox (cycle_id, status)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS mail_outbox_cycle_status_idx`);
    await q.query(`DROP INDEX IF EXISTS mail_outbox_lease_idx`);
    await q.query(`DROP INDEX IF EXISTS mail_outbox_due_idx`);
    await q.query(`UPDATE mail_outbox SET status = 'pending' WHERE status NOT IN ('pending', 'sent')`);
    await q.query(`
      ALTER TABLE mail_outbox
        DROP COLUMN undeliverable_at, DROP COLUMN locked_until, DROP COLUMN next_attempt_at,
        DROP COLUMN attachments, DROP COLUMN headers, DROP COLUMN cycle_id, DROP COLUMN kind`);
    await q.query(`ALTER TABLE mail_outbox DROP CONSTRAINT IF EXISTS mail_outbox_status_check`);
    await q.query(
      `ALTER TABLE mail_outbox ADD CONSTRAINT mail_outbox_status_check CHECK (status IN ('pending', 'sent'))`,
    );
  }
}
