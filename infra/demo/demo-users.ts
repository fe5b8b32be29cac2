// Demo accounts for every role, created at each demo start with fresh random passwords that
// the start command prints. Scopes point at the demo cycle, so each login shows its own slice.
import { DataSource } from 'typeorm';
import { ROLE_TITLES_RU, type Role, type RoleGrant } from '@orientir/auth';
import { hashPassword, issueToken, randomPassword } from '@orientir/credentials';
import {
  CredentialStore,
  CycleStore,
  DirectoryStore,
  LaunchStore,
  UserStore,
  createDataSourceOptions,
} from '@orientir/persistence';
import { launchDemoCycle } from './demo-launcher';

export const DEMO_MUNICIPALITY = 'г. Иркутск';
const DOMAIN = 'demo.orientir.local';

export interface DemoLogin {
  role: Role;
  email: string;
  password: string;
  scope: string;
}

/** Launches (or finds) the demo cycle as the demo admin, then gives every other role a scope inside it. */
export async function launchDemoWithUsers(o: {
  root: string;
  apiUrl: string;
  stateFile: string;
  databaseUrl: string;
}): Promise<{ cycleId: string; summary: string; logins: DemoLogin[] }> {
  const dataSource = new DataSource(createDataSourceOptions(o.databaseUrl, 2));
  await dataSource.initialize();
  try {
    const users = new UserStore(dataSource);
    const credentials = new CredentialStore(dataSource);
    const account = async (
      role: Role,
      local: string,
      name: string,
      grants: RoleGrant[],
      scope: string,
    ): Promise<DemoLogin> => {
      const password = randomPassword(16);
      const email = `${local}@${DOMAIN}`;
      await users.upsert({ email, displayName: name, passwordHash: await hashPassword(password), grants });
      return { role, email, password, scope };
    };

    const admin = await account(
      'admin',
      'admin',
      'Демо: администратор',
      [{ role: 'admin', scopeKind: 'global', scopeValue: null }],
      'вся система',
    );
    const adminId = (await users.findByEmail(admin.email))!.id;
    // A token that lives only as long as the launch; revoked right after.
    const issued = issueToken('api');
    const token = await credentials.createApiToken({
      userId: adminId,
      name: 'демо: запуск цикла',
      tokenHash: issued.hash,
      expiresAt: new Date(Date.now() + 10 * 60_000),
    });
    let demo: Awaited<ReturnType<typeof launchDemoCycle>>;
    try {
      demo = await launchDemoCycle({
        root: o.root,
        apiUrl: o.apiUrl,
        stateFile: o.stateFile,
        token: issued.token,
        municipality: DEMO_MUNICIPALITY,
      });
    } finally {
      await credentials.revokeApiToken(adminId, token.id);
    }

    const region = process.env.REGION?.trim() || 'Иркутская область';
    const directory = new DirectoryStore(dataSource, region);
    const stored = await new CycleStore(dataSource, directory, new LaunchStore(dataSource)).find(demo.cycleId);
    if (!stored) throw new Error(`demo cycle ${demo.cycleId} is not in the database`);
    const municipality =
      stored.cycle.municipality ?? stored.schools.find((s) => s.municipality)?.municipality ?? DEMO_MUNICIPALITY;
    const municipalityId = (await directory.ensureMunicipality(municipality)).row.id;
    const [first, second] = stored.schools;
    const executor = stored.events.flatMap((e) => e.executors).find((x) => x.organisationId);
    const organisation = executor?.name ?? 'Муниципальный координатор';
    // Grants name directory entries, so the same accounts carry over to next year's cycle.
    const school = (id: string | null | undefined): RoleGrant[] =>
      id ? [{ role: 'school_team', scopeKind: 'school', scopeValue: id }] : [];
    const logins = [
      admin,
      await account(
        'regional_coordinator',
        'region',
        'Демо: региональный координатор',
        [{ role: 'regional_coordinator', scopeKind: 'region', scopeValue: await directory.regionId() }],
        region,
      ),
      await account(
        'municipal_coordinator',
        'municipality',
        'Демо: муниципальный координатор',
        [{ role: 'municipal_coordinator', scopeKind: 'municipality', scopeValue: municipalityId }],
        municipality,
      ),
      await account(
        'curator',
        'curator',
        'Демо: куратор',
        [first, second]
          .filter(Boolean)
          .map((s) => ({ role: 'curator' as const, scopeKind: 'school' as const, scopeValue: s.directorySchoolId })),
        [first, second]
          .filter(Boolean)
          .map((s) => s.name)
          .join('; '),
      ),
      await account(
        'school_team',
        'school',
        'Демо: команда школы',
        school(first?.directorySchoolId),
        first?.name ?? '—',
      ),
      await account(
        'executor',
        'executor',
        'Демо: исполнитель',
        executor?.organisationId
          ? [{ role: 'executor', scopeKind: 'organisation', scopeValue: executor.organisationId }]
          : [],
        organisation,
      ),
      await account(
        'supervisor',
        'supervisor',
        'Демо: наблюдатель',
        [{ role: 'supervisor', scopeKind: 'global', scopeValue: null }],
        'все, только чтение',
      ),
    ];
    return { ...demo, logins };
  } finally {
    await dataSource.destroy();
  }
}

export function formatDemoLogins(logins: DemoLogin[]): string[] {
  return logins.map(
    (l) => `    ${ROLE_TITLES_RU[l.role].padEnd(30)} ${l.email.padEnd(36)} пароль: ${l.password}   (${l.scope})`,
  );
}
