import type { MailAttachment } from '../mail-sender.port';

/** A letter ready to send: subject, both bodies, files (the deadline's .ics). */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
  attachments?: MailAttachment[];
}

/** Whom to ask: the cycle's coordinator as the directory knows them. */
export interface CoordinatorContact {
  name: string;
  email: string | null;
  phone: string | null;
}

/** What is expected of an event: the roadmap's indicator and report form, where known. */
export interface Expectation {
  indicator: string | null;
  reportForm: string | null;
}

export const AUTOMATIC_NOTE = 'Это письмо отправлено автоматически системой «Ориентир».';
