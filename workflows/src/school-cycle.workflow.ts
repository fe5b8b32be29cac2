import {
  condition,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
  ApplicationFailure,
} from '@temporalio/workflow';
import { nextSchoolState, SCHOOL_STAGE_TITLES_RU, type SchoolPipelineState } from '@orientir/domain';
import {
  completeStageUpdate,
  schoolCycleStateQuery,
  StageAttribute,
  type CompleteStageRequest,
  type OrientirActivities,
  type SchoolCycleState,
  type SchoolCycleWorkflowInput,
} from '@orientir/contracts';

const { projectSchoolProgress } = proxyActivities<OrientirActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', maximumInterval: '10 minutes' },
});

/**
 * One school's pipeline for one cycle: self-diagnosis → concept documents → expertise
 * (approve, or return for rework) → monitoring → report. People move it through the
 * `completeStage` update, which the API sends only after checking the caller.
 */
export async function schoolCycleWorkflow(input: SchoolCycleWorkflowInput): Promise<SchoolCycleState> {
  const { workflowId } = workflowInfo();
  const state: SchoolCycleState = { stage: 'self_diagnosis', round: 1, lastRemarks: null };
  let sequence = 0;
  let pendingProjection = true;

  setHandler(schoolCycleStateQuery, () => ({ ...state }));
  setHandler(
    completeStageUpdate,
    (request: CompleteStageRequest) => {
      const decision =
        request.decision === 'return'
          ? { kind: 'return' as const, remarks: request.remarks ?? '' }
          : { kind: 'advance' as const };
      const next = nextSchoolState(state.stage, decision);
      state.round = decision.kind === 'return' ? state.round + 1 : state.round;
      state.lastRemarks = decision.kind === 'return' ? decision.remarks : null;
      state.stage = next;
      pendingProjection = true;
      return { ...state };
    },
    { validator: (request: CompleteStageRequest) => validateCompleteStage(state.stage, request) },
  );

  while (true) {
    await condition(() => pendingProjection);
    pendingProjection = false;
    sequence += 1;
    upsertSearchAttributes([{ key: StageAttribute, value: state.stage }]);
    await projectSchoolProgress({
      cycleId: input.cycleId,
      schoolId: input.schoolId,
      workflowId,
      stage: state.stage,
      round: state.round,
      lastRemarks: state.lastRemarks,
      sequence,
      changedAt: new Date(Date.now()).toISOString(),
    });
    if (state.stage === 'completed') return { ...state };
  }
}

/** Synchronous: rejects a stale or malformed request before it enters history. */
function validateCompleteStage(current: SchoolPipelineState, request: CompleteStageRequest): void {
  if (current === 'completed') {
    throw ApplicationFailure.create({ message: 'Цикл школы уже завершен', nonRetryable: true });
  }
  if (request.stage !== current) {
    throw ApplicationFailure.create({
      message: `Школа сейчас на этапе «${SCHOOL_STAGE_TITLES_RU[current]}», а не «${SCHOOL_STAGE_TITLES_RU[request.stage] ?? request.stage}»`,
      nonRetryable: true,
    });
  }
  if (request.decision === 'return') {
    if (current !== 'expertise') {
      throw ApplicationFailure.create({
        message: 'Вернуть на доработку можно только на этапе экспертизы',
        nonRetryable: true,
      });
    }
    if (!request.remarks?.trim()) {
      throw ApplicationFailure.create({
        message: 'При возврате на доработку укажите замечания (поле remarks)',
        nonRetryable: true,
      });
    }
  }
}
