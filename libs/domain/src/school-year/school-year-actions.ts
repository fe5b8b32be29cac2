// Who may take which action of a school's year, and when: the one place the school workflow's rules
// (which enforce it) and the API's views (which offer only what would be accepted) take it from.
// Pure and deterministic: part of `@orientir/domain/workflow`, so it changes only with `patched()`.
import {
  SCHOOL_STAGE_TITLES_RU,
  type SchoolPipelineState,
  type SchoolYearStage,
} from '../school-stage/school-stage.machine';

/** Every human action on a school's year (the workflow's Updates). */
export const SCHOOL_YEAR_ACTIONS = [
  'setRiskProfile',
  'submitSelfDiagnosis',
  'submitDocuments',
  'reviewDocument',
  'assignExpert',
  'submitCheckpoint',
  'reviewCheckpoint',
  'submitReport',
  'decideReport',
  'extendDeadline',
  'changeCurator',
  'withdrawSchool',
] as const;
export type SchoolYearActionKind = (typeof SCHOOL_YEAR_ACTIONS)[number];

export interface PersonKey {
  userId: string | null;
  personId: string | null;
  name: string;
}

/** What of the school's state the action rules read (the workflow's state satisfies it). */
export interface SchoolActionFacts {
  stage: SchoolPipelineState;
  curator: PersonKey | null;
  documents: readonly { status: 'missing' | 'submitted' | 'approved' | 'returned'; expert: PersonKey | null }[];
  checkpoints: readonly { status: 'open' | 'submitted' | 'confirmed' | 'returned' }[];
  report: { status: 'missing' | 'submitted' | 'accepted' | 'returned' };
}

/** The caller as the rules see it: the roles it holds on this school, and who it is. */
export interface SchoolActionActor {
  coordinator: boolean;
  schoolTeam: boolean;
  person: { userId: string | null; personId: string | null };
}

export interface GrantLike {
  role: string;
  scopeKind: string;
  scopeValue: string | null;
}

/** Where the school is, as grants name it (directory ids). */
export interface SchoolPlace {
  schoolId: string;
  directorySchoolId: string | null;
  municipalityId: string | null;
}

/**
 * The roles a caller holds on the school: a coordinator (admin, a regional coordinator, or a municipal
 * coordinator of the school's municipality) and the school team (a school-team grant on the school).
 */
export function schoolActorRoles(
  grants: readonly GrantLike[],
  school: SchoolPlace,
): Pick<SchoolActionActor, 'coordinator' | 'schoolTeam'> {
  return {
    coordinator: grants.some(
      (g) =>
        (g.role === 'admin' && g.scopeKind === 'global') ||
        (g.role === 'regional_coordinator' && (g.scopeKind === 'region' || g.scopeKind === 'global')) ||
        (g.role === 'municipal_coordinator' &&
          g.scopeKind === 'municipality' &&
          !!school.municipalityId &&
          g.scopeValue === school.municipalityId),
    ),
    schoolTeam: grants.some(
      (g) =>
        g.role === 'school_team' &&
        g.scopeKind === 'school' &&
        !!g.scopeValue &&
        (g.scopeValue === school.directorySchoolId || g.scopeValue === school.schoolId),
    ),
  };
}

export function samePerson(a: Pick<PersonKey, 'userId' | 'personId'>, b: Pick<PersonKey, 'userId' | 'personId'>) {
  return (!!a.userId && a.userId === b.userId) || (!!a.personId && a.personId === b.personId);
}

/** Who decides a document: its expert when the coordinator assigned one, else the school's curator. */
export function decidesDocument(
  facts: Pick<SchoolActionFacts, 'curator'>,
  doc: { expert: PersonKey | null },
  person: SchoolActionActor['person'],
): boolean {
  return doc.expert ? samePerson(doc.expert, person) : !!facts.curator && samePerson(facts.curator, person);
}

const title = (stage: SchoolPipelineState): string => SCHOOL_STAGE_TITLES_RU[stage];

/**
 * Why this caller may not take this kind of action now (stage, role, the item's state), in Russian,
 * or null. What the request carries (answers, files, remarks) is checked by the workflow's rules after.
 */
export function schoolActionProblem(
  kind: SchoolYearActionKind,
  facts: SchoolActionFacts,
  actor: SchoolActionActor,
): string | null {
  const { stage } = facts;
  if (stage === 'withdrawn') return 'Школа выбыла из цикла: действия по ней больше не принимаются';
  if (stage === 'completed') return 'Год школы уже завершен: отчет принят';
  const coordinator = actor.coordinator ? null : 'Это действие доступно только координатору муниципалитета школы';
  const schoolTeam = actor.schoolTeam ? null : 'Это действие доступно только управленческой команде этой школы';
  const curator = !facts.curator
    ? 'За школой не закреплен куратор: обратитесь к координатору'
    : samePerson(facts.curator, actor.person)
      ? null
      : `Это действие доступно только куратору школы (${facts.curator.name})`;
  const inStage = (expected: SchoolYearStage, what: string) =>
    stage === expected ? null : `Нельзя ${what}: школа на этапе «${title(stage)}», а не «${title(expected)}»`;
  switch (kind) {
    case 'setRiskProfile':
      return coordinator ?? inStage('risk_profile', 'внести рисковый профиль');
    case 'submitSelfDiagnosis':
      return schoolTeam ?? inStage('self_diagnosis', 'подать самодиагностику');
    case 'submitDocuments':
      return (
        schoolTeam ??
        (stage === 'concept_documents' || stage === 'expertise'
          ? null
          : `Документы подаются на этапе «Концептуальные документы» или на доработку в экспертизе; школа на этапе «${title(stage)}»`)
      );
    case 'reviewDocument':
      return inStage('expertise', 'принять решение по документу');
    case 'assignExpert':
      return (
        coordinator ??
        (stage === 'concept_documents' || stage === 'expertise'
          ? null
          : `Эксперта назначают до конца экспертизы; школа на этапе «${title(stage)}»`)
      );
    case 'submitCheckpoint':
      return schoolTeam ?? inStage('monitoring', 'подать данные мониторинга');
    case 'reviewCheckpoint':
      return curator ?? inStage('monitoring', 'подтвердить данные мониторинга');
    case 'submitReport':
      return (
        schoolTeam ??
        inStage('report', 'подать отчет') ??
        (facts.report.status === 'submitted' ? 'Отчет уже подан и ждет решения координатора' : null)
      );
    case 'decideReport':
      return (
        coordinator ??
        inStage('report', 'принять отчет') ??
        (facts.report.status !== 'submitted' ? 'Отчет школы еще не подан' : null)
      );
    case 'extendDeadline':
    case 'changeCurator':
    case 'withdrawSchool':
      return coordinator;
  }
}

/**
 * The actions this caller can take on the school now: allowed by `schoolActionProblem` and with
 * something to act on (a document to review, a checkpoint to fill in…). What the pages offer.
 */
export function availableSchoolActions(facts: SchoolActionFacts, actor: SchoolActionActor): SchoolYearActionKind[] {
  const reviewerOf = (doc: SchoolActionFacts['documents'][number]) => decidesDocument(facts, doc, actor.person);
  const work: Partial<Record<SchoolYearActionKind, boolean>> = {
    submitDocuments:
      facts.stage === 'expertise'
        ? facts.documents.some((d) => d.status === 'returned')
        : facts.documents.some((d) => d.status !== 'approved'),
    reviewDocument: facts.documents.some((d) => d.status === 'submitted' && reviewerOf(d)),
    assignExpert: facts.documents.some((d) => d.status !== 'approved'),
    submitCheckpoint: facts.checkpoints.some((c) => c.status === 'open' || c.status === 'returned'),
    reviewCheckpoint: facts.checkpoints.some((c) => c.status === 'submitted'),
  };
  return SCHOOL_YEAR_ACTIONS.filter((kind) => schoolActionProblem(kind, facts, actor) === null && work[kind] !== false);
}
