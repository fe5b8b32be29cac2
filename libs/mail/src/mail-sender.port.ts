export interface MailMessage {
  to: string[];
  subject: string;
  text: string;
  html: string;
  /** Stable Message-ID so a receiver can drop a duplicate if a send is ever retried. */
  messageId?: string;
}

/** The only way Orientir sends mail; nodemailer stays behind it. */
export interface MailSender {
  send(message: MailMessage): Promise<{ messageId: string }>;
  /** Checks the SMTP server answers (health). */
  verify(): Promise<void>;
  close(): void;
}

export const MAIL_SENDER = Symbol('MAIL_SENDER');
