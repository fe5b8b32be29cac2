// Re-records the replay fixtures: runs each scenario on the Java time-skipping test server against
// the current workflow code and writes its history at each named point of its life into
// test/workflows/replay/histories/<name>.json. Run after an intended change to workflow code that
// running workflows will never see (otherwise keep the old fixtures: they are the point of the test).
//
//   node -r ./infra/register.js test/workflows/replay/record-histories.main.ts [scenario-name-prefix]
//
// `school-legacy-*` fixtures were recorded from the first school workflow (before issue 11) and can
// no longer be re-recorded; they prove `patched()` keeps such histories replaying.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { prebuiltWorkflowBundle } from '@orientir/workflow-bundle';
import {
  REPLAY_SCENARIOS,
  recordingActivities,
  registerSearchAttributes,
  type ReplayRecorder,
} from './replay-scenarios';

const ROOT = path.resolve(__dirname, '../../..');
const OUT = path.join(__dirname, 'histories');

async function main(): Promise<void> {
  const only = process.argv[2] ?? '';
  const serverPath = execFileSync('bash', [path.join(ROOT, 'infra/temporal/ensure-test-server.sh')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  }).trim();
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: serverPath } },
  });
  try {
    await registerSearchAttributes(env);
    await fs.mkdir(OUT, { recursive: true });
    for (const scenario of REPLAY_SCENARIOS.filter((s) => s.name.startsWith(only))) {
      const taskQueue = `record-${scenario.name}-${Date.now()}`;
      const worker = await Worker.create({
        connection: env.nativeConnection,
        taskQueue,
        activities: recordingActivities(env),
        ...(await prebuiltWorkflowBundle()),
      });
      const recorder: ReplayRecorder = {
        env,
        taskQueue,
        async save(point, handle) {
          const history = await handle.fetchHistory();
          const file = path.join(OUT, `${scenario.name}--${point}.json`);
          // protobufjs JSON (longs as strings, bytes as base64): History.fromObject reads it back.
          await fs.writeFile(file, JSON.stringify(history), 'utf8');
          process.stdout.write(`recorded ${path.relative(ROOT, file)} (${history.events?.length ?? 0} events)\n`);
        },
      };
      await worker.runUntil(() => scenario.run(recorder));
    }
  } finally {
    await env.teardown();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
