// Checks: a worker killed with SIGKILL (no shutdown hook) in the middle of a launch and in the
// middle of a reminder burst loses nothing once another worker takes over; a message SMTP accepted just before the kill may go twice (same Message-ID).
// Counted: workflow executions in Temporal, event/school progress rows, outbox rows, e-mails.
import { Client, Connection } from '@temporalio/client';
import { waitFor } from '../../infra/stack/wait.util';
import { cycleRequest, immediateReminderWindow, ProcessStack } from '../support/process-stack';
import { cycleCounts, mailsPerRecipient, report } from './support/fault-counts';

const SCHOOLS = 20;
const EVENTS = 120;

describe('worker SIGKILL', () => {
  const stack = new ProcessStack({ name: 'fault-worker' });
  let temporal: Client;

  beforeAll(async () => {
    await stack.start();
    await stack.startApi();
    temporal = new Client({ connection: await Connection.connect({ address: stack.temporalAddress }) });
  });
  afterAll(async () => {
    await temporal?.connection.close();
    await stack.stop();
  });

  /** The shared counts plus two the worker tests need: reminded events and projected schools. */
  async function counts(cycleId: string, title: string) {
    return {
      ...(await cycleCounts(stack, temporal, cycleId, title)),
      remindedRows: await stack.count(
        'SELECT count(*) AS n FROM event_progress WHERE cycle_id = $1 AND reminders_sent = 1',
        [cycleId],
      ),
      schoolRows: await stack.count('SELECT count(*) AS n FROM school_progress WHERE cycle_id = $1', [cycleId]),
    };
  }

  /**
   * Nothing lost, nothing doubled — except what SMTP had accepted when the worker died and the
   * outbox had not yet marked sent: the next worker cannot know it went out, so it sends it again
   * (at-least-once). Such a copy must be one of the messages in flight at the kill and carry the
   * same Message-ID (`<outbox row id@domain>`), so a receiving server or mail client drops it.
   */
  async function expectAllOnce(cycleId: string, title: string, atKill: { outboxAll: number; outboxSent: number }) {
    const total = SCHOOLS + EVENTS;
    const done = await waitFor(
      'every reminder sent and every workflow projected',
      async () => {
        const c = await counts(cycleId, title);
        return c.remindedRows === EVENTS && c.schoolRows === SCHOOLS && c.outboxSent === EVENTS && c.mails >= EVENTS
          ? c
          : false;
      },
      // A message claimed but not marked at the kill goes again only once its lease (5 min) runs out.
      480_000,
      500,
    );
    const perRecipient = await mailsPerRecipient(stack, title);
    const ids = new Map<string, Set<string>>();
    for (const mail of await stack.mail.list()) {
      if (!mail.text.includes(title)) continue;
      const to = mail.to[0]!.address;
      ids.set(to, (ids.get(to) ?? new Set()).add(String(mail.headers['message-id'])));
    }
    const doubled = [...perRecipient.values()].filter((n) => n > 1).length;
    report(title, 'after recovery', { ...done, doubledByCrashWindow: doubled });
    expect(done.workflows).toBe(total); // each workflow started once (one execution per ID)
    expect(done.eventRows).toBe(EVENTS);
    expect(done.outboxAll).toBe(EVENTS); // one outbox row per notice, none extra
    expect(perRecipient.size).toBe(EVENTS); // every executor got mail: nothing lost
    expect([...perRecipient.values()].every((n) => n <= 2)).toBe(true);
    expect(doubled).toBeLessThanOrEqual(atKill.outboxAll - atKill.outboxSent); // only in-flight ones
    expect(done.mails).toBe(EVENTS + doubled);
    expect([...ids.values()].every((set) => set.size === 1)).toBe(true); // a copy has the same Message-ID
  }

  it('mid-launch: the replacement worker finishes the launch; each workflow starts once, no notice lost', async () => {
    const worker = await stack.startWorker();
    const title = `Сбой исполнителя при запуске ${Date.now()}`;
    // The one reminder of each event is due at once: a deadline minutes away, no 09:00 before it.
    const launch = stack.call(
      'POST',
      '/cycles',
      cycleRequest({
        title,
        schools: SCHOOLS,
        events: EVENTS,
        ...immediateReminderWindow(),
      }),
    );
    // Kill as soon as the worker has done some of the work, while the API is still starting workflows.
    const cycleId = await waitFor(
      'the first projection row',
      async () => {
        const { rows } = await stack.db.query<{ cycle_id: string }>(
          `SELECT cycle_id FROM event_progress ep JOIN cycles c ON c.id = ep.cycle_id WHERE c.title = $1 LIMIT 1`,
          [title],
        );
        return rows[0]?.cycle_id;
      },
      120_000,
      50,
    );
    await worker.kill();
    const atKill = await counts(cycleId, title);
    report(title, 'at SIGKILL', atKill);
    expect(atKill.outboxSent).toBeLessThan(EVENTS); // the kill really was in the middle

    const response = await launch;
    expect(response.status).toBe(201); // stored and answered before the launch ran
    const replacement = await stack.startWorker();
    await expectAllOnce(cycleId, title, atKill);
    await replacement.stop();
  }, 720_000);

  it('mid-reminder-burst: killed while mailing, the next worker sends the rest; only in-flight ones again', async () => {
    // No worker polls while the cycle is stored: its launch, then the whole burst, wait for the next one.
    const title = `Сбой исполнителя при рассылке ${Date.now()}`;
    const cycleId = await stack.createCycle(
      cycleRequest({
        title,
        schools: SCHOOLS,
        events: EVENTS,
        ...immediateReminderWindow(),
      }),
    );
    const before = await counts(cycleId, title);
    expect(before.outboxAll).toBe(0);
    expect(before.workflows).toBe(0); // the launch is durable work: it waits for a worker too

    const worker = await stack.startWorker();
    await waitFor(
      'the first reminders of the burst',
      async () => (await counts(cycleId, title)).outboxSent > 0,
      120_000,
      25,
    );
    await worker.kill();
    const atKill = await counts(cycleId, title);
    report(title, 'at SIGKILL', atKill);
    expect(atKill.outboxSent).toBeLessThan(EVENTS);

    await stack.startWorker();
    await expectAllOnce(cycleId, title, atKill);
  }, 720_000);
});
