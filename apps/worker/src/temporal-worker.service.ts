import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { createActivities } from '@orientir/activities';
import { launchTaskQueue } from '@orientir/contracts';
import { APP_CONFIG, type AppConfig } from '@orientir/config';
import { MAIL_OUTBOX, type MailOutbox } from '@orientir/mail';
import {
  CalendarStore,
  CycleStore,
  EventTrackingStore,
  LaunchStore,
  MailOutboxStore,
  NotificationStore,
  ProgressStore,
  SchoolYearStore,
} from '@orientir/persistence';
import { TemporalWorkflowGateway, ensureDigestSchedule, isTransientStartError } from '@orientir/temporal';
import { prebuiltWorkflowBundle } from '@orientir/workflow-bundle';

/** Launch workflows cached by the launch worker: only a few run at a time. */
const LAUNCH_WORKER_CACHE = 20;

/** Runs the Temporal worker inside the Nest context, so activities get injected services. */
@Injectable()
export class TemporalWorkerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(TemporalWorkerService.name);
  private connection?: NativeConnection;
  private worker?: Worker;
  /** Polls the launch workflows' own queue (launchTaskQueue), beside the main worker. */
  private launchWorker?: Worker;
  private running?: Promise<void>;
  private scheduleTimer?: NodeJS.Timeout;
  private clientConnection?: Connection;
  private readonly scheduledZones = new Set<string>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly cycles: CycleStore,
    private readonly progress: ProgressStore,
    @Inject(MAIL_OUTBOX) private readonly outbox: MailOutbox,
    private readonly calendar: CalendarStore,
    private readonly outboxRows: MailOutboxStore,
    private readonly people: NotificationStore,
    private readonly schoolYear: SchoolYearStore,
    private readonly events: EventTrackingStore,
    private readonly launches: LaunchStore,
  ) {}

  /** The launch activities' client, made only once the worker's own connection is known to work. */
  private launchConnection?: Connection;

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
    const activities = createActivities({
      progress: this.progress,
      outbox: this.outbox,
      directory: this.cycles,
      calendar: this.calendar,
      events: this.events,
      outboxLookup: this.outboxRows,
      people: this.people,
      schoolYear: this.schoolYear,
      reminderDaysBefore: this.config.reminders.daysBefore,
      publicUrl: this.config.api.publicUrl,
      defaultNotificationMode: this.config.notifications.defaultMode,
      launches: this.launches,
      starter: new TemporalWorkflowGateway(
        new Client({
          connection: (this.launchConnection = Connection.lazy({
            address,
            tls: temporalTls ?? undefined,
            apiKey: temporalApiKey ?? undefined,
          })),
          namespace,
        }),
        taskQueue,
      ),
      isTransientStartError,
    });
    this.worker = await Worker.create({
      connection: this.connection,
      namespace,
      taskQueue,
      // Sticky cache: open workflows kept in memory between tasks (RSS grows with it; see docs/performance.md).
      maxCachedWorkflows: worker.maxCachedWorkflows,
      maxConcurrentWorkflowTaskExecutions: worker.maxConcurrentWorkflowTasks,
      maxConcurrentActivityTaskExecutions: worker.maxConcurrentActivities,
      ...(await prebuiltWorkflowBundle()),
      activities,
    });
    // Launches on their own queue: their workflow and activity tasks never wait behind the first
    // tasks and projections of the workflows they start (docs/performance.md). A launch started
    // before this queue existed still runs on the main worker, which has everything.
    const { planCycleLaunch, startLaunchBatch, recordLaunchProgress } = activities;
    this.launchWorker = await Worker.create({
      connection: this.connection,
      namespace,
      taskQueue: launchTaskQueue(taskQueue),
      maxCachedWorkflows: LAUNCH_WORKER_CACHE,
      ...(await prebuiltWorkflowBundle()),
      activities: { planCycleLaunch, startLaunchBatch, recordLaunchProgress },
    });
    this.running = Promise.all([this.worker.run(), this.launchWorker.run()]).then(() => undefined);
    this.running.catch((error: unknown) => {
      this.logger.error(`Worker stopped with an error: ${String(error)}`);
      process.exitCode = 1;
    });
    this.logger.log(`Polling task queue "${taskQueue}" on ${address} (namespace ${namespace})`);
    await this.ensureDigestSchedules();
    // A cycle in a new time zone gets its Schedule within minutes, without a restart.
    this.scheduleTimer = setInterval(() => void this.ensureDigestSchedules(), 5 * 60_000);
    this.scheduleTimer.unref();
  }

  /** One digest Schedule per time zone that has cycles (idempotent; logs, never stops the worker). */
  private async ensureDigestSchedules(): Promise<void> {
    try {
      const { address, namespace, taskQueue } = this.config.temporal;
      const { temporalTls, temporalApiKey } = this.config.deployment;
      this.clientConnection ??= await Connection.connect({
        address,
        tls: temporalTls ?? undefined,
        apiKey: temporalApiKey ?? undefined,
      });
      const client = new Client({ connection: this.clientConnection, namespace });
      const at = { hour: this.config.notifications.digestHour, minute: this.config.notifications.digestMinute };
      for (const zone of await this.people.cycleTimezones()) {
        if (this.scheduledZones.has(zone)) continue;
        await ensureDigestSchedule(client, taskQueue, zone, at);
        this.scheduledZones.add(zone);
      }
    } catch (error) {
      this.logger.error(`Digest schedules not ensured: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** The worker's state (INITIALIZED until created, RUNNING while it polls); read by tests and the stack. */
  get state(): string {
    return this.worker?.getState() ?? 'INITIALIZED';
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.scheduleTimer) clearInterval(this.scheduleTimer);
    // Idempotent: a test may close the worker's context before the harness closes it again.
    const [client, connection, launch] = [this.clientConnection, this.connection, this.launchConnection];
    this.clientConnection = undefined;
    this.launchConnection = undefined;
    await launch?.close();
    this.connection = undefined;
    await client?.close();
    for (const w of [this.worker, this.launchWorker]) if (w && w.getState() === 'RUNNING') w.shutdown();
    await this.running?.catch(() => undefined);
    await connection?.close();
  }
}
