// Checks: the API killed with SIGKILL (1) while a roadmap confirm is in flight stores the roadmap
// whole or not at all; (2) in the middle of a launch: the cycle is stored whole with a pending launch
// in one transaction, and the launch resumes on its own — the launch workflow runs in the worker, and
// a launch whose workflow the API never got to start is started by the restarted API — with no
// relaunch request, every workflow started once. Counted: roadmaps, cycle rows, launches, executions.
import fs from 'node:fs';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { waitFor } from '../../infra/stack/wait.util';
import { cycleRequest, ProcessStack } from '../support/process-stack';
import { CYCLE_LAUNCH_WORKFLOW } from '@orientir/contracts';
import { cycleWorkflowRuns, report, visibleCycleRuns } from './support/fault-counts';

const SEED = path.resolve(__dirname, '../fixtures/roadmaps/irkutsk-city-2023.txt');
const SCHOOLS = 1000;
const EVENTS = 20;

describe('API SIGKILL', () => {
  const stack = new ProcessStack({ name: 'fault-api' });
  let temporal: Client;

  beforeAll(async () => {
    await stack.start();
    temporal = new Client({ connection: await Connection.connect({ address: stack.temporalAddress }) });
  });
  afterAll(async () => {
    await temporal?.connection.close();
    await stack.stop();
  });

  it('during a roadmap confirm: the roadmap is stored whole or not at all', async () => {
    let api = await stack.startApi();
    const form = new FormData();
    form.append('file', new Blob([fs.readFileSync(SEED)]), 'irkutsk-city-2023.txt');
    form.append('timezone', 'Asia/Irkutsk');
    const preview = await fetch(`${stack.apiUrl}/api/roadmaps/import`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${stack.adminToken}` },
      body: form,
    });
    expect(preview.status).toBe(201);
    const { roadmap } = (await preview.json()) as { roadmap: { events: unknown[] } };
    const events = roadmap.events.length;
    const roadmaps = () => stack.count('SELECT count(*) AS n FROM roadmaps');
    const before = await roadmaps();

    const inFlight = stack
      .call('POST', '/roadmaps', roadmap)
      .catch((error: unknown) => ({ status: 0, body: String(error) }));
    await api.kill();
    const answer = await inFlight;
    const afterKill = await roadmaps();
    report('API kill during confirm', 'roadmaps', { before, afterKill, answer: answer.status });
    expect(afterKill - before).toBeGreaterThanOrEqual(0);
    expect(afterKill - before).toBeLessThanOrEqual(1);
    // Whatever is stored is the whole document: one jsonb row, written in one statement.
    const partial = await stack.count(
      "SELECT count(*) AS n FROM roadmaps WHERE jsonb_array_length(document->'events') <> $1",
      [events],
    );
    expect(partial).toBe(0);

    api = await stack.startApi();
    const again = await stack.call('POST', '/roadmaps', roadmap);
    expect(again.status).toBe(201);
    expect(await roadmaps()).toBe(afterKill + 1);
    await api.stop();
  });

  it('during a launch: the cycle is stored whole and the launch resumes on its own, each workflow once', async () => {
    const api = await stack.startApi();
    const worker = await stack.startWorker();
    const title = `Сбой API при запуске ${Date.now()}`;
    const now = Date.now();
    const inFlight = stack
      .call(
        'POST',
        '/cycles',
        cycleRequest({
          title,
          schools: SCHOOLS,
          events: EVENTS,
          opensAt: new Date(now + 86_400_000),
          deadline: new Date(now + 30 * 86_400_000),
        }),
      )
      .catch((error: unknown) => ({ status: 0, body: String(error) }));
    const cycleId = await waitFor(
      'the cycle row',
      async () => {
        const { rows } = await stack.db.query<{ id: string }>('SELECT id FROM cycles WHERE title = $1', [title]);
        return rows[0]?.id;
      },
      120_000,
      5,
    );
    await api.kill();
    const answer = await inFlight;
    const launches = () =>
      stack.db.query<{ id: string; status: string; total: number; started: number; existing: number; failed: number }>(
        'SELECT id, status, total, started, existing, failed FROM cycle_launches WHERE cycle_id = $1',
        [cycleId],
      );
    const launchWorkflowAtKill = (
      await temporal.workflow.count(`OrientirCycleId = "${cycleId}" AND WorkflowType = "${CYCLE_LAUNCH_WORKFLOW}"`)
    ).count;
    const atKill = {
      answer: answer.status,
      schools: await stack.count('SELECT count(*) AS n FROM schools WHERE cycle_id = $1', [cycleId]),
      events: await stack.count('SELECT count(*) AS n FROM roadmap_events WHERE cycle_id = $1', [cycleId]),
      launches: (await launches()).rows.length,
      launchWorkflowAtKill,
      workflows: await cycleWorkflowRuns(temporal, cycleId),
    };
    report('API kill during launch', 'at kill', atKill);
    expect(atKill.schools).toBe(SCHOOLS); // the cycle was stored in one transaction with its launch
    expect(atKill.events).toBe(EVENTS);
    expect(atKill.launches).toBe(1);
    expect(atKill.workflows).toBeLessThan(SCHOOLS + EVENTS); // killed before the launch was through

    // No relaunch request: the restarted API starts a launch it had not started; the worker finishes it.
    const restarted = await stack.startApi();
    const done = await waitFor(
      'the launch completed on its own',
      async () => {
        const { rows } = await launches();
        return rows.length === 1 && rows[0]!.status === 'completed' ? rows[0]! : false;
      },
      600_000,
      250,
    );
    const runs = await visibleCycleRuns(temporal, cycleId, SCHOOLS + EVENTS);
    report('API kill during launch', 'after restart', { ...done, runs });
    expect(done).toMatchObject({ total: SCHOOLS + EVENTS, failed: 0 });
    expect(done.started + done.existing).toBe(SCHOOLS + EVENTS);
    expect(runs).toBe(SCHOOLS + EVENTS); // each workflow started once
    await restarted.stop();
    await worker.stop();
  }, 900_000);
});
