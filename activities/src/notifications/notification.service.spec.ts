import type { MailMessage, MailSender } from '@orientir/mail';
import type { OutboxPort, OutboxRecord } from '../activity.ports';
import { NotificationService } from './notification.service';

/** In-memory outbox with the same once-per-key semantics as the SQL one. */
class MemoryOutbox implements OutboxPort {
  rows = new Map<string, OutboxRecord & { attempts: number }>();
  async enqueue(m: { idempotencyKey: string }): Promise<OutboxRecord> {
    const row = this.rows.get(m.idempotencyKey) ?? {
      id: `id-${this.rows.size + 1}`,
      status: 'pending' as const,
      attempts: 0,
    };
    this.rows.set(m.idempotencyKey, row);
    return { ...row };
  }
  async markAttempt(id: string): Promise<void> {
    this.find(id).attempts += 1;
  }
  async markSent(id: string): Promise<void> {
    const row = this.find(id);
    row.status = 'sent';
    row.attempts += 1;
  }
  private find(id: string) {
    const row = [...this.rows.values()].find((r) => r.id === id);
    if (!row) throw new Error(`no row ${id}`);
    return row;
  }
}

class RecordingSender implements MailSender {
  sent: MailMessage[] = [];
  failNext = false;
  async send(m: MailMessage) {
    if (this.failNext) {
      this.failNext = false;
      throw new Error('SMTP down');
    }
    this.sent.push(m);
    return { messageId: m.messageId ?? 'x' };
  }
  async verify() {}
  close() {}
}

const mail = { idempotencyKey: 'wf/reminder/0/a@b.ru', to: 'a@b.ru', subject: 'S', text: 'T', html: 'H' };

describe('NotificationService', () => {
  it('sends once per idempotency key however often it is called', async () => {
    const sender = new RecordingSender();
    const service = new NotificationService(new MemoryOutbox(), sender, 'orientir.test');
    expect(await service.deliver(mail)).toBe('sent');
    expect(await service.deliver(mail)).toBe('already-sent');
    expect(sender.sent).toHaveLength(1);
    expect(sender.sent[0].messageId).toBe('<id-1@orientir.test>');
  });

  it('records a failed attempt and sends on the retry', async () => {
    const outbox = new MemoryOutbox();
    const sender = new RecordingSender();
    sender.failNext = true;
    const service = new NotificationService(outbox, sender, 'orientir.test');
    await expect(service.deliver(mail)).rejects.toThrow('SMTP down');
    expect(await service.deliver(mail)).toBe('sent');
    expect(sender.sent).toHaveLength(1);
    expect(outbox.rows.get(mail.idempotencyKey)).toMatchObject({ status: 'sent', attempts: 2 });
  });
});
