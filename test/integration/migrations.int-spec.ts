import { randomUUID } from 'node:crypto';
import { Client as PgClient } from 'pg';
import { MIGRATIONS, runMigrations } from '@orientir/persistence';
import { testEnv } from '../setup/test-infrastructure';

/** The API and the worker both migrate at start; on an empty database they must not race. */
describe('migrations', () => {
  const name = `orientir_migrate_${randomUUID().replace(/-/g, '')}`;
  const url = new URL(testEnv('databaseUrl'));
  const admin = new PgClient({ connectionString: testEnv('databaseUrl') });
  url.pathname = `/${name}`;

  beforeAll(async () => {
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
  });

  afterAll(async () => {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  });

  it('applies every migration exactly once when three processes start together on an empty database', async () => {
    const results = await Promise.all([
      runMigrations(url.toString()),
      runMigrations(url.toString()),
      runMigrations(url.toString()),
    ]);
    expect(results.flat().sort()).toEqual(MIGRATIONS.map((m) => m.name).sort());
    const db = new PgClient({ connectionString: url.toString() });
    await db.connect();
    try {
      const recorded = await db.query('SELECT count(*)::int AS n FROM migrations');
      expect(recorded.rows[0].n).toBe(MIGRATIONS.length);
    } finally {
      await db.end();
    }
  });
});
