import { Catch, HttpStatus, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { CycleErrorCode, CycleException } from '../cycles/cycle.exception';
import { sendDomainError } from './domain.exception';

const STATUS: Record<CycleErrorCode, HttpStatus> = {
  [CycleErrorCode.NOT_FOUND]: HttpStatus.NOT_FOUND,
  [CycleErrorCode.INVALID_EVENT_PERIOD]: HttpStatus.BAD_REQUEST,
  [CycleErrorCode.DUPLICATE_ROW]: HttpStatus.BAD_REQUEST,
  [CycleErrorCode.WORKFLOW_UNAVAILABLE]: HttpStatus.SERVICE_UNAVAILABLE,
  [CycleErrorCode.STAGE_REJECTED]: HttpStatus.CONFLICT,
  [CycleErrorCode.SCHOOL_NOT_FOUND]: HttpStatus.NOT_FOUND,
};

/** Maps domain exceptions to HTTP at the edge: one JSON shape, Russian message, stable code. */
@Catch(CycleException)
export class DomainExceptionFilter implements ExceptionFilter {
  catch(exception: CycleException, host: ArgumentsHost): void {
    sendDomainError(host.switchToHttp().getResponse<Response>(), STATUS[exception.code], exception);
  }
}
