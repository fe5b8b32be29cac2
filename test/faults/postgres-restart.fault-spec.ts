// Checks: while PostgreSQL restarts, the running API answers 503 with a Russian message (not a
// bare 500 and not a hang), loses no stored row, and serves again without being restarted
// itself. Counted: cycles, schools, events and progress rows before and after.
import { waitFor } from '../../infra/stack/wait.util';
import { cycleRequest, immediateReminderWindow, ProcessStack } from '../support/process-stack';

describe('PostgreSQL restart', () => {
  const stack = new ProcessStack({ name: 'fault-postgres' });

  beforeAll(async () => {
    await stack.start();
    await stack.startWorker();
    await stack.startApi();
  });
  afterAll(() => stack.stop());

  const tally = async () => ({
    cycles: await stack.count('SELECT count(*) AS n FROM cycles'),
    schools: await stack.count('SELECT count(*) AS n FROM schools'),
    events: await stack.count('SELECT count(*) AS n FROM roadmap_events'),
    eventProgress: await stack.count('SELECT count(*) AS n FROM event_progress'),
    outboxSent: await stack.count(`SELECT count(*) AS n FROM mail_outbox WHERE status = 'sent'`),
  });

  it('answers 503 in Russian while it is down, loses nothing and recovers without an API restart', async () => {
    const now = Date.now();
    const cycleId = await stack.createCycle(
      cycleRequest({
        title: 'Перезапуск базы данных',
        schools: 5,
        events: 10,
        ...immediateReminderWindow(),
      }),
    );
    // Projections may land after the letters: count only once every event has its progress row.
    await waitFor(
      'all 10 reminders sent and all 10 events projected',
      async () => {
        const t = await tally();
        return t.outboxSent === 10 && t.eventProgress === 10;
      },
      120_000,
      250,
    );
    const before = await tally();
    process.stdout.write(`[fault] PostgreSQL restart: before ${JSON.stringify(before)}\n`);

    await stack.postgres.stop();
    const read = await stack.call('GET', `/cycles/${cycleId}`);
    const write = await stack.call(
      'POST',
      '/cycles',
      cycleRequest({
        title: 'Во время простоя',
        schools: 1,
        events: 1,
        opensAt: new Date(now),
        deadline: new Date(now + 86_400_000),
      }),
    );
    process.stdout.write(
      `[fault] PostgreSQL down: GET ${read.status} ${JSON.stringify(read.body)}; POST ${write.status}\n`,
    );
    for (const answer of [read, write]) {
      expect(answer.status).toBe(503);
      expect(answer.body).toMatchObject({
        error: 'SERVICE_UNAVAILABLE',
        message: expect.stringMatching(/База данных/),
      });
    }

    await stack.startPostgres();
    // Same API process: its pool reconnects by itself.
    const back = await waitFor(
      'the API serving again',
      async () => {
        const r = await stack.call('GET', `/cycles/${cycleId}`);
        return r.status === 200 ? r : false;
      },
      60_000,
      250,
    );
    expect((back.body as { schools: unknown[] }).schools).toHaveLength(5);
    const after = await tally();
    process.stdout.write(`[fault] PostgreSQL restart: after ${JSON.stringify(after)}\n`);
    expect(after).toEqual(before); // the refused write stored nothing, nothing was lost
  });
});
