import { WorkflowExecutionAlreadyStartedError, type Client, type WorkflowHandle } from '@temporalio/client';
import { INITIAL_SCHOOL_STAGE } from '@orientir/domain/workflow';
import {
  CycleIdAttribute,
  MunicipalityAttribute,
  ROADMAP_EVENT_WORKFLOW,
  SCHOOL_CYCLE_WORKFLOW,
  SCHOOL_YEAR_UPDATES,
  SchoolIdAttribute,
  StageAttribute,
  eventWorkflowId,
  schoolWorkflowId,
  type RoadmapEventWorkflowInput,
  type SchoolCycleWorkflowInput,
  type SchoolYearActionType,
  type SchoolYearRequest,
  type SchoolYearState,
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
