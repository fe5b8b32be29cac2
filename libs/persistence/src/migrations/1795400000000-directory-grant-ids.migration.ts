import type { MigrationInterface, QueryRunner } from 'typeorm';
import { nameKey, tidyName } from '@orientir/domain';

/**
 * The region an installation serves when `REGION` is not set; the same default as libs/config
 * (persistence may not load the config library, and a migration runs before the app anyway).
 */
const DEFAULT_REGION = 'Иркутская область';

/**
 * Grants on a region or a municipality name its directory id instead of its name, like school and
 * organisation grants already do; per-cycle school rows and stored roadmaps carry the id of their
 * municipality, so every access check compares ids. The region row the directory migration called
 * «Регион» takes the installation's name (`REGION`). down() puts the names back.
 */
export class DirectoryGrantIds1795400000000 implements MigrationInterface {
  name = 'DirectoryGrantIds1795400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE schools ADD COLUMN IF NOT EXISTS municipality_id uuid REFERENCES municipalities(id)`);
    await q.query(`ALTER TABLE roadmaps ADD COLUMN IF NOT EXISTS municipality_id uuid REFERENCES municipalities(id)`);
    await q.query(`CREATE INDEX IF NOT EXISTS schools_municipality_idx ON schools (municipality_id)`);
    const ids = new DirectoryIds(q);
    const regionId = await ids.installationRegion(process.env.REGION?.trim() || DEFAULT_REGION);

    for (const grant of (await q.query(
      `SELECT id, scope_value FROM role_grants WHERE scope_kind = 'region' AND scope_value IS NOT NULL`,
    )) as { id: string; scope_value: string }[]) {
      if (UUID.test(grant.scope_value)) continue;
      await q.query(`UPDATE role_grants SET scope_value = $1 WHERE id = $2`, [
        await ids.region(grant.scope_value, regionId),
        grant.id,
      ]);
    }
    for (const grant of (await q.query(
      `SELECT id, scope_value FROM role_grants WHERE scope_kind = 'municipality' AND scope_value IS NOT NULL`,
    )) as { id: string; scope_value: string }[]) {
      if (UUID.test(grant.scope_value)) continue;
      await q.query(`UPDATE role_grants SET scope_value = $1 WHERE id = $2`, [
        await ids.municipality(grant.scope_value, regionId),
        grant.id,
      ]);
    }
    // A school row names its municipality, else it lies in its cycle's.
    for (const row of (await q.query(
      `SELECT DISTINCT municipality FROM schools WHERE municipality IS NOT NULL AND trim(municipality) <> ''`,
    )) as { municipality: string }[]) {
      await q.query(`UPDATE schools SET municipality_id = $1 WHERE municipality = $2`, [
        await ids.municipality(row.municipality, regionId),
        row.municipality,
      ]);
    }
    await q.query(`UPDATE schools s SET municipality_id = c.municipality_id FROM cycles c
                    WHERE c.id = s.cycle_id AND s.municipality_id IS NULL`);
    for (const row of (await q.query(
      `SELECT DISTINCT municipality FROM roadmaps WHERE municipality IS NOT NULL AND trim(municipality) <> ''`,
    )) as { municipality: string }[]) {
      await q.query(`UPDATE roadmaps SET municipality_id = $1 WHERE municipality = $2`, [
        await ids.municipality(row.municipality, regionId),
        row.municipality,
      ]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE role_grants g SET scope_value = m.name FROM municipalities m
                    WHERE g.scope_kind = 'municipality' AND g.scope_value = m.id::text`);
    await q.query(`UPDATE role_grants g SET scope_value = r.name FROM regions r
                    WHERE g.scope_kind = 'region' AND g.scope_value = r.id::text`);
    await q.query(`DROP INDEX IF EXISTS schools_municipality_idx`);
    await q.query(`ALTER TABLE roadmaps DROP COLUMN municipality_id`);
    await q.query(`ALTER TABLE schools DROP COLUMN municipality_id`);
  }
}

/** Finds (or makes) the directory entries that names stand for, within the migration's transaction. */
class DirectoryIds {
  constructor(private readonly q: QueryRunner) {}

  /** The installation's region: the one of that name, else the directory migration's placeholder renamed, else a new one. */
  async installationRegion(name: string): Promise<string> {
    const rows = (await this.q.query(`SELECT id, name FROM regions ORDER BY created_at`)) as {
      id: string;
      name: string;
    }[];
    const named = rows.find((r) => nameKey(r.name) === nameKey(name));
    if (named) return named.id;
    const placeholder = rows.find((r) => r.name === 'Регион');
    if (placeholder) {
      await this.q.query(`UPDATE regions SET name = $1 WHERE id = $2`, [tidyName(name), placeholder.id]);
      return placeholder.id;
    }
    const [created] = (await this.q.query(`INSERT INTO regions (name) VALUES ($1) RETURNING id`, [tidyName(name)])) as {
      id: string;
    }[];
    return created.id;
  }

  /** Another region's grant stays ineffective; it now names a region entry of its own. */
  async region(name: string, installationRegionId: string): Promise<string> {
    const rows = (await this.q.query(`SELECT id, name FROM regions`)) as { id: string; name: string }[];
    const found = rows.find((r) => nameKey(r.name) === nameKey(name));
    if (found) return found.id;
    if (!tidyName(name)) return installationRegionId;
    const [created] = (await this.q.query(`INSERT INTO regions (name) VALUES ($1) RETURNING id`, [tidyName(name)])) as {
      id: string;
    }[];
    return created.id;
  }

  async municipality(name: string, regionId: string): Promise<string> {
    await this.q.query(
      `INSERT INTO municipalities (region_id, name, name_key) VALUES ($1, $2, $3) ON CONFLICT (region_id, name_key) DO NOTHING`,
      [regionId, tidyName(name), nameKey(name)],
    );
    const [row] = (await this.q.query(`SELECT id FROM municipalities WHERE region_id = $1 AND name_key = $2`, [
      regionId,
      nameKey(name),
    ])) as { id: string }[];
    return row.id;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
