import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@orientir/config';
import { sameName, tidyName } from '@orientir/domain';
import { grantProblem, passwordProblem, type RoleGrant } from '@orientir/auth';
import { hashPassword } from '@orientir/credentials';
import { EmailTakenError, UserStore } from '@orientir/persistence';
import { AuditService } from '../audit/audit.service';
import { AuthErrorCode, AuthException } from './auth.exception';
import type { CreateUserDto } from './dto/create-user.dto';
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
    const grants: RoleGrant[] = dto.grants.map((g) => ({
      role: g.role,
      scopeKind: g.scopeKind,
      // Names are stored in the one tidy form, so every later comparison sees one spelling.
      scopeValue: (g.scopeValue && tidyName(g.scopeValue)) || null,
    }));
    const problems = grants.flatMap((g, i) => {
      const problem = grantProblem(g) ?? regionProblem(g, this.config.region);
      return problem ? [`grants[${i}]: ${problem}`] : [];
    });
    if (problems.length) throw new AuthException(AuthErrorCode.INVALID_GRANT, 'Роли назначены неверно', problems);
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
}

/** An installation serves one region: a regional grant must name it, or it would count for nothing. */
function regionProblem(grant: RoleGrant, region: string): string | null {
  if (grant.scopeKind !== 'region' || sameName(grant.scopeValue, region)) return null;
  return `регион «${grant.scopeValue ?? ''}» не обслуживается этой установкой (обслуживается «${region}»)`;
}
