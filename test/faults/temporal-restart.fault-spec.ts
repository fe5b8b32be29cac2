// Checks: the Temporal dev server stops and starts again on the same SQLite file while timers are
// pending. Workflows resume, the timer due during/after the restart still fires, and no reminder
// is lost or sent twice. Counted: executions, outbox rows and e-mails before and after.
import { Client, Connection } from '@temporalio/client';
import { waitFor } from '../../infra/stack/wait.util';
import { cycleRequest, ProcessStack } from '../support/process-stack';
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
    const title = `Перезапуск Temporal ${Date.now()}`;
    const now = Date.now();
    // Reminder 1 is due at once; reminder 2 (one day before the deadline) in about 120 s.
    const cycleId = await stack.createCycle(
      cycleRequest({
        title,
        schools: SCHOOLS,
        events: EVENTS,
        opensAt: new Date(now - 3600_000),
        deadline: new Date(now + 86_400_000 + 120_000),
      }),
    );
    const connect = async () =>
      new Client({ connection: await Connection.connect({ address: stack.temporalAddress }) });
    let temporal = await connect();
    const before = await waitFor(
      'the first reminders',
      async () => {
        const c = await cycleCounts(stack, temporal, cycleId, title);
        return c.outboxSent === EVENTS && c.mails === EVENTS ? c : false;
      },
      120_000,
      250,
    );
    report(LABEL, 'before', before);
    expect(before.workflows).toBe(SCHOOLS + EVENTS);
    await temporal.connection.close();

    await stack.temporal.stop();
    await stack.startTemporal();
    temporal = await connect();
    try {
      const after = await waitFor(
        'the second reminders, due after the restart',
        async () => {
          const c = await cycleCounts(stack, temporal, cycleId, title);
          return c.outboxSent === 2 * EVENTS && c.mails >= 2 * EVENTS ? c : false;
        },
        240_000,
        500,
      );
      report(LABEL, 'after', after);
      expect(after.workflows).toBe(SCHOOLS + EVENTS); // the same executions, resumed
      expect(after.outboxAll).toBe(2 * EVENTS);
      expect(after.mails).toBe(2 * EVENTS);
      const perRecipient = await mailsPerRecipient(stack, title);
      expect([...perRecipient.values()].every((n) => n === 2)).toBe(true);
      const running = (await temporal.workflow.count(`OrientirCycleId = "${cycleId}" AND ExecutionStatus = "Running"`))
        .count;
      expect(running).toBe(SCHOOLS + EVENTS); // still waiting for stages and deadlines
    } finally {
      await temporal.connection.close();
    }
  });
});
