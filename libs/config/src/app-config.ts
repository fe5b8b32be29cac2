// Configuration of the API and the worker, validated once at start-up into a typed object.
import fs from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_TASK_QUEUE } from '@orientir/contracts';
import { DEPLOYMENT_SECRETS, deploymentSchema, toDeploymentConfig, type DeploymentConfig } from './deployment-config';

const url = (protocols: string[]) =>
  z
    .string()
    .trim()
    .refine(
      (value) => {
        try {
          return protocols.includes(new URL(value).protocol.replace(':', ''));
        } catch {
          return false;
        }
      },
      `must be a URL with scheme ${protocols.join(' or ')}`,
    );

const port = z.coerce.number().int().min(1).max(65535);

/** A folder the process can write to, or can create (its nearest existing parent is writable). */
const writableFolder = z
  .string()
  .trim()
  .min(1)
  .refine(canWriteFolder, 'must be a folder this process can create or write to');

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  API_HOST: z.string().default('127.0.0.1'),
  API_PORT: port.default(3000),
  PUBLIC_URL: url(['http', 'https']).default('http://localhost:3000'),
  DATABASE_URL: url(['postgres', 'postgresql']),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  TEMPORAL_ADDRESS: z
    .string()
    .regex(/^[\w.-]+:\d+$/, 'must be host:port')
    .default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default(DEFAULT_TASK_QUEUE),
  SMTP_URL: url(['smtp', 'smtps']),
  MAIL_FROM: z.string().min(3).default('Ориентир <noreply@orientir.local>'),
  /** Who may set X-Forwarded-For: the login rate limit and the audit log use the client's address behind it. */
  TRUST_PROXY: z
    .string()
    .default('false')
    .refine((v) => {
      const parsed = trustProxy(v);
      return !Array.isArray(parsed) || parsed.every(isProxyEntry);
    }, 'must be false, true, a hop count, or a comma list of IP addresses/subnets or loopback, linklocal, uniquelocal')
    .transform(trustProxy),
  /** The region this installation serves; a regional grant counts only when it names this region. */
  REGION: z.string().trim().min(1).default('Иркутская область'),
  /** Mail for a person without a saved preference: one digest a working day, or each item at once. */
  NOTIFY_DEFAULT_MODE: z.enum(['digest', 'instant']).default('digest'),
  /** Local time the daily digest goes out in every time zone, HH:MM. */
  DIGEST_SEND_TIME: z
    .string()
    .default('09:00')
    .refine((v) => /^([01]\d|2[0-3]):[0-5]\d$/.test(v), 'must be a local time HH:MM, e.g. 09:00'),
  /** The data folder (the start command's too); uploads go to its `files` unless FILES_DIR says otherwise. */
  ORIENTIR_DATA_DIR: z.string().trim().min(1).default('.data'),
  /** Uploaded files, content-addressed by sha256. */
  FILES_DIR: writableFolder.optional(),
  REMINDER_DAYS_BEFORE: z
    .string()
    .default('7,1')
    .transform((v) => v.split(',').map((s) => Number(s.trim())))
    .refine(
      (days) => days.length > 0 && days.every((d) => Number.isInteger(d) && d > 0),
      'must be a comma-separated list of positive whole days',
    ),
});

type Env = z.infer<typeof schema>;

export interface AppConfig {
  env: Env['NODE_ENV'];
  api: { host: string; port: number; publicUrl: string; trustProxy: boolean | number | string[] };
  database: { url: string; poolSize: number };
  temporal: { address: string; namespace: string; taskQueue: string };
  mail: { smtpUrl: string; from: string };
  reminders: { daysBefore: number[] };
  notifications: { defaultMode: 'digest' | 'instant'; digestHour: number; digestMinute: number };
  region: string;
  /** Where the local-disk file storage keeps uploads (an absolute path). */
  files: { dir: string };
  /** Multi-machine settings (Temporal TLS, SMTP pool, concurrency, sticky cache): deployment-config.ts. */
  deployment: DeploymentConfig;
}

export class ConfigValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigValidationError';
  }
}

/** Parses the environment; throws one error listing every bad variable by name. */
export function loadAppConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = schema.safeParse(env);
  const deployment = deploymentSchema.safeParse(env);
  if (!parsed.success || !deployment.success) {
    const issues = [...(parsed.error?.issues ?? []), ...(deployment.error?.issues ?? [])];
    throw new ConfigValidationError(
      issues.map((issue) => {
        const name = issue.path.join('.');
        const value = env[name];
        const shown =
          value === undefined
            ? 'not set'
            : DEPLOYMENT_SECRETS.has(name)
              ? 'value hidden'
              : `got "${redact(name, value)}"`;
        return `${name}: ${issue.message} (${shown})`;
      }),
    );
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    api: {
      host: e.API_HOST,
      port: e.API_PORT,
      publicUrl: e.PUBLIC_URL.replace(/\/$/, ''),
      trustProxy: e.TRUST_PROXY,
    },
    database: { url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE },
    temporal: { address: e.TEMPORAL_ADDRESS, namespace: e.TEMPORAL_NAMESPACE, taskQueue: e.TEMPORAL_TASK_QUEUE },
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM },
    reminders: { daysBefore: e.REMINDER_DAYS_BEFORE },
    notifications: {
      defaultMode: e.NOTIFY_DEFAULT_MODE,
      digestHour: Number(e.DIGEST_SEND_TIME.slice(0, 2)),
      digestMinute: Number(e.DIGEST_SEND_TIME.slice(3, 5)),
    },
    region: e.REGION,
    files: { dir: path.resolve(e.FILES_DIR ?? path.join(e.ORIENTIR_DATA_DIR, 'files')) },
    deployment: toDeploymentConfig(deployment.data),
  };
}

/**
 * URLs may carry passwords; never echo them back. One that does not parse (e.g. a password with
 * `#`) cannot be redacted reliably, so only its scheme is shown.
 */
function redact(name: string, value: string): string {
  if (!name.endsWith('_URL')) return value;
  try {
    const u = new URL(value);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value.trim())?.[1];
    return `${scheme ? `${scheme}://` : ''}… (not shown: it may hold a password)`;
  }
}

/**
 * TRUST_PROXY as Express reads it: false (no proxy), true (trust every hop), a hop count, or a
 * comma list of addresses/subnets or the names loopback, linklocal, uniquelocal.
 */
function trustProxy(value: string): boolean | number | string[] {
  const v = value.trim().toLowerCase();
  if (v === 'false' || v === '') return false;
  if (v === 'true') return true;
  if (/^\d+$/.test(v)) return Number(v);
  return v.split(',').map((s) => s.trim());
}

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);
function isProxyEntry(entry: string): boolean {
  const [address, bits, extra] = entry.split('/');
  if (extra !== undefined) return false;
  if (bits === undefined && PROXY_NAMES.has(address)) return true;
  const version = isIP(address);
  if (!version) return false;
  return bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128));
}

function canWriteFolder(folder: string): boolean {
  let current = path.resolve(folder);
  for (;;) {
    try {
      if (!fs.statSync(current).isDirectory()) return false;
      fs.accessSync(current, fs.constants.W_OK | fs.constants.X_OK);
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return false;
      const parent = path.dirname(current);
      if (parent === current) return false;
      current = parent;
    }
  }
}

/** For process entry points: print every problem and stop with a non-zero code. */
export function loadAppConfigOrExit(env: NodeJS.ProcessEnv = process.env): AppConfig {
  try {
    return loadAppConfig(env);
  } catch (error) {
    if (error instanceof ConfigValidationError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
}
