import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import {
  ROADMAP_EVENT_WORKFLOW,
  roadmapEventStateQuery,
  type EventProgressSnapshot,
  type EventReminderInput,
  type OrientirActivities,
  type RoadmapEventState,
} from '@orientir/contracts';
import { prebuiltWorkflowBundle } from '@orientir/workflow-bundle';
import { testEnv } from '../setup/test-infrastructure';

const DAY = 24 * 60 * 60 * 1000;

/**
 * Workflow timing on the Java time-skipping test server: the activities here only record
 * what the workflow asked for (the workflow is the unit under test, not mail or SQL).
 */
describe('roadmap event workflow timing (time-skipping)', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await TestWorkflowEnvironment.createTimeSkipping({
      server: { executable: { type: 'existing-path', path: testEnv('testServerPath') } },
    });
  });

  afterAll(async () => {
    await env?.teardown();
  });

  it('sends the 7-days-before reminder at the right simulated time for a deadline 30 days away', async () => {
    const reminders: EventReminderInput[] = [];
    const projections: EventProgressSnapshot[] = [];
    const activities: OrientirActivities = {
      async projectEventProgress(s) {
        projections.push(s);
      },
      async projectSchoolProgress() {},
      async sendEventReminder(input) {
        reminders.push(input);
        return { recipients: 1 };
      },
      async loadSchoolYearSetup() {
        throw new Error('not used by the event workflow');
      },
      async sendSchoolNotice() {
        return { recipients: 0 };
      },
      async enqueueMail() {
        throw new Error('not used by the event workflow');
      },
      async sendDailyDigests() {
        throw new Error('no digest in this test');
      },
    };
    const taskQueue = `time-skipping-${Date.now()}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      activities,
      ...(await prebuiltWorkflowBundle()),
    });

    await worker.runUntil(async () => {
      const start = await env.currentTimeMs();
      const deadline = start + 30 * DAY;
      const handle = await env.client.workflow.start(ROADMAP_EVENT_WORKFLOW, {
        taskQueue,
        workflowId: `cycle/c1/event/e-${taskQueue}`,
        args: [
          {
            cycleId: 'c1',
            eventId: 'e1',
            opensAt: new Date(start).toISOString(),
            deadline: new Date(deadline).toISOString(),
            reminderDaysBefore: [7],
          },
        ],
      });

      await env.sleep(22 * DAY + 23 * 60 * 60 * 1000); // one hour before the reminder is due
      expect(reminders).toHaveLength(0);
      const before: RoadmapEventState = await handle.query(roadmapEventStateQuery);
      expect(before).toMatchObject({
        status: 'open',
        remindersSent: 0,
        nextReminderAt: new Date(deadline - 7 * DAY).toISOString(),
      });

      await env.sleep(2 * 60 * 60 * 1000); // an hour past due
      expect(reminders).toHaveLength(1);
      const sentAt = Date.parse(reminders[0].sentAt);
      expect(sentAt).toBeGreaterThanOrEqual(deadline - 7 * DAY);
      expect(sentAt).toBeLessThan(deadline - 7 * DAY + 60 * 1000);
      expect(reminders[0]).toMatchObject({ cycleId: 'c1', eventId: 'e1', reminderIndex: 0 });

      // After the deadline passes the event is overdue and the workflow ends.
      const result = await handle.result();
      expect(result).toEqual({ status: 'overdue', remindersSent: 1, nextReminderAt: null });
      expect(projections.map((p) => p.status)).toEqual(['scheduled', 'open', 'open', 'overdue']);
      expect(projections.map((p) => p.sequence)).toEqual([1, 2, 3, 4]);
      // The whole month took seconds of real time.
      expect((await env.currentTimeMs()) - start).toBeGreaterThanOrEqual(30 * DAY);
    });
  });
});
