import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { DispatchItem } from '@orientir/mail';
import { MailOutboxEntity, type OutboxAttachment, type OutboxStatus } from '../entities';

export interface OutboxMessage {
  idempotencyKey: string;
  /** What the mail is about (event-reminder, digest, …): shown on the «Почта» page. */
  kind?: string;
  cycleId?: string | null;
  recipients: string[];
  subject: string;
  textBody: string;
  htmlBody: string;
  headers?: Record<string, string>;
  attachments?: OutboxAttachment[];
  /** Set when the message is refused before any attempt (e.g. a malformed address). */
  undeliverableReason?: string;
}

/** A message leased to one dispatcher for one attempt (the dispatcher's own type). */
export type ClaimedMessage = DispatchItem;

export interface OutboxListFilter {
  cycleIds?: readonly string[] | null;
  statuses?: readonly OutboxStatus[];
  limit: number;
  offset: number;
}

const STATUSES: readonly OutboxStatus[] = ['pending', 'sending', 'sent', 'failed', 'undeliverable'];

@Injectable()
export class MailOutboxStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Whether a message with this key was ever queued (the digest checks before issuing its links). */
  async has(idempotencyKey: string): Promise<boolean> {
    return this.dataSource.getRepository(MailOutboxEntity).existsBy({ idempotencyKey });
  }

  /** Records the message once per key and returns the stored row (the first one wins). */
  async enqueue(message: OutboxMessage): Promise<MailOutboxEntity> {
    const repo = this.dataSource.getRepository(MailOutboxEntity);
    const { undeliverableReason, ...row } = message;
    await repo
      .createQueryBuilder()
      .insert()
      .values({
        ...row,
        kind: row.kind ?? 'other',
        cycleId: row.cycleId ?? null,
        headers: row.headers ?? {},
        attachments: row.attachments ?? [],
        ...(undeliverableReason
          ? { status: 'undeliverable' as const, lastError: undeliverableReason, undeliverableAt: () => 'now()' }
          : { status: 'pending' as const }),
      })
      .orIgnore()
      .execute();
    return repo.findOneByOrFail({ idempotencyKey: message.idempotencyKey });
  }

  /**
   * Leases up to `limit` messages that are due (pending, failed with the retry time reached, or
   * sending under a lease that ran out because its dispatcher died) and counts the attempt.
   * SKIP LOCKED lets several dispatchers share the table without taking the same row.
   */
  async claimDue(limit: number, now: Date, leaseMs: number, messageIdDomain: string): Promise<ClaimedMessage[]> {
    const rows = (await this.dataSource.query(
      `UPDATE mail_outbox o
          SET status = 'sending', attempts = o.attempts + 1,
              locked_until = $2::timestamptz + ($3::text || ' milliseconds')::interval,
              message_id = COALESCE(o.message_id, '<' || o.id || '@' || $4 || '>')
        WHERE o.id IN (
          SELECT id FROM mail_outbox
           WHERE (status IN ('pending', 'failed') AND next_attempt_at <= $2)
              OR (status = 'sending' AND locked_until < $2)
           ORDER BY next_attempt_at
           LIMIT $1
           FOR UPDATE SKIP LOCKED)
        RETURNING o.id, o.recipients, o.subject, o.text_body, o.html_body, o.headers, o.attachments,
                  o.message_id, o.attempts, o.created_at`,
      [limit, now.toISOString(), String(leaseMs), messageIdDomain],
    )) as [Record<string, unknown>[], number] | Record<string, unknown>[];
    const list = (Array.isArray(rows[0]) ? rows[0] : rows) as Record<string, unknown>[];
    return list.map((r) => ({
      id: r.id as string,
      recipients: r.recipients as string[],
      subject: r.subject as string,
      textBody: r.text_body as string,
      htmlBody: r.html_body as string,
      headers: r.headers as Record<string, string>,
      attachments: r.attachments as OutboxAttachment[],
      messageId: r.message_id as string,
      attempts: r.attempts as number,
      createdAt: r.created_at as Date,
    }));
  }

  async markSent(id: string, messageId: string, at: Date = new Date()): Promise<void> {
    await this.dataSource.query(
      `UPDATE mail_outbox SET status = 'sent', message_id = $2, last_error = NULL, sent_at = $3, locked_until = NULL
        WHERE id = $1 AND status <> 'sent'`,
      [id, messageId, at.toISOString()],
    );
  }

  /** A transient failure: tried again at `retryAt`. */
  async markFailed(id: string, error: string, retryAt: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE mail_outbox SET status = 'failed', last_error = $2, next_attempt_at = $3, locked_until = NULL
        WHERE id = $1 AND status = 'sending'`,
      [id, error, retryAt.toISOString()],
    );
  }

  /** Refused for good: never tried again. */
  async markUndeliverable(id: string, error: string, at: Date = new Date()): Promise<void> {
    await this.dataSource.query(
      `UPDATE mail_outbox SET status = 'undeliverable', last_error = $2, undeliverable_at = $3, locked_until = NULL
        WHERE id = $1 AND status <> 'sent'`,
      [id, error, at.toISOString()],
    );
  }

  /** Messages newest first, limited to the given cycles (null: every message, for admins). */
  async list(filter: OutboxListFilter): Promise<{ items: MailOutboxEntity[]; total: number }> {
    const qb = this.dataSource.getRepository(MailOutboxEntity).createQueryBuilder('m');
    if (filter.cycleIds) qb.andWhere('m.cycle_id = ANY(:cycleIds)', { cycleIds: [...filter.cycleIds] });
    if (filter.statuses?.length) qb.andWhere('m.status IN (:...statuses)', { statuses: [...filter.statuses] });
    const [items, total] = await qb
      .orderBy('m.created_at', 'DESC')
      .addOrderBy('m.id', 'ASC')
      .take(filter.limit)
      .skip(filter.offset)
      .getManyAndCount();
    return { items, total };
  }

  /** Every cycle with its municipality and title, to scope and label the list (a light query). */
  async cycles(): Promise<{ id: string; title: string; municipalityId: string | null }[]> {
    return (await this.dataSource.query(`SELECT id, title, municipality_id AS "municipalityId" FROM cycles`)) as {
      id: string;
      title: string;
      municipalityId: string | null;
    }[];
  }

  /** How many messages are in each state, within the given cycles (null: all). */
  async countByStatus(cycleIds: readonly string[] | null): Promise<Record<OutboxStatus, number>> {
    const rows = (await this.dataSource.query(
      `SELECT status, count(*)::int AS n FROM mail_outbox
        WHERE ($1::uuid[] IS NULL OR cycle_id = ANY($1::uuid[])) GROUP BY status`,
      [cycleIds ? [...cycleIds] : null],
    )) as { status: OutboxStatus; n: number }[];
    const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<OutboxStatus, number>;
    for (const row of rows) counts[row.status] = row.n;
    return counts;
  }
}
