import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import {
  CYCLE_LAUNCH_WORKFLOW,
  cycleLaunchProgressQuery,
  type CycleLaunchActivities,
  type CycleLaunchProgress,
  type LaunchBatch,
  type LaunchBatchInput,
  type LaunchProgressSnapshot,
} from '@orientir/contracts';
import { prebuiltWorkflowBundle } from '@orientir/workflow-bundle';
import { testEnv } from '../setup/test-infrastructure';

/**
 * The launch workflow alone (activities record what they were asked): bounded batches, progress
 * N of M with failures in the query and the projection, a retried batch, continue-as-new.
 */
describe('cycle launch workflow', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await TestWorkflowEnvironment.createTimeSkipping({
      server: { executable: { type: 'existing-path', path: testEnv('testServerPath') } },
    });
  });
  afterAll(async () => {
    await env?.teardown();
  });

  it('starts every batch at most `parallelBatches` at a time, counts failures, survives a failed attempt and continues as new', async () => {
    const batches: LaunchBatch[] = Array.from({ length: 7 }, (_, i) => ({
      kind: i < 5 ? 'school' : 'event',
      afterId: i === 0 ? null : `id-${i - 1}`,
      toId: `id-${i}`,
    }));
    const calls: LaunchBatchInput[] = [];
    const snapshots: LaunchProgressSnapshot[] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    let failedOnce = false;
    const activities: CycleLaunchActivities = {
      async planCycleLaunch() {
        return { total: 70, batches };
      },
      async startLaunchBatch(input) {
        calls.push(input);
        inFlight += 1;
        maxInFlight = Math.max(maxInFlight, inFlight);
        try {
          await new Promise((resolve) => setTimeout(resolve, 20));
          if (input.batch.toId === 'id-3' && !failedOnce) {
            failedOnce = true;
            throw new Error('Temporal недоступен (первая попытка)');
          }
          if (input.batch.toId === 'id-6') {
            return {
              started: 8,
              existing: 0,
              failures: [{ kind: 'event', id: 'e-9', name: '№ 9. Мониторинг', reason: 'Процесс не запущен: отказ' }],
            };
          }
          return { started: 6, existing: 4, failures: [] };
        } finally {
          inFlight -= 1;
        }
      },
      async recordLaunchProgress(snapshot) {
        snapshots.push(snapshot);
      },
    };
    const taskQueue = `launch-${Date.now()}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      activities,
      ...(await prebuiltWorkflowBundle()),
    });
    const workflowId = `cycle/c1/launch/${taskQueue}`;
    let firstRunId = '';
    const result = await worker.runUntil(async () => {
      const handle = await env.client.workflow.start(CYCLE_LAUNCH_WORKFLOW, {
        taskQueue,
        workflowId,
        args: [
          { cycleId: 'c1', launchId: 'l1', parallelBatches: 2, startsPerBatch: 3, batchSize: 10, batchesPerRun: 3 },
        ],
      });
      firstRunId = handle.firstExecutionRunId;
      return (await handle.result()) as CycleLaunchProgress;
    });

    expect(result).toMatchObject({ status: 'completed', total: 70, started: 6 * 6 + 8, existing: 6 * 4, failed: 1 });
    expect(result.started + result.existing + result.failed).toBe(69); // the stub's figures, each batch counted once
    expect(result.failures).toEqual([
      { kind: 'event', id: 'e-9', name: '№ 9. Мониторинг', reason: 'Процесс не запущен: отказ' },
    ]);
    // Each batch ran once to completion; the one that threw ran again.
    expect(calls.map((c) => c.batch.toId).sort()).toEqual([...batches.map((b) => b.toId), 'id-3'].sort());
    expect(calls.every((c) => c.concurrency === 3 && c.cycleId === 'c1' && c.launchId === 'l1')).toBe(true);
    expect(maxInFlight).toBeLessThanOrEqual(2);
    // Progress projected after the plan, after each batch and at the end, with a growing sequence across runs.
    // Batches run in parallel, so their projections may arrive out of order; the sequence orders them.
    const ordered = [...snapshots].sort((a, b) => a.sequence - b.sequence);
    expect(ordered.map((s) => s.sequence)).toEqual(Array.from({ length: 9 }, (_, i) => i + 1));
    expect(ordered[0]).toMatchObject({ status: 'running', total: 70, started: 0 });
    expect(ordered.at(-1)).toMatchObject({ status: 'completed', failed: 1 });
    // 7 batches, 3 per run: the first run ended by continuing as new, and the last run is another one.
    const firstRun = await env.client.workflow.getHandle(workflowId, firstRunId).fetchHistory();
    expect(firstRun.events?.at(-1)?.workflowExecutionContinuedAsNewEventAttributes).toBeTruthy();
    const lastRun = await env.client.workflow.getHandle(workflowId).describe();
    expect(lastRun.runId).not.toBe(firstRunId);
  });

  it('answers N of M from its query while batches are under way', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const activities: CycleLaunchActivities = {
      async planCycleLaunch() {
        return {
          total: 20,
          batches: [
            { kind: 'school', afterId: null, toId: 'a' },
            { kind: 'school', afterId: 'a', toId: 'b' },
          ],
        };
      },
      async startLaunchBatch(input) {
        if (input.batch.toId === 'b') await gate;
        return { started: 10, existing: 0, failures: [] };
      },
      async recordLaunchProgress() {},
    };
    const taskQueue = `launch-query-${Date.now()}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      activities,
      ...(await prebuiltWorkflowBundle()),
    });
    await worker.runUntil(async () => {
      const handle = await env.client.workflow.start(CYCLE_LAUNCH_WORKFLOW, {
        taskQueue,
        workflowId: `cycle/c2/launch/${taskQueue}`,
        args: [{ cycleId: 'c2', launchId: 'l2', parallelBatches: 1, startsPerBatch: 4, batchSize: 10 }],
      });
      let seen: CycleLaunchProgress | undefined;
      for (let i = 0; i < 200 && !(seen && seen.started === 10); i += 1) {
        seen = await handle.query(cycleLaunchProgressQuery);
        if (seen.started !== 10) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(seen).toMatchObject({ status: 'running', total: 20, started: 10 });
      release();
      expect(await handle.result()).toMatchObject({ status: 'completed', started: 20 });
    });
  });
});
