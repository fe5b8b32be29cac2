import type { MailAttachmentInput } from '@orientir/contracts';

export type MailAttachment = MailAttachmentInput;

export interface MailMessage {
  to: string[];
  subject: string;
  text: string;
  html: string;
  /** Stable Message-ID so a receiver can drop a duplicate if a send is ever retried. */
  messageId?: string;
  /** Extra headers, e.g. List-Unsubscribe. */
  headers?: Record<string, string>;
  attachments?: MailAttachment[];
}

export interface SentMail {
  messageId: string;
  /** Recipients the server refused while accepting others (empty for one recipient: it throws). */
  rejected?: string[];
}

/** The only way Orientir talks SMTP; nodemailer stays behind it. */
export interface MailSender {
  send(message: MailMessage): Promise<SentMail>;
  /** Checks the SMTP server answers (health). */
  verify(): Promise<void>;
  close(): void;
}

export const MAIL_SENDER = Symbol('MAIL_SENDER');
