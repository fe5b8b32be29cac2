// Contract of the school-year workflow (one per school per cycle), shared by the API, the worker and
// the workflow: its input, the state every Update answers with, the Update names and their requests.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { SchoolPipelineState, SchoolStage, SchoolYearStage, SchoolCalendar } from '@orientir/domain/workflow';

export const SCHOOL_CYCLE_WORKFLOW = 'schoolCycleWorkflow';

/** What the launch passes; everything else the workflow reads once at start (`loadSchoolYearSetup`). */
export interface SchoolCycleWorkflowInput {
  cycleId: string;
  schoolId: string;
  /** Set only by continue-as-new: the state and projection sequence carried over. */
  carried?: SchoolYearCarried;
  /** Tests only: continue-as-new after this many history events (production follows Temporal's suggestion). */
  historyLimit?: number;
}

// ---------------------------------------------------------------------------------------------
// People

/** A person the school's assignment names (curator, expert). Either id may be missing, never both. */
export interface PersonRef {
  /** The account, when the person has one. */
  userId: string | null;
  /** The directory person, when known. */
  personId: string | null;
  name: string;
}

export interface ActorGrant {
  role: string;
  scopeKind: string;
  scopeValue: string | null;
}

/**
 * The authenticated caller of an action, as the API saw it. The workflow checks it against the
 * school's assignment (school team grant on this school, the assigned curator or expert, a
 * coordinator of the school's municipality), so an API bug cannot act for someone else.
 */
export interface SchoolActor {
  userId: string;
  personId: string | null;
  name: string;
  grants: ActorGrant[];
}

// ---------------------------------------------------------------------------------------------
// Set-up read at start (from the cycle's settings, the directory and the roadmap calendar)

export interface RiskDirection {
  /** Stable code, e.g. `teacher_shortage`. */
  id: string;
  title: string;
}

export interface MonitoringCheckpointPlan {
  /** `q1`…`q4` for the quarterly rhythm, `d1`… for given dates. */
  id: string;
  title: string;
  /** ISO instant: the end of the checkpoint's day in the cycle's zone. */
  dueAt: string;
}

export interface SchoolYearSetup {
  cycleId: string;
  schoolId: string;
  schoolName: string;
  directorySchoolId: string | null;
  /** The school's municipality (name for people, directory id for the coordinator check). */
  municipality: string | null;
  municipalityId: string | null;
  timezone: string;
  riskDirections: RiskDirection[];
  /** Flagged direction ids when the profile was imported before launch; null: the coordinator enters it. */
  flaggedDirections: string[] | null;
  curator: PersonRef | null;
  /** Due instant (ISO) of each stage; null for a stage without a date. */
  dueDates: Record<SchoolYearStage, string | null>;
  checkpoints: MonitoringCheckpointPlan[];
  /** Working days a reviewer has for one document (per cycle, default 10). */
  reviewWorkingDays: number;
  /** Calendar days before a due date when the school team is reminded (e.g. [7, 1]). */
  reminderDaysBefore: number[];
  calendar: SchoolCalendar;
}

// ---------------------------------------------------------------------------------------------
// State (what every Update answers and the query returns)

export type DocumentKind = 'development_concept' | 'medium_term_programme' | 'anti_risk_programme';
export type DocumentStatus = 'missing' | 'submitted' | 'approved' | 'returned';

export interface SelfDiagnosisAnswer {
  directionId: string;
  confirmed: boolean;
  justification: string;
  /** Required for a confirmed direction. */
  measures: string;
}

export interface DocumentVersion {
  version: number;
  /** Id of the stored file (libs/files). */
  fileId: string;
  fileName: string | null;
  submittedAt: string;
  submittedBy: string;
  /** The expertise round this version was submitted for. */
  round: number;
}

export interface DocumentReview {
  round: number;
  version: number;
  decision: 'approve' | 'return';
  remarks: string | null;
  by: PersonRef;
  at: string;
}

export interface ConceptDocument {
  /** `development_concept`, `medium_term_programme` or `anti_risk_programme:<directionId>`. */
  key: string;
  kind: DocumentKind;
  directionId: string | null;
  title: string;
  status: DocumentStatus;
  /** Rounds this document has been reviewed in (1 after its first review). */
  round: number;
  versions: DocumentVersion[];
  reviews: DocumentReview[];
  /** An expert assigned instead of the curator; null: the curator reviews. */
  expert: PersonRef | null;
  /** While submitted: when the review is due (N working days after submission). */
  reviewDueAt: string | null;
  /** The coordinator has been told this review is late. */
  reviewOverdue: boolean;
}

export interface EvidenceRef {
  fileId?: string;
  url?: string;
  title?: string;
}

export interface IndicatorValue {
  directionId: string;
  indicator: string;
  value: string;
  evidence: EvidenceRef[];
}

export type CheckpointStatus = 'open' | 'submitted' | 'confirmed' | 'returned';

export interface MonitoringCheckpoint extends MonitoringCheckpointPlan {
  status: CheckpointStatus;
  values: IndicatorValue[];
  submittedAt: string | null;
  confirmedAt: string | null;
  remarks: string | null;
  round: number;
}

export interface FinalReport {
  status: 'missing' | 'submitted' | 'accepted' | 'returned';
  fileId: string | null;
  fileName: string | null;
  summary: string | null;
  round: number;
  remarks: string | null;
  submittedAt: string | null;
  decidedAt: string | null;
}

export interface SchoolYearState {
  cycleId: string;
  schoolId: string;
  stage: SchoolPipelineState;
  /** The expertise round the school is in (1 until the first resubmission); report rounds after that. */
  round: number;
  /** Some document or checkpoint is back with the school («На доработке»). */
  rework: boolean;
  /** Due instant of the current stage (ISO), after any extension; null when it has none. */
  dueAt: string | null;
  /** When the current due date was set (stage entered or deadline extended): reminders before it are not sent. */
  dueSetAt: string | null;
  overdue: boolean;
  /** The curator and municipal coordinator were told the stage is overdue. */
  escalated: boolean;
  curator: PersonRef | null;
  riskDirections: RiskDirection[];
  flaggedDirections: string[];
  selfDiagnosis: SelfDiagnosisAnswer[];
  /** Direction ids confirmed by the self-diagnosis: one anti-risk programme each. */
  confirmedDirections: string[];
  documents: ConceptDocument[];
  checkpoints: MonitoringCheckpoint[];
  report: FinalReport;
  withdrawal: { reason: string; at: string; by: string } | null;
  /** Remarks of the last return (document, checkpoint or report), for lists. */
  lastRemarks: string | null;
  /** Monotonic count of steps (timeline entries) so far. */
  steps: number;
}

/** One step of the school's year, as the timeline shows it. */
export interface TimelineStep {
  /** 1, 2, … per school, across continue-as-new. */
  step: number;
  at: string;
  action: TimelineAction;
  stage: SchoolPipelineState;
  round: number;
  actor: { userId: string | null; name: string } | null;
  documentKey: string | null;
  remarks: string | null;
  files: { fileId: string; fileName: string | null }[];
  details: Record<string, unknown>;
}

export type TimelineAction =
  | 'started'
  | 'risk_profile_set'
  | 'self_diagnosis_submitted'
  | 'document_submitted'
  | 'document_approved'
  | 'document_returned'
  | 'expert_assigned'
  | 'review_overdue'
  | 'checkpoint_submitted'
  | 'checkpoint_confirmed'
  | 'checkpoint_returned'
  | 'report_submitted'
  | 'report_accepted'
  | 'report_returned'
  | 'reminder_sent'
  | 'stage_overdue'
  | 'deadline_extended'
  | 'curator_changed'
  | 'withdrawn'
  | 'stage_changed';

/** What continue-as-new carries: the state, the set-up and the projection's sequence. */
export interface SchoolYearCarried {
  setup: SchoolYearSetup;
  state: SchoolYearState;
  /** Projection sequence so far; the next snapshot continues above it. */
  sequence: number;
  /** Timeline steps not yet projected. */
  pendingSteps: TimelineStep[];
  /** Reminders already sent for the current stage's due date (their indexes). */
  remindersSent: number[];
  /** Escalation steps already sent (`<due date>/escalation/<level>`); absent in runs from before the chain. */
  escalationsSent?: string[];
  /** Whether this school's year escalates along the cycle's chain (set once by `patched`, then carried). */
  escalatesByChain?: boolean;
  /** Whether reminders count working days (set once by `patched`, then carried). */
  remindsOnWorkingDays?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Updates: every human action. Each request names the actor; each answers the new state.

interface ActorRequest {
  actor: SchoolActor;
}

/** Coordinator: the directions flagged in the school's risk profile (ids of the cycle's directions). */
export interface SetRiskProfileRequest extends ActorRequest {
  flaggedDirections: string[];
}

/** School team: one answer per flagged direction. */
export interface SubmitSelfDiagnosisRequest extends ActorRequest {
  answers: SelfDiagnosisAnswer[];
}

/**
 * School team: new versions of concept documents. During «Концептуальные документы» any required
 * document; in expertise only documents returned for rework. All required submitted → expertise.
 */
export interface SubmitDocumentsRequest extends ActorRequest {
  documents: { key: string; fileId: string; fileName?: string | null }[];
}

/** Curator or the document's expert: approve, or return with remarks. */
export interface ReviewDocumentRequest extends ActorRequest {
  key: string;
  decision: 'approve' | 'return';
  remarks?: string | null;
}

/** Coordinator: an expert reviews this document instead of the curator (null: back to the curator). */
export interface AssignExpertRequest extends ActorRequest {
  key: string;
  expert: PersonRef | null;
}

/** School team: indicator values with evidence for a monitoring checkpoint. */
export interface SubmitCheckpointRequest extends ActorRequest {
  checkpointId: string;
  values: IndicatorValue[];
}

/** Curator: confirm the checkpoint's values, or return them with remarks. */
export interface ReviewCheckpointRequest extends ActorRequest {
  checkpointId: string;
  decision: 'confirm' | 'return';
  remarks?: string | null;
}

/** School team: the final report. */
export interface SubmitReportRequest extends ActorRequest {
  fileId: string;
  fileName?: string | null;
  summary?: string | null;
}

/** Coordinator: accept the report (the year is complete) or return it with remarks. */
export interface DecideReportRequest extends ActorRequest {
  decision: 'accept' | 'return';
  remarks?: string | null;
}

/** Coordinator: a later due date for the current stage. */
export interface ExtendDeadlineRequest extends ActorRequest {
  dueAt: string;
  reason: string;
}

/** Coordinator: another curator for this school. */
export interface ChangeCuratorRequest extends ActorRequest {
  curator: PersonRef;
  reason?: string | null;
}

/** Coordinator: the school leaves the cycle. */
export interface WithdrawSchoolRequest extends ActorRequest {
  reason: string;
}

export const schoolCycleStateQuery = defineQuery<SchoolYearState>('schoolCycleState');

export const setRiskProfileUpdate = defineUpdate<SchoolYearState, [SetRiskProfileRequest]>('setRiskProfile');
export const submitSelfDiagnosisUpdate = defineUpdate<SchoolYearState, [SubmitSelfDiagnosisRequest]>(
  'submitSelfDiagnosis',
);
export const submitDocumentsUpdate = defineUpdate<SchoolYearState, [SubmitDocumentsRequest]>('submitDocuments');
export const reviewDocumentUpdate = defineUpdate<SchoolYearState, [ReviewDocumentRequest]>('reviewDocument');
export const assignExpertUpdate = defineUpdate<SchoolYearState, [AssignExpertRequest]>('assignExpert');
export const submitCheckpointUpdate = defineUpdate<SchoolYearState, [SubmitCheckpointRequest]>('submitCheckpoint');
export const reviewCheckpointUpdate = defineUpdate<SchoolYearState, [ReviewCheckpointRequest]>('reviewCheckpoint');
export const submitReportUpdate = defineUpdate<SchoolYearState, [SubmitReportRequest]>('submitReport');
export const decideReportUpdate = defineUpdate<SchoolYearState, [DecideReportRequest]>('decideReport');
export const extendDeadlineUpdate = defineUpdate<SchoolYearState, [ExtendDeadlineRequest]>('extendDeadline');
export const changeCuratorUpdate = defineUpdate<SchoolYearState, [ChangeCuratorRequest]>('changeCurator');
export const withdrawSchoolUpdate = defineUpdate<SchoolYearState, [WithdrawSchoolRequest]>('withdrawSchool');

/** Every action as one tagged union: what the workflow's rules take. */
export type SchoolYearAction =
  | ({ type: 'setRiskProfile' } & SetRiskProfileRequest)
  | ({ type: 'submitSelfDiagnosis' } & SubmitSelfDiagnosisRequest)
  | ({ type: 'submitDocuments' } & SubmitDocumentsRequest)
  | ({ type: 'reviewDocument' } & ReviewDocumentRequest)
  | ({ type: 'assignExpert' } & AssignExpertRequest)
  | ({ type: 'submitCheckpoint' } & SubmitCheckpointRequest)
  | ({ type: 'reviewCheckpoint' } & ReviewCheckpointRequest)
  | ({ type: 'submitReport' } & SubmitReportRequest)
  | ({ type: 'decideReport' } & DecideReportRequest)
  | ({ type: 'extendDeadline' } & ExtendDeadlineRequest)
  | ({ type: 'changeCurator' } & ChangeCuratorRequest)
  | ({ type: 'withdrawSchool' } & WithdrawSchoolRequest);

export type SchoolYearActionType = SchoolYearAction['type'];

/** Update definition of each action, so the API and the workflow name them once. */
export const SCHOOL_YEAR_UPDATES = {
  setRiskProfile: setRiskProfileUpdate,
  submitSelfDiagnosis: submitSelfDiagnosisUpdate,
  submitDocuments: submitDocumentsUpdate,
  reviewDocument: reviewDocumentUpdate,
  assignExpert: assignExpertUpdate,
  submitCheckpoint: submitCheckpointUpdate,
  reviewCheckpoint: reviewCheckpointUpdate,
  submitReport: submitReportUpdate,
  decideReport: decideReportUpdate,
  extendDeadline: extendDeadlineUpdate,
  changeCurator: changeCuratorUpdate,
  withdrawSchool: withdrawSchoolUpdate,
} as const;

/** Request of an action type, without its tag. */
export type SchoolYearRequest<T extends SchoolYearActionType> = Omit<Extract<SchoolYearAction, { type: T }>, 'type'>;

/** Document key of a required document. */
export function documentKey(kind: DocumentKind, directionId: string | null = null): string {
  return kind === 'anti_risk_programme' ? `${kind}:${directionId ?? ''}` : kind;
}

/** Legacy (before the school year became real work): kept so histories of running workflows replay. */
export interface LegacyCompleteStageRequest {
  stage: SchoolStage;
  decision: 'advance' | 'return';
  remarks?: string;
}
export const legacyCompleteStageUpdate = defineUpdate<unknown, [LegacyCompleteStageRequest]>('completeStage');
