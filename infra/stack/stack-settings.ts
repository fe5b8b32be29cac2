import path from 'node:path';
import { z } from 'zod';
import type { InfrastructureSettings } from './infrastructure';

const port = (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback);

const schema = z.object({
  ORIENTIR_DATA_DIR: z.string().optional(),
  API_PORT: port(3000),
  TEMPORAL_PORT: port(7233),
  TEMPORAL_UI_PORT: port(8233),
  PG_PORT: port(54329),
  SMTP_PORT: port(1025),
  MAIL_UI_PORT: port(1080),
  DATABASE_URL: z.string().url().optional(),
  SMTP_URL: z.string().url().optional(),
  TEMPORAL_ADDRESS: z
    .string()
    .regex(/^[\w.-]+:\d+$/, 'must be host:port')
    .optional(),
  ORIENTIR_DEMO: z.enum(['0', '1']).default('1'),
});

export interface StackSettings {
  root: string;
  dataDir: string;
  apiPort: number;
  demo: boolean;
  infrastructure: InfrastructureSettings;
}

/** Reads the start command's environment once; every bad variable is named. */
export function readStackSettings(root: string, env: NodeJS.ProcessEnv): StackSettings {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (i) => `  - ${i.path.join('.')}: ${i.message} (got "${env[String(i.path[0])] ?? ''}")`,
    );
    throw new Error(`Invalid start settings:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(root, e.ORIENTIR_DATA_DIR ?? '.data');
  return {
    root,
    dataDir,
    apiPort: e.API_PORT,
    demo: e.ORIENTIR_DEMO === '1',
    infrastructure: {
      root,
      logDir: path.join(dataDir, 'logs'),
      temporal: {
        external: e.TEMPORAL_ADDRESS,
        port: e.TEMPORAL_PORT,
        uiPort: e.TEMPORAL_UI_PORT,
        dbFile: path.join(dataDir, 'temporal/temporal.db'),
        headless: false,
      },
      postgres: {
        external: e.DATABASE_URL,
        dataDir: path.join(dataDir, 'postgres'),
        port: e.PG_PORT,
        database: 'orientir',
      },
      smtp: { external: e.SMTP_URL, port: e.SMTP_PORT, webPort: e.MAIL_UI_PORT, mailDir: path.join(dataDir, 'mail') },
    },
  };
}
