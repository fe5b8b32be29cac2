// Checks: the Temporal dev server stops and starts again on the same SQLite file while timers are
// pending. Workflows resume, a reminder timer due after the restart still fires, and no reminder
// is lost or sent twice (neither the ones sent before the restart nor the ones after). Counted:
// executions, outbox rows and e-mails before and after.
import { Client, Connection } from '@temporalio/client';
import { waitFor } from '../../infra/stack/wait.util';
import { cycleRequest, immediateReminderWindow, ProcessStack } from '../support/process-stack';
import { cycleCounts, mailsPerRecipient, report } from './support/fault-counts';

const SCHOOLS = 5;
const EVENTS = 20;
const LABEL = 'Temporal restart';

describe('Temporal dev server restart (SQLite file kept)', () => {
  const stack = new ProcessStack({ name: 'fault-temporal' });

  beforeAll(async () => {
    await stack.start();
    await stack.startWorker();
    await stack.startApi();
  });
  afterAll(() => stack.stop());

  it('resumes every workflow; the pending timer fires once after the restart', async () => {
    // Reminders at once for the first cycle; at its events' opening, about 90 s away, for the second
    // (a deadline minutes later, no 09:00 between: the reminder goes at the opening).
    const sentNow = `Перезапуск Temporal, сразу ${Date.now()}`;
    const sentLater = `Перезапуск Temporal, после ${Date.now()}`;
    const connect = async () =>
      new Client({ connection: await Connection.connect({ address: stack.temporalAddress }) });
    let temporal = await connect();
    const nowCycle = await stack.createCycle(
      cycleRequest({ title: sentNow, schools: SCHOOLS, events: EVENTS, ...immediateReminderWindow() }),
    );
    const beforeNow = await waitFor(
      'the first cycle’s reminders',
      async () => {
        const c = await cycleCounts(stack, temporal, nowCycle, sentNow);
        return c.outboxSent === EVENTS && c.mails === EVENTS ? c : false;
      },
      120_000,
      250,
    );
    report(LABEL, 'before, sent at once', beforeNow);
    expect(beforeNow.workflows).toBe(SCHOOLS + EVENTS);

    const clear = immediateReminderWindow(30);
    const opensAt = new Date(Date.now() + 90_000);
    const laterCycle = await stack.createCycle(
      cycleRequest({
        title: sentLater,
        schools: SCHOOLS,
        events: EVENTS,
        opensAt,
        deadline: new Date(opensAt.getTime() + 20 * 60_000),
        timezone: clear.timezone,
      }),
    );
    // Every workflow has run its first task (its timer is set), then the server goes down.
    const beforeLater = await waitFor(
      'the second cycle’s workflows waiting for their timers',
      async () => {
        const c = await cycleCounts(stack, temporal, laterCycle, sentLater);
        return c.workflows === SCHOOLS + EVENTS && c.eventRows === EVENTS ? c : false;
      },
      120_000,
      250,
    );
    report(LABEL, 'before, timers pending', beforeLater);
    expect(beforeLater.outboxAll).toBe(0); // the timers had not fired when the server stopped
    expect(Date.now()).toBeLessThan(opensAt.getTime());
    await temporal.connection.close();

    await stack.temporal.stop();
    await stack.startTemporal();
    temporal = await connect();
    try {
      const after = await waitFor(
        'the second cycle’s reminders, due after the restart',
        async () => {
          const c = await cycleCounts(stack, temporal, laterCycle, sentLater);
          return c.outboxSent === EVENTS && c.mails >= EVENTS ? c : false;
        },
        240_000,
        500,
      );
      report(LABEL, 'after', after);
      expect(after.workflows).toBe(SCHOOLS + EVENTS); // the same executions, resumed
      expect(after.outboxAll).toBe(EVENTS);
      expect(after.mails).toBe(EVENTS);
      const afterNow = await cycleCounts(stack, temporal, nowCycle, sentNow);
      report(LABEL, 'after, first cycle', afterNow);
      expect(afterNow.outboxAll).toBe(EVENTS); // nothing sent before the restart went again
      expect(afterNow.mails).toBe(EVENTS);
      for (const title of [sentNow, sentLater]) {
        const perRecipient = await mailsPerRecipient(stack, title);
        expect(perRecipient.size).toBe(EVENTS);
        expect([...perRecipient.values()].every((n) => n === 1)).toBe(true);
      }
      for (const cycleId of [nowCycle, laterCycle]) {
        const running = (
          await temporal.workflow.count(`OrientirCycleId = "${cycleId}" AND ExecutionStatus = "Running"`)
        ).count;
        expect(running).toBe(SCHOOLS + EVENTS); // still waiting for stages and deadlines
      }
    } finally {
      await temporal.connection.close();
    }
  });
});
