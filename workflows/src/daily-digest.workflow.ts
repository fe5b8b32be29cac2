import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { DailyDigestResult, DailyDigestWorkflowInput, OrientirActivities } from '@orientir/contracts';

const { sendDailyDigests } = proxyActivities<OrientirActivities>({
  startToCloseTimeout: '10 minutes',
  retry: { initialInterval: '10 seconds', maximumInterval: '10 minutes' },
});

/**
 * Started by the time zone's Schedule at the local send hour. The day is the Schedule's planned
 * time (a run caught up on later still counts for its own day), else workflow time; the activity
 * skips non-working days and sends at most one digest per person and day.
 */
export async function dailyDigestWorkflow(input: DailyDigestWorkflowInput): Promise<DailyDigestResult> {
  const planned = workflowInfo().searchAttributes?.TemporalScheduledStartTime?.[0];
  const at = planned instanceof Date ? planned : new Date(Date.now());
  return sendDailyDigests({ timezone: input.timezone, at: at.toISOString() });
}
