import type { EnqueueMailInput } from '@orientir/contracts';
import type { MailAttachment } from '../mail-sender.port';
import { addressProblem } from './smtp-failure.util';

/** One e-mail to put in the outbox: the `enqueueMail` activity's input (one recipient, kind, dedupe key …). */
export type OutgoingMail = EnqueueMailInput;

export interface QueuedMail {
  id: string;
  status: string;
}

/** The outbox table as MailOutbox needs it; MailOutboxStore has this shape. */
export interface OutboxEnqueuePort {
  enqueue(message: {
    idempotencyKey: string;
    kind: string;
    cycleId: string | null;
    recipients: string[];
    subject: string;
    textBody: string;
    htmlBody: string;
    headers: Record<string, string>;
    attachments: MailAttachment[];
    undeliverableReason?: string;
  }): Promise<QueuedMail>;
}

/**
 * The way mail goes out: queue it (once per dedupe key) and return; the worker's dispatcher sends it.
 * Nothing here waits for SMTP, so no workflow ever blocks on a mail server or a bad address:
 * a malformed address is stored as undeliverable at once, for the coordinator to see.
 */
export class MailOutbox {
  private readonly listeners = new Set<() => void>();

  constructor(private readonly store: OutboxEnqueuePort) {}

  async enqueue(mail: OutgoingMail): Promise<QueuedMail> {
    const to = mail.to.trim();
    const problem = addressProblem(to);
    const queued = await this.store.enqueue({
      idempotencyKey: mail.dedupeKey,
      kind: mail.kind,
      cycleId: mail.cycleId ?? null,
      recipients: [to],
      subject: mail.subject,
      textBody: mail.text,
      htmlBody: mail.html,
      headers: mail.headers ?? {},
      attachments: mail.attachments ?? [],
      ...(problem ? { undeliverableReason: problem } : {}),
    });
    if (queued.status === 'pending') for (const listener of this.listeners) listener();
    return { id: queued.id, status: queued.status };
  }

  /** Called after something was queued (the dispatcher in the same process wakes up). */
  onQueued(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

export const MAIL_OUTBOX = Symbol('MAIL_OUTBOX');
