import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { hasAnyRole, ROLE_TITLES_RU } from '@orientir/auth';
import { ACCESS_RULE, type AccessRule } from './access.decorator';
import { AuthErrorCode, AuthException } from './auth.exception';
import { AuthService } from './auth.service';
import { LINK_SCOPE_RULE, linkScopeProblem, type LinkScopeRule } from './link-scope.util';
import type { AuthenticatedRequest } from './principal.model';

/**
 * Global guard: a route is closed unless its handler says @Public() or @Allow(roles…).
 * Forgetting the declaration denies everyone, including administrators.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    // Handler-level only: a class-wide rule would silently cover a route added later.
    const rule = this.reflector.get<AccessRule | undefined>(ACCESS_RULE, context.getHandler());
    if (!rule) {
      throw new AuthException(
        AuthErrorCode.ROUTE_WITHOUT_RULE,
        'Доступ закрыт: для этого адреса не объявлены правила доступа',
      );
    }
    if (rule.public) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const principal = await this.auth.authenticate(request);
    request.principal = principal;
    if (principal.link) {
      const linkRule = this.reflector.get<LinkScopeRule | undefined>(LINK_SCOPE_RULE, context.getHandler());
      const problem = linkScopeProblem(principal.link, linkRule, request.params as Record<string, string | undefined>);
      if (problem) throw new AuthException(AuthErrorCode.LINK_OUT_OF_SCOPE, problem);
    }
    if (!hasAnyRole(principal.grants, rule.roles)) {
      throw new AuthException(
        AuthErrorCode.ROLE_NOT_ALLOWED,
        `Нет доступа: действие разрешено ролям ${rule.roles.map((r) => `«${ROLE_TITLES_RU[r]}»`).join(', ')}`,
      );
    }
    return true;
  }
}
