// The dev server speaks plain gRPC only, so a real TLS handshake cannot succeed here. What is
// checked: TLS settings reach the worker's connection, and a TLS mismatch or a bad certificate
// stops the worker at start with an error that names the address, the mode and what to check.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { loadAppConfig } from '@orientir/config';
import { OutboxDispatcherService } from '../../apps/worker/src/outbox-dispatcher.service';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { testEnv } from '../setup/test-infrastructure';

async function startWorker(env: Record<string, string>): Promise<unknown> {
  const config = loadAppConfig({
    NODE_ENV: 'test',
    DATABASE_URL: testEnv('databaseUrl'),
    SMTP_URL: testEnv('smtpUrl'),
    TEMPORAL_ADDRESS: testEnv('temporalAddress'),
    TEMPORAL_TASK_QUEUE: `tls-${process.pid}`,
    ...env,
  });
  // A testing module, not NestFactory: after a failed start Nest's close() only rethrows the start
  // error, so what the module opened before the failure (the outbox dispatcher's loop, the database
  // pool) is closed here by hand; left open, it kept jest alive after the whole integration run.
  const app = await Test.createTestingModule({ imports: [WorkerModule.forRoot(config)] }).compile();
  app.useLogger(false);
  try {
    await app.init();
    await app.close();
    return null;
  } catch (error) {
    await app.get(OutboxDispatcherService).onApplicationShutdown();
    await app.get(DataSource).destroy();
    return error;
  }
}

describe('Temporal over TLS', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'orientir-tls-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('TLS against a plain server fails at start with a clear error', async () => {
    const error = await startWorker({ TEMPORAL_TLS: 'true' });
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(
      new RegExp(
        `Cannot connect to Temporal at ${testEnv('temporalAddress').replace('.', '\\.')} over TLS: .*Hint: check TEMPORAL_TLS_CA_FILE`,
      ),
    );
  }, 60_000);

  it('a CA file that is not a certificate fails at start, naming mTLS', async () => {
    const bad = path.join(dir, 'not-a-cert.pem');
    fs.writeFileSync(bad, '-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n');
    const error = await startWorker({
      TEMPORAL_TLS_CA_FILE: bad,
      TEMPORAL_TLS_CERT_FILE: bad,
      TEMPORAL_TLS_KEY_FILE: bad,
    });
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(
      /Cannot connect to Temporal at .* over TLS with a client certificate \(mTLS\)/,
    );
  }, 60_000);
});
