import { createTransport, type Transporter } from 'nodemailer';
import type { MailMessage, MailSender, SentMail } from './mail-sender.port';

export class NodemailerMailSender implements MailSender {
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
    limits: { poolSize?: number; ratePerSecond?: number } = {},
  ) {
    // Short timeouts: a stuck SMTP server should fail the activity, which Temporal retries.
    // A pool reuses connections (one per message costs a TCP+SMTP handshake each); a provider's
    // rate limit is kept by nodemailer delaying sends beyond `rateLimit` per second.
    this.transport = createTransport(smtpUrl, {
      pool: true,
      maxConnections: limits.poolSize ?? 5,
      ...(limits.ratePerSecond ? { rateDelta: 1000, rateLimit: limits.ratePerSecond } : {}),
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    } as Parameters<typeof createTransport>[1]);
  }

  async send(message: MailMessage): Promise<SentMail> {
    const info = await this.transport.sendMail({
      from: this.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html,
      messageId: message.messageId,
      headers: message.headers,
      attachments: message.attachments?.map((a) => ({ ...a })),
    });
    return { messageId: String(info.messageId), rejected: (info.rejected ?? []).map(String) };
  }

  async verify(): Promise<void> {
    await this.transport.verify();
  }

  close(): void {
    this.transport.close();
  }
}
