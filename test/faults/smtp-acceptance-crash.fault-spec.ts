// Checks: the worker process dies after the SMTP server accepted a message (its 250 after DATA) and
// before the outbox recorded it as sent — the one window the README names as at-least-once. The
// window is made exact, not left to timing: the worker is frozen while the server accepts, then killed.
// Counted: the row's state and attempts, and every copy the SMTP server received with its Message-ID.
import { randomUUID } from 'node:crypto';
import { waitFor } from '../../infra/stack/wait.util';
import { ProcessStack, type AppProcess } from '../support/process-stack';
import { TestSmtpServer, type ReceivedMail } from '../support/test-smtp-server';

describe('worker killed between SMTP acceptance and «sent»', () => {
  const stack = new ProcessStack({ name: 'fault-smtp-acceptance' });
  let worker: AppProcess | undefined;
  /**
   * The first copy: the worker is frozen (SIGSTOP) the moment its message has arrived, the server
   * answers 250 — the message is accepted and kept — and the frozen worker is killed before it can
   * read the answer or send its «sent» update. Killed later, an update already at PostgreSQL would
   * still commit (the server finishes a statement it received), so this is the window that matters.
   */
  const smtp = new TestSmtpServer(async (_mail, accept) => {
    if (smtp.received.length > 1) return accept();
    worker!.process.child.kill('SIGSTOP');
    accept();
    await new Promise((resolve) => setImmediate(resolve));
    await worker!.kill();
  });

  beforeAll(async () => {
    await stack.start();
    await smtp.start();
  });
  afterAll(async () => {
    await smtp.stop();
    await stack.stop();
  });

  const row = async (key: string) =>
    (
      await stack.db.query<{ id: string; status: string; attempts: number; message_id: string }>(
        'SELECT id, status, attempts, message_id FROM mail_outbox WHERE idempotency_key = $1',
        [key],
      )
    ).rows[0];

  it('sends the message once more after the lease, with the same Message-ID; nothing else twice', async () => {
    const key = `fault/${randomUUID()}/reminder/0/ivanova@school.test`;
    worker = await stack.startWorker({ SMTP_URL: smtp.url });
    // Queued once the worker runs, so the hook above always has the process to kill.
    await stack.db.query(
      `INSERT INTO mail_outbox (idempotency_key, kind, recipients, subject, text_body, html_body)
       VALUES ($1, 'event-reminder', ARRAY['ivanova@school.test'], 'Напоминание: мероприятие № 7',
               'Срок исполнения: 15 января 2027 г.', '<p>Срок исполнения: 15 января 2027 г.</p>')`,
      [key],
    );
    await waitFor(
      'the worker killed in the window',
      async () => worker!.process.child.signalCode === 'SIGKILL',
      60_000,
      50,
    );

    // The server has the message; the outbox still says «sending» under the dead worker's lease.
    const afterKill = await row(key);
    expect(smtp.received).toHaveLength(1);
    expect(afterKill).toMatchObject({ status: 'sending', attempts: 1 });
    expect(afterKill.message_id).toBe(`<${afterKill.id}@orientir.test>`);
    expect(smtp.received[0].messageId).toBe(afterKill.message_id);

    // A worker started while the lease runs (5 minutes) leaves the row alone.
    worker = await stack.startWorker({ SMTP_URL: smtp.url });
    await stack.db.query(
      `INSERT INTO mail_outbox (idempotency_key, kind, recipients, subject, text_body, html_body)
       VALUES ($1, 'event-reminder', ARRAY['petrov@school.test'], 'Другое письмо', 'Текст', '<p>Текст</p>')`,
      [`${key}/other`],
    );
    await waitFor('the other message sent', async () => (await row(`${key}/other`)).status === 'sent', 60_000, 100);
    expect(smtp.received.filter((m) => m.messageId === afterKill.message_id)).toHaveLength(1);

    // The lease runs out (its five minutes stood for by moving it into the past): sent again, once.
    await stack.db.query(`UPDATE mail_outbox SET locked_until = now() - interval '1 second' WHERE id = $1`, [
      afterKill.id,
    ]);
    await waitFor('the message sent again and recorded', async () => (await row(key)).status === 'sent', 60_000, 100);
    const copies = smtp.received.filter((m) => m.to.includes('ivanova@school.test'));
    expect(copies).toHaveLength(2);
    expect(await row(key)).toMatchObject({ status: 'sent', attempts: 2, message_id: afterKill.message_id });
    // The copy is the same message to a receiver: the same Message-ID, subject and text. Mail servers
    // and clients that drop a Message-ID they already hold keep one; a dumb mailbox shows two.
    expect(new Set(copies.map((m) => m.messageId))).toEqual(new Set([afterKill.message_id]));
    expect(copies[1].subject).toBe(copies[0].subject);
    expect(textPart(copies[1])).toBe(textPart(copies[0]));
    const mailbox = new Map(copies.map((m) => [m.messageId, m]));
    expect(mailbox.size).toBe(1);
    // Nothing else went twice.
    expect(smtp.received.filter((m) => m.to.includes('petrov@school.test'))).toHaveLength(1);
    await worker.stop();
  });
});

/** The message without its transport headers (Date and the boundary may differ between the copies). */
function textPart(mail: ReceivedMail): string {
  const text = /Content-Type: text\/plain[^\n]*\r?\n(?:[^\r\n]+\r?\n)*\r?\n([\s\S]*?)\r?\n--/i.exec(mail.body);
  return text?.[1] ?? mail.body.slice(mail.body.search(/\r?\n\r?\n/));
}
