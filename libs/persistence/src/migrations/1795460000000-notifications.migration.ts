import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the people half of notifications keeps: one-click links scoped to one item (stored hashed,
 * expiring, revocable), the sessions they open, and each person's delivery preference.
 */
export class Notifications1795460000000 implements MigrationInterface {
  name = 'Notifications1795460000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE magic_links (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        token_hash text NOT NULL UNIQUE,
        person_id uuid NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        purpose text NOT NULL CHECK (purpose IN ('event', 'school', 'unsubscribe')),
        cycle_id uuid REFERENCES cycles(id) ON DELETE CASCADE,
        event_id uuid REFERENCES roadmap_events(id) ON DELETE CASCADE,
        school_id uuid REFERENCES schools(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        last_used_at timestamptz,
        CHECK ((purpose = 'event') = (event_id IS NOT NULL)),
        CHECK ((purpose = 'school') = (school_id IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX magic_links_person_idx ON magic_links (person_id)`);
    await q.query(`
      CREATE TABLE link_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        magic_link_id uuid NOT NULL REFERENCES magic_links(id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        csrf_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz
      )`);
    await q.query(`
      CREATE TABLE notification_preferences (
        person_id uuid PRIMARY KEY REFERENCES people(id) ON DELETE CASCADE,
        mode text NOT NULL CHECK (mode IN ('digest', 'instant', 'off')),
        changed_via text NOT NULL CHECK (changed_via IN ('unsubscribe', 'page', 'coordinator')),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notification_preferences`);
    await q.query(`DROP TABLE link_sessions`);
    await q.query(`DROP TABLE magic_links`);
  }
}
