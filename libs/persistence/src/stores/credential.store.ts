import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import type { RoleGrant } from '@orientir/auth';
import { ApiTokenEntity, PasswordResetEntity, SessionEntity } from '../entities';

/** A live API token with the account that holds it (as UserStore.findWithGrants reads it). */
export interface UsedApiToken {
  id: string;
  userId: string;
  holder: { email: string; displayName: string; isActive: boolean; grants: RoleGrant[] };
}

export interface NewSession {
  userId: string;
  tokenHash: string;
  csrfHash: string;
  expiresAt: Date;
  ip: string | null;
  userAgent: string | null;
}

/** Sessions, personal API tokens and password resets. Every secret arrives here already hashed. */
@Injectable()
export class CredentialStore {
  constructor(private readonly dataSource: DataSource) {}

  async createSession(session: NewSession): Promise<SessionEntity> {
    const repo = this.dataSource.getRepository(SessionEntity);
    return repo.save(repo.create({ ...session, revokedAt: null }));
  }

  async findActiveSession(tokenHash: string): Promise<SessionEntity | null> {
    return this.dataSource
      .getRepository(SessionEntity)
      .createQueryBuilder('s')
      .where('s.token_hash = :tokenHash AND s.revoked_at IS NULL AND s.expires_at > now()', { tokenHash })
      .getOne();
  }

  async revokeSession(id: string): Promise<void> {
    await this.dataSource.getRepository(SessionEntity).update({ id, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  /**
   * Everything that lets someone in without the new password: sessions, API tokens and every
   * outstanding reset link. One transaction, so no credential is left half-revoked.
   */
  async revokeAllCredentials(userId: string, keep: { sessionId?: string } = {}): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL AND id IS DISTINCT FROM $2`,
        [userId, keep.sessionId ?? null],
      );
      await manager.query(`UPDATE api_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [
        userId,
      ]);
      await manager.query(`UPDATE password_resets SET used_at = now() WHERE user_id = $1 AND used_at IS NULL`, [
        userId,
      ]);
    });
  }

  async createApiToken(token: {
    userId: string;
    name: string;
    tokenHash: string;
    expiresAt: Date;
  }): Promise<ApiTokenEntity> {
    const repo = this.dataSource.getRepository(ApiTokenEntity);
    const saved = await repo.save(repo.create({ ...token, revokedAt: null, lastUsedAt: null }));
    delete (saved as Partial<ApiTokenEntity>).tokenHash;
    return saved;
  }

  /**
   * Finds a live token and notes its use in the same statement, with its holder and the holder's
   * grants: one round trip for a bearer request's authentication (docs/performance.md).
   */
  async useApiToken(tokenHash: string): Promise<UsedApiToken | null> {
    const rows = returned<{
      id: string;
      user_id: string;
      email: string;
      display_name: string;
      is_active: boolean;
      grants: { role: RoleGrant['role']; scopeKind: RoleGrant['scopeKind']; scopeValue: string }[];
    }>(
      // last_used_at is touched at most once a minute: a write (and its commit flush) on every
      // request was most of a dashboard read's time (docs/performance.md).
      await this.dataSource.query(
        `WITH token AS (
           SELECT id, user_id, last_used_at FROM api_tokens
           WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > now()
         ), touched AS (
           UPDATE api_tokens t SET last_used_at = now() FROM token
           WHERE t.id = token.id AND (token.last_used_at IS NULL OR token.last_used_at < now() - interval '1 minute')
         )
         SELECT token.id, token.user_id, u.email, u.display_name, u.is_active,
                coalesce((SELECT json_agg(json_build_object('role', g.role, 'scopeKind', g.scope_kind, 'scopeValue', g.scope_value)
                                          ORDER BY g.created_at)
                            FROM role_grants g WHERE g.user_id = token.user_id), '[]') AS grants
           FROM token JOIN users u ON u.id = token.user_id`,
        [tokenHash],
      ),
    );
    const row = rows[0];
    if (!row) return null;
    return {
      id: row.id,
      userId: row.user_id,
      holder: {
        email: row.email,
        displayName: row.display_name,
        isActive: row.is_active,
        grants: row.grants.map((g) => ({ ...g, scopeValue: g.scopeValue === '' ? null : g.scopeValue })),
      },
    };
  }

  async listApiTokens(userId: string): Promise<ApiTokenEntity[]> {
    return this.dataSource.getRepository(ApiTokenEntity).find({ where: { userId }, order: { createdAt: 'DESC' } });
  }

  /** Only the owner's own token; returns false when there is none to revoke. */
  async revokeApiToken(userId: string, id: string): Promise<boolean> {
    const result = await this.dataSource
      .getRepository(ApiTokenEntity)
      .update({ id, userId, revokedAt: IsNull() }, { revokedAt: new Date() });
    return (result.affected ?? 0) > 0;
  }

  async createPasswordReset(reset: {
    userId: string;
    tokenHash: string;
    expiresAt: Date;
  }): Promise<PasswordResetEntity> {
    const repo = this.dataSource.getRepository(PasswordResetEntity);
    return repo.save(repo.create({ ...reset, usedAt: null }));
  }

  /** Single use, atomically: of two concurrent confirmations only one gets the user id. */
  async consumePasswordReset(tokenHash: string): Promise<string | null> {
    const rows = returned<{ user_id: string }>(
      await this.dataSource.query(
        `UPDATE password_resets SET used_at = now()
       WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()
       RETURNING user_id`,
        [tokenHash],
      ),
    );
    return rows[0]?.user_id ?? null;
  }
}

/** TypeORM answers `UPDATE … RETURNING` on PostgreSQL as `[rows, affectedCount]`, not as rows. */
function returned<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number')
    return result[0] as T[];
  return Array.isArray(result) ? (result as T[]) : [];
}
