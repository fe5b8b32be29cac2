import { DomainException } from '@orientir/domain';

/** The directory: schools, organisations, people and their accounts. */
export enum DirectoryErrorCode {
  ORGANISATION_NOT_FOUND = 'ORGANISATION_NOT_FOUND',
  PERSON_NOT_FOUND = 'PERSON_NOT_FOUND',
  EVENT_NOT_FOUND = 'DIRECTORY_EVENT_NOT_FOUND',
  /** The alias already resolves to another organisation of the municipality. */
  ALIAS_TAKEN = 'ALIAS_TAKEN',
  /** The organisation has no such spelling to remove. */
  ALIAS_NOT_FOUND = 'ALIAS_NOT_FOUND',
  /** Rows of an import that cannot be stored; `details` names each row and its reason. */
  INVALID_IMPORT_ROWS = 'INVALID_IMPORT_ROWS',
  /** An invitation needs an e-mail address. */
  PERSON_WITHOUT_EMAIL = 'PERSON_WITHOUT_EMAIL',
  SCHOOL_NOT_FOUND = 'DIRECTORY_SCHOOL_NOT_FOUND',
  MUNICIPALITY_NOT_FOUND = 'MUNICIPALITY_NOT_FOUND',
  /** An edit gives a school or person a value (code, name, e-mail) another entry already holds. */
  DIRECTORY_VALUE_TAKEN = 'DIRECTORY_VALUE_TAKEN',
  CYCLE_NOT_FOUND = 'DIRECTORY_CYCLE_NOT_FOUND',
  /** No event of the cycle names that executor. */
  EXECUTOR_NOT_FOUND = 'EXECUTOR_NOT_FOUND',
  /** A person named for an event's reminders who cannot get them (no e-mail, or left the organisation). */
  ASSIGNEE_UNREACHABLE = 'ASSIGNEE_UNREACHABLE',
}

export class DirectoryException extends DomainException<DirectoryErrorCode> {}
