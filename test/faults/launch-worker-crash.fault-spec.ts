// Checks: a launch of 1,000 schools and 20 events from one HTTP request survives a worker SIGKILL in
// the middle of it: another worker takes the launch workflow over (the batch that was in flight runs
// again; what it had started counts as already running), and every school and event workflow was
// started exactly once. Counted: launch progress N of M at the kill and at the end, executions in Temporal.
import { Client, Connection } from '@temporalio/client';
import { SCHOOL_CYCLE_WORKFLOW } from '@orientir/contracts';
import { waitFor } from '../../infra/stack/wait.util';
import { cycleRequest, ProcessStack } from '../support/process-stack';
import { cycleWorkflowRuns, report, visibleCycleRuns } from './support/fault-counts';

const SCHOOLS = 1000;
const EVENTS = 20;

interface LaunchRow {
  status: string;
  total: number;
  started: number;
  existing: number;
  failed: number;
}

describe('launch of 1,000 schools, worker SIGKILL', () => {
  const stack = new ProcessStack({ name: 'fault-launch' });
  let temporal: Client;

  beforeAll(async () => {
    await stack.start();
    await stack.startApi();
    temporal = new Client({ connection: await Connection.connect({ address: stack.temporalAddress }) });
  });
  afterAll(async () => {
    await temporal?.connection.close();
    await stack.stop();
  });

  const launchOf = async (cycleId: string): Promise<LaunchRow | undefined> =>
    (
      await stack.db.query<LaunchRow>(
        'SELECT status, total, started, existing, failed FROM cycle_launches WHERE cycle_id = $1 ORDER BY created_at DESC LIMIT 1',
        [cycleId],
      )
    ).rows[0];

  it('the next worker finishes the launch; every school workflow started exactly once', async () => {
    const worker = await stack.startWorker();
    const title = `Запуск 1000 школ со сбоем ${Date.now()}`;
    const now = Date.now();
    const t0 = Date.now();
    const cycleId = await stack.createCycle(
      cycleRequest({
        title,
        schools: SCHOOLS,
        events: EVENTS,
        opensAt: new Date(now + 30 * 86_400_000),
        deadline: new Date(now + 90 * 86_400_000),
      }),
    );
    const answeredMs = Date.now() - t0;
    const atKill = await waitFor(
      'the launch under way (at least 100 started)',
      async () => {
        const row = await launchOf(cycleId);
        return row && row.started + row.existing >= 100 ? row : false;
      },
      180_000,
      20,
    );
    await worker.kill();
    const runsAtKill = await cycleWorkflowRuns(temporal, cycleId);
    report('launch 1000, worker SIGKILL', 'at kill', { ...atKill, runsAtKill, answeredMs });
    expect(atKill.status).toBe('running');
    expect(atKill.started + atKill.existing).toBeLessThan(SCHOOLS + EVENTS); // really in the middle

    await stack.startWorker();
    const done = await waitFor(
      'the launch completed by the next worker',
      async () => {
        const row = await launchOf(cycleId);
        return row?.status === 'completed' ? row : false;
      },
      600_000,
      250,
    );
    const launchSeconds = (Date.now() - t0) / 1000;
    // Visibility trails the starts a little: wait until it has them all, then check none is doubled.
    const runs = await visibleCycleRuns(temporal, cycleId, SCHOOLS + EVENTS);
    const schoolRuns = await cycleWorkflowRuns(temporal, cycleId, SCHOOL_CYCLE_WORKFLOW);
    report('launch 1000, worker SIGKILL', 'after recovery', { ...done, runs, schoolRuns, launchSeconds });
    expect(done).toMatchObject({ total: SCHOOLS + EVENTS, failed: 0 });
    expect(done.started + done.existing).toBe(SCHOOLS + EVENTS);
    expect(runs).toBe(SCHOOLS + EVENTS); // one execution per workflow ID: nothing started twice
    expect(schoolRuns).toBe(SCHOOLS);
  }, 900_000);
});
