import { Inject, Injectable } from '@nestjs/common';
import {
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
  type HealthCheckResult,
  type HealthIndicatorResult,
} from '@nestjs/terminus';
import { MAIL_SENDER, type MailSender } from '@orientir/mail';
import { WORKFLOW_GATEWAY, type WorkflowGateway } from '@orientir/temporal';

const TIMEOUT_MS = 3000;
/** Anonymous readiness answers from a recent check: probing SMTP and Temporal per request invites abuse. */
const READY_CACHE_MS = 10_000;

/** Reports PostgreSQL, Temporal and SMTP; 503 when any is down. */
@Injectable()
export class HealthService {
  private lastReady?: { at: number; ready: Promise<boolean> };

  constructor(
    private readonly checks: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly db: TypeOrmHealthIndicator,
    @Inject(WORKFLOW_GATEWAY) private readonly workflows: WorkflowGateway,
    @Inject(MAIL_SENDER) private readonly mail: MailSender,
  ) {}

  /** Up or not, without details; at most one real check per READY_CACHE_MS however often it is asked. */
  ready(): Promise<boolean> {
    if (!this.lastReady || Date.now() - this.lastReady.at > READY_CACHE_MS) {
      this.lastReady = {
        at: Date.now(),
        ready: this.check().then(
          (result) => result.status === 'ok',
          () => false,
        ),
      };
    }
    return this.lastReady.ready;
  }

  /** The detailed report (admins only: error texts name hosts and ports). */
  check(): Promise<HealthCheckResult> {
    return this.checks.check([
      () => this.db.pingCheck('postgres', { timeout: TIMEOUT_MS }),
      () => this.probe('temporal', () => this.workflows.checkHealth()),
      () => this.probe('smtp', () => this.mail.verify()),
    ]);
  }

  private async probe<K extends string>(key: K, ping: () => Promise<void>): Promise<HealthIndicatorResult<K>> {
    const session = this.indicators.check(key);
    try {
      await withTimeout(ping(), TIMEOUT_MS);
      return session.up();
    } catch (error) {
      return session.down({ message: error instanceof Error ? error.message : String(error) });
    }
  }
}

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms))),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
