import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigValidationError, loadAppConfig } from './app-config';

const valid = { DATABASE_URL: 'postgres://u:secret@localhost:5432/db', SMTP_URL: 'smtp://localhost:1025' };

function problemsOf(env: Record<string, string>): string {
  try {
    loadAppConfig({ ...valid, ...env });
  } catch (error) {
    if (error instanceof ConfigValidationError) return error.problems.join('\n');
    throw error;
  }
  throw new Error('expected a ConfigValidationError');
}

describe('deployment settings', () => {
  let dir: string;
  let ca: string;
  let cert: string;
  let key: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'orientir-config-'));
    [ca, cert, key] = ['ca.pem', 'client.pem', 'client.key'].map((name) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, `-----BEGIN ${name}-----\n`);
      return file;
    }) as [string, string, string];
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('defaults to plain gRPC, a 5-connection SMTP pool without a rate limit, and named worker limits', () => {
    expect(loadAppConfig(valid).deployment).toEqual({
      temporalTls: null,
      temporalApiKey: null,
      smtp: { poolSize: 5, ratePerSecond: 0, dispatchConcurrency: 5, retryHours: 72 },
      launch: { concurrency: 32 },
      worker: { maxCachedWorkflows: 1000, maxConcurrentWorkflowTasks: 40, maxConcurrentActivities: 50 },
    });
  });

  it('reads the mTLS files and the server name, and turns TLS on for them', () => {
    const { deployment } = loadAppConfig({
      ...valid,
      TEMPORAL_TLS_CA_FILE: ca,
      TEMPORAL_TLS_CERT_FILE: cert,
      TEMPORAL_TLS_KEY_FILE: key,
      TEMPORAL_TLS_SERVER_NAME: 'temporal.internal',
      SMTP_POOL_SIZE: '10',
      SMTP_RATE_LIMIT_PER_SECOND: '14',
      LAUNCH_CONCURRENCY: '64',
      WORKER_MAX_CACHED_WORKFLOWS: '500',
    });
    expect(deployment.temporalTls?.serverNameOverride).toBe('temporal.internal');
    expect(deployment.temporalTls?.serverRootCACertificate?.toString()).toContain('ca.pem');
    expect(deployment.temporalTls?.clientCertPair?.crt.toString()).toContain('client.pem');
    expect(deployment.temporalTls?.clientCertPair?.key.toString()).toContain('client.key');
    expect(deployment.smtp).toEqual({ poolSize: 10, ratePerSecond: 14, dispatchConcurrency: 10, retryHours: 72 });
    expect(deployment.launch.concurrency).toBe(64);
    expect(deployment.worker.maxCachedWorkflows).toBe(500);
  });

  it('an API key alone means TLS with the system roots (Temporal Cloud)', () => {
    const { deployment } = loadAppConfig({ ...valid, TEMPORAL_API_KEY: 'key-123' });
    expect(deployment.temporalTls).toEqual({});
    expect(deployment.temporalApiKey).toBe('key-123');
  });

  it('names a missing file, half a client pair, TLS switched off against its settings, and bad numbers', () => {
    const problems = problemsOf({
      TEMPORAL_TLS_CA_FILE: path.join(dir, 'absent.pem'),
      LAUNCH_CONCURRENCY: '0',
      SMTP_RATE_LIMIT_PER_SECOND: 'fast',
    });
    expect(problems).toMatch(/^TEMPORAL_TLS_CA_FILE: must be a readable file/m);
    expect(problems).toMatch(/^LAUNCH_CONCURRENCY: /m);
    expect(problems).toMatch(/^SMTP_RATE_LIMIT_PER_SECOND: /m);
    // Cross-field rules run once every single value is well-formed.
    expect(problemsOf({ TEMPORAL_TLS_CERT_FILE: cert })).toMatch(/^TEMPORAL_TLS_KEY_FILE: mTLS needs both/m);
    expect(problemsOf({ TEMPORAL_TLS: 'false', TEMPORAL_API_KEY: 'k' })).toMatch(/^TEMPORAL_TLS: is false/m);
    expect(problemsOf({ WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: '1' })).toMatch(
      /^WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: must be at least 2/m,
    );
  });

  it('never echoes the API key', () => {
    const problems = problemsOf({ TEMPORAL_TLS: 'no', TEMPORAL_API_KEY: 'super-secret-key' });
    expect(problems).toMatch(/^TEMPORAL_TLS: /m);
    expect(problemsOf({ TEMPORAL_API_KEY: '   ' })).toMatch(/^TEMPORAL_API_KEY: .*value hidden/m);
    expect(problems).not.toContain('super-secret-key');
  });
});
