import { DomainException } from '@orientir/domain';

export enum CycleErrorCode {
  NOT_FOUND = 'CYCLE_NOT_FOUND',
  /** An event's deadline is not after its opening. */
  INVALID_EVENT_PERIOD = 'INVALID_EVENT_PERIOD',
  /** Two events share a number, or two schools a name. */
  DUPLICATE_ROW = 'DUPLICATE_ROW',
  WORKFLOW_UNAVAILABLE = 'WORKFLOW_UNAVAILABLE',
  STAGE_REJECTED = 'STAGE_REJECTED',
  SCHOOL_NOT_FOUND = 'SCHOOL_NOT_FOUND',
  /** The cycle was never launched (stored before launches were recorded). */
  LAUNCH_NOT_FOUND = 'LAUNCH_NOT_FOUND',
}

export class CycleException extends DomainException<CycleErrorCode> {}
