import {
  Catch,
  HttpException,
  HttpStatus,
  Injectable,
  Logger,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import type { Response } from 'express';
import { isDomainException, type DomainException } from '@orientir/domain';
import { AuditService } from '../audit/audit.service';
import { AuthErrorCode, isHiddenDenial } from '../auth/auth.exception';
import { actorOf, type AuthenticatedRequest } from '../auth/principal.model';
import { AUDITED_DENIALS, statusOf, type ErrorBody, type ErrorCode } from './error-responses.util';
import { capProblems } from './payload-guards.util';
import { RequestErrorCode, RequestException } from './request.exception';
import { allowedMethods } from './route-methods.util';

/**
 * The one writer of errors at the HTTP edge: every exception (domain, framework, unexpected) leaves
 * as `{ error, message, details }` with the status ERROR_STATUS gives its code and a Russian message.
 */
@Catch()
@Injectable()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(ApiExceptionFilter.name);

  constructor(private readonly audit: AuditService) {}

  async catch(exception: unknown, host: ArgumentsHost): Promise<void> {
    const http = host.switchToHttp();
    const request = http.getRequest<AuthenticatedRequest>();
    const response = http.getResponse<Response>();
    const error = this.toDomainException(exception, request, response);
    if (AUDITED_DENIALS.has(error.code as ErrorCode) || isHiddenDenial(error)) await this.recordDenial(request, error);
    if (response.headersSent) return;
    // Every list of problems is capped here, whoever raised it: an error answer stays small.
    const details = Array.isArray(error.details) ? capProblems(error.details as string[]) : error.details;
    const body: ErrorBody = { error: error.code, message: error.message, details };
    response.status(statusOf(error.code)).json(body);
  }

  private toDomainException(
    exception: unknown,
    request: AuthenticatedRequest,
    response: Response,
  ): DomainException<string, unknown> {
    if (isDomainException(exception)) return exception;
    if (exception instanceof HttpException) return fromHttpException(exception, request, response);
    // body-parser and other Express middleware fail with http-errors: a client error with a status.
    const status = (exception as { status?: unknown; expose?: unknown } | null)?.status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return fromHttpException(new HttpException(String((exception as Error).message), status), request, response);
    }
    this.logger.error(
      `${request.method} ${request.originalUrl} failed: ${exception instanceof Error ? exception.stack : String(exception)}`,
    );
    return new RequestException(RequestErrorCode.INTERNAL_ERROR, 'Внутренняя ошибка сервера. Повторите попытку позже');
  }

  private async recordDenial(request: AuthenticatedRequest, error: DomainException<string, unknown>): Promise<void> {
    const route = (request.route as { path?: string } | undefined)?.path ?? request.path;
    await this.audit.record(actorOf(request), {
      action: `${request.method} ${route}`,
      outcome: 'denied',
      details: { code: isHiddenDenial(error) ? AuthErrorCode.OUT_OF_SCOPE : error.code, params: request.params },
    });
  }
}

/** Errors raised by Nest, Express, body-parser, multer or the throttler, in the common shape and in Russian. */
function fromHttpException(
  exception: HttpException,
  request: AuthenticatedRequest,
  response: Response,
): RequestException {
  const status = exception.getStatus();
  const original = exception.message;
  const body = exception.getResponse() as Partial<ErrorBody> | string;
  // Already in our shape with a known code of this status (e.g. thrown by code not yet moved to a
  // DomainException): keep its code, Russian message and details.
  if (typeof body === 'object' && typeof body.error === 'string' && typeof body.message === 'string') {
    if (statusOf(body.error) === status) {
      return new RequestException(body.error as RequestErrorCode, body.message, body.details ?? []);
    }
  }
  switch (status) {
    case HttpStatus.NOT_FOUND: {
      // The router's own 404 ("Cannot PUT /api/…"): a known path with another method is a 405.
      const allow = allowedMethods(request);
      if (allow.length > 0) {
        response.setHeader('Allow', allow.join(', '));
        return new RequestException(
          RequestErrorCode.METHOD_NOT_ALLOWED,
          `Метод ${request.method} не поддерживается для ${request.path}; допустимо: ${allow.join(', ')}`,
        );
      }
      return new RequestException(
        RequestErrorCode.ROUTE_NOT_FOUND,
        `Адрес ${request.method} ${request.path} не найден`,
      );
    }
    case HttpStatus.PAYLOAD_TOO_LARGE:
      return new RequestException(RequestErrorCode.PAYLOAD_TOO_LARGE, 'Запрос слишком большой');
    case HttpStatus.UNSUPPORTED_MEDIA_TYPE:
      return new RequestException(RequestErrorCode.UNSUPPORTED_MEDIA_TYPE, 'Неподдерживаемый тип содержимого запроса');
    case HttpStatus.TOO_MANY_REQUESTS:
      return new RequestException(RequestErrorCode.TOO_MANY_REQUESTS, 'Слишком много попыток. Повторите через минуту');
    case HttpStatus.SERVICE_UNAVAILABLE:
      // e.g. the health check: its report of which dependency is down goes along as details.
      return new RequestException(
        RequestErrorCode.SERVICE_UNAVAILABLE,
        'Сервис временно недоступен. Повторите попытку позже',
        exception.getResponse(),
      );
    case HttpStatus.BAD_REQUEST:
      if (/JSON|Unexpected token|position \d+/i.test(original)) {
        return new RequestException(RequestErrorCode.MALFORMED_BODY, 'Тело запроса не является корректным JSON', [
          original,
        ]);
      }
      return new RequestException(RequestErrorCode.VALIDATION_FAILED, 'Некорректный запрос', [original]);
    default:
      return new RequestException(
        status >= 500 ? RequestErrorCode.INTERNAL_ERROR : RequestErrorCode.VALIDATION_FAILED,
        status >= 500 ? 'Внутренняя ошибка сервера. Повторите попытку позже' : 'Некорректный запрос',
        [original],
      );
  }
}
