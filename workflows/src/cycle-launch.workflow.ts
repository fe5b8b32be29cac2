import { continueAsNew, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import {
  LAUNCH_FAILURES_KEPT,
  cycleLaunchProgressQuery,
  type CycleLaunchActivities,
  type CycleLaunchProgress,
  type CycleLaunchWorkflowInput,
  type LaunchBatch,
} from '@orientir/contracts';

const { planCycleLaunch, recordLaunchProgress } = proxyActivities<CycleLaunchActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});

// A batch heartbeats after every start: a worker that dies mid-batch is noticed within the heartbeat
// timeout and the batch runs again elsewhere (what it had started counts as already running).
const { startLaunchBatch } = proxyActivities<CycleLaunchActivities>({
  startToCloseTimeout: '15 minutes',
  heartbeatTimeout: '20 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});

const DEFAULT_BATCHES_PER_RUN = 200;

/**
 * One launch of a cycle: plans batches of schools and events, starts them `parallelBatches` at a
 * time, and keeps N of M with the failures in a query and in PostgreSQL (cycle_launches). A long
 * launch continues as new, carrying what is left and what was counted, so its history stays small.
 */
export async function cycleLaunchWorkflow(input: CycleLaunchWorkflowInput): Promise<CycleLaunchProgress> {
  const progress: CycleLaunchProgress = input.carried?.progress ?? {
    status: 'running',
    total: 0,
    started: 0,
    existing: 0,
    failed: 0,
    failures: [],
    sequence: 0,
  };
  setHandler(cycleLaunchProgressQuery, () => ({ ...progress, failures: [...progress.failures] }));

  const record = async (): Promise<void> => {
    progress.sequence += 1;
    await recordLaunchProgress({
      ...progress,
      failures: [...progress.failures],
      cycleId: input.cycleId,
      launchId: input.launchId,
      changedAt: new Date(Date.now()).toISOString(),
    });
  };

  let queue: LaunchBatch[];
  if (input.carried) {
    queue = [...input.carried.batches];
  } else {
    const plan = await planCycleLaunch({ cycleId: input.cycleId, batchSize: input.batchSize });
    progress.total = plan.total;
    queue = plan.batches;
    await record();
  }

  const perRun = input.batchesPerRun ?? DEFAULT_BATCHES_PER_RUN;
  let taken = 0;
  const mayTakeMore = () => taken < perRun && !workflowInfo().continueAsNewSuggested;
  const lane = async (): Promise<void> => {
    while (queue.length > 0 && mayTakeMore()) {
      const batch = queue.shift()!;
      taken += 1;
      const result = await startLaunchBatch({
        cycleId: input.cycleId,
        launchId: input.launchId,
        batch,
        concurrency: input.startsPerBatch,
      });
      progress.started += result.started;
      progress.existing += result.existing;
      progress.failed += result.failures.length;
      progress.failures.push(...result.failures.slice(0, Math.max(0, LAUNCH_FAILURES_KEPT - progress.failures.length)));
      await record();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, input.parallelBatches) }, lane));

  if (queue.length > 0) {
    // Lanes have drained (no activity in flight): hand what is left to a fresh run.
    await continueAsNew<typeof cycleLaunchWorkflow>({ ...input, carried: { batches: queue, progress } });
  }
  progress.status = 'completed';
  await record();
  return { ...progress };
}
