// What activities need from infrastructure, as small interfaces. The persistence and mail
// libs satisfy them structurally; tests can pass anything with the same shape.
import type {
  PersonRef,
  EventProgressSnapshot,
  EvidenceCorrection,
  EvidenceInput,
  EvidenceRemoval,
  LaunchBatch,
  LaunchProgressSnapshot,
  RoadmapEventWorkflowInput,
  SchoolCycleWorkflowInput,
  SchoolProgressSnapshot,
} from '@orientir/contracts';
import type { EventDefinitionInput } from './events/event-definition.util';
import type { CalendarOverrides, EscalationStep } from '@orientir/domain';

export interface ProgressPort {
  upsertEventProgress(snapshot: EventProgressSnapshot): Promise<void>;
  upsertSchoolProgress(snapshot: SchoolProgressSnapshot): Promise<void>;
  /** Projects what can be stored (status, stage; no free text) and the reason the rest was refused. */
  markEventProjectionFailed(snapshot: EventProgressSnapshot, problem: string): Promise<void>;
  markSchoolProjectionFailed(snapshot: SchoolProgressSnapshot, problem: string): Promise<void>;
}

export interface EventDirectoryPort {
  findEventForReminder(eventId: string): Promise<{
    cycle: { id: string; title: string; timezone: string; municipalityId?: string | null };
    event: {
      id: string;
      number: string;
      title: string;
      deadline: Date;
      executors: { name: string; organisationId?: string | null }[];
    };
    /** Resolved from the directory (assignees, else contact people of the executor organisations). */
    recipients: { personId?: string; name: string; email: string }[];
  } | null>;
}

export interface CalendarPort {
  overrides(): Promise<CalendarOverrides>;
}

/** What the launch activities read and write in PostgreSQL. */
export interface LaunchStorePort {
  /** Ids of the cycle's schools and events, each list in id order. */
  launchTargetIds(cycleId: string): Promise<{ schools: string[]; events: string[] }>;
  launchSchools(
    cycleId: string,
    batch: LaunchBatch,
  ): Promise<{ id: string; name: string; municipality: string | null }[]>;
  launchEvents(
    cycleId: string,
    batch: LaunchBatch,
  ): Promise<{ id: string; number: string; title: string; opensAt: Date; deadline: Date }[]>;
  /** Sets the projection rows of workflows started anew back to sequence 0, so their first snapshot lands. */
  resetProjections(kind: LaunchBatch['kind'], ids: string[]): Promise<void>;
  recordLaunchProgress(snapshot: LaunchProgressSnapshot): Promise<void>;
}

/** Starts the school and event workflows by deterministic ID (libs/temporal's gateway fits it). */
export interface WorkflowStarterPort {
  startSchoolWorkflow(
    input: SchoolCycleWorkflowInput & { municipality: string | null },
  ): Promise<'started' | 'existing'>;
  startEventWorkflow(input: RoadmapEventWorkflowInput): Promise<'started' | 'existing'>;
}

/** The event store as the event activities use it (EventTrackingStore satisfies it). */
export interface EventTrackingPort {
  definitionSource(cycleId: string, eventId: string): Promise<EventDefinitionInput | null>;
  insertEvidence(input: {
    cycleId: string;
    eventId: string;
    occurrenceIndex: number;
    evidence: EvidenceInput;
    recordedAt: string;
    /** Files named that are not uploads of the event (or expired while staged): then nothing is stored. */
  }): Promise<{ missingFileIds: string[] }>;
  amendEvidence(eventId: string, correction: EvidenceCorrection, at: string): Promise<void>;
  markEvidenceRemoved(eventId: string, removal: EvidenceRemoval, at: string): Promise<void>;
  schoolsAtStages(cycleId: string, stages: readonly string[]): Promise<string[]>;
}

/** Whether a message with this key was ever recorded (the digest checks before issuing links). */
export interface OutboxLookupPort {
  has(idempotencyKey: string): Promise<boolean>;
}

/** Stores one-click links (the token arrives already hashed). */
export interface MagicLinkPort {
  createMagicLink(link: {
    tokenHash: string;
    personId: string;
    purpose: 'event' | 'school' | 'unsubscribe';
    cycleId: string | null;
    eventId?: string | null;
    schoolId?: string | null;
    expiresAt: Date;
  }): Promise<unknown>;
}

export type NotificationModeValue = 'digest' | 'instant' | 'off';

/** What the digest and the reminders read: items per person, people's modes, whom to ask. */
export interface DigestPort extends MagicLinkPort {
  digestItems(
    timezone: string,
    dueBy: Date,
  ): Promise<
    {
      personId: string;
      kind: 'event' | 'review';
      cycleId: string;
      cycleTitle: string;
      eventId: string | null;
      eventNumber: string | null;
      title: string;
      deadline: Date | null;
      status: string;
      schoolId: string | null;
      round: number | null;
      /** The roadmap's indicator text and report form: what is expected. */
      indicator?: string | null;
      reportForm?: string | null;
    }[]
  >;
  digestRecipients(
    personIds: string[],
    defaultMode: NotificationModeValue,
  ): Promise<{ id: string; fullName: string; email: string; mode: NotificationModeValue }[]>;
  modesOf(personIds: string[]): Promise<Map<string, NotificationModeValue>>;
  coordinatorContact(cycleId: string): Promise<{ name: string; email: string | null; phone: string | null } | null>;
  /** What an event expects, for the reminder. */
  expectationOf(eventId: string): Promise<{ indicator: string | null; reportForm: string | null }>;
}

export interface Addressee {
  name: string;
  email: string;
}

export interface SchoolRecord {
  id: string;
  name: string;
  municipality: string | null;
  municipalityId: string | null;
  directorySchoolId: string | null;
  flaggedDirections: string[] | null;
  emails: string[];
  cycleId: string;
}

/** What the school-year activities read: satisfied by SchoolYearStore. */
export interface SchoolYearPort {
  loadFacts(
    cycleId: string,
    schoolId: string,
  ): Promise<{
    cycle: { id: string; title: string; timezone: string; municipality: string | null; municipalityId: string | null };
    school: SchoolRecord;
    settings: {
      riskDirections: { id: string; title: string }[] | null;
      dueDates: Record<string, string>;
      reviewWorkingDays: number;
      checkpointRhythm: 'quarterly' | 'dates';
      checkpointDates: string[];
    } | null;
    curator: PersonRef | null;
  } | null>;
  schoolTeamAddressees(school: SchoolRecord): Promise<Addressee[]>;
  coordinatorAddressees(municipalityId: string | null): Promise<Addressee[]>;
  regionalCoordinatorAddressees(): Promise<Addressee[]>;
  /** The directory municipality of each organisation found (null: a regional organisation). */
  organisationMunicipalities(
    organisationIds: readonly string[],
  ): Promise<{ organisationId: string; municipalityId: string | null }[]>;
  personAddressee(person: PersonRef): Promise<Addressee | null>;
  /** The cycle's zone and escalation chain (null: the default chain). */
  cycle(cycleId: string): Promise<{ id: string; timezone: string; escalationChain: EscalationStep[] | null } | null>;
}
