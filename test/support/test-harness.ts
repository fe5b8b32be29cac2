import { randomUUID } from 'node:crypto';
import { Client as PgClient } from 'pg';
import { testEnv } from '../setup/test-infrastructure';
import { ADMIN, clientWith, type ApiClient } from './auth-clients';
import { startOrientirApps, type OrientirApps } from './orientir-apps';

export interface Harness {
  apps: OrientirApps;
  /** A direct connection, for asserting what is (and is not) stored. */
  db: PgClient;
  /** An admin session client. */
  admin: ApiClient;
}

/**
 * Starts the apps for one test file (beforeAll) and stops them after it (afterAll). With
 * `ownDatabase`, the file gets a fresh, migrated database of its own (dropped afterwards): for tests
 * that count whole tables or match against the whole directory, which other files' rows would skew.
 */
export function useHarness(options: { ownDatabase?: boolean } = {}): Harness {
  const harness = {} as Harness;
  let admin: PgClient | undefined;
  const name = `orientir_iso_${randomUUID().replace(/-/g, '')}`;
  let url = testEnv('databaseUrl');
  beforeAll(async () => {
    if (options.ownDatabase) {
      admin = new PgClient({ connectionString: testEnv('databaseUrl') });
      await admin.connect();
      await admin.query(`CREATE DATABASE "${name}"`);
      const own = new URL(url);
      own.pathname = `/${name}`;
      url = own.toString();
    }
    harness.apps = await startOrientirApps(options.ownDatabase ? { DATABASE_URL: url } : {});
    harness.admin = await clientWith(harness.apps, ADMIN);
    harness.db = new PgClient({ connectionString: url });
    await harness.db.connect();
  });
  afterAll(async () => {
    await harness.db?.end();
    await harness.apps?.close();
    if (admin) {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    }
  });
  return harness;
}
