// Settings for running beyond one machine (docs/deployment.md): Temporal over TLS / mTLS or with
// a Temporal Cloud API key, the SMTP pool and rate limit, launch and worker concurrency, and the
// worker's sticky cache. Kept apart from the core schema; loadAppConfig merges both.
import fs from 'node:fs';
import { z } from 'zod';

const positiveInt = (max: number) => z.coerce.number().int().min(1).max(max);
const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const readableFile = z
  .string()
  .trim()
  .min(1)
  .refine((file) => {
    try {
      fs.accessSync(file, fs.constants.R_OK);
      return fs.statSync(file).isFile();
    } catch {
      return false;
    }
  }, 'must be a readable file');

export const deploymentSchema = z
  .object({
    TEMPORAL_TLS: flag.optional(),
    TEMPORAL_TLS_CA_FILE: readableFile.optional(),
    TEMPORAL_TLS_CERT_FILE: readableFile.optional(),
    TEMPORAL_TLS_KEY_FILE: readableFile.optional(),
    TEMPORAL_TLS_SERVER_NAME: z.string().trim().min(1).optional(),
    TEMPORAL_API_KEY: z.string().trim().min(1).optional(),
    SMTP_POOL_SIZE: positiveInt(50).default(5),
    SMTP_RATE_LIMIT_PER_SECOND: z.coerce.number().int().min(0).max(10_000).default(0),
    /** Messages the outbox dispatcher has at the SMTP server at once; by default the pool size. */
    MAIL_DISPATCH_CONCURRENCY: positiveInt(200).optional(),
    /** How long a transiently failing message is retried before it is marked undeliverable. */
    MAIL_RETRY_HOURS: positiveInt(24 * 14).default(72),
    LAUNCH_CONCURRENCY: positiveInt(256).default(32),
    WORKER_MAX_CACHED_WORKFLOWS: z.coerce.number().int().min(0).max(100_000).default(1000),
    WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: positiveInt(1000).default(40),
    WORKER_MAX_CONCURRENT_ACTIVITIES: positiveInt(1000).default(50),
  })
  .superRefine((e, ctx) => {
    if (Boolean(e.TEMPORAL_TLS_CERT_FILE) !== Boolean(e.TEMPORAL_TLS_KEY_FILE)) {
      const missing = e.TEMPORAL_TLS_CERT_FILE ? 'TEMPORAL_TLS_KEY_FILE' : 'TEMPORAL_TLS_CERT_FILE';
      ctx.addIssue({ code: 'custom', path: [missing], message: 'mTLS needs both the certificate and its key' });
    }
    const wantsTls =
      e.TEMPORAL_TLS_CA_FILE || e.TEMPORAL_TLS_CERT_FILE || e.TEMPORAL_API_KEY || e.TEMPORAL_TLS_SERVER_NAME;
    if (e.TEMPORAL_TLS === false && wantsTls) {
      ctx.addIssue({
        code: 'custom',
        path: ['TEMPORAL_TLS'],
        message: 'is false, but TLS files, a server name or an API key are set (they need TLS)',
      });
    }
    if (e.WORKER_MAX_CACHED_WORKFLOWS > 0 && e.WORKER_MAX_CONCURRENT_WORKFLOW_TASKS < 2) {
      ctx.addIssue({
        code: 'custom',
        path: ['WORKER_MAX_CONCURRENT_WORKFLOW_TASKS'],
        message: 'must be at least 2 while the sticky cache is on (WORKER_MAX_CACHED_WORKFLOWS > 0)',
      });
    }
  });

export interface TemporalTlsConfig {
  serverNameOverride?: string;
  serverRootCACertificate?: Buffer;
  clientCertPair?: { crt: Buffer; key: Buffer };
}

export interface DeploymentConfig {
  /** null: plain gRPC (the dev server). */
  temporalTls: TemporalTlsConfig | null;
  temporalApiKey: string | null;
  smtp: { poolSize: number; ratePerSecond: number; dispatchConcurrency: number; retryHours: number };
  launch: { concurrency: number };
  worker: { maxCachedWorkflows: number; maxConcurrentWorkflowTasks: number; maxConcurrentActivities: number };
}

export function toDeploymentConfig(e: z.infer<typeof deploymentSchema>): DeploymentConfig {
  const tlsOn = e.TEMPORAL_TLS ?? Boolean(e.TEMPORAL_TLS_CA_FILE || e.TEMPORAL_TLS_CERT_FILE || e.TEMPORAL_API_KEY);
  return {
    temporalTls: tlsOn
      ? {
          ...(e.TEMPORAL_TLS_SERVER_NAME ? { serverNameOverride: e.TEMPORAL_TLS_SERVER_NAME } : {}),
          ...(e.TEMPORAL_TLS_CA_FILE ? { serverRootCACertificate: fs.readFileSync(e.TEMPORAL_TLS_CA_FILE) } : {}),
          ...(e.TEMPORAL_TLS_CERT_FILE && e.TEMPORAL_TLS_KEY_FILE
            ? {
                clientCertPair: {
                  crt: fs.readFileSync(e.TEMPORAL_TLS_CERT_FILE),
                  key: fs.readFileSync(e.TEMPORAL_TLS_KEY_FILE),
                },
              }
            : {}),
        }
      : null,
    temporalApiKey: e.TEMPORAL_API_KEY ?? null,
    smtp: {
      poolSize: e.SMTP_POOL_SIZE,
      ratePerSecond: e.SMTP_RATE_LIMIT_PER_SECOND,
      dispatchConcurrency: e.MAIL_DISPATCH_CONCURRENCY ?? e.SMTP_POOL_SIZE,
      retryHours: e.MAIL_RETRY_HOURS,
    },
    launch: { concurrency: e.LAUNCH_CONCURRENCY },
    worker: {
      maxCachedWorkflows: e.WORKER_MAX_CACHED_WORKFLOWS,
      maxConcurrentWorkflowTasks: e.WORKER_MAX_CONCURRENT_WORKFLOW_TASKS,
      maxConcurrentActivities: e.WORKER_MAX_CONCURRENT_ACTIVITIES,
    },
  };
}

/** Keys whose values are never echoed in an error. */
export const DEPLOYMENT_SECRETS = new Set(['TEMPORAL_API_KEY']);
