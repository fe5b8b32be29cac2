import { SetMetadata, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Role } from '@orientir/auth';
import { actorOf, type Actor, type AuthenticatedRequest } from './principal.model';

export const ACCESS_RULE = 'orientir:access-rule';

export type AccessRule = { public: true } | { public: false; roles: readonly Role[] };

/** Open to anyone, signed in or not. Use sparingly: health, login, password reset. */
export const Public = (): MethodDecorator => SetMetadata(ACCESS_RULE, { public: true } satisfies AccessRule);

/**
 * Signed-in callers holding one of these roles. Scope (which municipality, which school) is
 * then checked by the service against the object the route touches.
 */
export const Allow = (...roles: [Role, ...Role[]]): MethodDecorator =>
  SetMetadata(ACCESS_RULE, { public: false, roles } satisfies AccessRule);

/** The caller and where the request came from, for scope checks and the audit log. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor =>
  actorOf(ctx.switchToHttp().getRequest<AuthenticatedRequest>()),
);
