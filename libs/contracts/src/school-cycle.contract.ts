// Contract of the school pipeline workflow, shared by the API, the worker and the workflow.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { SchoolPipelineState, SchoolStage } from '@orientir/domain/workflow';

export const SCHOOL_CYCLE_WORKFLOW = 'schoolCycleWorkflow';

export interface SchoolCycleWorkflowInput {
  cycleId: string;
  schoolId: string;
}

export interface SchoolCycleState {
  stage: SchoolPipelineState;
  round: number;
  lastRemarks: string | null;
}

export interface CompleteStageRequest {
  /** The stage the caller believes the school is in; a stale view is rejected. */
  stage: SchoolStage;
  decision: 'advance' | 'return';
  remarks?: string;
}

export const schoolCycleStateQuery = defineQuery<SchoolCycleState>('schoolCycleState');
export const completeStageUpdate = defineUpdate<SchoolCycleState, [CompleteStageRequest]>('completeStage');
