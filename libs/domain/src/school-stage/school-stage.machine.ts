// The school pipeline as a small state machine. Pure: used by the school workflow and the API.
import type { SchoolStage } from '../roadmap/roadmap.model';

export type SchoolPipelineState = SchoolStage | 'completed';

export const SCHOOL_STAGES: readonly SchoolStage[] = [
  'self_diagnosis',
  'concept_documents',
  'expertise',
  'monitoring',
  'report',
];

export const SCHOOL_STAGE_TITLES_RU: Record<SchoolPipelineState, string> = {
  self_diagnosis: 'Самодиагностика',
  concept_documents: 'Концептуальные документы',
  expertise: 'Экспертиза',
  monitoring: 'Мониторинг',
  report: 'Отчет',
  completed: 'Завершено',
};

export type SchoolStageDecision = { kind: 'advance' } | { kind: 'return'; remarks: string };

/** The next state after the current stage is done (advance) or sent back for rework (return, expertise only). */
export function nextSchoolState(current: SchoolPipelineState, decision: SchoolStageDecision): SchoolPipelineState {
  if (current === 'completed') {
    throw new Error('Цикл школы уже завершен');
  }
  if (decision.kind === 'return') {
    if (current !== 'expertise')
      throw new Error(
        `На доработку можно вернуть только на этапе экспертизы, а не «${SCHOOL_STAGE_TITLES_RU[current]}»`,
      );
    return 'concept_documents';
  }
  const i = SCHOOL_STAGES.indexOf(current);
  return i === SCHOOL_STAGES.length - 1 ? 'completed' : SCHOOL_STAGES[i + 1];
}
