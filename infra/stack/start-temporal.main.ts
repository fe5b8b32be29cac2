// Only the Temporal dev server, for developers who run the API and worker themselves
// (`infra/temporal/start-temporal.sh`). Same settings and data folder as the full stack.
import path from 'node:path';
import { readStackSettings } from './stack-settings';
import { startTemporalDevServer } from './temporal-dev-server.service';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '../..');
  const { infrastructure: s } = readStackSettings(root, process.env);
  const temporal = await startTemporalDevServer({ root, logDir: s.logDir, ...s.temporal });
  process.stdout.write(
    temporal.reused
      ? `Temporal already answers at ${temporal.address}; nothing started.\n`
      : `Temporal dev server at ${temporal.address}, UI ${temporal.uiUrl}, data ${s.temporal.dbFile}. Ctrl-C stops it.\n`,
  );
  if (temporal.reused) return;
  const stop = () => void temporal.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
