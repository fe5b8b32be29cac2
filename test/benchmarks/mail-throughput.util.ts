// Mail throughput: notices through the outbox (enqueue → dispatcher claims → pooled SMTP → marked
// sent) against a bare nodemailer loop over the same pool size and concurrency to the same server.
import { createTransport } from 'nodemailer';
import { DataSource } from 'typeorm';
import { MailOutbox, NodemailerMailSender, OutboxDispatcher } from '@orientir/mail';
import { MailOutboxStore, createDataSourceOptions } from '@orientir/persistence';
import { waitFor } from '../../infra/stack/wait.util';

export async function bounded<T>(count: number, concurrency: number, task: (i: number) => Promise<T>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) {
        const i = next;
        next += 1;
        await task(i);
      }
    }),
  );
}

export interface MailThroughput {
  outboxPerSecond: number;
  barePerSecond: number;
  ratio: number;
}

export interface MailThroughputOptions {
  size: number;
  databaseUrl: string;
  smtpUrl: string;
  /** SMTP connections, for both paths. */
  poolSize: number;
  /** Sends at once: the dispatcher's concurrency and the bare loop's. */
  concurrency: number;
  /** Empties the SMTP catcher between the two runs. */
  clearMail(): Promise<void>;
}

const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;
const FROM = 'Ориентир <bench@orientir.local>';
const TEXT = 'Напоминаем о мероприятии дорожной карты: срок через 7 рабочих дней.';

export async function measureMailThroughput(o: MailThroughputOptions): Promise<MailThroughput> {
  const dataSource = new DataSource(createDataSourceOptions(o.databaseUrl, 10));
  await dataSource.initialize();
  const store = new MailOutboxStore(dataSource);
  const outbox = new MailOutbox(store);
  const sender = new NodemailerMailSender(o.smtpUrl, FROM, { poolSize: o.poolSize });
  const dispatcher = new OutboxDispatcher(store, sender, {
    concurrency: o.concurrency,
    ratePerSecond: 0,
    maxAgeMs: 3_600_000,
    messageIdDomain: 'bench.orientir.local',
    idlePollMs: 100,
  });
  const bare = createTransport(o.smtpUrl, { pool: true, maxConnections: o.poolSize } as Parameters<
    typeof createTransport
  >[1]);
  const runId = `bench-${o.size}-${Date.now()}`;
  try {
    await o.clearMail();
    // The outbox as in production: the dispatcher runs while notices are queued and wakes on each.
    const unsubscribe = outbox.onQueued(() => dispatcher.wake());
    const tOutbox = process.hrtime.bigint();
    dispatcher.start();
    await bounded(o.size, o.concurrency, (i) =>
      outbox.enqueue({
        to: `executor-${i}@bench.orientir.local`,
        kind: 'bench',
        dedupeKey: `${runId}/${i}`,
        subject: `Напоминание ${i}`,
        text: TEXT,
        html: `<p>${TEXT}</p>`,
      }),
    );
    const sent = async () =>
      Number(
        (
          (await dataSource.query(
            `SELECT count(*)::int AS n FROM mail_outbox WHERE idempotency_key LIKE $1 AND status = 'sent'`,
            [`${runId}/%`],
          )) as { n: number }[]
        )[0].n,
      );
    await waitFor(`${o.size} notices sent through the outbox`, async () => (await sent()) === o.size, 1_800_000, 50);
    const outboxPerSecond = o.size / seconds(tOutbox);
    unsubscribe();
    await dispatcher.stop();

    await o.clearMail();
    const tBare = process.hrtime.bigint();
    await bounded(o.size, o.concurrency, (i) =>
      bare.sendMail({
        from: FROM,
        to: `executor-${i}@bench.orientir.local`,
        subject: `Напоминание ${i}`,
        text: TEXT,
        html: `<p>${TEXT}</p>`,
      }),
    );
    const barePerSecond = o.size / seconds(tBare);
    return { outboxPerSecond, barePerSecond, ratio: outboxPerSecond / barePerSecond };
  } finally {
    sender.close();
    bare.close();
    await dataSource.destroy();
  }
}
