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

/** Starts the apps for one test file (beforeAll) and stops them after it (afterAll). */
export function useHarness(): Harness {
  const harness = {} as Harness;
  beforeAll(async () => {
    harness.apps = await startOrientirApps();
    harness.admin = await clientWith(harness.apps, ADMIN);
    harness.db = new PgClient({ connectionString: testEnv('databaseUrl') });
    await harness.db.connect();
  });
  afterAll(async () => {
    await harness.db?.end();
    await harness.apps?.close();
  });
  return harness;
}
