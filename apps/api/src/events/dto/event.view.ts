import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EVENT_STATUS_CODES } from '@orientir/domain';

const OCCURRENCE_STATUSES = [...EVENT_STATUS_CODES, 'skipped'];

export class OccurrenceView {
  @ApiProperty() index!: number;
  @ApiProperty({ example: 'май 2023 г.' }) label!: string;
  @ApiProperty({ format: 'date-time' }) opensAt!: string;
  @ApiProperty({ format: 'date-time' }) deadline!: string;
  @ApiProperty({ enum: OCCURRENCE_STATUSES }) status!: string;
  @ApiProperty({ description: 'count: things recorded; coverage: percent; document: files; text: 1 when judged met' })
  achieved!: number;
  @ApiProperty() target!: number;
  @ApiProperty() coveredSchools!: number;
  @ApiProperty() evidenceCount!: number;
}

export class EventSummaryView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) cycleId!: string;
  @ApiProperty() number!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ nullable: true, type: String }) section!: string | null;
  @ApiProperty({ example: 'май 2023 г.' }) periodText!: string;
  @ApiProperty({ format: 'date-time' }) opensAt!: string;
  @ApiProperty({ format: 'date-time' }) deadline!: string;
  @ApiProperty({ type: [String] }) executors!: string[];
  @ApiProperty({ enum: EVENT_STATUS_CODES }) status!: string;
  @ApiProperty({ minimum: 0, maximum: 100 }) progressPercent!: number;
  @ApiProperty() occurrencesMet!: number;
  @ApiProperty() occurrencesTracked!: number;
  @ApiProperty({ enum: ['count', 'coverage', 'document', 'text'] }) indicatorKind!: string;
  @ApiProperty({ description: 'The indicator as the roadmap says it' }) indicatorText!: string;
  @ApiProperty({ description: 'What is expected, in plain words' }) expectation!: string;
  @ApiProperty({ nullable: true, type: String }) reportForm!: string | null;
  @ApiProperty() evidenceCount!: number;
  @ApiProperty({ type: [OccurrenceView] }) occurrences!: OccurrenceView[];
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time', description: 'The next open deadline' })
  nextDeadline!: string | null;
}

export class EventPageView {
  @ApiProperty({ type: [EventSummaryView] }) items!: EventSummaryView[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class MyEventView extends EventSummaryView {
  @ApiProperty() cycleTitle!: string;
  @ApiProperty({ description: 'The caller may record evidence now' }) canRecord!: boolean;
}

export class EvidenceView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() occurrenceIndex!: number;
  @ApiProperty() executor!: string;
  @ApiProperty({ nullable: true, type: String }) recordedByName!: string | null;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) heldOn!: string | null;
  @ApiProperty({ nullable: true, type: Number }) count!: number | null;
  @ApiProperty({ nullable: true, type: String }) link!: string | null;
  @ApiProperty({ type: [String] }) schoolIds!: string[];
  @ApiProperty({ type: [String] }) schoolNames!: string[];
  @ApiProperty({ nullable: true, type: String }) comment!: string | null;
  @ApiProperty({ type: [String], format: 'uuid' }) fileIds!: string[];
  @ApiProperty({ type: [String] }) fileNames!: string[];
  @ApiProperty({ nullable: true, type: String }) lateReason!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) correctedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) removedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) removedReason!: string | null;
}

export class EventHistoryView {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty() action!: string;
  @ApiProperty({ nullable: true, type: String }) actor!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) details!: Record<string, unknown>;
}

export class EventSchoolView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

/** A coordinator's verdict on a text indicator, the latest per occurrence last. */
export class VerdictView {
  @ApiProperty({ minimum: 0 }) occurrenceIndex!: number;
  @ApiProperty() met!: boolean;
  @ApiProperty() comment!: string;
}

export class EventDetailView extends EventSummaryView {
  @ApiProperty() cycleTitle!: string;
  @ApiProperty() timezone!: string;
  @ApiProperty({ type: [EvidenceView] }) evidence!: EvidenceView[];
  @ApiProperty({ type: [EventHistoryView] }) history!: EventHistoryView[];
  @ApiProperty({ type: [EventSchoolView], description: 'The schools a coverage counts' })
  participants!: EventSchoolView[];
  @ApiProperty({ description: 'The caller may record evidence' }) canRecord!: boolean;
  @ApiProperty({ description: 'The caller may correct, schedule, close and judge' }) canManage!: boolean;
  @ApiProperty({ type: 'object', additionalProperties: true }) control!: Record<string, unknown>;
  @ApiProperty({ type: [VerdictView], description: "Text indicator: the coordinator's verdicts, in the order given" })
  verdicts!: VerdictView[];
}

export class EventStateView {
  @ApiProperty({ enum: EVENT_STATUS_CODES }) status!: string;
  @ApiProperty() progressPercent!: number;
  @ApiProperty({ type: [OccurrenceView] }) occurrences!: OccurrenceView[];
  @ApiProperty({ type: [String] }) evidenceIds!: string[];
}

export class StatusCountView {
  @ApiProperty() key!: string;
  @ApiProperty() total!: number;
  @ApiProperty() met!: number;
  @ApiProperty() atRisk!: number;
  @ApiProperty() overdue!: number;
  @ApiProperty() open!: number;
  @ApiProperty({ description: 'Mean progress percent' }) progressPercent!: number;
}

export class EventsSummaryView {
  @ApiProperty({ type: [StatusCountView] }) bySection!: StatusCountView[];
  @ApiProperty({ type: [StatusCountView] }) byExecutor!: StatusCountView[];
}
