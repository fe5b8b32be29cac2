import { BadRequestException, ParseUUIDPipe } from '@nestjs/common';

/** A path parameter that must be a UUID; `what` completes «Идентификатор … должен быть UUID». */
export function uuidParam(what: string): ParseUUIDPipe {
  return new ParseUUIDPipe({
    exceptionFactory: () =>
      new BadRequestException({ error: 'VALIDATION_FAILED', message: `Идентификатор ${what} должен быть UUID` }),
  });
}
