// What activities need from infrastructure, as small interfaces. The persistence and mail
// libs satisfy them structurally; tests can pass anything with the same shape.
import type {
  EventProgressSnapshot,
  EvidenceCorrection,
  EvidenceInput,
  EvidenceRemoval,
  SchoolProgressSnapshot,
} from '@orientir/contracts';
import type { EventDefinitionInput } from './events/event-definition.util';

export interface ProgressPort {
  upsertEventProgress(snapshot: EventProgressSnapshot): Promise<void>;
  upsertSchoolProgress(snapshot: SchoolProgressSnapshot): Promise<void>;
  /** Projects what can be stored (status, stage; no free text) and the reason the rest was refused. */
  markEventProjectionFailed(snapshot: EventProgressSnapshot, problem: string): Promise<void>;
  markSchoolProjectionFailed(snapshot: SchoolProgressSnapshot, problem: string): Promise<void>;
}

export interface OutboxRecord {
  id: string;
  status: 'pending' | 'sent';
}

export interface OutboxPort {
  enqueue(message: {
    idempotencyKey: string;
    recipients: string[];
    subject: string;
    textBody: string;
    htmlBody: string;
  }): Promise<OutboxRecord>;
  markAttempt(id: string, error: string | null): Promise<void>;
  markSent(id: string, messageId: string): Promise<void>;
}

export interface EventDirectoryPort {
  findEventForReminder(eventId: string): Promise<{
    cycle: { id: string; title: string; timezone: string };
    event: {
      id: string;
      number: string;
      title: string;
      deadline: Date;
      executors: { name: string; organisationId?: string | null }[];
    };
    /** Resolved from the directory (assignees, else contact people of the executor organisations). */
    recipients: { name: string; email: string }[];
  } | null>;
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
  }): Promise<void>;
  amendEvidence(eventId: string, correction: EvidenceCorrection, at: string): Promise<void>;
  markEvidenceRemoved(eventId: string, removal: EvidenceRemoval, at: string): Promise<void>;
  schoolsAtStages(cycleId: string, stages: readonly string[]): Promise<string[]>;
}
