import { executorGroupOf, type ExecutorGroup } from '@orientir/domain';

/** Anything that runs SQL (a DataSource or an EntityManager). */
export interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/** Someone a reminder reaches; no personId: an address with no directory person (a school's own e-mail, an account). */
export interface Recipient {
  personId?: string;
  name: string;
  email: string;
}

/** The cycle groups among an event's executors (names that stand for its schools or curators), by name. */
export function executorGroups(executors: readonly { name: string }[]): Map<string, ExecutorGroup> {
  const groups = new Map<string, ExecutorGroup>();
  for (const x of executors) {
    const group = executorGroupOf(x.name);
    if (group) groups.set(x.name, group);
  }
  return groups;
}

/** One address once, a directory person's row preferred (its mode and links apply). */
export function uniqueByEmail(recipients: Recipient[]): Recipient[] {
  const byEmail = new Map<string, Recipient>();
  for (const r of recipients) {
    const key = r.email.trim().toLowerCase();
    const seen = byEmail.get(key);
    if (!seen || (!seen.personId && r.personId)) byEmail.set(key, { ...r, email: key });
  }
  return [...byEmail.values()].sort((a, b) => a.email.localeCompare(b.email));
}

/**
 * Who a school reaches, per directory school: the active contact people of its organisation with an
 * e-mail, the school's own e-mail, and the active accounts granted school_team on it (a grant may
 * still name a cycle's school row: `rowIds` maps those to their directory school).
 */
export async function schoolReach(
  db: Queryable,
  directorySchoolIds: string[],
  rowIds: ReadonlyMap<string, string> = new Map(),
): Promise<Map<string, Recipient[]>> {
  const reach = new Map<string, Recipient[]>();
  if (!directorySchoolIds.length) return reach;
  const rows = (await db.query(
    `SELECT o.school_id::text AS scope, p.id AS "personId", p.full_name AS name, p.email
       FROM organisations o JOIN people p ON p.organisation_id = o.id
      WHERE o.school_id = ANY($1::uuid[]) AND p.is_contact AND p.active AND p.email IS NOT NULL
     UNION ALL
     SELECT d.id::text, NULL, coalesce(d.short_name, d.full_name), d.email
       FROM directory_schools d WHERE d.id = ANY($1::uuid[]) AND d.email IS NOT NULL AND d.email <> ''
     UNION ALL
     SELECT g.scope_value, p.id, coalesce(p.full_name, u.display_name), u.email
       FROM role_grants g JOIN users u ON u.id = g.user_id AND u.is_active
       LEFT JOIN people p ON p.user_id = u.id
      WHERE g.role = 'school_team' AND g.scope_kind = 'school' AND g.scope_value = ANY($2::text[])`,
    [directorySchoolIds, [...directorySchoolIds, ...rowIds.keys()]],
  )) as { scope: string; personId: string | null; name: string; email: string }[];
  for (const r of rows) {
    const schoolId = rowIds.get(r.scope) ?? r.scope;
    const recipient: Recipient = { name: r.name, email: r.email, ...(r.personId ? { personId: r.personId } : {}) };
    reach.set(schoolId, [...(reach.get(schoolId) ?? []), recipient]);
  }
  return reach;
}

/**
 * The people each group reaches in one cycle: for schools, the reach of the cycle's participating
 * schools of its categories; for curators, the people assigned in this cycle to such schools (to any
 * school when the group names no category). Keyed like `groups`.
 */
export async function cycleGroupRecipients(
  db: Queryable,
  cycleId: string,
  groups: ReadonlyMap<string, ExecutorGroup>,
): Promise<Map<string, Recipient[]>> {
  const result = new Map<string, Recipient[]>([...groups.keys()].map((k) => [k, []]));
  if (!groups.size) return result;
  const schools = (await db.query(
    `SELECT id, directory_school_id AS "directorySchoolId", category FROM schools
      WHERE cycle_id = $1 AND directory_school_id IS NOT NULL`,
    [cycleId],
  )) as { id: string; directorySchoolId: string; category: string }[];
  const inGroup = (group: ExecutorGroup, category: string) =>
    !group.categories || (group.categories as string[]).includes(category);
  const kinds = new Set([...groups.values()].map((g) => g.kind));
  const reach = kinds.has('schools')
    ? await schoolReach(
        db,
        [...new Set(schools.map((s) => s.directorySchoolId))],
        new Map(schools.map((s) => [s.id, s.directorySchoolId])),
      )
    : new Map<string, Recipient[]>();
  const curators = kinds.has('curators')
    ? ((await db.query(
        `SELECT a.directory_school_id AS "directorySchoolId", p.id AS "personId", p.full_name AS name, p.email
           FROM curator_assignments a JOIN people p ON p.id = a.person_id
          WHERE a.cycle_id = $1 AND p.active AND p.email IS NOT NULL`,
        [cycleId],
      )) as { directorySchoolId: string; personId: string; name: string; email: string }[])
    : [];
  const categoryOf = new Map(schools.map((s) => [s.directorySchoolId, s.category]));
  for (const [key, group] of groups) {
    const found =
      group.kind === 'schools'
        ? schools.filter((s) => inGroup(group, s.category)).flatMap((s) => reach.get(s.directorySchoolId) ?? [])
        : curators
            .filter((c) => !group.categories || inGroup(group, categoryOf.get(c.directorySchoolId) ?? ''))
            .map(({ personId, name, email }) => ({ personId, name, email }));
    result.set(key, uniqueByEmail(found));
  }
  return result;
}
