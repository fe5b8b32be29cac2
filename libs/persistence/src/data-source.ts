import { DataSource, type DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

export function createDataSourceOptions(url: string, poolSize = 10): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    synchronize: false,
    migrationsRun: false,
    extra: { max: poolSize },
  };
}

/** Any fixed key: every Orientir process that migrates takes the same PostgreSQL advisory lock. */
const MIGRATION_LOCK_KEY = 7_411_020_231;

/**
 * Applies pending migrations; safe on every start. The API and the worker both migrate when they
 * start and TypeORM takes no lock of its own, so an advisory lock makes concurrent starts wait
 * for each other instead of racing to create the same tables.
 */
export async function runMigrations(url: string): Promise<string[]> {
  const dataSource = new DataSource({ ...createDataSourceOptions(url, 2), migrationsTransactionMode: 'each' });
  await dataSource.initialize();
  const lock = dataSource.createQueryRunner();
  try {
    await lock.connect();
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await dataSource.runMigrations();
    return applied.map((m) => m.name);
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lock.release();
    await dataSource.destroy();
  }
}
