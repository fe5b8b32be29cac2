/** A small text file sent with a letter (the deadline's .ics). */
export interface MailAttachment {
  filename: string;
  contentType: string;
  content: string;
}

export interface MailMessage {
  to: string[];
  subject: string;
  text: string;
  html: string;
  /** Stable Message-ID so a receiver can drop a duplicate if a send is ever retried. */
  messageId?: string;
  /** E.g. List-Unsubscribe and List-Unsubscribe-Post (RFC 8058). */
  headers?: Record<string, string>;
  attachments?: MailAttachment[];
}

/** The only way Orientir sends mail; nodemailer stays behind it. */
export interface MailSender {
  send(message: MailMessage): Promise<{ messageId: string }>;
  /** Checks the SMTP server answers (health). */
  verify(): Promise<void>;
  close(): void;
}

export const MAIL_SENDER = Symbol('MAIL_SENDER');
