import { startEmbeddedPostgres } from './embedded-postgres.service';
import { startMailCatcher } from './mail-catcher.service';
import { startTemporalDevServer } from './temporal-dev-server.service';

export interface InfrastructureSettings {
  root: string;
  logDir: string;
  temporal: { external?: string; port: number; uiPort: number; dbFile?: string; headless: boolean };
  postgres: { external?: string; dataDir: string; port: number; database: string };
  smtp: { external?: string; port: number; webPort: number; mailDir?: string };
}

export interface RunningInfrastructure {
  temporalAddress: string;
  temporalUiUrl: string | null;
  databaseUrl: string;
  smtpUrl: string;
  mailViewerUrl: string | null;
  /** What this call started itself (vs reused or external). */
  started: string[];
  stop(): Promise<void>;
}

interface Part {
  name: string;
  reused: boolean;
  stop(): Promise<void>;
}

/**
 * Starts (or reuses, or skips for an external URL) Temporal, PostgreSQL and the SMTP catcher
 * in parallel. If any fails, the others are stopped again before the error surfaces.
 */
export async function startInfrastructure(s: InfrastructureSettings): Promise<RunningInfrastructure> {
  const external = (name: string) => ({ name, reused: true, stop: async () => undefined });
  const results = await Promise.allSettled([
    s.temporal.external
      ? Promise.resolve({ ...external('temporal'), address: s.temporal.external, uiUrl: null })
      : startTemporalDevServer({
          root: s.root,
          logDir: s.logDir,
          port: s.temporal.port,
          uiPort: s.temporal.uiPort,
          dbFile: s.temporal.dbFile,
          headless: s.temporal.headless,
        }).then((t) => ({ ...t, name: 'temporal' })),
    s.postgres.external
      ? Promise.resolve({ ...external('postgres'), url: s.postgres.external })
      : startEmbeddedPostgres({
          dataDir: s.postgres.dataDir,
          port: s.postgres.port,
          database: s.postgres.database,
        }).then((p) => ({ ...p, name: 'postgres' })),
    s.smtp.external
      ? Promise.resolve({ ...external('smtp'), smtpUrl: s.smtp.external, webUrl: null })
      : startMailCatcher({
          root: s.root,
          logDir: s.logDir,
          smtpPort: s.smtp.port,
          webPort: s.smtp.webPort,
          mailDir: s.smtp.mailDir,
        }).then((m) => ({ ...m, name: 'maildev' })),
  ]);
  const parts: Part[] = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const stop = async () => {
    await Promise.allSettled(parts.map((p) => p.stop()));
  };
  const failures = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
  if (failures.length) {
    await stop();
    throw new Error(failures.map((f) => (f instanceof Error ? f.message : String(f))).join('\n'));
  }
  const [temporal, postgres, smtp] = results.map((r) => (r as PromiseFulfilledResult<unknown>).value) as [
    { address: string; uiUrl: string | null },
    { url: string },
    { smtpUrl: string; webUrl: string | null },
  ];
  return {
    temporalAddress: temporal.address,
    temporalUiUrl: temporal.uiUrl,
    databaseUrl: postgres.url,
    smtpUrl: smtp.smtpUrl,
    mailViewerUrl: smtp.webUrl,
    started: parts.filter((p) => !p.reused).map((p) => p.name),
    stop,
  };
}
