import os from 'node:os';
import path from 'node:path';
import type { InfrastructureSettings } from '../../infra/stack/infrastructure';

const ROOT = path.resolve(__dirname, '../..');

/** Test ports differ from the demo's, so tests run beside a running product. */
export function testInfrastructureSettings(runId: string): InfrastructureSettings {
  const env = process.env;
  return {
    root: ROOT,
    logDir: path.join(ROOT, '.data/test-logs'),
    temporal: {
      external: env.TEST_TEMPORAL_ADDRESS,
      port: Number(env.TEST_TEMPORAL_PORT ?? 17233),
      uiPort: 0,
      headless: true,
    },
    postgres: {
      external: env.TEST_DATABASE_URL,
      dataDir: path.join(os.tmpdir(), `orientir-test-pg-${runId}`, 'data'),
      port: Number(env.TEST_PG_PORT ?? 55439),
      database: 'orientir_test',
    },
    smtp: { port: Number(env.TEST_SMTP_PORT ?? 11025), webPort: Number(env.TEST_MAIL_UI_PORT ?? 11080) },
  };
}

/** What the global setup hands to the tests through the environment. */
export const TEST_ENV = {
  databaseUrl: 'ORIENTIR_TEST_DATABASE_URL',
  smtpUrl: 'ORIENTIR_TEST_SMTP_URL',
  mailViewerUrl: 'ORIENTIR_TEST_MAIL_VIEWER_URL',
  temporalAddress: 'ORIENTIR_TEST_TEMPORAL_ADDRESS',
  testServerPath: 'ORIENTIR_TEST_TIME_SKIPPING_SERVER',
} as const;

export function testEnv(key: keyof typeof TEST_ENV): string {
  const value = process.env[TEST_ENV[key]];
  if (!value) throw new Error(`${TEST_ENV[key]} is not set: run through test/jest.integration.config.ts`);
  return value;
}
