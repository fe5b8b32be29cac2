import { randomUUID } from 'node:crypto';
import { ROLES, type Role, type RoleGrant } from '@orientir/auth';
import { ACCESS_RULE, type AccessRule } from '../../apps/api/src/auth/access.decorator';
import { discoverRoutes } from '../../apps/api/src/common/route-discovery.util';
import { anonymousClient, createAccount, sessionClient, type TestAccount } from '../support/auth-clients';
import { startOrientirApps, type OrientirApps } from '../support/orientir-apps';

type Caller = 'anonymous' | Role;
type Outcome = 'allowed' | 'denied' | 'unauthenticated';

const EVERY_ROLE = ROLES;
const COORDINATORS: readonly Role[] = ['admin', 'regional_coordinator', 'municipal_coordinator'];

/**
 * THE authorization table: every route of the API and which roles may call it. A route the app
 * serves but this table lacks fails the test, and so does a route whose handler declares no rule.
 * Scope (which municipality, which school) is tested in access-scope.int-spec.ts.
 */
const MATRIX: Record<string, 'public' | readonly Role[]> = {
  'GET /api/health': 'public',
  'POST /api/links/redeem': 'public',
  'POST /api/notifications/unsubscribe': 'public',
  'GET /api/notifications/preference': 'public',
  'PUT /api/notifications/preference': 'public',
  'GET /api/notifications/opted-out': COORDINATORS,
  'GET /api/notifications/templates': COORDINATORS,
  'GET /api/health/live': 'public',
  'GET /api/health/details': ['admin'],
  'POST /api/auth/login': 'public',
  'POST /api/auth/password-reset': 'public',
  'POST /api/auth/password-reset/confirm': 'public',
  'POST /api/auth/logout': EVERY_ROLE,
  'POST /api/auth/logout-everywhere': EVERY_ROLE,
  'GET /api/auth/me': EVERY_ROLE,
  'POST /api/auth/tokens': EVERY_ROLE,
  'GET /api/auth/tokens': EVERY_ROLE,
  'DELETE /api/auth/tokens/:id': EVERY_ROLE,
  'GET /api/users': ['admin'],
  'POST /api/users': ['admin'],
  'PUT /api/users/:id': ['admin'],
  'GET /api/audit': ['admin', 'regional_coordinator', 'municipal_coordinator', 'supervisor'],
  'GET /api/mail': COORDINATORS,
  'GET /api/calendar': COORDINATORS,
  'POST /api/calendar/import': ['admin', 'regional_coordinator'],
  'PUT /api/calendar/days/:date': ['admin', 'regional_coordinator'],
  'DELETE /api/calendar/days/:date': ['admin', 'regional_coordinator'],
  'DELETE /api/calendar/years/:year': ['admin', 'regional_coordinator'],
  'GET /api/cycles': EVERY_ROLE,
  'POST /api/cycles': COORDINATORS,
  'GET /api/cycles/:id': EVERY_ROLE,
  'POST /api/cycles/:id/launch': COORDINATORS,
  'GET /api/cycles/:id/school-year-settings': EVERY_ROLE,
  'PUT /api/cycles/:id/school-year-settings': COORDINATORS,
  'PUT /api/cycles/:id/escalation-chain': COORDINATORS,
  'GET /api/schools/:id': EVERY_ROLE,
  'GET /api/schools/:id/timeline': EVERY_ROLE,
  'GET /api/schools/:id/cycles': EVERY_ROLE,
  'POST /api/schools/:id/risk-profile': COORDINATORS,
  'POST /api/schools/:id/self-diagnosis': ['school_team'],
  'POST /api/schools/:id/documents': ['school_team'],
  'POST /api/schools/:id/documents/:key/review': ['curator', ...COORDINATORS],
  'PUT /api/schools/:id/documents/:key/expert': COORDINATORS,
  'POST /api/schools/:id/checkpoints/:checkpointId': ['school_team'],
  'POST /api/schools/:id/checkpoints/:checkpointId/review': ['curator', ...COORDINATORS],
  'POST /api/schools/:id/report': ['school_team'],
  'POST /api/schools/:id/report/decision': COORDINATORS,
  'POST /api/schools/:id/deadline-extension': COORDINATORS,
  'PUT /api/schools/:id/curator': COORDINATORS,
  'POST /api/schools/:id/withdrawal': COORDINATORS,
  'GET /api/cycles/:id/launch': EVERY_ROLE,
  'GET /api/cycles/:id/schools': EVERY_ROLE,
  'POST /api/cycles/:id/schools': COORDINATORS,
  'POST /api/cycles/:id/risk-profiles/import': COORDINATORS,
  'POST /api/cycles/:id/risk-profiles/import/confirm': COORDINATORS,
  'POST /api/cycles/:cycleId/schools/:schoolId/files': ['admin', 'municipal_coordinator', 'school_team'],
  'GET /api/cycles/:cycleId/schools/:schoolId/files': EVERY_ROLE,
  'GET /api/cycles/:id/events': EVERY_ROLE,
  'GET /api/cycles/:id/events-summary': EVERY_ROLE,
  'GET /api/cycles/:id/report': EVERY_ROLE,
  'GET /api/events/mine': EVERY_ROLE,
  'GET /api/events/:id': EVERY_ROLE,
  'POST /api/events/:id/files': [...COORDINATORS, 'executor', 'school_team'],
  'POST /api/events/:id/evidence': [...COORDINATORS, 'executor', 'school_team'],
  'PATCH /api/events/:id/evidence/:evidenceId': COORDINATORS,
  'POST /api/events/:id/evidence/:evidenceId/remove': COORDINATORS,
  'POST /api/events/:id/schedule': COORDINATORS,
  'POST /api/events/:id/close': COORDINATORS,
  'POST /api/events/:id/verdict': COORDINATORS,
  'GET /api/files/:id': EVERY_ROLE,
  'GET /api/files/:id/content': EVERY_ROLE,
  'POST /api/roadmaps/import': COORDINATORS,
  'GET /api/roadmaps': [...COORDINATORS, 'supervisor'],
  'GET /api/directory/municipalities': COORDINATORS,
  'GET /api/directory/schools': COORDINATORS,
  'GET /api/directory/organisations': COORDINATORS,
  'GET /api/directory/people': COORDINATORS,
  'POST /api/directory/import': COORDINATORS,
  'POST /api/directory/import/confirm': COORDINATORS,
  'POST /api/directory/people-import': COORDINATORS,
  'POST /api/directory/people-import/confirm': COORDINATORS,
  'PATCH /api/directory/schools/:id': COORDINATORS,
  'PATCH /api/directory/people/:id': COORDINATORS,
  'POST /api/directory/executor-links': COORDINATORS,
  'POST /api/directory/executor-matches': COORDINATORS,
  'POST /api/directory/school-matches': COORDINATORS,
  'POST /api/directory/organisations/:id/aliases': COORDINATORS,
  'DELETE /api/directory/organisations/:id/aliases': COORDINATORS,
  'POST /api/directory/people/:id/invitation': COORDINATORS,
  'GET /api/directory/events/:id/assignees': COORDINATORS,
  'PUT /api/directory/events/:id/assignees': COORDINATORS,
  'POST /api/users/:id/deactivation': COORDINATORS,
  'POST /api/users/:id/activation': COORDINATORS,
  'PUT /api/users/:id/grants': COORDINATORS,
  'POST /api/roadmaps': COORDINATORS,
  'GET /api/roadmaps/:id': [...COORDINATORS, 'supervisor'],
  'GET /api/roadmaps/:id/launch-preview': [...COORDINATORS, 'supervisor'],
  'GET /api/roadmaps/:id/export': [...COORDINATORS, 'supervisor'],
  'POST /api/roadmaps/:id/cycles': COORDINATORS,
};

/** One grant per role, each with a plausible scope; role-level rules do not depend on it. */
const GRANT_OF: Record<Role, RoleGrant> = {
  admin: { role: 'admin', scopeKind: 'global', scopeValue: null },
  regional_coordinator: { role: 'regional_coordinator', scopeKind: 'region', scopeValue: 'Иркутская область' },
  municipal_coordinator: { role: 'municipal_coordinator', scopeKind: 'municipality', scopeValue: 'г. Матрица' },
  curator: { role: 'curator', scopeKind: 'school', scopeValue: randomUUID() },
  school_team: { role: 'school_team', scopeKind: 'school', scopeValue: randomUUID() },
  executor: { role: 'executor', scopeKind: 'organisation', scopeValue: 'МКУ «ИМЦРО»' },
  supervisor: { role: 'supervisor', scopeKind: 'global', scopeValue: null },
};

interface DiscoveredRoute {
  key: string;
  method: string;
  path: string;
  rule: AccessRule | undefined;
}

/** Every handler of every controller in the running Nest app, with its declared access rule. */
function discoverNestRoutes(apps: OrientirApps): DiscoveredRoute[] {
  return discoverRoutes(apps.api).map(({ key, method, path, handler }) => ({
    key,
    method,
    path,
    rule: Reflect.getMetadata(ACCESS_RULE, handler) as AccessRule | undefined,
  }));
}

/** Routes Express itself serves under /api, to catch anything mounted outside Nest's controllers (and so outside the guard). */
function expressRoutes(apps: OrientirApps): string[] {
  const express = apps.api.getHttpAdapter().getInstance() as {
    router?: { stack: ExpressLayer[] };
    _router?: { stack: ExpressLayer[] };
  };
  const stack = (express.router ?? express._router)?.stack ?? [];
  return stack.flatMap((layer) =>
    layer.route
      ? Object.keys(layer.route.methods)
          .filter((m) => layer.route!.methods[m])
          .map((m) => `${m.toUpperCase()} ${layer.route!.path}`)
      : [],
  );
}

interface ExpressLayer {
  route?: { path: string; methods: Record<string, boolean> };
}

/** Documentation served by Swagger straight through Express: public by design, no data. */
const OUTSIDE_NEST = [/^GET \/api\/docs/];

const CALLERS: Caller[] = ['anonymous', ...ROLES];

function expected(rule: 'public' | readonly Role[], caller: Caller): Outcome {
  if (rule === 'public') return 'allowed';
  if (caller === 'anonymous') return 'unauthenticated';
  return rule.includes(caller) ? 'allowed' : 'denied';
}

describe('authorization matrix: every route × every role', () => {
  let apps: OrientirApps;
  let routes: DiscoveredRoute[];
  const accounts = new Map<Role, TestAccount>();

  beforeAll(async () => {
    apps = await startOrientirApps();
    routes = discoverNestRoutes(apps);
    for (const role of ROLES) accounts.set(role, await createAccount(apps, [GRANT_OF[role]]));
  });

  afterAll(async () => {
    await apps?.close();
  });

  it('finds the routes (the discovery itself works)', () => {
    expect(routes.map((r) => r.key)).toEqual(
      expect.arrayContaining(['GET /api/health', 'POST /api/cycles', 'GET /api/cycles/:id']),
    );
  });

  it('every route declares a rule (@Public or @Allow)', () => {
    expect(routes.filter((r) => !r.rule).map((r) => r.key)).toEqual([]);
  });

  it('every route is in the table, and the table names no route that does not exist', () => {
    const served = routes.map((r) => r.key).sort();
    expect(served.filter((k) => !(k in MATRIX))).toEqual([]);
    expect(Object.keys(MATRIX).filter((k) => !served.includes(k))).toEqual([]);
  });

  it('Express serves nothing under /api that Nest (and so the guard) does not know', () => {
    const served = expressRoutes(apps);
    expect(served).toContain('GET /api/health'); // the router stack is really being read
    const known = new Set(routes.map((r) => r.key));
    const stray = served.filter(
      (k) => / \/api(\/|$)/.test(k) && !known.has(k) && !OUTSIDE_NEST.some((re) => re.test(k)),
    );
    expect(stray).toEqual([]);
  });

  it('the declared rules say what the table says', () => {
    const declared = Object.fromEntries(
      routes.map((r) => [r.key, r.rule ? (r.rule.public ? 'public' : [...r.rule.roles].sort()) : 'NO RULE']),
    );
    const table = Object.fromEntries(
      routes.map((r) => {
        const row = MATRIX[r.key];
        return [r.key, row === undefined ? 'NOT IN TABLE' : row === 'public' ? 'public' : [...row].sort()];
      }),
    );
    expect(declared).toEqual(table);
  });

  it('the running API answers every route × caller as the table says', async () => {
    const actual: Record<string, Record<Caller, Outcome | string>> = {};
    const wanted: Record<string, Record<Caller, Outcome | string>> = {};
    for (const route of routes) {
      const rule = MATRIX[route.key];
      actual[route.key] = {} as Record<Caller, Outcome>;
      wanted[route.key] = {} as Record<Caller, Outcome>;
      // Random ids: an allowed caller reaches the handler and gets 400/404, never 401/403 from the guard.
      const path = route.path.replace(/:[A-Za-z]+/g, () => randomUUID());
      for (const caller of CALLERS) {
        // A fresh session per request: logout revokes the one it is given.
        const client =
          caller === 'anonymous' ? anonymousClient(apps) : await sessionClient(apps, accounts.get(caller)!);
        const res = await client.request(route.method.toLowerCase() as 'get', path).send({});
        actual[route.key][caller] = outcomeOf(res.status, (res.body as { error?: string }).error);
        wanted[route.key][caller] = rule === undefined ? 'NOT IN TABLE' : expected(rule, caller);
      }
    }
    expect(actual).toEqual(wanted);
  });
});

function outcomeOf(status: number, error: string | undefined): Outcome | string {
  if (status === 401 && error === 'UNAUTHENTICATED') return 'unauthenticated';
  if (status === 403 && (error === 'ROLE_NOT_ALLOWED' || error === 'ROUTE_WITHOUT_RULE')) return 'denied';
  if (status === 401 || status === 403 || status === 429 || status >= 500)
    return `unexpected ${status} ${error ?? ''}`.trim();
  return 'allowed';
}
