// Benchmark: how long a worker takes from process start until it polls, with the workflow code
// bundled from TypeScript at start ("source") or loaded from the prebuilt bundle ("prebuilt").
// Run: TEMPORAL_ADDRESS=127.0.0.1:7233 npm run bench:worker-start. Each figure is a fresh process.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const ROOT = path.resolve(__dirname, '../..');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
type Mode = 'source' | 'prebuilt';

async function child(mode: Mode): Promise<void> {
  const { NativeConnection, Runtime, DefaultLogger, Worker } = await import('@temporalio/worker');
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  const bundle = await import('@orientir/workflow-bundle');
  const connection = await NativeConnection.connect({ address: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233' });
  const code = mode === 'source' ? bundle.workflowBundlerSettings() : await bundle.prebuiltWorkflowBundle();
  const worker = await Worker.create({ connection, taskQueue: `bench-${process.pid}`, ...code });
  const running = worker.run();
  while (worker.getState() !== 'RUNNING') await new Promise((resolve) => setImmediate(resolve));
  process.stdout.write(`${Math.round(performance.now())}\n`);
  worker.shutdown();
  await running;
  await connection.close();
}

function measure(mode: Mode): number[] {
  return Array.from({ length: RUNS }, () => {
    const run = spawnSync(process.execPath, ['-r', './infra/register.js', __filename, '--child', mode], {
      cwd: ROOT,
      encoding: 'utf8',
      env: process.env,
    });
    if (run.status !== 0) throw new Error(`${mode} run failed: ${run.stderr}`);
    return Number(run.stdout.trim().split('\n').pop());
  });
}

function main(): void {
  // The first prebuilt run fills the cache if the bundle is missing; only warm runs are counted.
  measure('prebuilt');
  for (const mode of ['source', 'prebuilt'] as const) {
    const figures = measure(mode);
    const median = [...figures].sort((a, b) => a - b)[Math.floor(figures.length / 2)];
    process.stdout.write(`worker start (${mode}): median ${median} ms over ${RUNS} runs [${figures.join(', ')}]\n`);
  }
}

if (process.argv[2] === '--child') {
  child(process.argv[3] as Mode).catch((error: unknown) => {
    process.stderr.write(String(error instanceof Error ? error.stack : error));
    process.exit(1);
  });
} else {
  main();
}
