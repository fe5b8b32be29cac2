import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Roadmap events keep what the roadmap says (section, parsed period, indicator, report form, pipeline
 * stage) and what the coordinator decided (past-at-launch policy, hand-set dates); the read model
 * gains per-occurrence progress; evidence gets its own table.
 */
export class EventTracking1795440000000 implements MigrationInterface {
  name = 'EventTracking1795440000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE roadmap_events
      ADD COLUMN section text,
      ADD COLUMN period jsonb,
      ADD COLUMN indicator jsonb,
      ADD COLUMN report_form text,
      ADD COLUMN stage text,
      ADD COLUMN past_policy text NOT NULL DEFAULT 'late' CHECK (past_policy IN ('late', 'skip')),
      ADD COLUMN schedule jsonb`);
    await q.query(`UPDATE event_progress SET status = 'not_started' WHERE status = 'scheduled'`);
    await q.query(`UPDATE event_progress SET status = 'closed_early' WHERE status = 'closed'`);
    await q.query(`ALTER TABLE event_progress
      ADD COLUMN progress_percent int NOT NULL DEFAULT 0,
      ADD COLUMN occurrences jsonb NOT NULL DEFAULT '[]',
      ADD COLUMN occurrences_met int NOT NULL DEFAULT 0,
      ADD COLUMN occurrences_tracked int NOT NULL DEFAULT 0,
      ADD COLUMN control jsonb NOT NULL DEFAULT '{}'`);
    await q.query(`CREATE TABLE event_evidence (
      id uuid PRIMARY KEY,
      cycle_id uuid NOT NULL REFERENCES cycles(id) ON DELETE CASCADE,
      event_id uuid NOT NULL REFERENCES roadmap_events(id) ON DELETE CASCADE,
      occurrence_index int NOT NULL,
      executor text NOT NULL,
      organisation_id uuid,
      recorded_by uuid,
      recorded_by_name text,
      held_on date,
      count int CHECK (count IS NULL OR count >= 0),
      link text,
      school_ids uuid[] NOT NULL DEFAULT '{}',
      comment text,
      file_ids uuid[] NOT NULL DEFAULT '{}',
      file_names text[] NOT NULL DEFAULT '{}',
      late_reason text,
      recorded_at timestamptz NOT NULL,
      corrected_at timestamptz,
      removed_at timestamptz,
      removed_reason text
    )`);
    await q.query(`CREATE INDEX event_evidence_event_idx ON event_evidence (event_id, occurrence_index)`);
    await q.query(`CREATE INDEX event_evidence_cycle_idx ON event_evidence (cycle_id)`);
    await q.query(`CREATE INDEX event_evidence_school_idx ON event_evidence USING gin (school_ids)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS event_evidence`);
    await q.query(`ALTER TABLE event_progress
      DROP COLUMN IF EXISTS progress_percent, DROP COLUMN IF EXISTS occurrences, DROP COLUMN IF EXISTS occurrences_met,
      DROP COLUMN IF EXISTS occurrences_tracked, DROP COLUMN IF EXISTS control`);
    await q.query(`ALTER TABLE roadmap_events
      DROP COLUMN IF EXISTS section, DROP COLUMN IF EXISTS period, DROP COLUMN IF EXISTS indicator,
      DROP COLUMN IF EXISTS report_form, DROP COLUMN IF EXISTS stage, DROP COLUMN IF EXISTS past_policy,
      DROP COLUMN IF EXISTS schedule`);
  }
}
