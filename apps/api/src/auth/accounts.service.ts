import { Injectable } from '@nestjs/common';
import { grantProblem, passwordProblem, type RoleGrant } from '@orientir/auth';
import { hashPassword } from '@orientir/credentials';
import { UserStore } from '@orientir/persistence';
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
  ) {}

  async create(dto: CreateUserDto, actor: Actor): Promise<MeView> {
    const grants: RoleGrant[] = dto.grants.map((g) => ({
      role: g.role,
      scopeKind: g.scopeKind,
      scopeValue: g.scopeValue?.trim() || null,
    }));
    const problems = grants.flatMap((g, i) => {
      const problem = grantProblem(g);
      return problem ? [`grants[${i}]: ${problem}`] : [];
    });
    if (problems.length) throw new AuthException(AuthErrorCode.INVALID_GRANT, 'Роли назначены неверно', problems);
    const weak = dto.password === undefined ? null : passwordProblem(dto.password);
    if (weak) throw new AuthException(AuthErrorCode.WEAK_PASSWORD, 'Пароль не подходит', [`password: ${weak}`]);
    if (await this.users.findByEmail(dto.email)) {
      throw new AuthException(
        AuthErrorCode.EMAIL_TAKEN,
        `Учетная запись с адресом ${dto.email.trim().toLowerCase()} уже есть`,
      );
    }
    const { user, grants: saved } = await this.users.create({
      email: dto.email,
      displayName: dto.displayName.trim(),
      passwordHash: dto.password === undefined ? null : await hashPassword(dto.password),
      grants,
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
