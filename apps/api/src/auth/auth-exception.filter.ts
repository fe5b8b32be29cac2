import { Catch, HttpStatus, Injectable, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { AuditService } from '../audit/audit.service';
import { sendDomainError } from '../common/domain.exception';
import { AuthErrorCode, AuthException } from './auth.exception';
import { actorOf, type AuthenticatedRequest } from './principal';

const STATUS: Record<AuthErrorCode, HttpStatus> = {
  [AuthErrorCode.UNAUTHENTICATED]: HttpStatus.UNAUTHORIZED,
  [AuthErrorCode.INVALID_CREDENTIALS]: HttpStatus.UNAUTHORIZED,
  [AuthErrorCode.ROUTE_WITHOUT_RULE]: HttpStatus.FORBIDDEN,
  [AuthErrorCode.ROLE_NOT_ALLOWED]: HttpStatus.FORBIDDEN,
  [AuthErrorCode.OUT_OF_SCOPE]: HttpStatus.FORBIDDEN,
  [AuthErrorCode.CSRF_FAILED]: HttpStatus.FORBIDDEN,
  [AuthErrorCode.INVALID_RESET_TOKEN]: HttpStatus.BAD_REQUEST,
  [AuthErrorCode.WEAK_PASSWORD]: HttpStatus.BAD_REQUEST,
  [AuthErrorCode.INVALID_GRANT]: HttpStatus.BAD_REQUEST,
  [AuthErrorCode.EMAIL_TAKEN]: HttpStatus.CONFLICT,
  [AuthErrorCode.TOKEN_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [AuthErrorCode.USER_NOT_FOUND]: HttpStatus.NOT_FOUND,
};

/** Denials worth a trace: someone (signed in or not) tried what they may not. */
const AUDITED = new Set([
  AuthErrorCode.ROUTE_WITHOUT_RULE,
  AuthErrorCode.ROLE_NOT_ALLOWED,
  AuthErrorCode.OUT_OF_SCOPE,
  AuthErrorCode.CSRF_FAILED,
]);

/** Maps AuthException to HTTP with the common JSON shape, and records denials in the audit log. */
@Catch(AuthException)
@Injectable()
export class AuthExceptionFilter implements ExceptionFilter {
  constructor(private readonly audit: AuditService) {}

  async catch(exception: AuthException, host: ArgumentsHost): Promise<void> {
    const http = host.switchToHttp();
    const request = http.getRequest<AuthenticatedRequest>();
    const response = http.getResponse<Response>();
    if (AUDITED.has(exception.code)) {
      const route = (request.route as { path?: string } | undefined)?.path ?? request.path;
      await this.audit.record(actorOf(request), {
        action: `${request.method} ${route}`,
        outcome: 'denied',
        details: { code: exception.code, params: request.params },
      });
    }
    sendDomainError(response, STATUS[exception.code], exception);
  }
}
