import { Context } from '@temporalio/activity';
import {
  LAUNCH_FAILURES_KEPT,
  type CycleLaunchActivities,
  type LaunchBatch,
  type LaunchBatchResult,
  type LaunchFailure,
  type LaunchPlan,
} from '@orientir/contracts';
import type { LaunchStorePort, WorkflowStarterPort } from '../activity.ports';
import { runBounded } from './run-bounded.util';

export interface CycleLaunchActivityDeps {
  launches: LaunchStorePort;
  starter: WorkflowStarterPort;
  reminderDaysBefore: number[];
  /** True for an error a retry may cure (Temporal unreachable, overloaded): the whole batch is retried. */
  isTransient(error: unknown): boolean;
}

/** Cuts an ordered id list into batches of `size`, each named by its last id (keyset, so a row added meanwhile shifts nothing). */
export function batchesOf(kind: LaunchBatch['kind'], ids: readonly string[], size: number): LaunchBatch[] {
  const batches: LaunchBatch[] = [];
  for (let i = 0; i < ids.length; i += size) {
    batches.push({ kind, afterId: i === 0 ? null : ids[i - 1]!, toId: ids[Math.min(i + size, ids.length) - 1]! });
  }
  return batches;
}

/**
 * The launch workflow's hands: plan batches from PostgreSQL and start each batch's school and event
 * workflows against Temporal. Starting is idempotent by workflow ID, so a retried batch (e.g. after
 * the worker died in the middle of it) starts only what the first attempt did not.
 */
export function createCycleLaunchActivities(deps: CycleLaunchActivityDeps): CycleLaunchActivities {
  const { launches, starter } = deps;
  return {
    async planCycleLaunch({ cycleId, batchSize }): Promise<LaunchPlan> {
      const { schools, events } = await launches.launchTargetIds(cycleId);
      return {
        total: schools.length + events.length,
        batches: [...batchesOf('school', schools, batchSize), ...batchesOf('event', events, batchSize)],
      };
    },

    async startLaunchBatch({ cycleId, batch, concurrency }): Promise<LaunchBatchResult> {
      const failures: LaunchFailure[] = [];
      const startedIds: string[] = [];
      let existing = 0;
      const outcome = async (id: string, name: string, start: () => Promise<'started' | 'existing'>) => {
        try {
          const result = await start();
          if (result === 'started') startedIds.push(id);
          else existing += 1;
        } catch (error) {
          if (deps.isTransient(error)) throw error;
          failures.push({ kind: batch.kind, id, name, reason: startFailureReason(error) });
        } finally {
          Context.current().heartbeat();
        }
      };
      if (batch.kind === 'school') {
        const schools = await launches.launchSchools(cycleId, batch);
        await runBounded(
          schools.map(
            (s) => () =>
              outcome(s.id, s.name, () =>
                starter.startSchoolWorkflow({ cycleId, schoolId: s.id, municipality: s.municipality }),
              ),
          ),
          concurrency,
        );
      } else {
        const events = await launches.launchEvents(cycleId, batch);
        await runBounded(
          events.map(
            (e) => () =>
              outcome(e.id, `№ ${e.number}. ${e.title}`, () =>
                starter.startEventWorkflow({
                  cycleId,
                  eventId: e.id,
                  opensAt: e.opensAt.toISOString(),
                  deadline: e.deadline.toISOString(),
                  reminderDaysBefore: deps.reminderDaysBefore,
                }),
              ),
          ),
          concurrency,
        );
      }
      // A workflow started again after it failed or was terminated begins its projection sequence anew.
      await launches.resetProjections(batch.kind, startedIds);
      return { started: startedIds.length, existing, failures: failures.slice(0, LAUNCH_FAILURES_KEPT) };
    },

    async recordLaunchProgress(snapshot): Promise<void> {
      await launches.recordLaunchProgress(snapshot);
    },
  };
}

function startFailureReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `Процесс не запущен: ${message}`;
}
