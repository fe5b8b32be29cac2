import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '@orientir/config';
import { cycleLaunchWorkflowId, type CycleLaunchWorkflowInput } from '@orientir/contracts';
import { LaunchStore, type CycleLaunchEntity } from '@orientir/persistence';
import { WORKFLOW_GATEWAY, type WorkflowGateway } from '@orientir/temporal';
import { CycleErrorCode, CycleException } from './cycle.exception';
import type { LaunchView } from './dto/launch-view.dto';

/** Targets per batch activity: small enough that a retried batch redoes little, large enough to keep history short. */
const BATCH_SIZE = 50;
/** Batches in flight at once; LAUNCH_CONCURRENCY starts are spread over them. */
const PARALLEL_BATCHES = 4;
/** How often pending launches (stored, workflow not started: the API died, Temporal was down) are picked up. */
const RESUME_EVERY_MS = 15_000;

/**
 * Hands a stored cycle's launch to the durable cycle-launch workflow. The request that stores the
 * cycle also stores a pending launch row (one transaction); starting the workflow is one call, and
 * if that call never happens (the API died, Temporal was down) the resumer here starts it later.
 */
@Injectable()
export class CycleLauncherService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CycleLauncherService.name);
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(WORKFLOW_GATEWAY) private readonly workflows: WorkflowGateway,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly launches: LaunchStore,
  ) {}

  /** A fresh launch id for a cycle about to be stored. */
  newLaunchId(): string {
    return randomUUID();
  }

  onApplicationBootstrap(): void {
    void this.resumePending(0);
    this.timer = setInterval(() => void this.resumePending(RESUME_EVERY_MS / 1000), RESUME_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Starts the launch workflow; if Temporal cannot be reached the launch stays pending and is resumed later. */
  async begin(launch: CycleLaunchEntity): Promise<CycleLaunchEntity> {
    try {
      await this.workflows.startCycleLaunch(this.workflowInput(launch));
    } catch (error) {
      this.logger.warn(`Launch ${launch.id} of cycle ${launch.cycleId} stays pending: ${String(error)}`);
    }
    return launch;
  }

  /**
   * A relaunch: the running launch if there is one (nothing is ever launched twice at once), else a
   * new launch that starts what is missing and restarts failed or terminated workflows.
   */
  async relaunch(cycleId: string): Promise<{ launch: CycleLaunchEntity; created: boolean }> {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const active = await this.launches.findActive(cycleId);
      if (active) {
        const state = await this.describe(active);
        if (state === 'running') return { launch: active, created: false };
        if (state === 'missing' && active.status === 'pending')
          return { launch: await this.begin(active), created: false };
        // Its workflow ended without recording the end (terminated, failed): free the cycle for a new launch.
        await this.launches.markFailed(active.id);
      }
      const id = this.newLaunchId();
      const created = await this.launches.createPending({
        id,
        cycleId,
        workflowId: cycleLaunchWorkflowId(cycleId, id),
      });
      if (created) return { launch: await this.begin(created), created: true };
      // Another request created one between our read and insert: answer with that one.
    }
    throw new CycleException(CycleErrorCode.WORKFLOW_UNAVAILABLE, 'Запуск цикла сейчас недоступен, повторите позже');
  }

  private async describe(launch: CycleLaunchEntity): Promise<'running' | 'closed' | 'missing'> {
    try {
      return await this.workflows.describeCycleLaunch(launch.cycleId, launch.id);
    } catch (error) {
      this.logger.error(`Describing launch ${launch.id} failed: ${String(error)}`);
      throw new CycleException(
        CycleErrorCode.WORKFLOW_UNAVAILABLE,
        'Сервер процессов (Temporal) недоступен: состояние запуска не проверить, повторите позже',
      );
    }
  }

  private async resumePending(olderThanSeconds: number): Promise<void> {
    try {
      for (const launch of await this.launches.findPendingOlderThan(olderThanSeconds)) {
        const outcome = await this.workflows.startCycleLaunch(this.workflowInput(launch));
        if (outcome === 'started') this.logger.log(`Resumed launch ${launch.id} of cycle ${launch.cycleId}`);
      }
    } catch (error) {
      this.logger.warn(`Resuming pending launches failed (retried in ${RESUME_EVERY_MS / 1000} s): ${String(error)}`);
    }
  }

  private workflowInput(launch: CycleLaunchEntity): CycleLaunchWorkflowInput {
    const concurrency = this.config.deployment.launch.concurrency;
    const parallelBatches = Math.min(PARALLEL_BATCHES, concurrency);
    return {
      cycleId: launch.cycleId,
      launchId: launch.id,
      parallelBatches,
      startsPerBatch: Math.ceil(concurrency / parallelBatches),
      batchSize: BATCH_SIZE,
    };
  }
}

export function toLaunchView(l: CycleLaunchEntity): LaunchView {
  return {
    id: l.id,
    cycleId: l.cycleId,
    workflowId: l.workflowId,
    status: l.status,
    total: l.total,
    done: l.started + l.existing,
    started: l.started,
    existing: l.existing,
    failed: l.failed,
    failures: l.failures,
    createdAt: l.createdAt.toISOString(),
    updatedAt: l.updatedAt.toISOString(),
    finishedAt: l.finishedAt?.toISOString() ?? null,
  };
}
