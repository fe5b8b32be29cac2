// Global setup runs outside jest's module registry, so the path aliases are registered here.
import 'tsconfig-paths/register';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { startInfrastructure, type RunningInfrastructure } from '../../infra/stack/infrastructure';
import { TEST_ENV, testInfrastructureSettings } from './test-infrastructure';

declare global {
  var __ORIENTIR_INFRA__: RunningInfrastructure | undefined;
  var __ORIENTIR_TEST_PG_DIR__: string | undefined;
}

export default async function globalSetup(): Promise<void> {
  const root = path.resolve(__dirname, '../..');
  const runId = `${process.pid}-${Date.now()}`;
  const started = Date.now();
  const settings = testInfrastructureSettings(runId);
  const infra = await startInfrastructure(settings);
  globalThis.__ORIENTIR_INFRA__ = infra;
  globalThis.__ORIENTIR_TEST_PG_DIR__ = infra.started.includes('postgres')
    ? path.dirname(settings.postgres.dataDir)
    : undefined;
  process.env[TEST_ENV.databaseUrl] = infra.databaseUrl;
  process.env[TEST_ENV.smtpUrl] = infra.smtpUrl;
  process.env[TEST_ENV.mailViewerUrl] = infra.mailViewerUrl ?? '';
  process.env[TEST_ENV.temporalAddress] = infra.temporalAddress;
  process.env[TEST_ENV.testServerPath] = execFileSync(
    'bash',
    [path.join(root, 'infra/temporal/ensure-test-server.sh')],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  ).trim();
  process.stdout.write(
    `\n[test] infrastructure ready in ${((Date.now() - started) / 1000).toFixed(1)} s (started: ${infra.started.join(', ') || 'none, all reused'})\n`,
  );
}
