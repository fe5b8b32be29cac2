import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validate } from 'class-validator';
import { capProblems } from './payload-guards.util';
import { validationFailed } from './request.exception';

/** Constraints that say the value has the wrong type: when one fails, the others say nothing useful. */
const TYPE_CONSTRAINTS = new Set(['isString', 'isInt', 'isNumber', 'isBoolean', 'isArray', 'isObject']);

/** class-validator's own English messages, said in Russian. */
const BUILT_IN: Record<string, string> = {
  whitelistValidation: 'неизвестное поле',
  nestedValidation: 'ошибка типа: ожидается объект или список объектов',
};

function messagesOf(error: ValidationError): string[] {
  const constraints = Object.entries(error.constraints ?? {});
  const typeErrors = constraints.filter(([key]) => TYPE_CONSTRAINTS.has(key));
  return (typeErrors.length ? typeErrors : constraints).map(([key, message]) => BUILT_IN[key] ?? message);
}

/** Flattens nested class-validator errors into `field.path: message` lines a person can act on. */
function flatten(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((error) => {
    const path = parent
      ? /^\d+$/.test(error.property)
        ? `${parent}[${error.property}]`
        : `${parent}.${error.property}`
      : error.property;
    const own = messagesOf(error).map((message) => `${path}: ${message}`);
    return [...own, ...flatten(error.children ?? [], path)];
  });
}

const OPTIONS = { whitelist: true, forbidNonWhitelisted: true } as const;

/**
 * The pipe's rules for a payload built inside the API (a cycle from a stored roadmap), so both ways
 * of creating a thing pass one validation.
 */
export async function validateAs<T extends object>(cls: ClassConstructor<T>, plain: object): Promise<T> {
  const instance = plainToInstance(cls, plain);
  const errors = await validate(instance, OPTIONS);
  if (errors.length) throw validationFailed('Некорректные данные запроса', capProblems(flatten(errors)));
  return instance;
}

/** Whitelisting, unknown fields rejected, payloads transformed into DTO instances. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    ...OPTIONS,
    transform: true,
    exceptionFactory: (errors) => validationFailed('Некорректные данные запроса', capProblems(flatten(errors))),
  });
}
