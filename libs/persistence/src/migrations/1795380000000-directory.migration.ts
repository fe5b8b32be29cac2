import type { MigrationInterface, QueryRunner } from 'typeorm';
import { directoryKey, guessOrganisationKind, nameKey, tidyName } from '@orientir/domain';

/** The one region an installation serves until someone renames it. */
const DEFAULT_REGION = 'Регион';

interface ExecutorJson {
  name: string;
  email: string | null;
  organisationId?: string | null;
}

/**
 * The directory (regions, municipalities, schools, organisations with aliases, people, curator
 * assignments, per-event assignees) and the move of what cycles stored by name into it:
 * every per-cycle school row gets its directory school (the row itself, its id, progress and
 * workflow ID stay), every executor name its organisation, every executor e-mail a contact person,
 * and school and organisation grants point at directory ids instead of one cycle's rows or names.
 */
export class Directory1795380000000 implements MigrationInterface {
  name = 'Directory1795380000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE regions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE municipalities (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        region_id uuid NOT NULL REFERENCES regions(id) ON DELETE RESTRICT,
        name text NOT NULL,
        name_key text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (region_id, name_key)
      )`);
    await q.query(`
      CREATE TABLE directory_schools (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid REFERENCES municipalities(id) ON DELETE SET NULL,
        full_name text NOT NULL,
        short_name text,
        name_key text NOT NULL,
        official_code text,
        director text,
        email text,
        address text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE UNIQUE INDEX directory_schools_name_uq ON directory_schools ((coalesce(municipality_id::text, '')), name_key)`,
    );
    await q.query(
      `CREATE UNIQUE INDEX directory_schools_code_uq ON directory_schools (official_code) WHERE official_code IS NOT NULL`,
    );
    await q.query(`
      CREATE TABLE organisations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid REFERENCES municipalities(id) ON DELETE SET NULL,
        name text NOT NULL,
        name_key text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('education_department', 'methodical_centre', 'school', 'association', 'institute', 'other')),
        school_id uuid UNIQUE REFERENCES directory_schools(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE UNIQUE INDEX organisations_name_uq ON organisations ((coalesce(municipality_id::text, '')), name_key)`,
    );
    await q.query(`
      CREATE TABLE organisation_aliases (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        municipality_scope text NOT NULL,
        alias text NOT NULL,
        alias_key text NOT NULL,
        UNIQUE (municipality_scope, alias_key)
      )`);
    await q.query(`
      CREATE TABLE people (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        full_name text NOT NULL,
        position text,
        email text UNIQUE CHECK (email = lower(email)),
        phone text,
        organisation_id uuid REFERENCES organisations(id) ON DELETE SET NULL,
        user_id uuid UNIQUE REFERENCES users(id) ON DELETE SET NULL,
        is_contact boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX people_organisation_idx ON people (organisation_id)`);
    await q.query(`
      CREATE TABLE curator_assignments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cycle_id uuid NOT NULL REFERENCES cycles(id) ON DELETE CASCADE,
        person_id uuid NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        directory_school_id uuid NOT NULL REFERENCES directory_schools(id) ON DELETE CASCADE,
        UNIQUE (cycle_id, person_id, directory_school_id)
      )`);
    await q.query(`
      CREATE TABLE event_assignees (
        event_id uuid NOT NULL REFERENCES roadmap_events(id) ON DELETE CASCADE,
        person_id uuid NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        PRIMARY KEY (event_id, person_id)
      )`);
    await q.query(`ALTER TABLE schools ADD COLUMN directory_school_id uuid REFERENCES directory_schools(id)`);
    await q.query(`ALTER TABLE schools DROP CONSTRAINT IF EXISTS schools_category_check`);
    await q.query(
      `ALTER TABLE schools ADD CONSTRAINT schools_category_check CHECK (category IN ('shnor', 'risk_zone', 'shnsu', 'other'))`,
    );
    await q.query(`CREATE INDEX schools_directory_idx ON schools (directory_school_id)`);
    await q.query(`ALTER TABLE cycles ADD COLUMN municipality_id uuid REFERENCES municipalities(id)`);
    await new DirectoryBackfill(q).run();
  }

  async down(q: QueryRunner): Promise<void> {
    // Grants go back to the names and per-cycle rows they pointed at before.
    await q.query(`
      UPDATE role_grants g SET scope_value = o.name FROM organisations o
       WHERE g.scope_kind = 'organisation' AND g.scope_value = o.id::text`);
    await q.query(`
      UPDATE role_grants g SET scope_value = s.id::text
        FROM (SELECT DISTINCT ON (directory_school_id) id, directory_school_id FROM schools
               WHERE directory_school_id IS NOT NULL ORDER BY directory_school_id, id) s
       WHERE g.scope_kind = 'school' AND g.scope_value = s.directory_school_id::text`);
    await q.query(`UPDATE roadmap_events SET executors = (
      SELECT coalesce(jsonb_agg(x - 'organisationId'), '[]'::jsonb) FROM jsonb_array_elements(executors) x)`);
    await q.query(`ALTER TABLE cycles DROP COLUMN municipality_id`);
    await q.query(`DROP INDEX schools_directory_idx`);
    await q.query(`DELETE FROM schools WHERE category = 'other'`);
    await q.query(`ALTER TABLE schools DROP CONSTRAINT schools_category_check`);
    await q.query(
      `ALTER TABLE schools ADD CONSTRAINT schools_category_check CHECK (category IN ('shnor', 'risk_zone', 'shnsu'))`,
    );
    await q.query(`ALTER TABLE schools DROP COLUMN directory_school_id`);
    for (const table of [
      'event_assignees',
      'curator_assignments',
      'people',
      'organisation_aliases',
      'organisations',
      'directory_schools',
      'municipalities',
      'regions',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}

/** Builds directory entries from what the cycles stored; runs inside the migration's transaction. */
class DirectoryBackfill {
  private regionId = '';
  private readonly municipalities = new Map<string, string>();
  private readonly schools = new Map<string, string>();
  private readonly organisations = new Map<string, string>();
  private readonly people = new Map<string, string>();

  constructor(private readonly q: QueryRunner) {}

  async run(): Promise<void> {
    const [region] = (await this.q.query(`INSERT INTO regions (name) VALUES ($1) RETURNING id`, [DEFAULT_REGION])) as {
      id: string;
    }[];
    this.regionId = region.id;

    const cycles = (await this.q.query(`SELECT id, municipality FROM cycles`)) as {
      id: string;
      municipality: string | null;
    }[];
    const cycleMunicipality = new Map<string, string | null>();
    for (const cycle of cycles) {
      const id = cycle.municipality ? await this.municipality(cycle.municipality) : null;
      cycleMunicipality.set(cycle.id, id);
      if (id) await this.q.query(`UPDATE cycles SET municipality_id = $1 WHERE id = $2`, [id, cycle.id]);
    }

    const schools = (await this.q.query(
      `SELECT id, cycle_id, name, municipality, emails FROM schools ORDER BY cycle_id, name`,
    )) as { id: string; cycle_id: string; name: string; municipality: string | null; emails: string[] }[];
    for (const row of schools) {
      const municipalityId = row.municipality?.trim()
        ? await this.municipality(row.municipality)
        : (cycleMunicipality.get(row.cycle_id) ?? null);
      const schoolId = await this.school(municipalityId, row.name, row.emails[0] ?? null);
      await this.q.query(`UPDATE schools SET directory_school_id = $1 WHERE id = $2`, [schoolId, row.id]);
      const organisationId = await this.organisation(municipalityId, row.name, schoolId);
      for (const email of row.emails) await this.person(email, email, organisationId);
      await this.q.query(`UPDATE role_grants SET scope_value = $1 WHERE scope_kind = 'school' AND scope_value = $2`, [
        schoolId,
        row.id,
      ]);
    }

    const events = (await this.q.query(`SELECT id, cycle_id, executors FROM roadmap_events`)) as {
      id: string;
      cycle_id: string;
      executors: ExecutorJson[];
    }[];
    for (const event of events) {
      const municipalityId = cycleMunicipality.get(event.cycle_id) ?? null;
      const executors: ExecutorJson[] = [];
      for (const executor of event.executors) {
        const organisationId = await this.organisation(municipalityId, executor.name, null);
        if (executor.email) await this.person(executor.name, executor.email, organisationId);
        executors.push({ ...executor, organisationId });
      }
      await this.q.query(`UPDATE roadmap_events SET executors = $1::jsonb WHERE id = $2`, [
        JSON.stringify(executors),
        event.id,
      ]);
    }

    // An organisation grant named a body; it now names the one organisation of that name. A name
    // that several municipalities' organisations share, or none, becomes a regional organisation.
    const grants = (await this.q.query(
      `SELECT id, scope_value FROM role_grants WHERE scope_kind = 'organisation'`,
    )) as { id: string; scope_value: string }[];
    for (const grant of grants) {
      const matches = (await this.q.query(`SELECT id FROM organisations WHERE name_key = $1`, [
        directoryKey(grant.scope_value),
      ])) as { id: string }[];
      const organisationId =
        matches.length === 1 ? matches[0].id : await this.organisation(null, grant.scope_value, null);
      await this.q.query(`UPDATE role_grants SET scope_value = $1 WHERE id = $2`, [organisationId, grant.id]);
    }
  }

  /** Municipalities compare by the one municipality-name rule (nameKey); schools and organisations by directoryKey. */
  private async municipality(name: string): Promise<string> {
    const key = nameKey(name);
    const known = this.municipalities.get(key);
    if (known) return known;
    const [row] = (await this.q.query(
      `INSERT INTO municipalities (region_id, name, name_key) VALUES ($1, $2, $3) RETURNING id`,
      [this.regionId, tidyName(name), key],
    )) as { id: string }[];
    this.municipalities.set(key, row.id);
    return row.id;
  }

  private async school(municipalityId: string | null, name: string, email: string | null): Promise<string> {
    const key = `${municipalityId ?? ''}/${directoryKey(name)}`;
    const known = this.schools.get(key);
    if (known) return known;
    const [row] = (await this.q.query(
      `INSERT INTO directory_schools (municipality_id, full_name, name_key, email) VALUES ($1, $2, $3, $4) RETURNING id`,
      [municipalityId, name.trim(), directoryKey(name), email?.toLowerCase() ?? null],
    )) as { id: string }[];
    this.schools.set(key, row.id);
    return row.id;
  }

  private async organisation(municipalityId: string | null, name: string, schoolId: string | null): Promise<string> {
    const key = `${municipalityId ?? ''}/${directoryKey(name)}`;
    const known = this.organisations.get(key);
    if (known) return known;
    const [row] = (await this.q.query(
      `INSERT INTO organisations (municipality_id, name, name_key, kind, school_id) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [municipalityId, name.trim(), directoryKey(name), schoolId ? 'school' : guessOrganisationKind(name), schoolId],
    )) as { id: string }[];
    this.organisations.set(key, row.id);
    return row.id;
  }

  private async person(name: string, email: string, organisationId: string): Promise<void> {
    const key = email.trim().toLowerCase();
    if (this.people.has(key)) return;
    const [row] = (await this.q.query(
      `INSERT INTO people (full_name, email, organisation_id, user_id)
       VALUES ($1, $2, $3, (SELECT id FROM users WHERE email = $2)) RETURNING id`,
      [name.trim(), key, organisationId],
    )) as { id: string }[];
    this.people.set(key, row.id);
  }
}
