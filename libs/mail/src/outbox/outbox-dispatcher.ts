import type { MailAttachment, MailSender } from '../mail-sender.port';
import { RateLimiter } from './rate-limiter.util';
import { addressProblem, classifySmtpFailure } from './smtp-failure.util';

/** A message leased to this dispatcher for one attempt (the outbox store's `claimDue` row). */
export interface DispatchItem {
  id: string;
  recipients: string[];
  subject: string;
  textBody: string;
  htmlBody: string;
  headers: Record<string, string>;
  attachments: MailAttachment[];
  /** Stable across attempts: `<outbox id@domain>`. */
  messageId: string;
  /** Attempts so far, this one included. */
  attempts: number;
  createdAt: Date;
}

/** What the dispatcher needs from the outbox table; MailOutboxStore has this shape. */
export interface OutboxQueuePort {
  claimDue(limit: number, now: Date, leaseMs: number, messageIdDomain: string): Promise<DispatchItem[]>;
  markSent(id: string, messageId: string, at: Date): Promise<void>;
  markFailed(id: string, error: string, retryAt: Date): Promise<void>;
  markUndeliverable(id: string, error: string, at: Date): Promise<void>;
}

export interface DispatcherLogger {
  warn(message: string): void;
  error(message: string): void;
}

export interface OutboxDispatcherOptions {
  /** Messages at the SMTP server at once (the pool's connections are shared by them). */
  concurrency: number;
  /** At most this many sends per second; 0 for no limit. */
  ratePerSecond: number;
  /** Domain of the stable Message-ID. */
  messageIdDomain: string;
  /** A transiently failing message is retried this long after it was queued, then undeliverable. */
  maxAgeMs: number;
  /** First retry delay, doubled per attempt up to `maxBackoffMs`. */
  initialBackoffMs?: number;
  maxBackoffMs?: number;
  /** Rows claimed at once. */
  batchSize?: number;
  /** How long a claimed row stays ours; a dispatcher that dies releases it by letting this run out. */
  leaseMs?: number;
  /** Poll interval while the outbox is empty. */
  idlePollMs?: number;
  /** Wall clock of the outbox's due times (tests pass a simulated one). */
  clock?: () => Date;
  logger?: DispatcherLogger;
}

const consoleLogger: DispatcherLogger = {
  warn: (m) => process.stderr.write(`[outbox] ${m}\n`),
  error: (m) => process.stderr.write(`[outbox] ${m}\n`),
};

/**
 * Sends what the outbox holds: claims due rows (SKIP LOCKED, so several workers can share the table),
 * sends each over the pooled transport with bounded concurrency and rate, and records the outcome.
 * Permanent refusals become undeliverable at once; transient failures are retried with exponential
 * backoff until `maxAgeMs`. The Message-ID is fixed per row, so the one case that can send twice —
 * a crash after the SMTP server accepted but before `sent` was written — resends the same message,
 * which receivers recognise (README: «Mail delivery»).
 */
export class OutboxDispatcher {
  private readonly rate: RateLimiter;
  private readonly clock: () => Date;
  private readonly log: DispatcherLogger;
  private readonly inflight = new Set<Promise<void>>();
  private running = false;
  private loop?: Promise<void>;
  private wakeUp?: () => void;
  private woken = false;

  constructor(
    private readonly queue: OutboxQueuePort,
    private readonly sender: MailSender,
    private readonly options: OutboxDispatcherOptions,
  ) {
    this.rate = new RateLimiter(options.ratePerSecond);
    this.clock = options.clock ?? (() => new Date());
    this.log = options.logger ?? consoleLogger;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Stops claiming, lets the sends in flight finish and record their outcome. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loop;
  }

  /** New mail was queued: look now rather than at the next poll. */
  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  /** One pass: claims what is due and sends it all. Returns how many messages it handled. */
  async drainOnce(): Promise<number> {
    const batch = await this.queue.claimDue(
      this.batchSize(),
      this.clock(),
      this.leaseMs(),
      this.options.messageIdDomain,
    );
    for (const item of batch) {
      while (this.inflight.size >= this.options.concurrency) await Promise.race(this.inflight);
      await this.rate.take();
      this.track(this.deliver(item));
    }
    await Promise.all(this.inflight);
    return batch.length;
  }

  private async run(): Promise<void> {
    while (this.running) {
      let handled = 0;
      try {
        handled = await this.drainOnce();
      } catch (error) {
        // The database is away (restart, failover): keep polling; rows wait safely in the table.
        this.log.warn(`outbox unavailable, retrying: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (handled === 0 && this.running) await this.idle();
    }
    await Promise.all(this.inflight);
  }

  private idle(): Promise<void> {
    if (this.woken) {
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wakeUp = undefined;
        this.woken = false;
        resolve();
      };
      const timer = setTimeout(done, this.options.idlePollMs ?? 500);
      this.wakeUp = done;
    });
  }

  private track(work: Promise<void>): void {
    const tracked = work.finally(() => this.inflight.delete(tracked));
    this.inflight.add(tracked);
  }

  private async deliver(item: DispatchItem): Promise<void> {
    const bad = item.recipients.map(addressProblem).find((p) => p !== null);
    if (bad) return this.record(() => this.queue.markUndeliverable(item.id, bad, this.clock()));
    let sent: { messageId: string; rejected?: string[] };
    try {
      sent = await this.sender.send({
        to: item.recipients,
        subject: item.subject,
        text: item.textBody,
        html: item.htmlBody,
        messageId: item.messageId,
        headers: item.headers,
        attachments: item.attachments,
      });
    } catch (error) {
      const failure = classifySmtpFailure(error);
      if (failure.kind === 'permanent')
        return this.record(() => this.queue.markUndeliverable(item.id, failure.reason, this.clock()));
      const now = this.clock();
      if (now.getTime() - item.createdAt.getTime() >= this.options.maxAgeMs) {
        const hours = Math.round(this.options.maxAgeMs / 3_600_000);
        return this.record(() =>
          this.queue.markUndeliverable(item.id, `Не доставлено за ${hours} ч: ${failure.reason}`, now),
        );
      }
      return this.record(() =>
        this.queue.markFailed(item.id, failure.reason, new Date(now.getTime() + this.backoff(item.attempts))),
      );
    }
    if (sent.rejected?.length)
      return this.record(() =>
        this.queue.markUndeliverable(
          item.id,
          `Почтовый сервер отказал получателям: ${sent.rejected!.join(', ')}`,
          this.clock(),
        ),
      );
    return this.record(() => this.queue.markSent(item.id, item.messageId, this.clock()));
  }

  /**
   * Writes an outcome, retrying while the database is briefly away: a message the SMTP server took
   * must not be left `sending` (its lease would run out and it would go again) for a passing blip.
   */
  private async record(write: () => Promise<void>): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await write();
      } catch (error) {
        if (attempt >= 8) {
          this.log.error(
            `could not record a delivery outcome: ${error instanceof Error ? error.message : String(error)}`,
          );
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, Math.min(250 * 2 ** attempt, 10_000)));
      }
    }
  }

  private backoff(attempts: number): number {
    const initial = this.options.initialBackoffMs ?? 5_000;
    const max = this.options.maxBackoffMs ?? 5 * 60_000;
    return Math.min(max, initial * 2 ** Math.max(0, attempts - 1));
  }

  private batchSize(): number {
    return this.options.batchSize ?? Math.min(200, Math.max(20, this.options.concurrency * 4));
  }

  private leaseMs(): number {
    // Long enough for a whole batch at the rate limit, with room for slow SMTP answers.
    const atRate = this.options.ratePerSecond > 0 ? (this.batchSize() / this.options.ratePerSecond) * 2000 : 0;
    return this.options.leaseMs ?? Math.max(5 * 60_000, atRate);
  }
}
