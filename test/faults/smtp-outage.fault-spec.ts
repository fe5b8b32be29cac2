// Checks: with the SMTP server down, reminders wait in the outbox (failed, attempts counted, nothing
// marked sent); once it is back, the worker's outbox dispatcher delivers each one exactly once.
// Counted: outbox rows by status, e-mails at the server, per recipient.
import { Client, Connection } from '@temporalio/client';
import { waitFor } from '../../infra/stack/wait.util';
import { cycleRequest, immediateReminderWindow, ProcessStack } from '../support/process-stack';
import { cycleCounts, mailsPerRecipient, report } from './support/fault-counts';

const EVENTS = 15;
const LABEL = 'SMTP outage';

describe('SMTP server down, then up', () => {
  const stack = new ProcessStack({ name: 'fault-smtp' });
  let temporal: Client;

  beforeAll(async () => {
    await stack.start();
    await stack.startWorker();
    await stack.startApi();
    temporal = new Client({ connection: await Connection.connect({ address: stack.temporalAddress }) });
  });
  afterAll(async () => {
    await temporal?.connection.close();
    await stack.stop();
  });

  it('loses nothing and doubles nothing', async () => {
    await stack.smtp.stop();
    const title = `Сбой почты ${Date.now()}`;
    const cycleId = await stack.createCycle(
      cycleRequest({
        title,
        schools: 2,
        events: EVENTS,
        ...immediateReminderWindow(),
      }),
    );
    const attempted = () =>
      stack.count(
        `SELECT count(*) AS n FROM mail_outbox WHERE attempts >= 1 AND status = 'failed' AND idempotency_key LIKE $1`,
        [`cycle/${cycleId}/%`],
      );
    await waitFor('every reminder tried and failed', async () => (await attempted()) === EVENTS, 120_000, 250);
    const during = {
      outboxPendingTried: await attempted(),
      outboxSent: await stack.count(
        `SELECT count(*) AS n FROM mail_outbox WHERE status = 'sent' AND idempotency_key LIKE $1`,
        [`cycle/${cycleId}/%`],
      ),
    };
    report(LABEL, 'while down', during);
    expect(during.outboxSent).toBe(0);

    await stack.startSmtp();
    const after = await waitFor(
      'every reminder delivered after the outage',
      async () => {
        const c = await cycleCounts(stack, temporal, cycleId, title);
        return c.outboxSent === EVENTS && c.mails >= EVENTS ? c : false;
      },
      240_000,
      500,
    );
    report(LABEL, 'after', after);
    expect(after.outboxAll).toBe(EVENTS);
    expect(after.mails).toBe(EVENTS);
    const perRecipient = await mailsPerRecipient(stack, title);
    expect(perRecipient.size).toBe(EVENTS);
    expect([...perRecipient.values()].every((n) => n === 1)).toBe(true);
  });
});
