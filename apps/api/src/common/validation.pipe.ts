import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { validationFailed } from './request.exception';

/** Flattens nested class-validator errors into `field.path: message` lines a person can act on. */
function flatten(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((error) => {
    const path = parent
      ? /^\d+$/.test(error.property)
        ? `${parent}[${error.property}]`
        : `${parent}.${error.property}`
      : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => `${path}: ${message}`);
    return [...own, ...flatten(error.children ?? [], path)];
  });
}

/** Whitelisting, unknown fields rejected, payloads transformed into DTO instances. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => validationFailed('Некорректные данные запроса', flatten(errors)),
  });
}
