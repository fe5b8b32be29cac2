import { proxyActivities, setHandler, sleep, workflowInfo } from '@temporalio/workflow';
import { planReminders } from '@orientir/domain/workflow';
import {
  roadmapEventStateQuery,
  type EventStatus,
  type OrientirActivities,
  type RoadmapEventState,
  type RoadmapEventWorkflowInput,
} from '@orientir/contracts';
import { projected } from './projection-failure.util';

const { projectEventProgress, sendEventReminder } = proxyActivities<OrientirActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', maximumInterval: '10 minutes' },
});

/**
 * One roadmap event for one cycle: opens on time, reminds its executors before the
 * deadline and marks itself overdue after it. Evidence recording arrives in a later issue.
 */
export async function roadmapEventWorkflow(input: RoadmapEventWorkflowInput): Promise<RoadmapEventState> {
  const { workflowId } = workflowInfo();
  const opensAt = Date.parse(input.opensAt);
  const deadline = Date.parse(input.deadline);
  const reminders = planReminders({ opensAt, deadline, daysBefore: input.reminderDaysBefore });

  const state: RoadmapEventState = { status: 'scheduled', remindersSent: 0, nextReminderAt: null };
  let sequence = 0;
  setHandler(roadmapEventStateQuery, () => ({ ...state }));

  const project = async (status: EventStatus): Promise<void> => {
    state.status = status;
    sequence += 1;
    const snapshot = {
      cycleId: input.cycleId,
      eventId: input.eventId,
      workflowId,
      status,
      remindersSent: state.remindersSent,
      sequence,
      changedAt: new Date(Date.now()).toISOString(),
    };
    await projected(() => projectEventProgress(snapshot));
  };

  await project('scheduled');
  await sleepUntil(opensAt);
  await project('open');

  for (const reminder of reminders) {
    state.nextReminderAt = new Date(reminder.dueAt).toISOString();
    await sleepUntil(reminder.dueAt);
    await sendEventReminder({
      cycleId: input.cycleId,
      eventId: input.eventId,
      reminderIndex: reminder.index,
      workflowId,
      sentAt: new Date(Date.now()).toISOString(),
    });
    state.remindersSent += 1;
    await project('open');
  }
  state.nextReminderAt = null;

  await sleepUntil(deadline);
  await project('overdue');
  return { ...state };
}

/** Durable sleep to an absolute instant (workflow time); no-op if it has passed. */
async function sleepUntil(instant: number): Promise<void> {
  const ms = instant - Date.now();
  if (ms > 0) await sleep(ms);
}
