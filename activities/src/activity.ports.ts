// What activities need from infrastructure, as small interfaces. The persistence and mail
// libs satisfy them structurally; tests can pass anything with the same shape.
import type { EventProgressSnapshot, PersonRef, SchoolProgressSnapshot } from '@orientir/contracts';

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

export interface Addressee {
  name: string;
  email: string;
}

export interface SchoolRecord {
  id: string;
  name: string;
  municipality: string | null;
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
    cycle: { id: string; title: string; timezone: string; municipality: string | null };
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
  coordinatorAddressees(municipality: string | null): Promise<Addressee[]>;
  personAddressee(person: PersonRef): Promise<Addressee | null>;
}
