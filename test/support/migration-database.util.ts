import { randomUUID } from 'node:crypto';
import { Client as PgClient } from 'pg';
import { DataSource } from 'typeorm';
import { MIGRATIONS, createDataSourceOptions } from '@orientir/persistence';
import { testEnv } from '../setup/test-infrastructure';

/**
 * A throw-away database migrated up to (not including) `migration`, for a migration test to fill the
 * way the code before it wrote rows. `db` is connected in beforeAll; the database is dropped afterAll.
 */
export function useDatabaseBefore(migration: string): { url: string; db: PgClient } {
  const name = `orientir_mig_${randomUUID().replace(/-/g, '')}`;
  const url = new URL(testEnv('databaseUrl'));
  url.pathname = `/${name}`;
  const admin = new PgClient({ connectionString: testEnv('databaseUrl') });
  const db = new PgClient({ connectionString: url.toString() });

  beforeAll(async () => {
    const index = MIGRATIONS.findIndex((m) => m.name === migration);
    if (index < 0) throw new Error(`${migration} is not registered`);
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    const previous = new DataSource({
      ...createDataSourceOptions(url.toString(), 1),
      migrations: MIGRATIONS.slice(0, index),
    });
    await previous.initialize();
    await previous.runMigrations();
    await previous.destroy();
    await db.connect();
  });

  afterAll(async () => {
    await db.end();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  });

  return { url: url.toString(), db };
}
