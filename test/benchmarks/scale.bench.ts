// Benchmark: Orientir against its bare baselines, side by side, on the same servers in one run.
// Run: npm run bench [-- --quick] [-- --sizes=100,1000,10000] [-- --profile]
// Prints one table and writes it to docs/performance.md with the machine it ran on.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { Pool } from 'pg';
import { loadAppConfig } from '@orientir/config';
import { CycleIdAttribute, SCHOOL_CYCLE_WORKFLOW, SchoolIdAttribute, StageAttribute } from '@orientir/contracts';
import { waitFor } from '../../infra/stack/wait.util';
import { cycleRequest, ProcessStack } from '../support/process-stack';
import { summariseCpuProfile } from './cpu-profile.util';
import { bounded, measureMailThroughput } from './mail-throughput.util';

const ROOT = path.resolve(__dirname, '../..');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const profile = args.includes('--profile');
const sizesArg = args.find((a) => a.startsWith('--sizes='))?.slice('--sizes='.length);
const SIZES = sizesArg ? sizesArg.split(',').map(Number) : quick ? [100, 1000] : [100, 1000, 10_000];
const EVENTS = 20;
const MAX_SCHOOLS_PER_CYCLE = 5000; // the API's limit per request
const REQUESTS = quick ? 15 : 30;
const DEFAULTS = loadAppConfig({ DATABASE_URL: 'postgres://x@h/d', SMTP_URL: 'smtp://h:25' }).deployment;
const LAUNCH_CONCURRENCY = DEFAULTS.launch.concurrency;
const MAIL_CONCURRENCY = 20;
const SMTP_POOL = DEFAULTS.smtp.poolSize;

interface Row {
  measure: string;
  size: number;
  orientir: string;
  baseline: string;
  ratio: number | null;
  target: string;
  met: boolean | null;
}

const rows: Row[] = [];
const launchTimes = new Map<number, number>();
/** How long POST /api/cycles took to answer (storing the cycle and linking its schools), first round. */
const answerTimes = new Map<number, number>();
const notes: string[] = [];
const say = (line: string) => process.stdout.write(`${line}\n`);
const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function p95(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]!;
}

function rssMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

async function main(): Promise<void> {
  const t0 = Date.now();
  say(`[bench] sizes ${SIZES.join(', ')}${quick ? ' (quick)' : ''}; launch concurrency ${LAUNCH_CONCURRENCY}`);
  const profileDir = path.join(ROOT, '.data/bench-profiles');
  // Temporal in memory: a SQLite file on this shared disk caps both sides at ~25 starts/s, which
  // says more about the disk than about Orientir (production runs a real Temporal cluster).
  const persist = args.includes('--temporal-sqlite');
  const stack = new ProcessStack({
    name: 'bench',
    persistTemporal: persist,
    appEnv: { LAUNCH_CONCURRENCY: String(LAUNCH_CONCURRENCY) },
  });
  notes.push(
    '',
    `Temporal dev server: ${persist ? 'SQLite file' : 'in memory'}; PostgreSQL: embedded, fsync on; SMTP: MailDev. ` +
      'Launch runs through the launch workflow in the worker; mail in process, as described in the text above.',
  );
  await stack.start();
  const temporal = new Client({ connection: await Connection.connect({ address: stack.temporalAddress }) });
  const pool = new Pool({ connectionString: stack.postgres.url, max: 10 });
  try {
    if (profile) fs.mkdirSync(profileDir, { recursive: true });
    const api = await stack.startApi(
      profile ? { ORIENTIR_CPU_PROFILE_DIR: profileDir } : {},
      profile ? ['-r', path.join(__dirname, 'cpu-profile.preload.js')] : [],
    );

    // 1. Launch: the launch workflow runs in the worker, which also runs each started workflow's first
    // task meanwhile (that is the launch's real cost); the bare loop starts on a queue nobody polls.
    const worker = await stack.startWorker();
    const firstCycleOfSize = new Map<number, string>();
    let launchedTotal = 0;
    for (const size of SIZES) {
      // Small sizes last a second or less: three alternating rounds, median of each side.
      const rounds = size <= 1000 ? 3 : 1;
      const apiRates: number[] = [];
      const bareRates: number[] = [];
      let started = 0;
      for (let round = 0; round < rounds; round += 1) {
        started = 0;
        const tApi = process.hrtime.bigint();
        for (let offset = 0; offset < size; offset += MAX_SCHOOLS_PER_CYCLE) {
          const schools = Math.min(MAX_SCHOOLS_PER_CYCLE, size - offset);
          const now = Date.now();
          const tPost = process.hrtime.bigint();
          const res = await stack.call(
            'POST',
            '/cycles',
            cycleRequest({
              title: `Нагрузка ${size}/${round}/${offset}`,
              schools,
              events: EVENTS,
              opensAt: new Date(now + 30 * 86_400_000),
              deadline: new Date(now + 90 * 86_400_000),
            }),
          );
          if (res.status !== 201) throw new Error(`launch answered ${res.status}: ${JSON.stringify(res.body)}`);
          const body = res.body as { id: string };
          if (round === 0) answerTimes.set(size, (answerTimes.get(size) ?? 0) + seconds(tPost));
          if (!firstCycleOfSize.has(size)) firstCycleOfSize.set(size, body.id);
          // The request answers before any workflow starts: the launch workflow does the work.
          const launch = await waitFor(
            `launch of ${schools} schools completed`,
            async () => {
              const { rows } = await pool.query<{ status: string; started: number; existing: number; failed: number }>(
                'SELECT status, started, existing, failed FROM cycle_launches WHERE cycle_id = $1',
                [body.id],
              );
              return rows[0]?.status === 'completed' ? rows[0] : false;
            },
            1_800_000,
            50,
          );
          if (launch.failed) throw new Error(`launch of ${body.id} reported ${launch.failed} failures`);
          started += launch.started;
        }
        const launchSeconds = seconds(tApi);
        if (round === 0) {
          launchTimes.set(size, launchSeconds);
          say(
            `[bench] launch time for ${size} schools × ${EVENTS} events: ${launchSeconds.toFixed(1)} s (POST to launch completed; the POST answered in ${answerTimes.get(size)!.toFixed(1)} s)`,
          );
        }
        apiRates.push(started / launchSeconds);
        launchedTotal += started;

        const bareQueue = `bench-bare-${size}-${round}-${Date.now()}`;
        const tBare = process.hrtime.bigint();
        await bounded(started, LAUNCH_CONCURRENCY, (i) =>
          temporal.workflow.start(SCHOOL_CYCLE_WORKFLOW, {
            taskQueue: bareQueue,
            workflowId: `bench-bare/${bareQueue}/${i}`,
            args: [{ cycleId: bareQueue, schoolId: String(i) }],
            typedSearchAttributes: [
              { key: CycleIdAttribute, value: bareQueue },
              { key: SchoolIdAttribute, value: String(i) },
              { key: StageAttribute, value: 'self_diagnosis' },
            ],
            workflowIdConflictPolicy: 'FAIL',
            workflowIdReusePolicy: 'REJECT_DUPLICATE',
          }),
        );
        bareRates.push(started / seconds(tBare));
        // The bare workflows stay on their own task queue, which no worker polls: they never
        // reach the worker whose memory is measured below.
      }
      const apiRate = median(apiRates);
      const bareRate = median(bareRates);
      const ratio = apiRate / bareRate;
      rows.push({
        measure: `launch: ${size} schools × ${EVENTS} events (${started} workflows), starts/s`,
        size,
        orientir: apiRate.toFixed(0),
        baseline: bareRate.toFixed(0),
        ratio,
        target: '≥ 0.8×',
        met: ratio >= 0.8,
      });
      say(`[bench] launch ${size}: API ${apiRate.toFixed(0)}/s vs bare client ${bareRate.toFixed(0)}/s`);
    }

    // 2. Dashboard read: the school list with its summary (GET /api/cycles/:id/schools: one page, counts
    // per municipality and stage) vs bare SQL for the same rows and counts.
    const dashboardCycle = firstCycleOfSize.get(SIZES[0]!)!;
    for (const size of SIZES) {
      const have = await stack.count('SELECT count(*) AS n FROM schools WHERE cycle_id = $1', [dashboardCycle]);
      if (have < size) {
        // Beyond the API's 5,000 per request: more rows of the same cycle straight in SQL.
        await pool.query(
          `INSERT INTO schools (cycle_id, name, category, municipality, emails)
           SELECT $1, 'Школа (доп.) № ' || ($3::int + g), 'shnor', NULL, '{}' FROM generate_series(1, $2) AS g`,
          [dashboardCycle, size - have, have],
        );
      }
      const apiMs: number[] = [];
      const sqlMs: number[] = [];
      for (let i = 0; i < REQUESTS; i += 1) {
        const a = process.hrtime.bigint();
        const res = await stack.call('GET', `/cycles/${dashboardCycle}/schools?pageSize=50&sort=name`);
        if (res.status !== 200) throw new Error(`GET /cycles/:id/schools answered ${res.status}`);
        apiMs.push(seconds(a) * 1000);
        const b = process.hrtime.bigint();
        await Promise.all([
          pool.query('SELECT id FROM cycles WHERE id = $1', [dashboardCycle]),
          pool.query(
            `SELECT s.*, sp.stage, sp.round, sp.due_at, sp.changed_at FROM schools s
             LEFT JOIN school_progress sp ON sp.school_id = s.id WHERE s.cycle_id = $1 ORDER BY s.name LIMIT 50`,
            [dashboardCycle],
          ),
          pool.query(
            `SELECT s.municipality, coalesce(sp.stage, 'not_started') AS stage, count(*),
                    count(*) FILTER (WHERE sp.due_at < now()) AS overdue
             FROM schools s LEFT JOIN school_progress sp ON sp.school_id = s.id
             WHERE s.cycle_id = $1 GROUP BY 1, 2`,
            [dashboardCycle],
          ),
        ]);
        sqlMs.push(seconds(b) * 1000);
      }
      const ratio = p95(apiMs) / p95(sqlMs);
      rows.push({
        measure: `dashboard: school list + summary (GET /api/cycles/:id/schools) with ${size} schools, p95 ms`,
        size,
        orientir: p95(apiMs).toFixed(1),
        baseline: p95(sqlMs).toFixed(1),
        ratio,
        target: '≤ 2×',
        met: ratio <= 2,
      });
      say(`[bench] dashboard ${size}: API p95 ${p95(apiMs).toFixed(1)} ms vs SQL ${p95(sqlMs).toFixed(1)} ms`);
    }
    if (profile) {
      await api.stop(); // the profile is written when the process exits
      say(`[bench] API CPU profile, top self time:\n${summariseCpuProfile(profileDir, 12)}`);
    }

    // 3. Worker memory with every launched workflow open (all sleep or wait for a stage).
    const open = launchedTotal;
    await waitFor(
      `${open} workflows through their first task`,
      async () =>
        (await stack.count('SELECT count(*) AS n FROM school_progress')) +
          (await stack.count('SELECT count(*) AS n FROM event_progress')) >=
        open,
      1_800_000,
      1000,
    );
    const rss = rssMiB(worker.process.child.pid!);
    const w = DEFAULTS.worker;
    rows.push({
      measure: `worker RSS with ${open} open workflows (maxCachedWorkflows ${w.maxCachedWorkflows}, workflow tasks ${w.maxConcurrentWorkflowTasks}, activities ${w.maxConcurrentActivities}), MiB`,
      size: open,
      orientir: rss.toFixed(0),
      baseline: '—',
      ratio: null,
      target: '≤ 1024 MiB',
      met: rss <= 1024,
    });
    say(`[bench] worker RSS ${rss.toFixed(0)} MiB with ${open} open workflows`);
    await worker.stop();

    // 4. Mail: the outbox path (enqueue → dispatcher → pooled SMTP → sent) vs a bare nodemailer loop.
    for (const size of SIZES) {
      const r = await measureMailThroughput({
        size,
        databaseUrl: stack.postgres.url,
        smtpUrl: stack.smtp.smtpUrl,
        poolSize: SMTP_POOL,
        concurrency: MAIL_CONCURRENCY,
        clearMail: () => stack.mail.clear(),
      });
      rows.push({
        measure: `mail: ${size} notices through the outbox, messages/s`,
        size,
        orientir: r.outboxPerSecond.toFixed(0),
        baseline: r.barePerSecond.toFixed(0),
        ratio: r.ratio,
        target: '≥ 0.7×',
        met: r.ratio >= 0.7,
      });
      say(
        `[bench] mail ${size}: outbox ${r.outboxPerSecond.toFixed(0)}/s vs bare nodemailer ${r.barePerSecond.toFixed(0)}/s`,
      );
    }
  } finally {
    await pool.end();
    await temporal.connection.close();
    await stack.stop();
  }

  notes.push(
    '',
    `Launch time (POST /api/cycles until the launch workflow recorded completed, first round): ${[...launchTimes]
      .map(
        ([size, t]) =>
          `${size} schools × ${EVENTS} events ${t.toFixed(1)} s (the POST answered in ${answerTimes.get(size)!.toFixed(1)} s)`,
      )
      .join('; ')}.`,
  );
  // 5. Roadmap import: the existing benchmark, run as it is.
  const importLines = runImportBench();
  writeReport(importLines, (Date.now() - t0) / 1000);
}

function runImportBench(): string[] {
  try {
    const out = execFileSync(
      process.execPath,
      ['-r', path.join(ROOT, 'infra/register.js'), path.join(__dirname, 'roadmap-import.bench.ts')],
      { cwd: ROOT, encoding: 'utf8' },
    );
    return out.trim().split('\n');
  } catch (error) {
    const out = (error as { stdout?: string }).stdout ?? String(error);
    return [...out.trim().split('\n'), '(the import benchmark reported a missed target)'];
  }
}

function machine(): string {
  const cpus = os.cpus();
  return [
    `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}`,
    `${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM`,
    `${os.type()} ${os.release()}`,
    `Node.js ${process.version}`,
    `load average at the end ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ')}`,
  ].join('; ');
}

function writeReport(importLines: string[], elapsed: number): void {
  const table = [
    '| measure | Orientir | bare baseline | ratio | target | met |',
    '| --- | ---: | ---: | ---: | --- | --- |',
    ...rows.map(
      (r) =>
        `| ${r.measure} | ${r.orientir} | ${r.baseline} | ${r.ratio === null ? '—' : `${r.ratio.toFixed(2)}×`} | ${r.target} | ${r.met === null ? '—' : r.met ? 'yes' : '**no**'} |`,
    ),
  ].join('\n');
  say('');
  say(table);
  say('');
  importLines.forEach((l) => say(`import: ${l}`));
  const generated = [
    `<!-- generated by npm run bench${quick ? ' -- --quick' : ''} on ${new Date().toISOString()} -->`,
    `Machine: ${machine()}. Run took ${elapsed.toFixed(0)} s.`,
    '',
    table,
    '',
    'Roadmap import (`npm run bench:import`, unchanged):',
    '',
    '```',
    ...importLines,
    '```',
    ...notes,
  ].join('\n');
  const doc = path.join(ROOT, 'docs/performance.md');
  const begin = '<!-- bench:begin -->';
  const end = '<!-- bench:end -->';
  const current = fs.existsSync(doc) ? fs.readFileSync(doc, 'utf8') : `# Performance\n\n${begin}\n${end}\n`;
  const before = current.includes(begin) ? current.slice(0, current.indexOf(begin)) : `${current}\n`;
  const after = current.includes(end) ? current.slice(current.indexOf(end) + end.length) : '\n';
  fs.mkdirSync(path.dirname(doc), { recursive: true });
  fs.writeFileSync(doc, `${before}${begin}\n${generated}\n${end}${after}`);
  say(`[bench] written to ${path.relative(ROOT, doc)}`);
  process.exitCode = rows.some((r) => r.met === false) ? 1 : 0;
}

main().catch((error: unknown) => {
  process.stderr.write(`[bench] failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(2);
});
