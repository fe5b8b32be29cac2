// The outbox sends mail itself, against real PostgreSQL and a real SMTP server (smtp-server, so the
// test can refuse one address with 550 and stop the server). Time for retries is a simulated clock
// that the dispatcher reads, so an hour of outage passes in seconds; nothing sleeps a fixed time.
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { MailOutbox, NodemailerMailSender, OutboxDispatcher } from '@orientir/mail';
import { MailOutboxStore, createDataSourceOptions, runMigrations } from '@orientir/persistence';
import { testEnv } from '../setup/test-infrastructure';
import { eventually } from '../support/poll.util';
import { TestSmtpServer } from '../support/test-smtp-server';

describe('mail delivery through the outbox', () => {
  const dbName = `mail_delivery_${process.pid}_${Date.now()}`;
  let dataSource: DataSource;
  let store: MailOutboxStore;
  let outbox: MailOutbox;
  const smtp = new TestSmtpServer();
  let sender: NodemailerMailSender;
  let simulatedNow = Date.now();
  const dispatchers: OutboxDispatcher[] = [];

  const dispatcher = (clock?: () => Date) => {
    const d = new OutboxDispatcher(store, sender, {
      concurrency: 4,
      ratePerSecond: 0,
      maxAgeMs: 72 * 3_600_000,
      messageIdDomain: 'orientir.test',
      initialBackoffMs: 5_000,
      maxBackoffMs: 5 * 60_000,
      idlePollMs: 20,
      clock,
      logger: { warn: () => undefined, error: () => undefined },
    });
    dispatchers.push(d);
    return d;
  };

  const rows = async (prefix: string) =>
    (await dataSource.query(
      `SELECT idempotency_key, recipients[1] AS "to", status, attempts, message_id, last_error, next_attempt_at
         FROM mail_outbox WHERE idempotency_key LIKE $1 ORDER BY idempotency_key`,
      [`${prefix}%`],
    )) as {
      idempotency_key: string;
      to: string;
      status: string;
      attempts: number;
      message_id: string;
      last_error: string | null;
      next_attempt_at: Date;
    }[];

  const enqueueMany = (prefix: string, recipients: string[]) =>
    Promise.all(
      recipients.map((to, i) =>
        outbox.enqueue({
          to,
          kind: 'event-reminder',
          dedupeKey: `${prefix}${i}`,
          subject: `Напоминание ${prefix}${i}`,
          text: 'Срок через 7 рабочих дней.',
          html: '<p>Срок через 7 рабочих дней.</p>',
          headers: { 'X-Orientir-Test': prefix },
          attachments: [
            { filename: 'deadline.ics', contentType: 'text/calendar', content: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR' },
          ],
        }),
      ),
    );

  beforeAll(async () => {
    // A database of its own: no other test file's worker dispatches these rows to its SMTP server.
    const admin = new Client({ connectionString: testEnv('databaseUrl') });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${dbName}`);
    await admin.end();
    const url = new URL(testEnv('databaseUrl'));
    url.pathname = `/${dbName}`;
    await runMigrations(url.toString());
    dataSource = new DataSource(createDataSourceOptions(url.toString(), 6));
    await dataSource.initialize();
    store = new MailOutboxStore(dataSource);
    outbox = new MailOutbox(store);
    await smtp.start();
    sender = new NodemailerMailSender(smtp.url, 'Ориентир <noreply@orientir.test>', { poolSize: 3 });
  });

  afterAll(async () => {
    await Promise.all(dispatchers.map((d) => d.stop()));
    sender?.close();
    await smtp.stop();
    await dataSource?.destroy();
    const admin = new Client({ connectionString: testEnv('databaseUrl') });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  });

  it('loses nothing and doubles nothing through an hour of SMTP outage', async () => {
    await smtp.stop(); // the port stays known; nothing listens on it now
    const clock = () => new Date(simulatedNow);
    const d = dispatcher(clock);
    const prefix = `outage/${Date.now()}/`;
    const recipients = Array.from({ length: 20 }, (_, i) => `executor-${i}@school.test`);
    await enqueueMany(prefix, recipients);
    d.start();

    // Every minute of a simulated hour: each message due is tried, fails and is put off with backoff.
    const start = simulatedNow;
    while (simulatedNow - start < 60 * 60_000) {
      simulatedNow += 60_000;
      d.wake();
      await eventually('every due message tried', async () => {
        const now = await rows(prefix);
        return now.every((r) => r.status === 'failed' && r.next_attempt_at.getTime() > simulatedNow) ? true : undefined;
      });
    }
    const down = await rows(prefix);
    expect(down.map((r) => r.status)).toEqual(recipients.map(() => 'failed'));
    expect(Math.min(...down.map((r) => r.attempts))).toBeGreaterThanOrEqual(10); // 5 s doubling to 5 min over an hour
    expect(down[0].last_error).toMatch(/^Почтовый сервер недоступен/);
    expect(smtp.received).toHaveLength(0);

    await smtp.start();
    simulatedNow += 5 * 60_000; // the longest backoff
    d.wake();
    const sent = await eventually('every message sent after the outage', async () => {
      const now = await rows(prefix);
      return now.every((r) => r.status === 'sent') ? now : undefined;
    });
    // Another pass finds nothing more to send.
    simulatedNow += 60 * 60_000;
    expect(await d.drainOnce()).toBe(0);
    await d.stop(); // its clock is hours ahead: it would take over the next test's leases

    const ours = smtp.received; // the first test: nothing else has been sent to this server
    expect(ours).toHaveLength(20);
    expect(new Set(ours.map((m) => m.to[0]))).toEqual(new Set(recipients));
    expect(new Set(ours.map((m) => m.messageId))).toEqual(new Set(sent.map((r) => r.message_id)));
    expect(ours[0].body).toMatch(/X-Orientir-Test: outage/);
    expect(ours[0].body).toMatch(/filename=deadline\.ics/);
  });

  it('marks a 550 recipient undeliverable at once and delivers everyone else', async () => {
    const d = dispatcher();
    const prefix = `refusal/${Date.now()}/`;
    const before = smtp.received.length;
    const recipients = ['a@school.test', 'refused-director@school.test', 'b@school.test', 'c@school.test'];
    const queued = await enqueueMany(prefix, [...recipients, 'not an address']);
    expect(queued[4].status).toBe('undeliverable'); // refused before any attempt
    d.start();
    const done = await eventually('every message settled', async () => {
      const now = await rows(prefix);
      return now.every((r) => r.status === 'sent' || r.status === 'undeliverable') ? now : undefined;
    });
    const byTo = new Map(done.map((r) => [r.to, r]));
    expect(byTo.get('refused-director@school.test')).toMatchObject({ status: 'undeliverable', attempts: 1 });
    expect(byTo.get('refused-director@school.test')!.last_error).toMatch(/^Почтовый сервер отказал в доставке: 550/);
    expect(byTo.get('not an address')).toMatchObject({ status: 'undeliverable', attempts: 0 });
    expect(byTo.get('not an address')!.last_error).toBe('Некорректный адрес получателя «not an address»');
    for (const to of ['a@school.test', 'b@school.test', 'c@school.test'])
      expect(byTo.get(to)).toMatchObject({ status: 'sent', attempts: 1 });
    expect(
      smtp.received
        .slice(before)
        .map((m) => m.to[0])
        .sort(),
    ).toEqual(['a@school.test', 'b@school.test', 'c@school.test']);
    // Never tried again, however long the dispatcher keeps running.
    expect(await d.drainOnce()).toBe(0);
    const counts = await store.countByStatus(null);
    expect(counts.undeliverable).toBe(2);
  });

  it('queues one message per dedupe key however often a retried activity asks', async () => {
    const prefix = `dedupe/${Date.now()}/`;
    const first = await enqueueMany(prefix, ['once@school.test']);
    const again = await enqueueMany(prefix, ['once@school.test']);
    expect(again[0].id).toBe(first[0].id);
    expect(await rows(prefix)).toHaveLength(1);
  });
});
