import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client, type ScheduleOptions } from '@temporalio/client';
import { DAILY_DIGEST_WORKFLOW, digestScheduleId, type DailyDigestWorkflowInput } from '@orientir/contracts';

export interface DigestScheduleTime {
  hour: number;
  minute: number;
}

function scheduleOptions(taskQueue: string, timezone: string, at: DigestScheduleTime): ScheduleOptions {
  const args: [DailyDigestWorkflowInput] = [{ timezone }];
  return {
    scheduleId: digestScheduleId(taskQueue, timezone),
    // Every day at the local hour; the activity skips weekends and holidays by the production calendar.
    spec: { calendars: [{ hour: at.hour, minute: at.minute }], timezone },
    action: {
      type: 'startWorkflow',
      workflowType: DAILY_DIGEST_WORKFLOW,
      workflowId: `digest/${taskQueue}/${timezone}`,
      taskQueue,
      args,
    },
    // A run missed while the cluster was down is still taken the same day, never twice at once.
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '6 hours' },
  };
}

/**
 * Creates the digest Schedule of a time zone, or brings an existing one to the configured time:
 * safe to call at every start and for every cycle.
 */
export async function ensureDigestSchedule(
  client: Client,
  taskQueue: string,
  timezone: string,
  at: DigestScheduleTime,
): Promise<'created' | 'updated'> {
  const options = scheduleOptions(taskQueue, timezone, at);
  try {
    await client.schedule.create(options);
    return 'created';
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
    await client.schedule.getHandle(options.scheduleId).update((previous) => ({
      ...previous,
      spec: options.spec,
      action: { ...previous.action, ...options.action } as typeof previous.action,
    }));
    return 'updated';
  }
}
