import { DataSource } from 'typeorm';
import { MIGRATIONS, createDataSourceOptions, runMigrations } from '@orientir/persistence';
import { useDatabaseBefore } from '../support/migration-database.util';

const MIGRATION = 'DirectoryGrantIds1795400000000';

/**
 * Region and municipality grants by directory id, on a database filled the way the directory-era
 * code wrote it (grants by name, schools and roadmaps by municipality name); then down() and up()
 * again: the names come back, and the second up() gives the same ids.
 */
describe('grant ids migration on a database filled by the previous code', () => {
  const { url, db } = useDatabaseBefore(MIGRATION);
  const region = process.env.REGION?.trim() || 'Иркутская область';

  it('turns region and municipality names into directory ids, and down() then up() round-trips', async () => {
    // What the directory-era code wrote: a placeholder region, municipalities in it, names in grants.
    const placeholder = await one(`SELECT id FROM regions WHERE name = 'Регион'`);
    const lesosibirsk = await one(
      `INSERT INTO municipalities (region_id, name, name_key) VALUES ($1, 'г. Лесосибирск', 'г. лесосибирск') RETURNING id`,
      [placeholder],
    );
    const cycle = await one(
      `INSERT INTO cycles (title, year, timezone, municipality, municipality_id)
       VALUES ('ДК 2023', 2023, 'Asia/Krasnoyarsk', 'г. Лесосибирск', $1) RETURNING id`,
      [lesosibirsk],
    );
    const own = await one(
      `INSERT INTO schools (cycle_id, name, category, municipality, emails) VALUES ($1, 'СОШ № 1', 'shnor', NULL, '{}') RETURNING id`,
      [cycle],
    );
    const elsewhere = await one(
      `INSERT INTO schools (cycle_id, name, category, municipality, emails) VALUES ($1, 'СОШ № 2', 'shnor', 'Усть-Илимский  район', '{}') RETURNING id`,
      [cycle],
    );
    const roadmap = await one(
      `INSERT INTO roadmaps (title, year, timezone, document, municipality)
       VALUES ('ДК', 2023, 'Asia/Krasnoyarsk', '{}'::jsonb, 'г. Лесосибирск') RETURNING id`,
    );
    const user = await one(`INSERT INTO users (email, display_name) VALUES ('k@example.ru', 'К') RETURNING id`);
    const grant = (role: string, kind: string, value: string) =>
      one(`INSERT INTO role_grants (user_id, role, scope_kind, scope_value) VALUES ($1, $2, $3, $4) RETURNING id`, [
        user,
        role,
        kind,
        value,
      ]);
    const coordinator = await grant('municipal_coordinator', 'municipality', 'Г.  ЛЕСОСИБИРСК');
    const supervisor = await grant('supervisor', 'municipality', 'г. Братск');
    const regional = await grant('regional_coordinator', 'region', region.toUpperCase());
    const mars = await grant('regional_coordinator', 'region', 'Марсианская область');

    const applied = await runMigrations(url);
    expect(applied[0]).toBe(MIGRATION);

    const after = await snapshot();
    // The placeholder region is the installation's now; the other region is an entry of its own.
    expect(after.regions).toEqual(expect.arrayContaining([{ id: placeholder, name: region }]));
    const marsId = after.regions.find((r) => r.name === 'Марсианская область')?.id;
    expect(marsId).toBeDefined();
    const bratsk = after.municipalities.find((m) => m.name === 'г. Братск')?.id;
    const ustIlimsk = after.municipalities.find((m) => m.name === 'Усть-Илимский район')?.id;
    expect(after.grants).toEqual(
      new Map([
        [coordinator, lesosibirsk],
        [supervisor, bratsk],
        [regional, placeholder],
        [mars, marsId],
      ]),
    );
    // Every access check now compares ids: schools (own, else the cycle's) and roadmaps carry theirs.
    expect(after.schools).toEqual(
      new Map([
        [own, lesosibirsk],
        [elsewhere, ustIlimsk],
      ]),
    );
    expect(after.roadmaps).toEqual(new Map([[roadmap, lesosibirsk]]));

    const migration = MIGRATIONS.find((m) => m.name === MIGRATION);
    if (!migration) throw new Error(`${MIGRATION} is not registered`);
    const dataSource = new DataSource(createDataSourceOptions(url, 1));
    await dataSource.initialize();
    const runner = dataSource.createQueryRunner();
    try {
      await new migration().down(runner);
      const names = await db.query(`SELECT id, scope_value FROM role_grants ORDER BY id`);
      expect(new Map(names.rows.map((r) => [r.id, r.scope_value]))).toEqual(
        new Map([
          [coordinator, 'г. Лесосибирск'],
          [supervisor, 'г. Братск'],
          [regional, region],
          [mars, 'Марсианская область'],
        ]),
      );
      const columns = await db.query(
        `SELECT table_name FROM information_schema.columns
          WHERE column_name = 'municipality_id' AND table_name IN ('schools', 'roadmaps')`,
      );
      expect(columns.rows).toEqual([]);

      await new migration().up(runner);
      expect(await snapshot()).toEqual(after);
    } finally {
      await runner.release();
      await dataSource.destroy();
    }
  });

  async function snapshot() {
    const regions = (await db.query(`SELECT id, name FROM regions ORDER BY name`)).rows as {
      id: string;
      name: string;
    }[];
    const municipalities = (await db.query(`SELECT id, name FROM municipalities ORDER BY name`)).rows as {
      id: string;
      name: string;
    }[];
    const pairs = async (sql: string) =>
      new Map(((await db.query(sql)).rows as { id: string; value: string }[]).map((r) => [r.id, r.value]));
    return {
      regions,
      municipalities,
      grants: await pairs(`SELECT id, scope_value AS value FROM role_grants`),
      schools: await pairs(`SELECT id, municipality_id AS value FROM schools`),
      roadmaps: await pairs(`SELECT id, municipality_id AS value FROM roadmaps`),
    };
  }

  async function one(sql: string, params: unknown[] = []): Promise<string> {
    const result = await db.query(sql, params);
    return result.rows[0].id as string;
  }
});
