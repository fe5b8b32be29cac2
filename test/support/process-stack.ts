// Orientir as separate processes on servers this file owns, so fault tests and benchmarks can
// kill and restart any part: the Temporal dev server (SQLite file kept), PostgreSQL, the SMTP
// catcher, the worker and the API.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { hashPassword, issueToken } from '@orientir/credentials';
import { DEFAULT_TASK_QUEUE } from '@orientir/contracts';
import { CredentialStore, UserStore, createDataSourceOptions, runMigrations } from '@orientir/persistence';
import { MailCatcherClient, startMailCatcher, type RunningMailCatcher } from '../../infra/stack/mail-catcher.service';
import { spawnManaged, type ManagedProcess } from '../../infra/stack/managed-process.util';
import {
  hasWorkflowPollers,
  startTemporalDevServer,
  type RunningTemporal,
} from '../../infra/stack/temporal-dev-server.service';
import { waitFor } from '../../infra/stack/wait.util';

const ROOT = path.resolve(__dirname, '../..');

/**
 * Fixed ports other runs on this machine use by convention: test servers (TEST_*_PORT, 5xxxx) and
 * product stacks (PG_PORT 54329…). The OS's ephemeral range overlaps them; a port picked there could
 * be taken from under a test that starts later, so those are skipped.
 */
const RESERVED_PORTS: [number, number][] = [[50000, 56000]];

/** A port nothing listens on right now (the OS picks it), outside the reserved ranges. */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = await osPort();
    if (!RESERVED_PORTS.some(([from, to]) => port >= from && port < to)) return port;
  }
}

function osPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface AppProcess {
  name: string;
  process: ManagedProcess;
  /** SIGKILL: no shutdown hook runs, like a crash or an OOM kill. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

export interface ProcessStackOptions {
  /** Names the data folder and the log files. */
  name: string;
  /** Extra environment for the API and the worker (e.g. REMINDER_DAYS_BEFORE). */
  appEnv?: Record<string, string>;
  /** false: Temporal keeps history in memory (benchmarks); default true, a SQLite file that survives restarts. */
  persistTemporal?: boolean;
}

export class ProcessStack {
  readonly dir: string;
  readonly logDir: string;
  readonly taskQueue = `${DEFAULT_TASK_QUEUE}-${process.pid}-${Date.now()}`;
  temporal!: RunningTemporal;
  postgres!: { url: string; stop(): Promise<void> };
  smtp!: RunningMailCatcher;
  mail!: MailCatcherClient;
  /** A pool: it reconnects by itself after a PostgreSQL restart. */
  db!: Pool;
  apiUrl = '';
  adminToken = '';
  private ports!: { temporal: number; pg: number; smtp: number; mailUi: number; api: number };
  private readonly apps = new Set<AppProcess>();
  private postgresStarts = 0;

  constructor(private readonly options: ProcessStackOptions) {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), `orientir-${options.name}-`));
    fs.chmodSync(this.dir, 0o755); // PostgreSQL runs as another user when we are root
    this.logDir = path.join(this.dir, 'logs');
  }

  get temporalAddress(): string {
    return this.temporal.address;
  }

  async start(): Promise<this> {
    this.ports = {
      temporal: await freePort(),
      pg: await freePort(),
      smtp: await freePort(),
      mailUi: await freePort(),
      api: await freePort(),
    };
    this.apiUrl = `http://127.0.0.1:${this.ports.api}`;
    await Promise.all([this.startTemporal(), this.startPostgres(), this.startSmtp()]);
    await runMigrations(this.postgres.url);
    this.db = await this.connectDb();
    this.adminToken = await createAdminToken(this.postgres.url);
    return this;
  }

  async startTemporal(): Promise<void> {
    this.temporal = await startTemporalDevServer({
      root: ROOT,
      logDir: this.logDir,
      port: this.ports.temporal,
      uiPort: 0,
      headless: true,
      dbFile: this.options.persistTemporal === false ? undefined : path.join(this.dir, 'temporal/temporal.db'),
    });
  }

  async startPostgres(): Promise<void> {
    const port = this.ports.pg;
    const url = `postgres://orientir:orientir@127.0.0.1:${port}/orientir`;
    const proc = spawnManaged(
      'postgres',
      process.execPath,
      [
        '-r',
        path.join(ROOT, 'infra/register.js'),
        path.join(__dirname, 'postgres-process.main.ts'),
        path.join(this.dir, 'postgres'),
        String(port),
      ],
      { logDir: this.logDir, cwd: ROOT },
    );
    await waitFor(
      'PostgreSQL',
      async () => {
        if (proc.child.exitCode !== null) throw new Error(`PostgreSQL exited; see ${this.logDir}/postgres.log`);
        return this.logLines('postgres', 'ready ') > this.postgresStarts;
      },
      120_000,
      100,
    );
    this.postgresStarts += 1;
    this.postgres = { url, stop: () => proc.stop() };
  }

  async startSmtp(): Promise<void> {
    this.smtp = await startMailCatcher({
      root: ROOT,
      logDir: this.logDir,
      smtpPort: this.ports.smtp,
      webPort: this.ports.mailUi,
      mailDir: path.join(this.dir, 'mail'),
    });
    this.mail = new MailCatcherClient(this.smtp.webUrl);
  }

  private async connectDb(): Promise<Pool> {
    const pool = new Pool({ connectionString: this.postgres.url, max: 4 });
    pool.on('error', () => undefined); // a restart ends idle clients; the pool makes new ones
    await pool.query('SELECT 1');
    return pool;
  }

  private env(): NodeJS.ProcessEnv {
    return {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: this.postgres.url,
      SMTP_URL: this.smtp.smtpUrl,
      TEMPORAL_ADDRESS: this.temporal.address,
      TEMPORAL_TASK_QUEUE: this.taskQueue,
      API_PORT: String(this.ports.api),
      PUBLIC_URL: 'http://orientir.test',
      // Tests that count reminder letters get each item at once; the digest tests set their own.
      NOTIFY_DEFAULT_MODE: 'instant',
      FILES_DIR: path.join(this.dir, 'files'),
      ...this.options.appEnv,
    };
  }

  private spawnApp(name: 'api' | 'worker', extraEnv: Record<string, string> = {}, nodeArgs: string[] = []): AppProcess {
    const child = spawnManaged(
      name,
      process.execPath,
      [...nodeArgs, '-r', path.join(ROOT, 'infra/register.js'), path.join(ROOT, `apps/${name}/src/main.ts`)],
      { logDir: this.logDir, env: { ...this.env(), ...extraEnv }, cwd: ROOT },
    );
    const app: AppProcess = {
      name,
      process: child,
      kill: async () => {
        if (child.child.exitCode === null && child.child.signalCode === null) child.child.kill('SIGKILL');
        await child.exited;
        this.apps.delete(app);
      },
      stop: async () => {
        await child.stop();
        this.apps.delete(app);
      },
    };
    this.apps.add(app);
    return app;
  }

  /** Starts a worker and resolves once it polls the task queue (it logs that line after Worker.run). */
  async startWorker(extraEnv: Record<string, string> = {}): Promise<AppProcess> {
    const polling = () => this.logLines('worker', 'Polling task queue');
    const before = polling();
    const worker = this.spawnApp('worker', extraEnv);
    await waitFor(
      'worker polling its task queue',
      async () => {
        if (worker.process.child.exitCode !== null) throw new Error(`worker exited; see ${this.logDir}/worker.log`);
        return polling() > before;
      },
      180_000,
      250,
    );
    return worker;
  }

  /** How many lines of an app's log contain `text`. */
  logLines(name: string, text: string): number {
    const file = path.join(this.logDir, `${name}.log`);
    if (!fs.existsSync(file)) return 0;
    return fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line.includes(text)).length;
  }

  /** True while some worker polls (used after a Temporal restart). */
  isPolled(): Promise<boolean> {
    return hasWorkflowPollers(this.temporal.address, 'default', this.taskQueue);
  }

  /** Starts the API and resolves once it answers HTTP. */
  /** `nodeArgs`: e.g. --cpu-prof (not allowed in NODE_OPTIONS). */
  async startApi(extraEnv: Record<string, string> = {}, nodeArgs: string[] = []): Promise<AppProcess> {
    const api = this.spawnApp('api', extraEnv, nodeArgs);
    await waitFor(
      'API answering',
      async () => {
        if (api.process.child.exitCode !== null) throw new Error(`API exited; see ${this.logDir}/api.log`);
        const res = await fetch(`${this.apiUrl}/api/health`).catch(() => null);
        return res !== null;
      },
      180_000,
      250,
    );
    return api;
  }

  /** An API call as the admin, with the bearer token. */
  /** POST /cycles as the admin; the new cycle's id, or an error naming the status and the answer. */
  async createCycle(request: Record<string, unknown>): Promise<string> {
    const created = await this.call('POST', '/cycles', request);
    if (created.status !== 201) {
      throw new Error(`POST /cycles answered ${created.status}: ${JSON.stringify(created.body).slice(0, 500)}`);
    }
    return (created.body as { id: string }).id;
  }

  async call(method: string, route: string, body?: unknown): Promise<{ status: number; body: unknown }> {
    const res = await fetch(`${this.apiUrl}/api${route}`, {
      method,
      headers: {
        Authorization: `Bearer ${this.adminToken}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body: parsed };
  }

  async count(sql: string, params: unknown[] = []): Promise<number> {
    const { rows } = await this.db.query<{ n: string }>(sql, params);
    return Number(rows[0]?.n ?? 0);
  }

  async stop(): Promise<void> {
    await Promise.allSettled([...this.apps].map((a) => a.stop()));
    await this.db?.end().catch(() => undefined);
    await Promise.allSettled([this.temporal?.stop(), this.postgres?.stop(), this.smtp?.stop()]);
    if (!process.env.ORIENTIR_KEEP_FAULT_DATA) fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/** An admin account and a bearer token, straight in the database. */
async function createAdminToken(url: string): Promise<string> {
  const dataSource = new DataSource(createDataSourceOptions(url, 1));
  await dataSource.initialize();
  try {
    const email = `admin-${Date.now()}@faults.orientir.local`;
    const password = `Пароль-${Math.random().toString(36).slice(2)}-Z9`;
    await new UserStore(dataSource).upsert({
      email,
      displayName: 'Администратор (отказоустойчивость)',
      passwordHash: await hashPassword(password),
      grants: [{ role: 'admin', scopeKind: 'global', scopeValue: null }],
    });
    const user = await new UserStore(dataSource).findByEmail(email);
    const issued = issueToken('api');
    await new CredentialStore(dataSource).createApiToken({
      userId: user!.id,
      name: 'fault tests',
      tokenHash: issued.hash,
      expiresAt: new Date(Date.now() + 24 * 3600_000),
    });
    return issued.token;
  } finally {
    await dataSource.destroy();
  }
}

/** A cycle request: `schools` schools, `events` events, each event with `executors` executors with an e-mail. */
export function cycleRequest(o: {
  title: string;
  schools: number;
  events: number;
  executors?: number;
  opensAt: Date;
  deadline: Date;
  timezone?: string;
}): Record<string, unknown> {
  return {
    title: o.title,
    year: o.opensAt.getUTCFullYear(),
    timezone: o.timezone ?? 'Asia/Irkutsk',
    schools: Array.from({ length: o.schools }, (_, i) => ({
      name: `Школа № ${i + 1}`,
      category: 'shnor',
    })),
    events: Array.from({ length: o.events }, (_, i) => ({
      number: `${i + 1}`,
      title: `Мероприятие ${i + 1}`,
      opensAt: o.opensAt.toISOString(),
      deadline: o.deadline.toISOString(),
      executors: Array.from({ length: o.executors ?? 1 }, (_, k) => ({
        name: `Исполнитель ${i + 1}.${k + 1}`,
        email: `executor-${i + 1}-${k + 1}@faults.orientir.local`,
      })),
    })),
  };
}

/**
 * Reminders go at 09:00 local on working days, N working days before the deadline; with no such
 * morning between the opening and the deadline they go at the opening. A fault test that needs its
 * reminders at once opens the event in the past with a deadline `minutes` away, in a zone where no
 * 09:00 falls in that time.
 */
export function immediateReminderWindow(minutes = 20): { opensAt: Date; deadline: Date; timezone: string } {
  const now = Date.now();
  const zones: [string, number][] = [
    ['Asia/Irkutsk', 8],
    ['Europe/Moscow', 3],
    ['Asia/Vladivostok', 10],
  ];
  const clear = zones.find(([, offset]) => {
    const local = (now / 60_000 + offset * 60) % (24 * 60);
    const untilNine = (9 * 60 - local + 24 * 60) % (24 * 60);
    return untilNine > minutes + 1;
  })!;
  return { opensAt: new Date(now - 3_600_000), deadline: new Date(now + minutes * 60_000), timezone: clear[0] };
}
