import type { UpdateDefinition } from '@temporalio/common';
import { WorkflowExecutionAlreadyStartedError, type Client, type WorkflowHandle } from '@temporalio/client';
import { INITIAL_SCHOOL_STAGE } from '@orientir/domain/workflow';
import {
  CycleIdAttribute,
  MunicipalityAttribute,
  ROADMAP_EVENT_WORKFLOW,
  SCHOOL_CYCLE_WORKFLOW,
  SchoolIdAttribute,
  StageAttribute,
  completeStageUpdate,
  eventWorkflowId,
  schoolWorkflowId,
  type CompleteStageRequest,
  type RoadmapEventState,
  type RoadmapEventWorkflowInput,
  type SchoolCycleState,
  type SchoolCycleWorkflowInput,
} from '@orientir/contracts';

export type StartOutcome = 'started' | 'existing';

/** What the API needs from Temporal; the SDK client stays behind it. */
export interface WorkflowGateway {
  startSchoolWorkflow(input: SchoolCycleWorkflowInput & { municipality: string | null }): Promise<StartOutcome>;
  startEventWorkflow(input: RoadmapEventWorkflowInput): Promise<StartOutcome>;
  completeSchoolStage(cycleId: string, schoolId: string, request: CompleteStageRequest): Promise<SchoolCycleState>;
  /** Sends one of the event workflow's Updates (record evidence, correct, schedule, close, judge). */
  updateEvent<Request>(
    cycleId: string,
    eventId: string,
    update: UpdateDefinition<RoadmapEventState, [Request]>,
    request: Request,
  ): Promise<RoadmapEventState>;
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

  async completeSchoolStage(
    cycleId: string,
    schoolId: string,
    request: CompleteStageRequest,
  ): Promise<SchoolCycleState> {
    const handle = this.client.workflow.getHandle(schoolWorkflowId(cycleId, schoolId));
    return handle.executeUpdate(completeStageUpdate, { args: [request] });
  }

  async updateEvent<Request>(
    cycleId: string,
    eventId: string,
    update: UpdateDefinition<RoadmapEventState, [Request]>,
    request: Request,
  ): Promise<RoadmapEventState> {
    return this.client.workflow.getHandle(eventWorkflowId(cycleId, eventId)).executeUpdate(update, { args: [request] });
  }

  async checkHealth(): Promise<void> {
    await this.client.workflowService.getSystemInfo({});
  }

  /** An ID already in use, running or closed, is never started again (conflict policy FAIL + reject duplicates). */
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

const ONCE = { workflowIdConflictPolicy: 'FAIL', workflowIdReusePolicy: 'REJECT_DUPLICATE' } as const;
