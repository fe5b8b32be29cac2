import os from 'node:os';
import path from 'node:path';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DefaultLogger, Runtime } from '@temporalio/worker';
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
let runtimeInstalled = false;

export async function startOrientirApps(overrides: Record<string, string> = {}): Promise<OrientirApps> {
  if (!runtimeInstalled) {
    // Worker lifecycle chatter at INFO drowns the test report; warnings and errors still show.
    try {
      Runtime.install({ logger: new DefaultLogger('WARN') });
    } catch {
      // Already installed for this process by an earlier test file: keep it.
    }
    runtimeInstalled = true;
  }
  const config = loadAppConfig({
    NODE_ENV: 'test',
    DATABASE_URL: testEnv('databaseUrl'),
    SMTP_URL: testEnv('smtpUrl'),
    TEMPORAL_ADDRESS: testEnv('temporalAddress'),
    // A queue per test file: a worker of another file never picks up these workflows.
    TEMPORAL_TASK_QUEUE: `it-${process.pid}-${Date.now()}`,
    PUBLIC_URL: 'http://orientir.test',
    // Tests that count reminder letters get each item at once; the digest tests set their own.
    NOTIFY_DEFAULT_MODE: 'instant',
    // Uploads of this test process, out of the repository's data folder.
    FILES_DIR: path.join(os.tmpdir(), `orientir-test-files-${process.pid}`),
    ...overrides,
  });
  await runMigrations(config.database.url);
  const worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    logger: ['error', 'warn'],
  });
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
