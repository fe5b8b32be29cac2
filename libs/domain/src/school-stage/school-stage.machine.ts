// The school pipeline as a small state machine. Pure and deterministic: the school workflow, its
// update validator, the API and the workflow gateway all take the stage rules from here.
import type { SchoolStage } from '../roadmap/roadmap.model';

/** The stages of a school's year that carry a due date: the risk profile, then the roadmap's five. */
export type SchoolYearStage = 'risk_profile' | SchoolStage;

/** Where a school's workflow is: a stage, done, or withdrawn from the cycle by the coordinator. */
export type SchoolPipelineState = SchoolYearStage | 'completed' | 'withdrawn';

export const SCHOOL_STAGES: readonly SchoolStage[] = [
  'self_diagnosis',
  'concept_documents',
  'expertise',
  'monitoring',
  'report',
];

/** Every stage of the year in order, the risk profile first. */
export const SCHOOL_YEAR_STAGES: readonly SchoolYearStage[] = ['risk_profile', ...SCHOOL_STAGES];

/** Where every school starts a cycle (a profile imported before launch skips straight to self-diagnosis). */
export const INITIAL_SCHOOL_STAGE: SchoolYearStage = 'risk_profile';

/** Where the first version of the workflow (before issue 11) started; its histories still replay. */
export const LEGACY_INITIAL_SCHOOL_STAGE: SchoolStage = SCHOOL_STAGES[0];

export const SCHOOL_STAGE_TITLES_RU: Record<SchoolPipelineState, string> = {
  risk_profile: 'Рисковый профиль',
  self_diagnosis: 'Самодиагностика',
  concept_documents: 'Концептуальные документы',
  expertise: 'Экспертиза',
  monitoring: 'Мониторинг',
  report: 'Отчет',
  completed: 'Завершено',
  withdrawn: 'Выбыла',
};

export type SchoolStageDecision = { kind: 'advance' } | { kind: 'return'; remarks: string };

/**
 * Why this decision cannot be taken in the current state (Russian, for the person who asked), or
 * null when it can. `expected` is the stage the caller believes the school is in: a stale view fails.
 */
export function schoolStageProblem(
  current: SchoolPipelineState,
  decision: SchoolStageDecision,
  expected: SchoolPipelineState = current,
): string | null {
  if (current === 'completed') return 'Цикл школы уже завершен';
  if (current === 'withdrawn' || current === 'risk_profile')
    return `Школа на этапе «${SCHOOL_STAGE_TITLES_RU[current]}»`;
  if (expected !== current) {
    return `Школа сейчас на этапе «${SCHOOL_STAGE_TITLES_RU[current]}», а не «${SCHOOL_STAGE_TITLES_RU[expected] ?? String(expected)}»`;
  }
  if (decision.kind === 'return') {
    if (current !== 'expertise') {
      return `На доработку можно вернуть только на этапе экспертизы, а не «${SCHOOL_STAGE_TITLES_RU[current]}»`;
    }
    if (!decision.remarks.trim()) return 'При возврате на доработку укажите замечания (поле remarks)';
  }
  return null;
}

/** The next state after the current stage is done (advance) or sent back for rework (return, expertise only). */
export function nextSchoolState(current: SchoolPipelineState, decision: SchoolStageDecision): SchoolPipelineState {
  const problem = schoolStageProblem(current, decision);
  if (problem) throw new Error(problem);
  if (decision.kind === 'return') return 'concept_documents';
  const i = SCHOOL_STAGES.indexOf(current as SchoolStage);
  return i === SCHOOL_STAGES.length - 1 ? 'completed' : SCHOOL_STAGES[i + 1];
}
