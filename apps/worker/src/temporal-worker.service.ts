import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { NativeConnection, Worker } from '@temporalio/worker';
import { createActivities } from '@orientir/activities';
import { APP_CONFIG, type AppConfig } from '@orientir/config';
import { MAIL_SENDER, type MailSender } from '@orientir/mail';
import { CycleStore, MailOutboxStore, ProgressStore, SchoolYearStore } from '@orientir/persistence';
import { prebuiltWorkflowBundle } from '@orientir/workflow-bundle';

/** Runs the Temporal worker inside the Nest context, so activities get injected services. */
@Injectable()
export class TemporalWorkerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(TemporalWorkerService.name);
  private connection?: NativeConnection;
  private worker?: Worker;
  private running?: Promise<void>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly cycles: CycleStore,
    private readonly progress: ProgressStore,
    private readonly outbox: MailOutboxStore,
    private readonly schoolYear: SchoolYearStore,
    @Inject(MAIL_SENDER) private readonly mailSender: MailSender,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { address, namespace, taskQueue } = this.config.temporal;
    const { temporalTls, temporalApiKey, worker } = this.config.deployment;
    try {
      this.connection = await NativeConnection.connect({
        address,
        tls: temporalTls ?? undefined,
        apiKey: temporalApiKey ?? undefined,
      });
    } catch (error) {
      const how = temporalTls
        ? `over TLS${temporalTls.clientCertPair ? ' with a client certificate (mTLS)' : ''}${temporalApiKey ? ' with an API key' : ''}`
        : 'without TLS';
      const hint = temporalTls
        ? 'check TEMPORAL_TLS_CA_FILE / TEMPORAL_TLS_CERT_FILE / TEMPORAL_TLS_KEY_FILE / TEMPORAL_TLS_SERVER_NAME, or that the server speaks TLS at all'
        : 'if the server requires TLS, set TEMPORAL_TLS=true (and the certificate files or TEMPORAL_API_KEY)';
      throw new Error(
        `Cannot connect to Temporal at ${address} ${how}: ${error instanceof Error ? error.message : String(error)}. Hint: ${hint}.`,
      );
    }
    this.worker = await Worker.create({
      connection: this.connection,
      namespace,
      taskQueue,
      // Sticky cache: open workflows kept in memory between tasks (RSS grows with it; see docs/performance.md).
      maxCachedWorkflows: worker.maxCachedWorkflows,
      maxConcurrentWorkflowTaskExecutions: worker.maxConcurrentWorkflowTasks,
      maxConcurrentActivityTaskExecutions: worker.maxConcurrentActivities,
      ...(await prebuiltWorkflowBundle()),
      activities: createActivities({
        progress: this.progress,
        outbox: this.outbox,
        directory: this.cycles,
        schoolYear: this.schoolYear,
        reminderDaysBefore: this.config.reminders.daysBefore,
        mailSender: this.mailSender,
        publicUrl: this.config.api.publicUrl,
      }),
    });
    this.running = this.worker.run();
    this.running.catch((error: unknown) => {
      this.logger.error(`Worker stopped with an error: ${String(error)}`);
      process.exitCode = 1;
    });
    this.logger.log(`Polling task queue "${taskQueue}" on ${address} (namespace ${namespace})`);
  }

  /** The worker's state (INITIALIZED until created, RUNNING while it polls); read by tests and the stack. */
  get state(): string {
    return this.worker?.getState() ?? 'INITIALIZED';
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.worker && this.worker.getState() === 'RUNNING') this.worker.shutdown();
    await this.running?.catch(() => undefined);
    await this.connection?.close();
  }
}
