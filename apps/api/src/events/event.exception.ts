import { DomainException } from '@orientir/domain';

export enum EventErrorCode {
  NOT_FOUND = 'EVENT_NOT_FOUND',
  EVIDENCE_NOT_FOUND = 'EVIDENCE_NOT_FOUND',
  /** The event workflow refused the record or decision (closed event, not an executor, date outside the period…). */
  REJECTED = 'EVENT_UPDATE_REJECTED',
}

export class EventException extends DomainException<EventErrorCode> {}
