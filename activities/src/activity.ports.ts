// What activities need from infrastructure, as small interfaces. The persistence and mail
// libs satisfy them structurally; tests can pass anything with the same shape.
import type { EventProgressSnapshot, SchoolProgressSnapshot } from '@orientir/contracts';
import type { CalendarOverrides } from '@orientir/domain';

export interface ProgressPort {
  upsertEventProgress(snapshot: EventProgressSnapshot): Promise<void>;
  upsertSchoolProgress(snapshot: SchoolProgressSnapshot): Promise<void>;
  /** Projects what can be stored (status, stage; no free text) and the reason the rest was refused. */
  markEventProjectionFailed(snapshot: EventProgressSnapshot, problem: string): Promise<void>;
  markSchoolProjectionFailed(snapshot: SchoolProgressSnapshot, problem: string): Promise<void>;
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

export interface CalendarPort {
  overrides(): Promise<CalendarOverrides>;
}
