import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@orientir/config';
import { sameName, tidyName } from '@orientir/domain';
import { grantProblem, passwordProblem, type RoleGrant } from '@orientir/auth';
import { hashPassword } from '@orientir/credentials';
import { EmailTakenError, UserStore } from '@orientir/persistence';
import { AuditService } from '../audit/audit.service';
import { AuthErrorCode, AuthException } from './auth.exception';
import type { CreateUserDto, GrantDto, UpdateUserDto } from './dto/create-user.dto';
import type { MeView } from './dto/me.view';
import type { Actor } from './principal.model';

/** Accounts made by an administrator; a person without a password sets one through a reset link. */
@Injectable()
export class AccountsService {
  constructor(
    private readonly users: UserStore,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(dto: CreateUserDto, actor: Actor): Promise<MeView> {
    const grants = checkedGrants(dto.grants, this.config.region);
    const weak = dto.password === undefined ? null : passwordProblem(dto.password);
    if (weak) throw new AuthException(AuthErrorCode.WEAK_PASSWORD, 'Пароль не подходит', [`password: ${weak}`]);
    const taken = () =>
      new AuthException(
        AuthErrorCode.EMAIL_TAKEN,
        `Учетная запись с адресом ${dto.email.trim().toLowerCase()} уже есть`,
      );
    if (await this.users.findByEmail(dto.email)) throw taken();
    const { user, grants: saved } = await this.users
      .create({
        email: dto.email,
        displayName: dto.displayName.trim(),
        passwordHash: dto.password === undefined ? null : await hashPassword(dto.password),
        grants,
      })
      .catch((error: unknown) => {
        throw error instanceof EmailTakenError ? taken() : error;
      });
    await this.audit.record(actor, {
      action: 'user.create',
      outcome: 'success',
      targetType: 'user',
      targetId: user.id,
      details: { grants: saved },
    });
    return { id: user.id, email: user.email, displayName: user.displayName, grants: saved };
  }

  async list(): Promise<MeView[]> {
    return (await this.users.list()).map(({ user, grants }) => ({
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      grants,
    }));
  }

  /** Replaces the grants (and the name) of an account; the change is audited with before and after. */
  async update(userId: string, dto: UpdateUserDto, actor: Actor): Promise<MeView> {
    const grants = checkedGrants(dto.grants, this.config.region);
    const before = await this.users.findWithGrants(userId);
    const updated = before && (await this.users.update(userId, { displayName: dto.displayName?.trim(), grants }));
    if (!updated) throw new AuthException(AuthErrorCode.USER_NOT_FOUND, `Учетная запись ${userId} не найдена`);
    await this.audit.record(actor, {
      action: 'user.update',
      outcome: 'success',
      targetType: 'user',
      targetId: userId,
      details: { before: before.grants, after: updated.grants },
    });
    const { user } = updated;
    return { id: user.id, email: user.email, displayName: user.displayName, grants: updated.grants };
  }
}

/** Grants as stored (empty scope value is none), or one error naming every bad grant by index. */
function checkedGrants(dto: GrantDto[], region: string): RoleGrant[] {
  const grants: RoleGrant[] = dto.map((g) => ({
    role: g.role,
    scopeKind: g.scopeKind,
    // Names are stored in the one tidy form, so every later comparison sees one spelling.
    scopeValue: (g.scopeValue && tidyName(g.scopeValue)) || null,
  }));
  const problems = grants.flatMap((g, i) => {
    const problem = grantProblem(g) ?? regionProblem(g, region);
    return problem ? [`grants[${i}]: ${problem}`] : [];
  });
  if (problems.length) throw new AuthException(AuthErrorCode.INVALID_GRANT, 'Роли назначены неверно', problems);
  return grants;
}

/** An installation serves one region: a regional grant must name it, or it would count for nothing. */
function regionProblem(grant: RoleGrant, region: string): string | null {
  if (grant.scopeKind !== 'region' || sameName(grant.scopeValue, region)) return null;
  return `регион «${grant.scopeValue ?? ''}» не обслуживается этой установкой (обслуживается «${region}»)`;
}
