import { Injectable } from '@nestjs/common';
import { passwordProblem } from '@orientir/auth';
import { hashPassword } from '@orientir/credentials';
import { DirectoryStore, EmailTakenError, UserStore } from '@orientir/persistence';
import { AuditService } from '../audit/audit.service';
import { AuthErrorCode, AuthException } from './auth.exception';
import type { CreateUserDto, UpdateUserDto } from './dto/create-user.dto';
import { labelGrants, resolveGrants } from './grant-scope.util';
import type { MeView } from './dto/me.view';
import type { Actor } from './principal.model';

/** Accounts made by an administrator; a person without a password sets one through a reset link. */
@Injectable()
export class AccountsService {
  constructor(
    private readonly users: UserStore,
    private readonly audit: AuditService,
    private readonly directory: DirectoryStore,
  ) {}

  async create(dto: CreateUserDto, actor: Actor): Promise<MeView> {
    // An administrator names any municipality; one new to the directory joins the region.
    const grants = await resolveGrants(dto.grants, this.directory, { addMunicipality: true });
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
    return { id: user.id, email: user.email, displayName: user.displayName, grants: await this.labelled(saved) };
  }

  async list(): Promise<MeView[]> {
    const accounts = await this.users.list();
    const labelled = await labelGrants(
      accounts.flatMap((a) => a.grants),
      this.directory,
    );
    let next = 0;
    return accounts.map(({ user, grants }) => ({
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      grants: labelled.slice(next, (next += grants.length)),
    }));
  }

  private labelled(grants: Parameters<typeof labelGrants>[0]) {
    return labelGrants(grants, this.directory);
  }

  /** Replaces the grants (and the name) of an account; the change is audited with before and after. */
  async update(userId: string, dto: UpdateUserDto, actor: Actor): Promise<MeView> {
    const grants = await resolveGrants(dto.grants, this.directory, { addMunicipality: true });
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
    return {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      grants: await this.labelled(updated.grants),
    };
  }
}
