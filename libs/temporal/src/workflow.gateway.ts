import type { UpdateDefinition } from '@temporalio/common';
import {
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  isGrpcServiceError,
  type Client,
  type WorkflowHandle,
} from '@temporalio/client';
import { INITIAL_SCHOOL_STAGE } from '@orientir/domain/workflow';
import {
  CycleIdAttribute,
  MunicipalityAttribute,
  CYCLE_LAUNCH_WORKFLOW,
  ROADMAP_EVENT_WORKFLOW,
  SCHOOL_CYCLE_WORKFLOW,
  SchoolIdAttribute,
  StageAttribute,
  SCHOOL_YEAR_UPDATES,
  cycleLaunchWorkflowId,
  launchTaskQueue,
  eventWorkflowId,
  schoolWorkflowId,
  type RoadmapEventState,
  type CycleLaunchWorkflowInput,
  type RoadmapEventWorkflowInput,
  type SchoolYearActionType,
  type SchoolYearRequest,
  type SchoolYearState,
  type SchoolCycleWorkflowInput,
} from '@orientir/contracts';

export type StartOutcome = 'started' | 'existing';

/** What the API needs from Temporal; the SDK client stays behind it. */
export interface WorkflowGateway {
  startSchoolWorkflow(input: SchoolCycleWorkflowInput & { municipality: string | null }): Promise<StartOutcome>;
  startEventWorkflow(input: RoadmapEventWorkflowInput): Promise<StartOutcome>;
  /** Sends one human action to the school's workflow; answers its new state, or fails with the workflow's reason. */
  schoolAction<T extends SchoolYearActionType>(
    cycleId: string,
    schoolId: string,
    type: T,
    request: SchoolYearRequest<T>,
  ): Promise<SchoolYearState>;
  /** Sends one of the event workflow's Updates (record evidence, correct, schedule, close, judge). */
  updateEvent<Request>(
    cycleId: string,
    eventId: string,
    update: UpdateDefinition<RoadmapEventState, [Request]>,
    request: Request,
  ): Promise<RoadmapEventState>;
  /** Starts the launch workflow; a launch ID already started (by another API instance) counts as started. */
  startCycleLaunch(input: CycleLaunchWorkflowInput): Promise<StartOutcome>;
  /** Whether the launch workflow runs, has closed, or was never started (its progress is in PostgreSQL). */
  describeCycleLaunch(cycleId: string, launchId: string): Promise<'running' | 'closed' | 'missing'>;
  checkHealth(): Promise<void>;
}

export const WORKFLOW_GATEWAY = Symbol('WORKFLOW_GATEWAY');

export class TemporalWorkflowGateway implements WorkflowGateway {
  constructor(
    private readonly client: Client,
    private readonly taskQueue: string,
  ) {}

  async startSchoolWorkflow(input: SchoolCycleWorkflowInput & { municipality: string | null }): Promise<StartOutcome> {
    const { municipality, ...args } = input;
    return this.startOnce(() =>
      this.client.workflow.start(SCHOOL_CYCLE_WORKFLOW, {
        taskQueue: this.taskQueue,
        workflowId: schoolWorkflowId(input.cycleId, input.schoolId),
        args: [args],
        typedSearchAttributes: [
          { key: CycleIdAttribute, value: input.cycleId },
          { key: SchoolIdAttribute, value: input.schoolId },
          { key: StageAttribute, value: INITIAL_SCHOOL_STAGE },
          ...(municipality ? [{ key: MunicipalityAttribute, value: municipality }] : []),
        ],
        ...ONCE,
      }),
    );
  }

  async startEventWorkflow(input: RoadmapEventWorkflowInput): Promise<StartOutcome> {
    return this.startOnce(() =>
      this.client.workflow.start(ROADMAP_EVENT_WORKFLOW, {
        taskQueue: this.taskQueue,
        workflowId: eventWorkflowId(input.cycleId, input.eventId),
        args: [input],
        typedSearchAttributes: [{ key: CycleIdAttribute, value: input.cycleId }],
        ...ONCE,
      }),
    );
  }

  async schoolAction<T extends SchoolYearActionType>(
    cycleId: string,
    schoolId: string,
    type: T,
    request: SchoolYearRequest<T>,
  ): Promise<SchoolYearState> {
    const handle = this.client.workflow.getHandle(schoolWorkflowId(cycleId, schoolId));
    const update = SCHOOL_YEAR_UPDATES[type] as unknown as typeof SCHOOL_YEAR_UPDATES.withdrawSchool;
    return handle.executeUpdate(update, { args: [request as unknown as SchoolYearRequest<'withdrawSchool'>] });
  }

  async updateEvent<Request>(
    cycleId: string,
    eventId: string,
    update: UpdateDefinition<RoadmapEventState, [Request]>,
    request: Request,
  ): Promise<RoadmapEventState> {
    return this.client.workflow.getHandle(eventWorkflowId(cycleId, eventId)).executeUpdate(update, { args: [request] });
  }

  async startCycleLaunch(input: CycleLaunchWorkflowInput): Promise<StartOutcome> {
    return this.startOnce(() =>
      this.client.workflow.start(CYCLE_LAUNCH_WORKFLOW, {
        taskQueue: launchTaskQueue(this.taskQueue),
        workflowId: cycleLaunchWorkflowId(input.cycleId, input.launchId),
        args: [input],
        typedSearchAttributes: [{ key: CycleIdAttribute, value: input.cycleId }],
        workflowIdConflictPolicy: 'FAIL',
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      }),
    );
  }

  async describeCycleLaunch(cycleId: string, launchId: string): Promise<'running' | 'closed' | 'missing'> {
    try {
      const description = await this.client.workflow.getHandle(cycleLaunchWorkflowId(cycleId, launchId)).describe();
      return description.status.name === 'RUNNING' ? 'running' : 'closed';
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return 'missing';
      throw error;
    }
  }

  async checkHealth(): Promise<void> {
    await this.client.workflowService.getSystemInfo({});
  }

  /**
   * A running ID is never started again (conflict policy FAIL); a closed one only if it failed, was
   * terminated, cancelled or timed out (ALLOW_DUPLICATE_FAILED_ONLY): that is what a relaunch restarts.
   */
  private async startOnce(start: () => Promise<WorkflowHandle>): Promise<StartOutcome> {
    try {
      await start();
      return 'started';
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) return 'existing';
      throw error;
    }
  }
}

const ONCE = { workflowIdConflictPolicy: 'FAIL', workflowIdReusePolicy: 'ALLOW_DUPLICATE_FAILED_ONLY' } as const;

// gRPC status codes a retry may cure: CANCELLED 1, UNKNOWN 2, DEADLINE_EXCEEDED 4, RESOURCE_EXHAUSTED 8,
// ABORTED 10, INTERNAL 13, UNAVAILABLE 14.
const TRANSIENT_GRPC_CODES = new Set([1, 2, 4, 8, 10, 13, 14]);

/**
 * A start error a retry may cure (server unreachable or overloaded): the launch retries its batch.
 * Anything else (a refused argument, a bug) is that workflow's own failure, reported with its reason.
 */
export function isTransientStartError(error: unknown): boolean {
  for (const candidate of [error, (error as { cause?: unknown } | null)?.cause]) {
    if (candidate && isGrpcServiceError(candidate)) return TRANSIENT_GRPC_CODES.has(candidate.code);
  }
  return false;
}
