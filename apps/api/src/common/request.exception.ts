import { DomainException } from '@orientir/domain';

/** Failures of the request itself, before any domain rule runs. */
export enum RequestErrorCode {
  VALIDATION_FAILED = 'VALIDATION_FAILED',
  MALFORMED_BODY = 'MALFORMED_BODY',
  ROUTE_NOT_FOUND = 'ROUTE_NOT_FOUND',
  METHOD_NOT_ALLOWED = 'METHOD_NOT_ALLOWED',
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE = 'UNSUPPORTED_MEDIA_TYPE',
  TOO_MANY_REQUESTS = 'TOO_MANY_REQUESTS',
  /** A dependency (PostgreSQL, Temporal, SMTP) is down; details say which. */
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  INTERNAL_ERROR = 'INTERNAL_ERROR',
}

export class RequestException extends DomainException<RequestErrorCode, unknown> {}

export const validationFailed = (message: string, details: readonly string[] = []) =>
  new RequestException(RequestErrorCode.VALIDATION_FAILED, message, details);
