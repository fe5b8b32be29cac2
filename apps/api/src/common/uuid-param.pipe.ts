import { ParseUUIDPipe } from '@nestjs/common';
import { validationFailed } from './request.exception';

/** A path parameter that must be a UUID; `what` completes «Идентификатор … должен быть UUID». */
export function uuidParam(what: string): ParseUUIDPipe {
  return new ParseUUIDPipe({ exceptionFactory: () => validationFailed(`Идентификатор ${what} должен быть UUID`) });
}
