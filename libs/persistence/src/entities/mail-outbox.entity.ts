import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { MailAttachment } from '@orientir/mail';

/**
 * pending: waiting for its first attempt · sending: leased by a dispatcher · sent: accepted by the
 * SMTP server · failed: a transient failure, retried at `nextAttemptAt` · undeliverable: refused for
 * good (5xx, bad address) or out of retry time; never retried.
 */
export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'undeliverable';

export type OutboxAttachment = MailAttachment;

/** Every e-mail goes through here, keyed so a retried activity never sends twice; the dispatcher sends it. */
@Entity('mail_outbox')
export class MailOutboxEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text', { name: 'idempotency_key', unique: true })
  idempotencyKey!: string;

  @Column('text', { default: 'other' })
  kind!: string;

  @Column('uuid', { name: 'cycle_id', nullable: true })
  cycleId!: string | null;

  @Column('text', { array: true })
  recipients!: string[];

  @Column('text')
  subject!: string;

  @Column('text', { name: 'text_body' })
  textBody!: string;

  @Column('text', { name: 'html_body' })
  htmlBody!: string;

  @Column('jsonb', { default: {} })
  headers!: Record<string, string>;

  @Column('jsonb', { default: [] })
  attachments!: OutboxAttachment[];

  @Column('text', { default: 'pending' })
  status!: OutboxStatus;

  @Column('int', { default: 0 })
  attempts!: number;

  @Column('timestamptz', { name: 'next_attempt_at', default: () => 'now()' })
  nextAttemptAt!: Date;

  @Column('timestamptz', { name: 'locked_until', nullable: true })
  lockedUntil!: Date | null;

  @Column('text', { name: 'message_id', nullable: true })
  messageId!: string | null;

  @Column('text', { name: 'last_error', nullable: true })
  lastError!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'sent_at', nullable: true })
  sentAt!: Date | null;

  @Column('timestamptz', { name: 'undeliverable_at', nullable: true })
  undeliverableAt!: Date | null;
}
