import { Injectable } from '@nestjs/common';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';
import type { RoleGrant } from '@orientir/auth';
import { RoleGrantEntity, UserEntity } from '../entities';

export interface NewUser {
  email: string;
  displayName: string;
  passwordHash: string | null;
  grants: RoleGrant[];
}

export interface UserWithGrants {
  user: UserEntity;
  grants: RoleGrant[];
}

/** Another account already holds this e-mail (also when two creations race for it). */
export class EmailTakenError extends Error {
  constructor(readonly email: string) {
    super(`e-mail ${email} is taken`);
    this.name = 'EmailTakenError';
  }
}

const UNIQUE_VIOLATION = '23505';

/** Accounts and their role grants. The password hash is read only where a login needs it. */
@Injectable()
export class UserStore {
  constructor(private readonly dataSource: DataSource) {}

  /** All or nothing: an account never exists without its grants. */
  async create(draft: NewUser): Promise<UserWithGrants> {
    try {
      return await this.insert(draft);
    } catch (error) {
      // The unique index decides a race that a look-up before the insert cannot.
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === UNIQUE_VIOLATION)
        throw new EmailTakenError(normaliseEmail(draft.email));
      throw error;
    }
  }

  private insert(draft: NewUser): Promise<UserWithGrants> {
    return this.dataSource.transaction(async (manager) => {
      const user = await manager.save(
        UserEntity,
        manager.create(UserEntity, {
          email: normaliseEmail(draft.email),
          displayName: draft.displayName,
          passwordHash: draft.passwordHash,
        }),
      );
      await insertGrants(manager, user.id, draft.grants);
      delete (user as Partial<UserEntity>).passwordHash;
      return { user, grants: await grantsOf(manager, user.id) };
    });
  }

  /**
   * Creates the account or, when the e-mail exists, sets its password and adds missing grants.
   * Used by the demo start and the admin CLI, which may run again on the same database.
   */
  async upsert(draft: NewUser): Promise<UserWithGrants & { created: boolean }> {
    return this.dataSource.transaction(async (manager) => {
      const email = normaliseEmail(draft.email);
      const existing = await manager.findOneBy(UserEntity, { email });
      if (!existing) {
        const user = await manager.save(
          UserEntity,
          manager.create(UserEntity, { email, displayName: draft.displayName, passwordHash: draft.passwordHash }),
        );
        await insertGrants(manager, user.id, draft.grants);
        return { user, grants: await grantsOf(manager, user.id), created: true };
      }
      await manager.update(UserEntity, { id: existing.id }, { passwordHash: draft.passwordHash, isActive: true });
      await insertGrants(manager, existing.id, draft.grants);
      return { user: existing, grants: await grantsOf(manager, existing.id), created: false };
    });
  }

  async findByEmailForLogin(email: string): Promise<(UserEntity & { passwordHash: string | null }) | null> {
    return this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email: normaliseEmail(email) })
      .getOne();
  }

  async findByEmail(email: string): Promise<UserEntity | null> {
    return this.dataSource.getRepository(UserEntity).findOneBy({ email: normaliseEmail(email) });
  }

  async findWithGrants(userId: string): Promise<UserWithGrants | null> {
    // findOneBy({ id: undefined }) would match any row: never let a missing id through.
    if (!userId) return null;
    // Both at once: every authenticated request waits for this (the grants of no user are none).
    const [user, grants] = await Promise.all([
      this.dataSource.getRepository(UserEntity).findOneBy({ id: userId }),
      grantsOf(this.dataSource.manager, userId),
    ]);
    return user ? { user, grants } : null;
  }

  /**
   * Cycle schools (row ids) whose workflow names this account, or its directory person, as the
   * school's curator or a document's expert (projected after each change): the assignment lets the
   * person read and review that school of that cycle without a grant, and ends when it is changed.
   */
  async assignedSchools(userId: string): Promise<string[]> {
    // One branch per index (curator account, curator person, documents' experts by account or person).
    const rows = await this.dataSource.query<{ id: string }[]>(
      `SELECT p.school_id AS id FROM school_progress p WHERE p.curator ->> 'userId' = $1
       UNION
       SELECT p.school_id FROM people pe JOIN school_progress p ON p.curator ->> 'personId' = pe.id::text
        WHERE pe.user_id = $1::uuid
       UNION
       SELECT p.school_id FROM school_progress p
        WHERE p.state -> 'documents' @> jsonb_build_array(jsonb_build_object('expert', jsonb_build_object('userId', $1::text)))
       UNION
       SELECT p.school_id FROM people pe
         JOIN school_progress p
           ON p.state -> 'documents' @> jsonb_build_array(jsonb_build_object('expert', jsonb_build_object('personId', pe.id::text)))
        WHERE pe.user_id = $1::uuid`,
      [userId],
    );
    return rows.map((r) => r.id);
  }

  async setActive(userId: string, isActive: boolean): Promise<boolean> {
    const result = await this.dataSource.getRepository(UserEntity).update({ id: userId }, { isActive });
    return (result.affected ?? 0) > 0;
  }

  /** Display names of the active curators granted each school, by school id. */
  /** Names of the active curators granted each directory school, keyed by its id. */
  async curatorsOfSchools(schoolIds: readonly string[]): Promise<Map<string, string[]>> {
    const bySchool = new Map<string, string[]>();
    if (!schoolIds.length) return bySchool;
    const rows = await this.dataSource
      .getRepository(RoleGrantEntity)
      .createQueryBuilder('g')
      .innerJoin('g.user', 'u')
      .select(['g.scopeValue AS "schoolId"', 'u.displayName AS "name"'])
      .where("g.role = 'curator' AND g.scopeKind = 'school' AND u.isActive AND g.scopeValue IN (:...ids)", {
        ids: [...schoolIds],
      })
      .orderBy('u.displayName')
      .getRawMany<{ schoolId: string; name: string }>();
    for (const r of rows) bySchool.set(r.schoolId, [...(bySchool.get(r.schoolId) ?? []), r.name]);
    return bySchool;
  }

  /** Every account with its grants, by e-mail. */
  async list(): Promise<UserWithGrants[]> {
    const users = await this.dataSource.getRepository(UserEntity).find({ order: { email: 'ASC' } });
    const grants = await this.dataSource.getRepository(RoleGrantEntity).find({ order: { createdAt: 'ASC' } });
    const byUser = new Map<string, RoleGrant[]>();
    for (const r of grants) {
      byUser.set(r.userId, [
        ...(byUser.get(r.userId) ?? []),
        { role: r.role, scopeKind: r.scopeKind, scopeValue: r.scopeValue === '' ? null : r.scopeValue },
      ]);
    }
    return users.map((user) => ({ user, grants: byUser.get(user.id) ?? [] }));
  }

  /** Replaces the account's grants (all or nothing) and its display name when given. */
  async update(userId: string, change: { displayName?: string; grants: RoleGrant[] }): Promise<UserWithGrants | null> {
    return this.dataSource.transaction(async (manager) => {
      const user = await manager.findOneBy(UserEntity, { id: userId });
      if (!user) return null;
      if (change.displayName !== undefined) {
        await manager.update(UserEntity, { id: userId }, { displayName: change.displayName });
        user.displayName = change.displayName;
      }
      await manager.delete(RoleGrantEntity, { userId });
      await insertGrants(manager, userId, change.grants);
      return { user, grants: await grantsOf(manager, userId) };
    });
  }

  async setPassword(userId: string, passwordHash: string): Promise<void> {
    await this.dataSource.getRepository(UserEntity).update({ id: userId }, { passwordHash });
  }
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

async function insertGrants(manager: EntityManager, userId: string, grants: RoleGrant[]): Promise<void> {
  if (!grants.length) return;
  await manager
    .createQueryBuilder()
    .insert()
    .into(RoleGrantEntity)
    .values(
      grants.map((g) => ({ userId, role: g.role, scopeKind: g.scopeKind, scopeValue: g.scopeValue?.trim() ?? '' })),
    )
    .orIgnore()
    .execute();
}

async function grantsOf(manager: EntityManager, userId: string): Promise<RoleGrant[]> {
  const rows = await manager.find(RoleGrantEntity, { where: { userId }, order: { createdAt: 'ASC' } });
  return rows.map((r) => ({
    role: r.role,
    scopeKind: r.scopeKind,
    scopeValue: r.scopeValue === '' ? null : r.scopeValue,
  }));
}
