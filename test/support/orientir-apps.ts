import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadAppConfig, type AppConfig } from '@orientir/config';
import { runMigrations } from '@orientir/persistence';
import { ApiModule } from '../../apps/api/src/api.module';
import { configureApi } from '../../apps/api/src/configure-api';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { testEnv } from '../setup/test-infrastructure';

export interface OrientirApps {
  config: AppConfig;
  api: INestApplication;
  worker: INestApplicationContext;
  close(): Promise<void>;
}

/** The real API and worker modules, in-process, against the real servers of the global setup. */
export async function startOrientirApps(overrides: Record<string, string> = {}): Promise<OrientirApps> {
  const config = loadAppConfig({
    NODE_ENV: 'test',
    DATABASE_URL: testEnv('databaseUrl'),
    SMTP_URL: testEnv('smtpUrl'),
    TEMPORAL_ADDRESS: testEnv('temporalAddress'),
    // A queue per test file: a worker of another file never picks up these workflows.
    TEMPORAL_TASK_QUEUE: `it-${process.pid}-${Date.now()}`,
    PUBLIC_URL: 'http://orientir.test',
    ...overrides,
  });
  await runMigrations(config.database.url);
  const worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: ['error', 'warn'] });
  const api = await NestFactory.create(ApiModule.forRoot(config), { logger: ['error', 'warn'] });
  configureApi(api);
  await api.init();
  return {
    config,
    api,
    worker,
    async close() {
      await api.close();
      await worker.close();
    },
  };
}
