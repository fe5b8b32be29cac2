import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1795340000000 implements MigrationInterface {
  name = 'InitialSchema1795340000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto`);
    await q.query(`
      CREATE TABLE cycles (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text NOT NULL,
        year int NOT NULL,
        timezone text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE schools (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cycle_id uuid NOT NULL REFERENCES cycles(id) ON DELETE CASCADE,
        name text NOT NULL,
        category text NOT NULL CHECK (category IN ('shnor', 'risk_zone', 'shnsu')),
        municipality text,
        emails text[] NOT NULL DEFAULT '{}'
      )`);
    await q.query(`CREATE UNIQUE INDEX schools_cycle_name_uq ON schools (cycle_id, name)`);
    await q.query(`
      CREATE TABLE roadmap_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cycle_id uuid NOT NULL REFERENCES cycles(id) ON DELETE CASCADE,
        number text NOT NULL,
        title text NOT NULL,
        opens_at timestamptz NOT NULL,
        deadline timestamptz NOT NULL,
        executors jsonb NOT NULL DEFAULT '[]',
        CHECK (deadline > opens_at)
      )`);
    await q.query(`CREATE UNIQUE INDEX roadmap_events_cycle_number_uq ON roadmap_events (cycle_id, number)`);
    await q.query(`
      CREATE TABLE event_progress (
        event_id uuid PRIMARY KEY REFERENCES roadmap_events(id) ON DELETE CASCADE,
        cycle_id uuid NOT NULL REFERENCES cycles(id) ON DELETE CASCADE,
        workflow_id text NOT NULL,
        status text NOT NULL,
        reminders_sent int NOT NULL,
        sequence int NOT NULL,
        changed_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX event_progress_cycle_idx ON event_progress (cycle_id)`);
    await q.query(`
      CREATE TABLE school_progress (
        school_id uuid PRIMARY KEY REFERENCES schools(id) ON DELETE CASCADE,
        cycle_id uuid NOT NULL REFERENCES cycles(id) ON DELETE CASCADE,
        workflow_id text NOT NULL,
        stage text NOT NULL,
        round int NOT NULL,
        last_remarks text,
        sequence int NOT NULL,
        changed_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX school_progress_cycle_idx ON school_progress (cycle_id)`);
    await q.query(`
      CREATE TABLE mail_outbox (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        idempotency_key text NOT NULL UNIQUE,
        recipients text[] NOT NULL,
        subject text NOT NULL,
        text_body text NOT NULL,
        html_body text NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent')),
        attempts int NOT NULL DEFAULT 0,
        message_id text,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['mail_outbox', 'school_progress', 'event_progress', 'roadmap_events', 'schools', 'cycles']) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
