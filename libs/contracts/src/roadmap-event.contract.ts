// Contract of the roadmap event workflow, shared by the API, the worker and the workflow.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type {
  EventTarget,
  EvidenceFact,
  OccurrenceWindow,
  PastOccurrencePolicy,
  SchoolStage,
  TextVerdict,
} from '@orientir/domain/workflow';
import type { EventControlRecord, EventStatus, OccurrenceProgressRecord } from './activities.contract';

export const ROADMAP_EVENT_WORKFLOW = 'roadmapEventWorkflow';

export interface RoadmapEventWorkflowInput {
  cycleId: string;
  eventId: string;
  /** ISO instants of the event's whole span (its occurrences come from the stored event). */
  opensAt: string;
  deadline: string;
  reminderDaysBefore: number[];
  /** Set only by continue-as-new: the definition, the tracker's state and the projection sequence carried over. */
  carried?: RoadmapEventCarried;
  /** Tests only: continue-as-new after this many history events (production follows Temporal's suggestion). */
  historyLimit?: number;
}

/** Everything the event tracker knows, as plain data (continue-as-new carries it; epoch ms throughout). */
export interface RoadmapEventTrackerSnapshot {
  launchedAt: number;
  reminderDaysBefore: number[];
  /** Past policy already applied: restored as is. */
  occurrences: OccurrenceWindow[];
  awaitingSchedule: boolean;
  evidence: EvidenceFact[];
  verdicts: TextVerdict[];
  control: EventControlRecord;
  cancelled: boolean;
  closedEarlyAt: number | null;
  pipelineCovered: string[];
  /** Keys of the reminders already sent. */
  sent: string[];
  remindersSent: number;
}

export interface RoadmapEventCarried {
  definition: EventDefinition;
  tracker: RoadmapEventTrackerSnapshot;
  /** The last projection sequence: the read model keeps taking the new run's snapshots. */
  sequence: number;
  lastStatus: string;
  /** When coverage was last read from the school workflows (epoch ms); null: never. */
  lastCoverageRefresh: number | null;
  /** Whether the first run follows the escalation chain (histories from before it never do). */
  escalates: boolean;
}

/** Who may record evidence: `org:<organisation id>`, `school:<cycle school id>`, `event:<event id>`. */
export type ExecutorKey = string;

/** What the event workflow loads once at start (the activity reads the stored event and resolves its period). */
export interface EventDefinition {
  cycleId: string;
  eventId: string;
  title: string;
  target: EventTarget;
  /** Epoch ms windows; «По графику» has none until it is dated. */
  occurrences: OccurrenceWindow[];
  awaitingSchedule: boolean;
  nudgeEveryDays: number | null;
  executorKeys: ExecutorKey[];
  /** The schools are the executors («ОО», «ШНОР»): tracked per school. */
  perSchool: boolean;
  participantSchoolIds: string[];
  /** Coverage read from the school workflows: schools past this stage count as covered. */
  pipelineStage: SchoolStage | null;
  pastPolicy: PastOccurrencePolicy;
}

export interface EvidenceFile {
  id: string;
  name: string;
}

/** One evidence record as the API sends it (already checked against the caller). */
export interface EvidenceInput {
  /** Chosen by the API: the same record sent twice is stored once. */
  evidenceId: string;
  executorKey: ExecutorKey;
  executorName: string;
  organisationId: string | null;
  /** A coordinator may record for any executor. */
  asCoordinator: boolean;
  recordedBy: string | null;
  recordedByName: string | null;
  /** Which occurrence; null: the one whose window holds `heldOn`, else the one open now, else the latest past. */
  occurrenceIndex: number | null;
  /** Local ISO date it was held, and that day's start and end as instants (the API resolves the zone). */
  heldOn: string | null;
  heldOnStart: string | null;
  heldOnEnd: string | null;
  count: number | null;
  link: string | null;
  schoolIds: string[];
  comment: string | null;
  files: EvidenceFile[];
  /** Required when `heldOn` lies outside the occurrence's window. */
  lateReason: string | null;
}

export interface EvidenceCorrection {
  evidenceId: string;
  count?: number | null;
  schoolIds?: string[];
  heldOn?: string | null;
  comment?: string | null;
  link?: string | null;
  reason: string;
  by: string | null;
}

export interface EvidenceRemoval {
  evidenceId: string;
  reason: string;
  by: string | null;
}

/** New windows (ISO instants, labelled by the API): a moved period or a «По графику» event dated. */
export interface ScheduleRequest {
  /** Null: replace every window (dating a «По графику» event); else move this occurrence only. */
  occurrenceIndex: number | null;
  windows: { opensAt: string; deadline: string; label: string }[];
  by: string | null;
}

export interface CloseRequest {
  kind: 'close_early' | 'cancel';
  reason: string;
  by: string | null;
}

export interface VerdictRequest {
  occurrenceIndex: number;
  met: boolean;
  comment: string;
  by: string | null;
}

export interface RoadmapEventState {
  status: EventStatus;
  remindersSent: number;
  nextReminderAt: string | null;
  progressPercent: number;
  occurrences: OccurrenceProgressRecord[];
  evidenceIds: string[];
}

export const roadmapEventStateQuery = defineQuery<RoadmapEventState>('roadmapEventState');
export const recordEvidenceUpdate = defineUpdate<RoadmapEventState, [EvidenceInput]>('recordEvidence');
export const correctEvidenceUpdate = defineUpdate<RoadmapEventState, [EvidenceCorrection]>('correctEvidence');
export const removeEvidenceUpdate = defineUpdate<RoadmapEventState, [EvidenceRemoval]>('removeEvidence');
export const scheduleEventUpdate = defineUpdate<RoadmapEventState, [ScheduleRequest]>('scheduleEvent');
export const closeEventUpdate = defineUpdate<RoadmapEventState, [CloseRequest]>('closeEvent');
export const judgeEventUpdate = defineUpdate<RoadmapEventState, [VerdictRequest]>('judgeEvent');
