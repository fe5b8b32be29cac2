import { DomainException } from '@orientir/domain';

/** A school's year: reading it and acting on it. */
export enum SchoolErrorCode {
  NOT_FOUND = 'SCHOOL_YEAR_NOT_FOUND',
  /** The workflow refused the action (wrong stage, actor, missing answer or document); nothing changed. */
  ACTION_REJECTED = 'SCHOOL_ACTION_REJECTED',
  /** The school's workflow has not started (or is a first-version workflow without these actions). */
  NOT_RUNNING = 'SCHOOL_WORKFLOW_NOT_RUNNING',
  /** A file id the request names is not an uploaded file of this school. */
  FILE_NOT_FOUND = 'SCHOOL_FILE_NOT_FOUND',
  /** The person (curator, expert) named is not in the directory. */
  PERSON_NOT_FOUND = 'SCHOOL_PERSON_NOT_FOUND',
  /** A cycle's school-year settings change only before its schools start. */
  SETTINGS_LOCKED = 'SCHOOL_SETTINGS_LOCKED',
  WORKFLOW_UNAVAILABLE = 'SCHOOL_WORKFLOW_UNAVAILABLE',
}

export class SchoolException extends DomainException<SchoolErrorCode> {}
