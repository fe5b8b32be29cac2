import { Inject, Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import type { Request, Response } from 'express';
import { APP_CONFIG, type AppConfig } from '@orientir/config';
import { assignmentGrants, effectiveGrants, passwordProblem, type RoleGrant } from '@orientir/auth';
import { hashPassword, hashToken, issueToken, sameHash, tokenKindOf, verifyPassword } from '@orientir/credentials';
import { MAIL_SENDER, renderPasswordReset, type MailSender } from '@orientir/mail';
import {
  CredentialStore,
  DirectoryStore,
  NotificationStore,
  UserStore,
  type LiveMagicLink,
  type UserWithGrants,
} from '@orientir/persistence';
import { labelGrants } from './grant-scope.util';
import { AuditService } from '../audit/audit.service';
import { CSRF_HEADER, SESSION_COOKIE, clearSessionCookies, setSessionCookies } from './auth-cookies.util';
import { AuthErrorCode, AuthException, unauthenticated } from './auth.exception';
import type { ApiTokenView, CreateApiTokenDto, IssuedApiTokenView } from './dto/api-token.dto';
import type { LoginDto } from './dto/login.dto';
import type { LoginView, MeView, MessageView } from './dto/me.view';
import type { PasswordResetConfirmDto, PasswordResetRequestDto } from './dto/password-reset.dto';
import { requirePrincipal, type Actor, type LinkScope, type Principal } from './principal.model';

const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
const RESET_TTL_MINUTES = 60;
const DAY_MS = 24 * 60 * 60 * 1000;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface IssuedSession {
  sessionId: string;
  sessionToken: string;
  csrfToken: string;
  expiresAt: Date;
}

@Injectable()
export class AuthService implements BeforeApplicationShutdown {
  private readonly logger = new Logger(AuthService.name);
  /** Verified against when the e-mail is unknown, so a wrong e-mail costs as long as a wrong password. */
  private decoyHash?: Promise<string>;
  /** Reset requests run one after another, after their answer was sent. */
  private pendingResets: Promise<void> = Promise.resolve();

  constructor(
    private readonly users: UserStore,
    private readonly credentials: CredentialStore,
    private readonly audit: AuditService,
    private readonly directory: DirectoryStore,
    @Inject(MAIL_SENDER) private readonly mail: MailSender,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly links: NotificationStore,
  ) {}

  /**
   * Bearer token first (scripts; exempt from CSRF), else the session cookie. A cookie-authenticated
   * write must echo the session's CSRF token in X-CSRF-Token: another site can make the browser send
   * the cookie, but cannot read the token.
   */
  async authenticate(request: Request): Promise<Principal> {
    const header = request.get('authorization');
    if (header !== undefined) {
      const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
      if (!token || tokenKindOf(token) !== 'api') throw unauthenticated();
      const used = await this.credentials.useApiToken(hashToken(token));
      if (!used) throw unauthenticated();
      return this.principalFrom(used.userId, used.holder, 'token', used.id);
    }
    const cookie: unknown = (request.cookies as Record<string, unknown> | undefined)?.[SESSION_COOKIE];
    if (typeof cookie === 'string' && tokenKindOf(cookie) === 'link_session') {
      const opened = await this.links.findActiveLinkSession(hashToken(cookie));
      if (!opened || opened.link.purpose === 'unsubscribe') throw unauthenticated();
      checkCsrf(request, opened.csrfHash);
      return linkPrincipal(opened.link, opened.id);
    }
    if (typeof cookie !== 'string' || tokenKindOf(cookie) !== 'session') throw unauthenticated();
    const session = await this.credentials.findActiveSession(hashToken(cookie));
    if (!session) throw unauthenticated();
    checkCsrf(request, session.csrfHash);
    return this.principalOf(session.userId, 'session', session.id);
  }

  /** The principal of a link session just opened (the redeem answer names it). */
  authenticateLinkSession(linkSessionId: string, link: LiveMagicLink): Promise<Principal> {
    return Promise.resolve(linkPrincipal(link, linkSessionId));
  }

  async login(dto: LoginDto, actor: Actor, res: Response): Promise<LoginView> {
    const user = await this.users.findByEmailForLogin(dto.email);
    const valid = user?.passwordHash
      ? await verifyPassword(user.passwordHash, dto.password)
      : await this.burnTime(dto.password);
    if (!user || !user.isActive || !valid) {
      await this.audit.record(actor, {
        action: 'auth.login',
        outcome: 'failure',
        actorEmail: dto.email,
        targetType: 'user',
        targetId: user?.id ?? null,
      });
      throw new AuthException(AuthErrorCode.INVALID_CREDENTIALS, 'Неверный адрес электронной почты или пароль');
    }
    const issued = await this.issueSession(user.id, actor);
    setSessionCookies(res, { ...issued, secure: this.secureCookies });
    const principal = await this.principalOf(user.id, 'session', issued.sessionId);
    await this.audit.record(
      { ...actor, principal },
      { action: 'auth.login', outcome: 'success', targetType: 'user', targetId: user.id },
    );
    return { user: await this.toMe(principal), csrfToken: issued.csrfToken, expiresAt: issued.expiresAt.toISOString() };
  }

  /** Also the way tests and tools get a session without the rate-limited login. */
  async issueSession(userId: string, actor: Pick<Actor, 'ip' | 'userAgent'>): Promise<IssuedSession> {
    const session = issueToken('session');
    const csrf = issueToken('csrf');
    const expiresAt = new Date(Date.now() + SESSION_TTL_MS);
    const saved = await this.credentials.createSession({
      userId,
      tokenHash: session.hash,
      csrfHash: csrf.hash,
      expiresAt,
      ip: actor.ip,
      userAgent: actor.userAgent,
    });
    return { sessionId: saved.id, sessionToken: session.token, csrfToken: csrf.token, expiresAt };
  }

  async logout(actor: Actor, res: Response): Promise<void> {
    const principal = requirePrincipal(actor);
    if (principal.via === 'session') await this.credentials.revokeSession(principal.credentialId);
    if (principal.via === 'link') await this.links.revokeLinkSession(principal.credentialId);
    clearSessionCookies(res, this.secureCookies);
    await this.audit.record(actor, {
      action: 'auth.logout',
      outcome: 'success',
      targetType: principal.via,
      targetId: principal.credentialId,
    });
  }

  me(actor: Actor): Promise<MeView> {
    return this.toMe(requirePrincipal(actor));
  }

  private async toMe(p: Principal): Promise<MeView> {
    return {
      id: p.userId,
      email: p.email,
      displayName: p.displayName,
      grants: await labelGrants(p.grants, this.directory),
      link: p.link
        ? {
            purpose: p.link.purpose,
            holderName: p.link.holderName,
            itemLabel: p.link.itemLabel,
            cycleId: p.link.cycleId,
            eventId: p.link.eventId,
            schoolId: p.link.schoolId,
            expiresAt: p.link.expiresAt.toISOString(),
          }
        : null,
    };
  }

  async createApiToken(dto: CreateApiTokenDto, actor: Actor): Promise<IssuedApiTokenView> {
    const principal = requirePrincipal(actor);
    const issued = issueToken('api');
    const saved = await this.credentials.createApiToken({
      userId: principal.userId,
      name: dto.name.trim(),
      tokenHash: issued.hash,
      expiresAt: new Date(Date.now() + (dto.expiresInDays ?? 90) * DAY_MS),
    });
    await this.audit.record(actor, {
      action: 'auth.token.create',
      outcome: 'success',
      targetType: 'api_token',
      targetId: saved.id,
    });
    return { ...toTokenView(saved), token: issued.token };
  }

  async listApiTokens(actor: Actor): Promise<ApiTokenView[]> {
    return (await this.credentials.listApiTokens(requirePrincipal(actor).userId)).map(toTokenView);
  }

  async revokeApiToken(id: string, actor: Actor): Promise<void> {
    const revoked = await this.credentials.revokeApiToken(requirePrincipal(actor).userId, id);
    if (!revoked) throw new AuthException(AuthErrorCode.TOKEN_NOT_FOUND, `Токен ${id} не найден или уже отозван`);
    await this.audit.record(actor, {
      action: 'auth.token.revoke',
      outcome: 'success',
      targetType: 'api_token',
      targetId: id,
    });
  }

  /**
   * Answers at once, the same for every address: the look-up and the mail happen after the reply,
   * so neither the answer nor its timing tells whether an account exists.
   */
  requestPasswordReset(dto: PasswordResetRequestDto, actor: Actor): MessageView {
    this.pendingResets = this.pendingResets
      .then(() => this.sendPasswordReset(dto.email, actor))
      .catch((error: unknown) =>
        this.logger.error(`password reset request failed: ${error instanceof Error ? error.message : String(error)}`),
      );
    return { message: 'Если адрес зарегистрирован, на него отправлено письмо со ссылкой для смены пароля' };
  }

  /** Resolves once every reset requested so far was handled (for shutdown and tests). */
  settled(): Promise<void> {
    return this.pendingResets;
  }

  /** A reset mail already promised is still sent when the API stops. */
  beforeApplicationShutdown(): Promise<void> {
    return this.pendingResets;
  }

  private async sendPasswordReset(email: string, actor: Actor): Promise<void> {
    const user = await this.users.findByEmail(email);
    if (!user || !user.isActive) {
      await this.audit.record(actor, {
        action: 'auth.password_reset.request',
        outcome: 'failure',
        actorEmail: email,
        details: { reason: 'unknown_email' },
      });
      return;
    }
    const issued = issueToken('reset');
    const reset = await this.credentials.createPasswordReset({
      userId: user.id,
      tokenHash: issued.hash,
      expiresAt: new Date(Date.now() + RESET_TTL_MINUTES * 60_000),
    });
    // The web app's page (apps/web) reads the token from the query and posts it to /password-reset/confirm.
    const resetUrl = `${this.config.api.publicUrl}/reset-password?token=${encodeURIComponent(issued.token)}`;
    const letter = renderPasswordReset({ recipientName: user.displayName, resetUrl, validMinutes: RESET_TTL_MINUTES });
    // Sent directly, not through the outbox: the outbox keeps bodies, and this body holds a live secret.
    try {
      await this.mail.send({ to: [user.email], ...letter, messageId: `<password-reset-${reset.id}@orientir>` });
      await this.audit.record(actor, {
        action: 'auth.password_reset.request',
        outcome: 'success',
        actorEmail: user.email,
        targetType: 'user',
        targetId: user.id,
      });
    } catch (error) {
      this.logger.error(
        `password reset mail for user ${user.id} failed: ${error instanceof Error ? error.message : String(error)}`,
      );
      await this.audit.record(actor, {
        action: 'auth.password_reset.request',
        outcome: 'failure',
        actorEmail: user.email,
        targetType: 'user',
        targetId: user.id,
        details: { reason: 'mail_failed' },
      });
    }
  }

  /** Signs the account out of every session and revokes its API tokens; this session ends too. */
  async logoutEverywhere(actor: Actor, res: Response): Promise<void> {
    const principal = requirePrincipal(actor);
    await this.credentials.revokeAllCredentials(principal.userId);
    clearSessionCookies(res, this.secureCookies);
    await this.audit.record(actor, {
      action: 'auth.logout_everywhere',
      outcome: 'success',
      targetType: 'user',
      targetId: principal.userId,
    });
  }

  async confirmPasswordReset(dto: PasswordResetConfirmDto, actor: Actor): Promise<MessageView> {
    const weak = passwordProblem(dto.password);
    if (weak) throw new AuthException(AuthErrorCode.WEAK_PASSWORD, 'Пароль не подходит', [`password: ${weak}`]);
    const userId =
      tokenKindOf(dto.token) === 'reset' ? await this.credentials.consumePasswordReset(hashToken(dto.token)) : null;
    if (!userId) {
      await this.audit.record(actor, { action: 'auth.password_reset.confirm', outcome: 'failure' });
      throw new AuthException(
        AuthErrorCode.INVALID_RESET_TOKEN,
        'Ссылка для смены пароля недействительна, уже использована или устарела; запросите новую',
      );
    }
    await this.users.setPassword(userId, await hashPassword(dto.password));
    // Whoever knew the old password, held a token or another reset link is locked out.
    await this.credentials.revokeAllCredentials(userId);
    await this.audit.record(actor, {
      action: 'auth.password_reset.confirm',
      outcome: 'success',
      targetType: 'user',
      targetId: userId,
    });
    return { message: 'Пароль изменен. Войдите с новым паролем' };
  }

  private async principalOf(userId: string, via: Principal['via'], credentialId: string): Promise<Principal> {
    const found: UserWithGrants | null = await this.users.findWithGrants(userId);
    if (!found) throw unauthenticated();
    return this.principalFrom(userId, { ...found.user, grants: found.grants }, via, credentialId);
  }

  private async principalFrom(
    userId: string,
    holder: { email: string; displayName: string; isActive: boolean; grants: RoleGrant[] },
    via: Principal['via'],
    credentialId: string,
  ): Promise<Principal> {
    if (!holder.isActive) throw unauthenticated();
    const grants = effectiveGrants(holder.grants, await this.directory.regionId());
    // Whom a running school's workflow names (its curator, a document's expert) reads and reviews
    // that school of that cycle as if granted, while named (the policy's assignmentGrants).
    grants.push(...assignmentGrants(await this.users.assignedSchools(userId)));
    return {
      userId,
      email: holder.email,
      displayName: holder.displayName,
      grants,
      via,
      credentialId,
    };
  }

  private async burnTime(password: string): Promise<false> {
    this.decoyHash ??= hashPassword('orientir-decoy-password');
    await verifyPassword(await this.decoyHash, password);
    return false;
  }

  private get secureCookies(): boolean {
    return this.config.api.publicUrl.startsWith('https:');
  }
}

/** Another site can make the browser send the cookie on a write, but cannot read the CSRF token. */
function checkCsrf(request: Request, csrfHash: string): void {
  if (SAFE_METHODS.has(request.method)) return;
  const csrf = request.get(CSRF_HEADER);
  if (!csrf || !sameHash(hashToken(csrf), csrfHash)) {
    throw new AuthException(
      AuthErrorCode.CSRF_FAILED,
      'Запрос отклонен: нет действительного CSRF-токена (заголовок X-CSRF-Token)',
    );
  }
}

/** What a one-click link lets its holder do: the person's account grants do not apply, only the item. */
export function linkScopeOf(link: LiveMagicLink): LinkScope {
  if (link.purpose === 'unsubscribe' || !link.cycle) throw new Error(`link ${link.id} opens no item`);
  const itemLabel =
    link.purpose === 'event' && link.event
      ? `мероприятие № ${link.event.number} «${link.event.title}»`
      : `школу «${link.school?.name ?? ''}» (экспертиза)`;
  return {
    linkId: link.id,
    purpose: link.purpose,
    personId: link.person.id,
    holderName: link.person.fullName,
    cycleId: link.cycle.id,
    eventId: link.event?.id ?? null,
    schoolId: link.school?.id ?? null,
    itemLabel,
    expiresAt: link.expiresAt,
  };
}

function linkPrincipal(link: LiveMagicLink, linkSessionId: string): Principal {
  const scope = linkScopeOf(link);
  // The existing scope rules then show exactly one item: an executor grant on the event, or a
  // curator grant on the school (by its directory id, as grants name schools).
  const grants =
    scope.purpose === 'event'
      ? [{ role: 'executor' as const, scopeKind: 'event' as const, scopeValue: scope.eventId }]
      : [
          {
            role: 'curator' as const,
            scopeKind: 'school' as const,
            scopeValue: link.school?.directorySchoolId ?? scope.schoolId,
          },
        ];
  return {
    userId: link.person.userId ?? link.person.id,
    email: link.person.email ?? '',
    displayName: link.person.fullName,
    grants,
    via: 'link',
    credentialId: linkSessionId,
    link: scope,
  };
}

function toTokenView(t: {
  id: string;
  name: string;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}): ApiTokenView {
  return {
    id: t.id,
    name: t.name,
    createdAt: t.createdAt.toISOString(),
    expiresAt: t.expiresAt.toISOString(),
    revokedAt: t.revokedAt?.toISOString() ?? null,
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  };
}
