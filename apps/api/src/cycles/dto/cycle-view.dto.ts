import { SCHOOL_YEAR_ACTIONS, type SchoolYearActionKind } from '@orientir/domain';
import { EscalationChainView } from './escalation-chain.dto';
import { ApiProperty } from '@nestjs/swagger';
import { LaunchView } from './launch-view.dto';
import { ExecutorGroupView } from '../../directory/dto/directory.view';

export class SchoolProgressView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() category!: string;
  @ApiProperty({ nullable: true, type: String }) municipality!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The directory school' })
  directorySchoolId!: string | null;
  @ApiProperty({ description: 'Stage from the read model, or not_started before the workflow reports' }) stage!: string;
  @ApiProperty() round!: number;
  @ApiProperty() workflowId!: string;
  @ApiProperty({ nullable: true, type: String }) updatedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Why the last projection was stored without its text' })
  projectionError!: string | null;
  @ApiProperty({
    enum: SCHOOL_YEAR_ACTIONS,
    isArray: true,
    description:
      "The school-year actions the caller can take on the school now (the workflow's own rule: role, stage, something to act on); empty when none",
  })
  actions!: SchoolYearActionKind[];
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    description: "The account of the curator the school's workflow has assigned (after any change), if it has one",
  })
  curatorUserId!: string | null;
  @ApiProperty({
    type: [String],
    description: 'Accounts that review the school now: the assigned curator and experts of documents on review',
  })
  reviewerUserIds!: string[];
  @ApiProperty({ type: [String], description: 'Names of the curators granted this school' })
  curators!: string[];
}

/** A cycle group among the cycle's executors. */
export class NamedExecutorGroupView extends ExecutorGroupView {
  @ApiProperty({ example: 'руководители школ ШНОР' }) name!: string;
}

export class EventExecutorView {
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'null: matched to no organisation yet' })
  organisationId!: string | null;
  @ApiProperty({
    enum: ['ok', 'no_addressee', 'unmatched'],
    description:
      'no_addressee («нет адресата»): the organisation has no contact person with an e-mail, or the cycle group reaches nobody',
  })
  addressee!: 'ok' | 'no_addressee' | 'unmatched';
  @ApiProperty({
    type: ExecutorGroupView,
    nullable: true,
    description: "Set when the name stands for the cycle's schools or curators, not an organisation",
  })
  group!: ExecutorGroupView | null;
}

export class EventProgressView {
  @ApiProperty() id!: string;
  @ApiProperty() number!: string;
  @ApiProperty() title!: string;
  @ApiProperty() opensAt!: string;
  @ApiProperty() deadline!: string;
  @ApiProperty({ type: [String], description: 'Names of the organisations that carry the event out' })
  executors!: string[];
  @ApiProperty({ description: 'scheduled | open | overdue | closed, or not_started' }) status!: string;
  @ApiProperty() remindersSent!: number;
  @ApiProperty({
    type: [EventExecutorView],
    description: 'The executors with their directory organisation and addressee',
  })
  executorLinks!: EventExecutorView[];
  @ApiProperty() workflowId!: string;
  @ApiProperty({ nullable: true, type: String }) updatedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Why the last projection was stored without its text' })
  projectionError!: string | null;
}

export class CycleAlertView {
  @ApiProperty({ enum: ['school', 'event'] }) kind!: 'school' | 'event';
  @ApiProperty() id!: string;
  @ApiProperty() message!: string;
}

export class CycleView {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() year!: number;
  @ApiProperty() timezone!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Owning municipality; null for a region-wide cycle' })
  municipality!: string | null;
  @ApiProperty({ type: [CycleAlertView], description: 'Progress the read model could not store (bad data)' })
  alerts!: CycleAlertView[];
  @ApiProperty({ type: [SchoolProgressView] }) schools!: SchoolProgressView[];
  @ApiProperty({ type: [EventProgressView] }) events!: EventProgressView[];
  @ApiProperty({
    type: [String],
    description:
      "Executor names of visible events that match no directory organisation (nor the cycle's schools or curators)",
  })
  unmatchedExecutors!: string[];
  @ApiProperty({
    type: [String],
    description: 'Executors whose organisation, or whose cycle group, has nobody with an e-mail («нет адресата»)',
  })
  executorsWithoutAddressee!: string[];
  @ApiProperty({
    type: [NamedExecutorGroupView],
    description: "Executors of visible events that stand for the cycle's schools or curators, with how many they reach",
  })
  executorGroups!: NamedExecutorGroupView[];
  @ApiProperty({
    type: EscalationChainView,
    description: 'Whom an overdue item is escalated to and when (PUT /cycles/:id/escalation-chain changes it)',
  })
  escalationChain!: EscalationChainView;
  @ApiProperty({
    type: LaunchView,
    required: false,
    description:
      'Only in the answer to a create: the launch just handed to its workflow (GET /cycles/:id/launch follows it)',
  })
  launch?: LaunchView;
}

export class CycleSummaryView {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() year!: number;
  @ApiProperty() timezone!: string;
  @ApiProperty({ nullable: true, type: String }) municipality!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ description: "Schools within the caller's scope" }) schools!: number;
  @ApiProperty({ description: "Events within the caller's scope" }) events!: number;
  @ApiProperty({ description: 'Of those events, how many are overdue' }) overdueEvents!: number;
  @ApiProperty({
    description: 'School and event workflows in scope that have not reported yet (a launch still running or failed)',
  })
  pendingWorkflows!: number;
}
