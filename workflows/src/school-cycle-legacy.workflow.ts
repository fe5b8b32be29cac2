import {
  condition,
  defineQuery,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
  ApplicationFailure,
} from '@temporalio/workflow';
import {
  LEGACY_INITIAL_SCHOOL_STAGE as INITIAL_SCHOOL_STAGE,
  nextSchoolState,
  schoolStageProblem,
  type SchoolPipelineState,
  type SchoolStageDecision,
} from '@orientir/domain/workflow';
import {
  legacyCompleteStageUpdate as completeStageUpdate,
  StageAttribute,
  type LegacyCompleteStageRequest as CompleteStageRequest,
  type OrientirActivities,
  type SchoolCycleWorkflowInput,
} from '@orientir/contracts';
import { projected } from './projection-failure.util';

interface SchoolCycleState {
  stage: SchoolPipelineState;
  round: number;
  lastRemarks: string | null;
}
const schoolCycleStateQuery = defineQuery<SchoolCycleState>('schoolCycleState');

const { projectSchoolProgress } = proxyActivities<OrientirActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', maximumInterval: '10 minutes' },
});

/**
 * The first school workflow (five clicks, before issue 11), kept unchanged so that workflows started
 * by it replay: `schoolCycleWorkflow` runs it when `patched()` says the history predates the school
 * year. Nothing new starts here. Remove once no such workflow runs (deprecatePatch first).
 */
export async function legacySchoolCycleWorkflow(input: SchoolCycleWorkflowInput): Promise<SchoolCycleState> {
  const { workflowId } = workflowInfo();
  const state: SchoolCycleState = { stage: INITIAL_SCHOOL_STAGE, round: 1, lastRemarks: null };
  let sequence = 0;
  let pendingProjection = true;

  setHandler(schoolCycleStateQuery, () => ({ ...state }));
  setHandler(
    completeStageUpdate,
    (request: CompleteStageRequest) => {
      const decision = decisionOf(request);
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
    const snapshot = {
      cycleId: input.cycleId,
      schoolId: input.schoolId,
      workflowId,
      stage: state.stage,
      round: state.round,
      lastRemarks: state.lastRemarks,
      sequence,
      changedAt: new Date(Date.now()).toISOString(),
    };
    await projected(() => projectSchoolProgress(snapshot));
    if (state.stage === 'completed') return { ...state };
  }
}

function decisionOf(request: CompleteStageRequest): SchoolStageDecision {
  return request.decision === 'return' ? { kind: 'return', remarks: request.remarks ?? '' } : { kind: 'advance' };
}

/** Synchronous: rejects a stale or malformed request before it enters history (the rules live in the domain). */
function validateCompleteStage(current: SchoolPipelineState, request: CompleteStageRequest): void {
  const problem = schoolStageProblem(current, decisionOf(request), request.stage);
  if (problem) throw ApplicationFailure.create({ message: problem, nonRetryable: true });
}
