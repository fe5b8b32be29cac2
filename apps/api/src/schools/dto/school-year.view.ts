// Answers of the school-year routes: the workflow's state (contract SchoolYearState) and the timeline.
// Each class implements its contract type, so the OpenAPI document cannot drift from the workflow.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SCHOOL_STAGE_TITLES_RU, SCHOOL_YEAR_ACTIONS, type SchoolYearActionKind } from '@orientir/domain';
import type {
  ConceptDocument,
  DocumentReview,
  DocumentVersion,
  EvidenceRef,
  FinalReport,
  IndicatorValue,
  MonitoringCheckpoint,
  PersonRef,
  RiskDirection,
  SchoolYearState,
  SelfDiagnosisAnswer,
  TimelineAction,
  TimelineStep,
} from '@orientir/contracts';

const PIPELINE_STATES = Object.keys(SCHOOL_STAGE_TITLES_RU);
const TIMELINE_ACTIONS: TimelineAction[] = [
  'started',
  'risk_profile_set',
  'self_diagnosis_submitted',
  'document_submitted',
  'document_approved',
  'document_returned',
  'expert_assigned',
  'review_overdue',
  'checkpoint_submitted',
  'checkpoint_confirmed',
  'checkpoint_returned',
  'report_submitted',
  'report_accepted',
  'report_returned',
  'reminder_sent',
  'stage_overdue',
  'deadline_extended',
  'curator_changed',
  'withdrawn',
  'stage_changed',
];

export class PersonRefView implements PersonRef {
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) userId!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) personId!: string | null;
  @ApiProperty() name!: string;
}

export class RiskDirectionView implements RiskDirection {
  @ApiProperty({ example: 'teacher_shortage' }) id!: string;
  @ApiProperty({ example: 'Дефицит педагогических кадров' }) title!: string;
}

export class SelfDiagnosisAnswerView implements SelfDiagnosisAnswer {
  @ApiProperty() directionId!: string;
  @ApiProperty() confirmed!: boolean;
  @ApiProperty() justification!: string;
  @ApiProperty() measures!: string;
}

export class DocumentVersionView implements DocumentVersion {
  @ApiProperty() version!: number;
  @ApiProperty() fileId!: string;
  @ApiProperty({ nullable: true, type: String }) fileName!: string | null;
  @ApiProperty({ format: 'date-time' }) submittedAt!: string;
  @ApiProperty() submittedBy!: string;
  @ApiProperty() round!: number;
}

export class DocumentReviewView implements DocumentReview {
  @ApiProperty() round!: number;
  @ApiProperty() version!: number;
  @ApiProperty({ enum: ['approve', 'return'] }) decision!: 'approve' | 'return';
  @ApiProperty({ nullable: true, type: String }) remarks!: string | null;
  @ApiProperty({ type: PersonRefView }) by!: PersonRefView;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class ConceptDocumentView implements ConceptDocument {
  @ApiProperty({ example: 'anti_risk_programme:teacher_shortage' }) key!: string;
  @ApiProperty({ enum: ['development_concept', 'medium_term_programme', 'anti_risk_programme'] })
  kind!: ConceptDocument['kind'];
  @ApiProperty({ nullable: true, type: String }) directionId!: string | null;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: ['missing', 'submitted', 'approved', 'returned'] }) status!: ConceptDocument['status'];
  @ApiProperty() round!: number;
  @ApiProperty({ type: [DocumentVersionView] }) versions!: DocumentVersionView[];
  @ApiProperty({ type: [DocumentReviewView] }) reviews!: DocumentReviewView[];
  @ApiProperty({ type: PersonRefView, nullable: true }) expert!: PersonRefView | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) reviewDueAt!: string | null;
  @ApiProperty() reviewOverdue!: boolean;
}

export class EvidenceView implements EvidenceRef {
  @ApiPropertyOptional() fileId?: string;
  @ApiPropertyOptional() url?: string;
  @ApiPropertyOptional() title?: string;
}

export class IndicatorValueView implements IndicatorValue {
  @ApiProperty() directionId!: string;
  @ApiProperty() indicator!: string;
  @ApiProperty() value!: string;
  @ApiProperty({ type: [EvidenceView] }) evidence!: EvidenceView[];
}

export class CheckpointView implements MonitoringCheckpoint {
  @ApiProperty({ example: 'q1' }) id!: string;
  @ApiProperty({ example: '3 квартал 2027 г.' }) title!: string;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty({ enum: ['open', 'submitted', 'confirmed', 'returned'] }) status!: MonitoringCheckpoint['status'];
  @ApiProperty({ type: [IndicatorValueView] }) values!: IndicatorValueView[];
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) submittedAt!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) confirmedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) remarks!: string | null;
  @ApiProperty() round!: number;
}

export class FinalReportView implements FinalReport {
  @ApiProperty({ enum: ['missing', 'submitted', 'accepted', 'returned'] }) status!: FinalReport['status'];
  @ApiProperty({ nullable: true, type: String }) fileId!: string | null;
  @ApiProperty({ nullable: true, type: String }) fileName!: string | null;
  @ApiProperty({ nullable: true, type: String }) summary!: string | null;
  @ApiProperty() round!: number;
  @ApiProperty({ nullable: true, type: String }) remarks!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) submittedAt!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) decidedAt!: string | null;
}

export class WithdrawalView {
  @ApiProperty() reason!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty() by!: string;
}

export class SchoolYearStateView implements SchoolYearState {
  @ApiProperty({ format: 'uuid' }) cycleId!: string;
  @ApiProperty({ format: 'uuid' }) schoolId!: string;
  @ApiProperty({ enum: PIPELINE_STATES }) stage!: SchoolYearState['stage'];
  @ApiProperty({ description: 'Expertise round (1 until the first resubmission)' }) round!: number;
  @ApiProperty({ description: 'Something is back with the school («На доработке»)' }) rework!: boolean;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) dueAt!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) dueSetAt!: string | null;
  @ApiProperty() overdue!: boolean;
  @ApiProperty() escalated!: boolean;
  @ApiProperty({ type: PersonRefView, nullable: true }) curator!: PersonRefView | null;
  @ApiProperty({ type: [RiskDirectionView] }) riskDirections!: RiskDirectionView[];
  @ApiProperty({ type: [String] }) flaggedDirections!: string[];
  @ApiProperty({ type: [SelfDiagnosisAnswerView] }) selfDiagnosis!: SelfDiagnosisAnswerView[];
  @ApiProperty({ type: [String] }) confirmedDirections!: string[];
  @ApiProperty({ type: [ConceptDocumentView] }) documents!: ConceptDocumentView[];
  @ApiProperty({ type: [CheckpointView] }) checkpoints!: CheckpointView[];
  @ApiProperty({ type: FinalReportView }) report!: FinalReportView;
  @ApiProperty({ type: WithdrawalView, nullable: true }) withdrawal!: WithdrawalView | null;
  @ApiProperty({ nullable: true, type: String }) lastRemarks!: string | null;
  @ApiProperty() steps!: number;
}

export class SchoolActionsView {
  @ApiProperty({ description: 'The caller is the school team of this school' }) schoolTeam!: boolean;
  @ApiProperty({ description: "The caller is the school's curator" }) curator!: boolean;
  @ApiProperty({ description: "The caller coordinates the school's municipality" }) coordinator!: boolean;
}

export class SchoolYearView {
  @ApiProperty({ format: 'uuid' }) schoolId!: string;
  @ApiProperty({ format: 'uuid' }) cycleId!: string;
  @ApiProperty() schoolName!: string;
  @ApiProperty() cycleTitle!: string;
  @ApiProperty({ nullable: true, type: String }) municipality!: string | null;
  @ApiProperty() timezone!: string;
  @ApiProperty({
    type: SchoolYearStateView,
    nullable: true,
    description: 'From the read model; null until the workflow first reported (or for a first-version workflow)',
  })
  state!: SchoolYearStateView | null;
  @ApiProperty({ type: SchoolActionsView, description: 'In which capacities the caller may act on this school' })
  capacities!: SchoolActionsView;
  @ApiProperty({
    enum: SCHOOL_YEAR_ACTIONS,
    isArray: true,
    description: "What the caller can do now (the workflow's own rule: role, stage, something to act on)",
  })
  actions!: SchoolYearActionKind[];
  @ApiProperty({
    type: [String],
    description:
      "Keys of the documents on review that the caller decides (the document's expert, else the school's curator)",
  })
  reviewDocuments!: string[];
}

export class TimelineFileView {
  @ApiProperty() fileId!: string;
  @ApiProperty({ nullable: true, type: String }) fileName!: string | null;
}

export class TimelineActorView {
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) userId!: string | null;
  @ApiProperty() name!: string;
}

export class TimelineStepView implements TimelineStep {
  @ApiProperty() step!: number;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ enum: TIMELINE_ACTIONS }) action!: TimelineAction;
  @ApiProperty({ enum: PIPELINE_STATES, description: 'The stage after the step' }) stage!: TimelineStep['stage'];
  @ApiProperty() round!: number;
  @ApiProperty({ type: TimelineActorView, nullable: true, description: 'null: the workflow itself (timers)' })
  actor!: TimelineActorView | null;
  @ApiProperty({ nullable: true, type: String }) documentKey!: string | null;
  @ApiProperty({ nullable: true, type: String }) remarks!: string | null;
  @ApiProperty({ type: [TimelineFileView] }) files!: TimelineFileView[];
  @ApiProperty({ type: 'object', additionalProperties: true }) details!: Record<string, unknown>;
}

export class SchoolTimelineView {
  @ApiProperty({ format: 'uuid' }) schoolId!: string;
  @ApiProperty({ type: [TimelineStepView] }) steps!: TimelineStepView[];
}
