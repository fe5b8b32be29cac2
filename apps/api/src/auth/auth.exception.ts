import { DomainException } from '@orientir/domain';

export enum AuthErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
  ROUTE_WITHOUT_RULE = 'ROUTE_WITHOUT_RULE',
  ROLE_NOT_ALLOWED = 'ROLE_NOT_ALLOWED',
  OUT_OF_SCOPE = 'OUT_OF_SCOPE',
  CSRF_FAILED = 'CSRF_FAILED',
  INVALID_RESET_TOKEN = 'INVALID_RESET_TOKEN',
  WEAK_PASSWORD = 'WEAK_PASSWORD',
  INVALID_GRANT = 'INVALID_GRANT',
  EMAIL_TAKEN = 'EMAIL_TAKEN',
  TOKEN_NOT_FOUND = 'TOKEN_NOT_FOUND',
  USER_NOT_FOUND = 'USER_NOT_FOUND',
  LINK_OUT_OF_SCOPE = 'LINK_OUT_OF_SCOPE',
  INVALID_LINK = 'INVALID_LINK',
}

/** Authentication and authorization failures. */
export class AuthException extends DomainException<AuthErrorCode> {}

export const unauthenticated = () => new AuthException(AuthErrorCode.UNAUTHENTICATED, 'Требуется вход в систему');
export const outOfScope = (what: string, details: string[] = []) =>
  new AuthException(AuthErrorCode.OUT_OF_SCOPE, `Нет доступа: ${what} вне вашей области ответственности`, details);

const hidden = new WeakSet<object>();

/**
 * Outside the caller's scope, a thing must look as if it did not exist: the caller gets exactly the
 * not-found `lookalike`, and the edge still records the attempt as a denial.
 */
export function hiddenOutOfScope<E extends DomainException<string, unknown>>(lookalike: E): E {
  hidden.add(lookalike);
  return lookalike;
}

export function isHiddenDenial(error: unknown): boolean {
  return typeof error === 'object' && error !== null && hidden.has(error);
}
