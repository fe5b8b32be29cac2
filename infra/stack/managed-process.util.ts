import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface ManagedProcess {
  name: string;
  child: ChildProcess;
  /** Resolves with the exit code when the process ends for any reason. */
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

const running = new Set<ManagedProcess>();
let exitHookInstalled = false;

/** Spawns a service process whose output goes to a log file; it is killed if this process exits. */
export function spawnManaged(
  name: string,
  command: string,
  args: string[],
  options: { logDir: string; env?: NodeJS.ProcessEnv; cwd?: string },
): ManagedProcess {
  fs.mkdirSync(options.logDir, { recursive: true });
  const logPath = path.join(options.logDir, `${name}.log`);
  const log = fs.openSync(logPath, 'a');
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ['ignore', log, log],
  });
  fs.closeSync(log);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const managed: ManagedProcess = {
    name,
    child,
    exited,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
      running.delete(managed);
    },
  };
  running.add(managed);
  void exited.then(() => running.delete(managed));
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    // Last resort (crash, process.exit): never leave orphans holding ports.
    process.once('exit', () => running.forEach((p) => p.child.kill('SIGKILL')));
  }
  return managed;
}

export function logFile(logDir: string, name: string): string {
  return path.join(logDir, `${name}.log`);
}
