import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@orientir/config';
import { MAIL_OUTBOX, MAIL_SENDER, OutboxDispatcher, type MailOutbox, type MailSender } from '@orientir/mail';
import { MailOutboxStore } from '@orientir/persistence';

/** Runs the outbox dispatcher beside the Temporal worker: the only place mail leaves from. */
@Injectable()
export class OutboxDispatcherService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('OutboxDispatcher');
  private dispatcher?: OutboxDispatcher;
  private unsubscribe?: () => void;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly store: MailOutboxStore,
    @Inject(MAIL_SENDER) private readonly sender: MailSender,
    @Inject(MAIL_OUTBOX) private readonly outbox: MailOutbox,
  ) {}

  onApplicationBootstrap(): void {
    const { dispatchConcurrency, ratePerSecond, retryHours } = this.config.deployment.smtp;
    this.dispatcher = new OutboxDispatcher(this.store, this.sender, {
      concurrency: dispatchConcurrency,
      ratePerSecond,
      maxAgeMs: retryHours * 3_600_000,
      messageIdDomain: new URL(this.config.api.publicUrl).hostname,
      logger: { warn: (m) => this.logger.warn(m), error: (m) => this.logger.error(m) },
    });
    // Mail queued by this process's activities is sent at once rather than at the next poll.
    this.unsubscribe = this.outbox.onQueued(() => this.dispatcher?.wake());
    this.dispatcher.start();
  }

  async onApplicationShutdown(): Promise<void> {
    this.unsubscribe?.();
    await this.dispatcher?.stop();
  }
}
