import type { MailAttachment, MailSender } from '@orientir/mail';
import type { OutboxPort } from '../activity.ports';

export interface OutgoingMail {
  idempotencyKey: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
  attachments?: MailAttachment[];
}

/**
 * Sends mail through the outbox: the first call with a key records the message, later
 * calls with the same key (activity retries) send nothing once it went out.
 */
export class NotificationService {
  constructor(
    private readonly outbox: OutboxPort,
    private readonly sender: MailSender,
    private readonly messageIdDomain: string,
  ) {}

  async deliver(mail: OutgoingMail): Promise<'sent' | 'already-sent'> {
    const record = await this.outbox.enqueue({
      idempotencyKey: mail.idempotencyKey,
      recipients: [mail.to],
      subject: mail.subject,
      textBody: mail.text,
      htmlBody: mail.html,
      headers: mail.headers,
      attachments: mail.attachments,
    });
    if (record.status === 'sent') return 'already-sent';
    try {
      const { messageId } = await this.sender.send({
        to: [mail.to],
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: mail.headers,
        attachments: mail.attachments,
        messageId: `<${record.id}@${this.messageIdDomain}>`,
      });
      await this.outbox.markSent(record.id, messageId);
      return 'sent';
    } catch (error) {
      await this.outbox.markAttempt(record.id, error instanceof Error ? error.message : String(error));
      throw error;
    }
  }
}
