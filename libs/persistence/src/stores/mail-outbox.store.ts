import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MailOutboxEntity } from '../entities';
import type { OutboxAttachment } from '../entities/mail-outbox.entity';

export interface OutboxMessage {
  idempotencyKey: string;
  recipients: string[];
  subject: string;
  textBody: string;
  htmlBody: string;
  headers?: Record<string, string>;
  attachments?: OutboxAttachment[];
}

@Injectable()
export class MailOutboxStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Records the message once per key and returns the stored row (the first one wins). */
  async enqueue(message: OutboxMessage): Promise<MailOutboxEntity> {
    const repo = this.dataSource.getRepository(MailOutboxEntity);
    await repo
      .createQueryBuilder()
      .insert()
      .values({ ...message, headers: message.headers ?? {}, attachments: message.attachments ?? [], status: 'pending' })
      .orIgnore()
      .execute();
    return repo.findOneByOrFail({ idempotencyKey: message.idempotencyKey });
  }

  /** Whether a message with this key was ever recorded (a digest checks before issuing its links). */
  async has(idempotencyKey: string): Promise<boolean> {
    return this.dataSource.getRepository(MailOutboxEntity).existsBy({ idempotencyKey });
  }

  async markAttempt(id: string, error: string | null): Promise<void> {
    await this.dataSource.query(`UPDATE mail_outbox SET attempts = attempts + 1, last_error = $2 WHERE id = $1`, [
      id,
      error,
    ]);
  }

  async markSent(id: string, messageId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE mail_outbox SET status = 'sent', attempts = attempts + 1, message_id = $2, last_error = NULL, sent_at = now() WHERE id = $1`,
      [id, messageId],
    );
  }
}
