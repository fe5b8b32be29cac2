import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { SEARCH_ATTRIBUTE_DEFINITIONS } from '@orientir/contracts';
import { spawnManaged, logFile } from './managed-process.util';
import { isPortOpen, PortBusyError, waitFor } from './wait.util';

export interface TemporalDevServerOptions {
  root: string;
  port: number;
  uiPort: number;
  /** Persistent SQLite file; omitted means in-memory (tests). */
  dbFile?: string;
  headless: boolean;
  logDir: string;
}

export interface RunningTemporal {
  address: string;
  uiUrl: string | null;
  reused: boolean;
  stop(): Promise<void>;
}

/** The Temporal CLI to use: TEMPORAL_CLI_PATH, `temporal` on PATH, or one built into .tools. */
export function resolveTemporalCli(root: string): string {
  return execFileSync('bash', [path.join(root, 'infra/temporal/ensure-temporal-cli.sh')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  }).trim();
}

export async function answersAsTemporal(address: string): Promise<boolean> {
  const connection = await Connection.connect({ address, connectTimeout: 1000 }).catch(() => null);
  if (!connection) return false;
  try {
    await connection.workflowService.getSystemInfo({});
    return true;
  } catch {
    return false;
  } finally {
    await connection.close();
  }
}

/** True once some worker long-polls the task queue for workflow tasks (the worker is really up). */
export async function hasWorkflowPollers(address: string, namespace: string, taskQueue: string): Promise<boolean> {
  const connection = await Connection.connect({ address, connectTimeout: 1000 });
  try {
    const { pollers } = await connection.workflowService.describeTaskQueue({
      namespace,
      taskQueue: { name: taskQueue },
      taskQueueType: temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
    });
    return (pollers?.length ?? 0) > 0;
  } finally {
    await connection.close();
  }
}

export async function startTemporalDevServer(o: TemporalDevServerOptions): Promise<RunningTemporal> {
  const address = `127.0.0.1:${o.port}`;
  const uiUrl = o.headless ? null : `http://127.0.0.1:${o.uiPort}`;
  if (await isPortOpen(o.port)) {
    if (await answersAsTemporal(address)) return { address, uiUrl, reused: true, stop: async () => undefined };
    throw new PortBusyError('a Temporal server', o.port, 'Free it or set TEMPORAL_PORT to another port.');
  }
  const cli = resolveTemporalCli(o.root);
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(o.port), '--log-level', 'warn'];
  if (o.dbFile) {
    fs.mkdirSync(path.dirname(o.dbFile), { recursive: true });
    args.push('--db-filename', o.dbFile);
  }
  if (o.headless) args.push('--headless');
  else args.push('--ui-port', String(o.uiPort), '--ui-ip', '127.0.0.1');
  for (const [name, type] of Object.entries(SEARCH_ATTRIBUTE_DEFINITIONS))
    args.push('--search-attribute', `${name}=${type}`);
  const proc = spawnManaged('temporal', cli, args, { logDir: o.logDir });
  const early = proc.exited.then((code) => {
    throw new Error(`Temporal dev server exited early (code ${code}); see ${logFile(o.logDir, 'temporal')}`);
  });
  await Promise.race([waitFor('Temporal dev server', () => answersAsTemporal(address), 120_000), early]);
  early.catch(() => undefined);
  return { address, uiUrl, reused: false, stop: () => proc.stop() };
}
