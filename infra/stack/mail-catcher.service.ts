import fs from 'node:fs';
import path from 'node:path';
import { spawnManaged, logFile } from './managed-process.util';
import { isPortOpen, PortBusyError, waitFor } from './wait.util';

export interface MailCatcherOptions {
  root: string;
  smtpPort: number;
  webPort: number;
  logDir: string;
  /** Keeps caught mail across restarts (the demo); omitted means in memory (tests). */
  mailDir?: string;
}

export interface RunningMailCatcher {
  smtpUrl: string;
  webUrl: string;
  reused: boolean;
  stop(): Promise<void>;
}

/** One message as MailDev's REST API returns it (the fields Orientir reads). */
export interface CaughtMail {
  id: string;
  subject: string;
  text: string;
  html: string;
  to: { address: string; name: string }[];
  from: { address: string; name: string }[];
  headers: Record<string, string>;
  attachments?: { fileName?: string; generatedFileName?: string; contentType: string }[];
}

async function isMailDev(webUrl: string): Promise<boolean> {
  try {
    const response = await fetch(`${webUrl}/healthz`);
    return response.ok;
  } catch {
    return false;
  }
}

/** MailDev: a real SMTP server that keeps what it receives, with a web viewer and a REST API. */
export async function startMailCatcher(o: MailCatcherOptions): Promise<RunningMailCatcher> {
  const smtpUrl = `smtp://127.0.0.1:${o.smtpPort}`;
  const webUrl = `http://127.0.0.1:${o.webPort}`;
  const [smtpBusy, webBusy] = await Promise.all([isPortOpen(o.smtpPort), isPortOpen(o.webPort)]);
  if (smtpBusy || webBusy) {
    if (smtpBusy && webBusy && (await isMailDev(webUrl)))
      return { smtpUrl, webUrl, reused: true, stop: async () => undefined };
    const port = smtpBusy ? o.smtpPort : o.webPort;
    throw new PortBusyError(
      'the mail catcher (MailDev)',
      port,
      'Free it or set SMTP_PORT / MAIL_UI_PORT, or point SMTP_URL at a real server.',
    );
  }
  const bin = path.join(o.root, 'node_modules/maildev/bin/maildev');
  const args = [bin, '--smtp', String(o.smtpPort), '--web', String(o.webPort), '--ip', '127.0.0.1', '--silent'];
  if (o.mailDir) {
    fs.mkdirSync(o.mailDir, { recursive: true });
    args.push('--mail-directory', o.mailDir);
  }
  const proc = spawnManaged('maildev', process.execPath, args, {
    logDir: o.logDir,
  });
  const early = proc.exited.then((code) => {
    throw new Error(`MailDev exited early (code ${code}); see ${logFile(o.logDir, 'maildev')}`);
  });
  await Promise.race([
    waitFor('MailDev', async () => (await isPortOpen(o.smtpPort)) && (await isMailDev(webUrl)), 30_000),
    early,
  ]);
  early.catch(() => undefined);
  return { smtpUrl, webUrl, reused: false, stop: () => proc.stop() };
}

/** Reads what the catcher received: for tests and the demo. */
export class MailCatcherClient {
  constructor(private readonly webUrl: string) {}

  async list(): Promise<CaughtMail[]> {
    const response = await fetch(`${this.webUrl}/email`);
    if (!response.ok) throw new Error(`MailDev answered ${response.status}`);
    return (await response.json()) as CaughtMail[];
  }

  async clear(): Promise<void> {
    await fetch(`${this.webUrl}/email/all`, { method: 'DELETE' });
  }
}
