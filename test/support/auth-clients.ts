import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { type RoleGrant } from '@orientir/auth';
import { hashPassword } from '@orientir/credentials';
import { DirectoryStore, UserStore } from '@orientir/persistence';
import { AuthService } from '../../apps/api/src/auth/auth.service';
import type { OrientirApps } from './orientir-apps';

type SupertestRequest = ReturnType<ReturnType<typeof request>['get']>;

export interface TestAccount {
  userId: string;
  email: string;
  password: string;
  grants: RoleGrant[];
}

export const ADMIN: RoleGrant[] = [{ role: 'admin', scopeKind: 'global', scopeValue: null }];

/** A request builder that always carries one caller's credentials (session cookie + CSRF header, or a bearer token). */
export class ApiClient {
  constructor(
    private readonly apps: OrientirApps,
    readonly account: TestAccount | null,
    private readonly headers: Record<string, string>,
  ) {}

  get(path: string): SupertestRequest {
    return this.with(request(this.apps.api.getHttpServer()).get(path));
  }

  post(path: string): SupertestRequest {
    return this.with(request(this.apps.api.getHttpServer()).post(path));
  }

  delete(path: string): SupertestRequest {
    return this.with(request(this.apps.api.getHttpServer()).delete(path));
  }

  request(method: 'get' | 'post' | 'put' | 'patch' | 'delete', path: string): SupertestRequest {
    return this.with(request(this.apps.api.getHttpServer())[method](path));
  }

  private with(test: SupertestRequest): SupertestRequest {
    for (const [name, value] of Object.entries(this.headers)) test.set(name, value);
    return test;
  }
}

/** Creates an account straight in the database (no API call, so no rate limit and no audit noise). */
export async function createAccount(
  apps: OrientirApps,
  grants: RoleGrant[],
  password = `пароль-${randomUUID()}`,
): Promise<TestAccount> {
  const email = `${grants[0]?.role ?? 'user'}-${randomUUID()}@test.orientir.local`;
  const stored = await directoryGrants(apps, grants);
  const { user } = await apps.api.get(UserStore).create({
    email,
    displayName: `Тест ${grants.map((g) => g.role).join(', ')}`,
    passwordHash: await hashPassword(password),
    grants: stored,
  });
  return { userId: user.id, email: user.email, password, grants: stored };
}

/**
 * Grants as the API stores them: names of a region or municipality and a cycle's school row become
 * directory ids. Straight into the database, like an old grant: a value naming nothing stays as it is.
 */
export async function directoryGrants(apps: OrientirApps, grants: RoleGrant[]): Promise<RoleGrant[]> {
  const directory = apps.api.get(DirectoryStore);
  const stored: RoleGrant[] = [];
  for (const g of grants) {
    const id =
      g.scopeKind === 'global' || !g.scopeValue
        ? null
        : await directory.grantScopeId(g.scopeKind, g.scopeValue, { addMunicipality: true });
    stored.push(id ? { ...g, scopeValue: id } : g);
  }
  return stored;
}

/** A browser-like caller: the session cookie and the CSRF token the page would echo. */
export async function sessionClient(apps: OrientirApps, account: TestAccount): Promise<ApiClient> {
  const session = await apps.api.get(AuthService).issueSession(account.userId, { ip: '127.0.0.1', userAgent: 'jest' });
  return new ApiClient(apps, account, {
    Cookie: `orientir_session=${session.sessionToken}; orientir_csrf=${session.csrfToken}`,
    'X-CSRF-Token': session.csrfToken,
  });
}

export async function clientWith(apps: OrientirApps, grants: RoleGrant[]): Promise<ApiClient> {
  return sessionClient(apps, await createAccount(apps, grants));
}

export function anonymousClient(apps: OrientirApps): ApiClient {
  return new ApiClient(apps, null, {});
}
