import type { EntityManager } from 'typeorm';
import { directoryKey, FUZZY_MATCH_THRESHOLD, nameKey, nameSimilarity, tidyName } from '@orientir/domain';

/** A cycle's school as the directory sees it: its municipality by name (null: the cycle's own) and e-mails. */
export interface CycleSchoolLinkDraft {
  name: string;
  municipality: string | null;
  emails: string[];
  /** The directory school a person chose for this name (the name becomes its alias); else found by name or alias. */
  directorySchoolId?: string | null;
}

/** Where a cycle's school landed in the directory (index-aligned with the drafts). */
export interface CycleSchoolLink {
  municipalityId: string | null;
  directorySchoolId: string;
  organisationId: string;
}

const scopeKey = (scope: string, key: string) => `${scope}\u0000${key}`;

/**
 * Links every school of a cycle to the directory with a fixed number of set-based statements,
 * whatever the number of schools (a launch of 1,000 schools used to run ~15 round trips per school).
 * The result is the one the per-school find-or-create gives in draft order (ensureMunicipality,
 * ensureSchool, ensureOrganisation with the school, ensurePerson per e-mail): a repeated link adds
 * nothing, a found entry only gains what it lacked, and the first draft of a name or e-mail wins.
 * A school is found by its name or a confirmed spelling (an alias of its organisation) within its
 * municipality; a draft naming `directorySchoolId` takes that school, and its name becomes an alias.
 */
export async function linkCycleSchools(
  m: EntityManager,
  regionId: string,
  ownerMunicipalityId: string | null,
  drafts: CycleSchoolLinkDraft[],
): Promise<CycleSchoolLink[]> {
  if (!drafts.length) return [];
  const municipalityIds = await ensureMunicipalities(m, regionId, drafts);
  const placed = drafts.map((d) => ({
    municipalityId: d.municipality ? municipalityIds.get(nameKey(d.municipality))! : ownerMunicipalityId,
    fullName: d.name.trim(),
    key: directoryKey(d.name),
    email: d.emails[0]?.trim().toLowerCase() || null,
    chosenId: d.directorySchoolId ?? null,
  }));
  const schools = await ensureSchools(m, placed);
  const organisations = await ensureSchoolOrganisations(m, schools);
  await rememberChosenSpellings(m, placed, schools);
  await ensurePeople(
    m,
    drafts.flatMap((d, i) => d.emails.map((email) => ({ email, organisationId: organisations[i] }))),
  );
  return schools.map((s, i) => ({
    municipalityId: s.municipalityId,
    directorySchoolId: s.id,
    organisationId: organisations[i],
  }));
}

async function ensureMunicipalities(
  m: EntityManager,
  regionId: string,
  drafts: CycleSchoolLinkDraft[],
): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const d of drafts)
    if (d.municipality && !names.has(nameKey(d.municipality))) {
      names.set(nameKey(d.municipality), tidyName(d.municipality));
    }
  if (!names.size) return new Map();
  await m.query(
    `INSERT INTO municipalities (region_id, name, name_key)
     SELECT $1, n, k FROM unnest($2::text[], $3::text[]) AS v(n, k)
     ON CONFLICT (region_id, name_key) DO NOTHING`,
    [regionId, [...names.values()], [...names.keys()]],
  );
  const rows = (await m.query(`SELECT id, name_key FROM municipalities WHERE region_id = $1 AND name_key = ANY($2)`, [
    regionId,
    [...names.keys()],
  ])) as { id: string; name_key: string }[];
  return new Map(rows.map((r) => [r.name_key, r.id]));
}

interface PlacedSchool {
  municipalityId: string | null;
  fullName: string;
  key: string;
  email: string | null;
  chosenId: string | null;
}

interface LinkedSchool {
  id: string;
  municipalityId: string | null;
  /** The stored name (a found school keeps its spelling); its organisation is named after it. */
  fullName: string;
}

/**
 * Finds each school (the chosen one, else by name or alias within its municipality), fills a missing
 * e-mail, creates the rest.
 */
async function ensureSchools(m: EntityManager, placed: PlacedSchool[]): Promise<LinkedSchool[]> {
  // One entry per chosen school or (municipality, name key); the first draft names it, the first e-mail fills it.
  const groupOf = (p: PlacedSchool) => (p.chosenId ? `id:${p.chosenId}` : scopeKey(p.municipalityId ?? '', p.key));
  const groups = new Map<string, PlacedSchool>();
  for (const p of placed) {
    const first = groups.get(groupOf(p));
    if (!first) groups.set(groupOf(p), { ...p });
    else first.email ??= p.email;
  }
  const wanted = [...groups.values()].filter((w) => !w.chosenId);
  const chosen = [...groups.values()].filter((w) => w.chosenId);
  // By name first, then by a spelling confirmed for a school (an alias of the school's organisation).
  const found = (await m.query(
    `SELECT d.id, v.scope, v.k AS name_key, d.full_name, d.email, d.municipality_id, 0 AS rank
       FROM directory_schools d
       JOIN unnest($1::text[], $2::text[]) AS v(scope, k) ON coalesce(d.municipality_id::text, '') = v.scope AND d.name_key = v.k
     UNION ALL
     SELECT d.id, v.scope, v.k, d.full_name, d.email, d.municipality_id, 1
       FROM unnest($1::text[], $2::text[]) AS v(scope, k)
       JOIN organisation_aliases a ON a.municipality_scope = v.scope AND a.alias_key = v.k
       JOIN organisations o ON o.id = a.organisation_id
       JOIN directory_schools d ON d.id = o.school_id
     UNION ALL
     SELECT d.id, 'id:' || d.id::text, NULL, d.full_name, d.email, d.municipality_id, 0
       FROM directory_schools d WHERE d.id = ANY($3::uuid[])
     ORDER BY rank DESC`,
    [wanted.map((w) => w.municipalityId ?? ''), wanted.map((w) => w.key), chosen.map((c) => c.chosenId)],
  )) as {
    id: string;
    scope: string;
    name_key: string | null;
    full_name: string;
    email: string | null;
    municipality_id: string | null;
  }[];
  const linked = new Map<string, LinkedSchool>();
  const storedEmail = new Map<string, string | null>();
  // Rank descending: an exact name, read last, wins over an alias of the same spelling.
  for (const f of found) {
    const g = f.name_key === null ? f.scope : scopeKey(f.scope, f.name_key);
    const w = groups.get(g)!;
    linked.set(g, {
      id: f.id,
      municipalityId: w.chosenId ? f.municipality_id : w.municipalityId,
      fullName: f.full_name,
    });
    storedEmail.set(f.id, f.email);
  }
  const lacking = new Map<string, string>();
  // In draft order, like the per-school find-or-create: the first draft with an e-mail fills the gap.
  for (const [g, w] of groups) {
    const school = linked.get(g);
    if (school && !storedEmail.get(school.id) && w.email && !lacking.has(school.id)) lacking.set(school.id, w.email);
  }
  const missingChosen = chosen.filter((c) => !linked.has(groupOf(c)));
  if (missingChosen.length) throw new Error(`directory school ${missingChosen[0].chosenId} not found`);
  if (lacking.size) {
    await m.query(
      `UPDATE directory_schools d SET email = v.email FROM unnest($1::uuid[], $2::text[]) AS v(id, email)
        WHERE d.id = v.id AND (d.email IS NULL OR d.email = '')`,
      [[...lacking.keys()], [...lacking.values()]],
    );
  }
  const missing = wanted.filter((w) => !linked.has(groupOf(w)));
  if (missing.length) {
    const created = (await m.query(
      `INSERT INTO directory_schools (municipality_id, full_name, name_key, email)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[])
       RETURNING id, coalesce(municipality_id::text, '') AS scope, name_key, full_name`,
      [
        missing.map((w) => w.municipalityId),
        missing.map((w) => w.fullName),
        missing.map((w) => w.key),
        missing.map((w) => w.email),
      ],
    )) as { id: string; scope: string; name_key: string; full_name: string }[];
    for (const c of created) {
      const g = scopeKey(c.scope, c.name_key);
      linked.set(g, { id: c.id, municipalityId: groups.get(g)!.municipalityId, fullName: c.full_name });
    }
  }
  return placed.map((p) => linked.get(groupOf(p))!);
}

/**
 * Gives each of these schools its own organisation (the one whose aliases are the school's confirmed
 * spellings) where it has none: a school linked to a regional organisation of the same name, or to an
 * organisation of its municipality that predates it, had only that shared one. Set-based.
 */
export async function ensureOwnSchoolOrganisations(m: EntityManager, schoolIds: string[]): Promise<void> {
  if (!schoolIds.length) return;
  // An organisation of the school's municipality with its name and no school becomes the school's…
  await m.query(
    `UPDATE organisations o SET school_id = d.id, kind = 'school'
       FROM directory_schools d
      WHERE d.id = ANY($1::uuid[]) AND o.school_id IS NULL
        AND coalesce(o.municipality_id::text, '') = coalesce(d.municipality_id::text, '') AND o.name_key = d.name_key
        AND NOT EXISTS (SELECT 1 FROM organisations x WHERE x.school_id = d.id)`,
    [schoolIds],
  );
  // …else the school gets a new one.
  await m.query(
    `INSERT INTO organisations (municipality_id, name, name_key, kind, school_id)
     SELECT d.municipality_id, d.full_name, d.name_key, 'school', d.id FROM directory_schools d
      WHERE d.id = ANY($1::uuid[]) AND NOT EXISTS (SELECT 1 FROM organisations x WHERE x.school_id = d.id)
     ON CONFLICT DO NOTHING`,
    [schoolIds],
  );
}

/**
 * The names of drafts that named their directory school become aliases of its organisation (within
 * its municipality), unless the name is the school's own or the spelling already names something.
 */
async function rememberChosenSpellings(
  m: EntityManager,
  placed: PlacedSchool[],
  schools: LinkedSchool[],
): Promise<void> {
  const taught = placed.flatMap((p, i) =>
    p.chosenId && p.key !== directoryKey(schools[i].fullName)
      ? [{ schoolId: schools[i].id, alias: p.fullName, key: p.key }]
      : [],
  );
  if (!taught.length) return;
  await ensureOwnSchoolOrganisations(m, [...new Set(taught.map((t) => t.schoolId))]);
  await m.query(
    `INSERT INTO organisation_aliases (organisation_id, municipality_scope, alias, alias_key)
     SELECT o.id, coalesce(o.municipality_id::text, ''), v.alias, v.k
       FROM unnest($1::uuid[], $2::text[], $3::text[]) AS v(sid, alias, k) JOIN organisations o ON o.school_id = v.sid
      WHERE NOT EXISTS (SELECT 1 FROM organisations x
                         WHERE coalesce(x.municipality_id::text, '') = coalesce(o.municipality_id::text, '') AND x.name_key = v.k)
     ON CONFLICT (municipality_scope, alias_key) DO NOTHING`,
    [taught.map((t) => t.schoolId), taught.map((t) => t.alias), taught.map((t) => t.key)],
  );
}

/**
 * Each school's organisation, like ensureOrganisation(municipality, school name, school id): an exact
 * name or alias within the municipality; else, unless the municipality has a similar name, a regional
 * organisation of that exact name or alias; else a new organisation of the school. Answers the
 * organisation id per school.
 */
async function ensureSchoolOrganisations(m: EntityManager, schools: LinkedSchool[]): Promise<string[]> {
  const distinct = [...new Map(schools.map((s) => [s.id, s])).values()];
  const keys = [...new Set(distinct.map((s) => directoryKey(s.fullName)))];
  const scopes = [...new Set(distinct.map((s) => s.municipalityId ?? '')), ''];
  const pairs = scopes.flatMap((scope) => keys.map((key) => [scope, key] as const));
  const byPair = [pairs.map((p) => p[0]), pairs.map((p) => p[1])];
  const exact = new Map<string, string>();
  for (const r of (await m.query(
    `SELECT o.id, coalesce(o.municipality_id::text, '') AS scope, o.name_key AS key FROM organisations o
       JOIN unnest($1::text[], $2::text[]) AS v(scope, k) ON coalesce(o.municipality_id::text, '') = v.scope AND o.name_key = v.k`,
    byPair,
  )) as { id: string; scope: string; key: string }[])
    exact.set(scopeKey(r.scope, r.key), r.id);
  const alias = new Map<string, string>();
  for (const r of (await m.query(
    `SELECT a.organisation_id AS id, a.municipality_scope AS scope, a.alias_key AS key FROM organisation_aliases a
       JOIN unnest($1::text[], $2::text[]) AS v(scope, k) ON a.municipality_scope = v.scope AND a.alias_key = v.k`,
    byPair,
  )) as { id: string; scope: string; key: string }[])
    alias.set(scopeKey(r.scope, r.key), r.id);

  // Names a school of this batch adds to a municipality, in order: a later school's fuzzy check sees them.
  const added = new Map<string, string[]>();
  const candidates = new Map<string, string[]>();
  const similarInMunicipality = async (scope: string, name: string): Promise<boolean> => {
    if (!candidates.has(scope)) {
      const rows = (await m.query(`SELECT name FROM organisations WHERE coalesce(municipality_id::text, '') = $1`, [
        scope,
      ])) as { name: string }[];
      candidates.set(
        scope,
        rows.map((r) => r.name),
      );
    }
    return [...candidates.get(scope)!, ...(added.get(scope) ?? [])].some(
      (c) => nameSimilarity(name, c) >= FUZZY_MATCH_THRESHOLD,
    );
  };

  const organisationOf = new Map<string, string>();
  const toCreate: { scope: string; name: string; key: string; schoolId: string }[] = [];
  for (const s of distinct) {
    const scope = s.municipalityId ?? '';
    const key = directoryKey(s.fullName);
    const within = exact.get(scopeKey(scope, key)) ?? alias.get(scopeKey(scope, key));
    if (within) {
      organisationOf.set(s.id, within);
      continue;
    }
    const regional = scope ? (exact.get(scopeKey('', key)) ?? alias.get(scopeKey('', key))) : undefined;
    if (regional && !(await similarInMunicipality(scope, s.fullName))) {
      organisationOf.set(s.id, regional);
      continue;
    }
    // A new organisation; the placeholder resolves after the insert (another school may meet it by name).
    const placeholder = `new:${scopeKey(scope, key)}`;
    exact.set(scopeKey(scope, key), placeholder);
    added.set(scope, [...(added.get(scope) ?? []), s.fullName]);
    toCreate.push({ scope, name: s.fullName, key, schoolId: s.id });
    organisationOf.set(s.id, placeholder);
  }
  if (toCreate.length) {
    await m.query(
      `INSERT INTO organisations (municipality_id, name, name_key, kind, school_id)
       SELECT nullif(scope, '')::uuid, n, k, 'school', sid FROM unnest($1::text[], $2::text[], $3::text[], $4::uuid[]) AS v(scope, n, k, sid)
       ON CONFLICT DO NOTHING`,
      [
        toCreate.map((c) => c.scope),
        toCreate.map((c) => c.name),
        toCreate.map((c) => c.key),
        toCreate.map((c) => c.schoolId),
      ],
    );
    const stored = new Map(
      (
        (await m.query(
          `SELECT o.id, coalesce(o.municipality_id::text, '') AS scope, o.name_key AS key FROM organisations o
             JOIN unnest($1::text[], $2::text[]) AS v(scope, k) ON coalesce(o.municipality_id::text, '') = v.scope AND o.name_key = v.k`,
          [toCreate.map((c) => c.scope), toCreate.map((c) => c.key)],
        )) as { id: string; scope: string; key: string }[]
      ).map((r) => [`new:${scopeKey(r.scope, r.key)}`, r.id]),
    );
    for (const [schoolId, id] of organisationOf) {
      if (!id.startsWith('new:')) continue;
      const resolved = stored.get(id);
      if (!resolved) {
        throw new Error(`organisation «${toCreate.find((c) => c.schoolId === schoolId)?.name}» was not stored`);
      }
      organisationOf.set(schoolId, resolved);
    }
  }
  return schools.map((s) => organisationOf.get(s.id)!);
}

/**
 * ensurePerson per e-mail, all at once: a new person named by the e-mail joins the organisation
 * (and the account with that e-mail); a known one only gains an organisation it lacked. The first
 * school that lists an e-mail decides.
 */
async function ensurePeople(m: EntityManager, entries: { email: string; organisationId: string }[]): Promise<void> {
  const first = new Map<string, { fullName: string; organisationId: string }>();
  for (const e of entries) {
    const email = e.email.trim().toLowerCase();
    if (email && !first.has(email)) first.set(email, { fullName: e.email.trim(), organisationId: e.organisationId });
  }
  if (!first.size) return;
  const emails = [...first.keys()];
  const organisationIds = [...first.values()].map((v) => v.organisationId);
  await m.query(
    `UPDATE people p SET organisation_id = v.o FROM unnest($1::text[], $2::uuid[]) AS v(e, o)
      WHERE p.email = v.e AND p.organisation_id IS NULL`,
    [emails, organisationIds],
  );
  await m.query(
    `INSERT INTO people (full_name, email, organisation_id, user_id)
     SELECT v.n, v.e, v.o, u.id FROM unnest($1::text[], $2::text[], $3::uuid[]) AS v(n, e, o)
       LEFT JOIN users u ON u.email = v.e
     ON CONFLICT (email) DO NOTHING`,
    [[...first.values()].map((v) => v.fullName), emails, organisationIds],
  );
}
