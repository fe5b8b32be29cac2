import { DomainException } from '../common/domain.exception';

export enum CycleErrorCode {
  NOT_FOUND = 'CYCLE_NOT_FOUND',
  INVALID_EVENT_PERIOD = 'INVALID_EVENT_PERIOD',
  DUPLICATE_ROW = 'DUPLICATE_ROW',
  WORKFLOW_UNAVAILABLE = 'WORKFLOW_UNAVAILABLE',
  STAGE_REJECTED = 'STAGE_REJECTED',
  SCHOOL_NOT_FOUND = 'SCHOOL_NOT_FOUND',
}

export class CycleException extends DomainException<CycleErrorCode> {}
