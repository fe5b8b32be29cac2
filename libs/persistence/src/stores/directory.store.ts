import { Inject, Injectable, Optional } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { Role, RoleGrant, ScopeKind } from '@orientir/auth';
import {
  directoryKey,
  FUZZY_MATCH_THRESHOLD,
  guessOrganisationKind,
  schoolMatcher,
  nameKey,
  nameSimilarity,
  tidyName,
  type OrganisationKind,
  type SchoolMatchCandidate,
} from '@orientir/domain';
import {
  DirectorySchoolEntity,
  EventAssigneeEntity,
  MunicipalityEntity,
  OrganisationEntity,
  PersonEntity,
} from '../entities';
import {
  ensureOwnSchoolOrganisations,
  linkCycleSchools,
  type CycleSchoolLink,
  type CycleSchoolLinkDraft,
} from './cycle-school-links.util';
import {
  cycleGroupRecipients,
  executorGroups,
  uniqueByEmail,
  type Queryable,
  type Recipient,
} from './executor-group-recipients.util';

export interface SchoolDraft {
  municipalityId: string | null;
  fullName: string;
  /** The directory school a person chose for this spelling; the spelling becomes its alias. */
  directorySchoolId?: string | null;
  shortName?: string | null;
  officialCode?: string | null;
  director?: string | null;
  email?: string | null;
  address?: string | null;
}

export interface PersonDraft {
  fullName: string;
  position?: string | null;
  email?: string | null;
  phone?: string | null;
  organisationId: string | null;
}

export type OrganisationMatch =
  | { kind: 'exact' | 'alias'; organisation: OrganisationEntity }
  | { kind: 'fuzzy'; organisation: OrganisationEntity; similarity: number }
  | { kind: 'none' };

export type SchoolMatch =
  | { kind: 'exact' | 'alias'; school: DirectorySchoolEntity }
  | { kind: 'fuzzy'; school: DirectorySchoolEntity; similarity: number }
  | { kind: 'none' };

/** Whether a find-or-create found the row or made it (and, for a found row, changed it); imports count these. */
export interface Ensured<T> {
  row: T;
  created: boolean;
  updated?: boolean;
  /** A school found by a person's choice whose spelling the directory now knows as an alias. */
  aliasAdded?: string;
}

export type SchoolPatch = Partial<
  Pick<
    DirectorySchoolEntity,
    'municipalityId' | 'fullName' | 'shortName' | 'officialCode' | 'director' | 'email' | 'address' | 'active'
  >
>;

export type PersonPatch = Partial<
  Pick<PersonEntity, 'fullName' | 'position' | 'email' | 'phone' | 'organisationId' | 'isContact' | 'active'>
>;

/** An edit the database refused because another entry already holds the value; names the field. */
export class DirectoryConflictError extends Error {
  constructor(readonly field: 'fullName' | 'officialCode' | 'email') {
    super(`directory conflict on ${field}`);
  }
}

const CONFLICT_FIELDS: Record<string, DirectoryConflictError['field']> = {
  directory_schools_name_uq: 'fullName',
  directory_schools_code_uq: 'officialCode',
  // A renamed school renames its organisation, which may collide with another organisation's name.
  organisations_name_uq: 'fullName',
  people_email_key: 'email',
};

/** A unique violation as the field it concerns; anything else is rethrown. */
function conflictOf(error: unknown): never {
  const e = error as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const code = e.driverError?.code ?? e.code;
  const field = CONFLICT_FIELDS[e.driverError?.constraint ?? e.constraint ?? ''];
  if (code === '23505' && field) throw new DirectoryConflictError(field);
  throw error;
}

/** Injection token: the name of the region the installation serves (config REGION). */
export const DIRECTORY_REGION = 'ORIENTIR_DIRECTORY_REGION';

/** The region when none is configured; the same default as libs/config. */
const DEFAULT_REGION = 'Иркутская область';

/** Reads and writes the directory. Every "ensure" is find-or-create on the entry's key, so a repeated import adds nothing. */
@Injectable()
export class DirectoryStore {
  private regionIdCache: string | null = null;

  constructor(
    private readonly dataSource: DataSource,
    @Optional() @Inject(DIRECTORY_REGION) readonly regionName: string = DEFAULT_REGION,
  ) {}

  /** For reads composed outside the store (schoolReach). */
  get queryable(): Queryable {
    return this.dataSource;
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /**
   * The installation's region: the directory row named like config REGION (any spelling), made on
   * first use. Its municipalities belong to it; regional grants name its id.
   */
  async regionId(m: EntityManager = this.dataSource.manager): Promise<string> {
    if (this.regionIdCache) return this.regionIdCache;
    const id = (await this.findRegion(this.regionName, m)) ?? (await this.createRegion(this.regionName, m));
    this.regionIdCache = id;
    return id;
  }

  /** A region by name (folded like municipality names); undefined when the directory has none. */
  async findRegion(name: string, m: EntityManager = this.dataSource.manager): Promise<string | undefined> {
    const rows = (await m.query(`SELECT id, name FROM regions ORDER BY created_at`)) as { id: string; name: string }[];
    return rows.find((r) => nameKey(r.name) === nameKey(name))?.id;
  }

  private async createRegion(name: string, m: EntityManager): Promise<string> {
    const [created] = (await m.query(`INSERT INTO regions (name) VALUES ($1) RETURNING id`, [tidyName(name)])) as {
      id: string;
    }[];
    return created.id;
  }

  /**
   * The directory id a grant's scope names, or undefined when it names nothing. An id must be of an
   * existing entry of its kind; a region or municipality may also be given by name (a municipality
   * named for the first time joins the region when `addMunicipality`); a cycle's school row stands
   * for its directory school, so the grant holds in every later cycle.
   */
  async grantScopeId(
    kind: string,
    value: string,
    options: { addMunicipality: boolean },
    m: EntityManager = this.dataSource.manager,
  ): Promise<string | undefined> {
    const id = UUID.test(value) ? value.toLowerCase() : null;
    const exists = async (table: string) =>
      !!id && ((await m.query(`SELECT 1 FROM ${table} WHERE id = $1`, [id])) as unknown[]).length > 0;
    switch (kind) {
      case 'region':
        return (await exists('regions')) ? (id as string) : this.findRegion(value, m);
      case 'municipality':
        if (await exists('municipalities')) return id as string;
        if (id) return undefined;
        return options.addMunicipality
          ? (await this.ensureMunicipality(value, m)).row.id
          : (await this.findMunicipality(value, m))?.id;
      case 'school': {
        if (await exists('directory_schools')) return id as string;
        if (!id) return undefined;
        const [row] = (await m.query(`SELECT directory_school_id AS id FROM schools WHERE id = $1`, [id])) as {
          id: string | null;
        }[];
        return row?.id ?? undefined;
      }
      case 'organisation':
        return (await exists('organisations')) ? (id as string) : undefined;
      case 'event':
        return (await exists('roadmap_events')) ? (id as string) : undefined;
      default:
        return undefined;
    }
  }

  /** Human names of grant scopes (region, municipality, school or a cycle's school row, organisation, event), keyed by id. */
  async scopeLabels(ids: string[]): Promise<Map<string, string>> {
    const wanted = [...new Set(ids.filter((id) => UUID.test(id)))];
    if (!wanted.length) return new Map();
    const rows = (await this.dataSource.query(
      `SELECT id::text, name AS label FROM regions WHERE id = ANY($1::uuid[])
       UNION ALL SELECT id::text, name FROM municipalities WHERE id = ANY($1::uuid[])
       UNION ALL SELECT id::text, coalesce(short_name, full_name) FROM directory_schools WHERE id = ANY($1::uuid[])
       UNION ALL SELECT id::text, name FROM schools WHERE id = ANY($1::uuid[])
       UNION ALL SELECT id::text, name FROM organisations WHERE id = ANY($1::uuid[])
       UNION ALL SELECT id::text, number || '. ' || title FROM roadmap_events WHERE id = ANY($1::uuid[])`,
      [wanted],
    )) as { id: string; label: string }[];
    return new Map(rows.map((r) => [r.id, r.label]));
  }

  /** Within the installation's region, by the one municipality-name rule (nameKey). */
  async findMunicipality(name: string, m: EntityManager = this.dataSource.manager): Promise<MunicipalityEntity | null> {
    return m.getRepository(MunicipalityEntity).findOneBy({ regionId: await this.regionId(m), nameKey: nameKey(name) });
  }

  findMunicipalityById(id: string): Promise<MunicipalityEntity | null> {
    if (!UUID.test(id)) return Promise.resolve(null);
    return this.dataSource.getRepository(MunicipalityEntity).findOneBy({ id });
  }

  async ensureMunicipality(
    name: string,
    m: EntityManager = this.dataSource.manager,
  ): Promise<Ensured<MunicipalityEntity>> {
    const regionId = await this.regionId(m);
    const inserted = (await m.query(
      `INSERT INTO municipalities (region_id, name, name_key) VALUES ($1, $2, $3)
       ON CONFLICT (region_id, name_key) DO NOTHING RETURNING id`,
      [regionId, tidyName(name), nameKey(name)],
    )) as { id: string }[];
    const row = await m.getRepository(MunicipalityEntity).findOneByOrFail({ regionId, nameKey: nameKey(name) });
    return { row, created: inserted.length > 0 };
  }

  /**
   * By official code first (a renamed school keeps it), then within the municipality by name or by a
   * spelling confirmed earlier (an alias of the school's organisation). A merely similar name is not
   * the school: see matchSchool.
   */
  async findSchool(
    draft: Pick<SchoolDraft, 'municipalityId' | 'fullName' | 'officialCode'>,
    m: EntityManager = this.dataSource.manager,
  ): Promise<DirectorySchoolEntity | null> {
    const repo = m.getRepository(DirectorySchoolEntity);
    if (draft.officialCode?.trim()) {
      const byCode = await repo.findOneBy({ officialCode: draft.officialCode.trim() });
      if (byCode) return byCode;
    }
    const [row] = (await m.query(
      `SELECT id, 0 AS rank FROM directory_schools WHERE coalesce(municipality_id::text, '') = $1 AND name_key = $2
       UNION ALL
       SELECT o.school_id, 1 FROM organisation_aliases a JOIN organisations o ON o.id = a.organisation_id
        WHERE a.municipality_scope = $1 AND a.alias_key = $2 AND o.school_id IS NOT NULL
       ORDER BY rank LIMIT 1`,
      [draft.municipalityId ?? '', directoryKey(draft.fullName)],
    )) as { id: string }[];
    return row ? repo.findOneByOrFail({ id: row.id }) : null;
  }

  /**
   * Which directory school of the municipality a spelling names: by official code or exact name
   * (`exact`), by a confirmed spelling (`alias`), or a similar name for a person to confirm (`fuzzy`).
   */
  async matchSchool(
    draft: Pick<SchoolDraft, 'municipalityId' | 'fullName' | 'officialCode'>,
    m: EntityManager = this.dataSource.manager,
  ): Promise<SchoolMatch> {
    return (await this.matchSchools(draft.municipalityId, [draft], m))[0];
  }

  /**
   * matchSchool for many rows of one municipality, reading its schools once (an import or a launch
   * of hundreds of schools): a row's official code first, then its name.
   */
  async matchSchools(
    municipalityId: string | null,
    rows: { fullName: string; officialCode?: string | null }[],
    m: EntityManager = this.dataSource.manager,
  ): Promise<SchoolMatch[]> {
    const repo = m.getRepository(DirectorySchoolEntity);
    const codes = [...new Set(rows.flatMap((r) => (r.officialCode?.trim() ? [r.officialCode.trim()] : [])))];
    const byCode = new Map(
      (codes.length ? await repo.findBy({ officialCode: In(codes) }) : []).map((s) => [s.officialCode, s]),
    );
    const match = schoolMatcher(await this.schoolCandidates(municipalityId, m));
    const found = rows.map((r) => {
      const coded = r.officialCode?.trim() ? byCode.get(r.officialCode.trim()) : undefined;
      return coded ? ({ kind: 'exact', id: coded.id } as const) : match(r.fullName);
    });
    const ids = [...new Set(found.flatMap((f) => (f.kind === 'none' ? [] : [f.id])))];
    const schools = new Map((ids.length ? await repo.findBy({ id: In(ids) }) : []).map((s) => [s.id, s]));
    return found.map((f): SchoolMatch => {
      if (f.kind === 'none') return f;
      const school = schools.get(f.id)!;
      return f.kind === 'fuzzy' ? { kind: 'fuzzy', school, similarity: f.similarity } : { kind: f.kind, school };
    });
  }

  /** The schools of a municipality (null: regional ones) with the spellings confirmed for each. */
  async schoolCandidates(
    municipalityId: string | null,
    m: EntityManager = this.dataSource.manager,
  ): Promise<SchoolMatchCandidate[]> {
    const rows = (await m.query(
      `SELECT d.id, d.full_name, d.short_name,
              coalesce(array_agg(a.alias_key) FILTER (WHERE a.alias_key IS NOT NULL), '{}') AS alias_keys
         FROM directory_schools d
         LEFT JOIN organisations o ON o.school_id = d.id
         LEFT JOIN organisation_aliases a ON a.organisation_id = o.id
        WHERE coalesce(d.municipality_id::text, '') = $1
        GROUP BY d.id ORDER BY d.full_name`,
      [municipalityId ?? ''],
    )) as { id: string; full_name: string; short_name: string | null; alias_keys: string[] }[];
    return rows.map((r) => ({ id: r.id, fullName: r.full_name, shortName: r.short_name, aliasKeys: r.alias_keys }));
  }

  /**
   * A person confirmed that `spelling` names this school: it becomes an alias of the school's
   * organisation, so the next import or launch matches it at once. Answers the alias stored, if any.
   */
  async addSchoolAlias(
    school: Pick<DirectorySchoolEntity, 'id' | 'municipalityId' | 'fullName' | 'nameKey'>,
    spelling: string,
    m: EntityManager = this.dataSource.manager,
  ): Promise<string | undefined> {
    if (!spelling.trim() || directoryKey(spelling) === school.nameKey) return undefined;
    await ensureOwnSchoolOrganisations(m, [school.id]);
    const [own] = (await m.query(`SELECT id FROM organisations WHERE school_id = $1`, [school.id])) as { id: string }[];
    if (!own) return undefined;
    return (await this.addAlias(own.id, spelling, m)) === 'added' ? spelling.trim() : undefined;
  }

  /**
   * Finds or creates. A found school gets the fields it lacked and never loses one it had; with
   * `overwrite` (a directory import: the table is the newer truth) every field the draft fills replaces the stored one.
   */
  async ensureSchool(
    draft: SchoolDraft,
    m: EntityManager = this.dataSource.manager,
    options: { overwrite?: boolean } = {},
  ): Promise<Ensured<DirectorySchoolEntity>> {
    const repo = m.getRepository(DirectorySchoolEntity);
    const chosen = draft.directorySchoolId ? await repo.findOneBy({ id: draft.directorySchoolId }) : null;
    if (draft.directorySchoolId && !chosen) throw new Error(`directory school ${draft.directorySchoolId} not found`);
    const found = chosen ?? (await this.findSchool(draft, m));
    if (found) {
      const aliasAdded = chosen ? await this.addSchoolAlias(chosen, draft.fullName, m) : undefined;
      const patch: Partial<DirectorySchoolEntity> = {};
      for (const field of ['shortName', 'officialCode', 'director', 'email', 'address'] as const) {
        const raw = draft[field]?.trim();
        const value = raw && field === 'email' ? raw.toLowerCase() : raw;
        if (value && (options.overwrite ? found[field] !== value : !found[field])) patch[field] = value;
      }
      if (Object.keys(patch).length) await repo.update({ id: found.id }, patch).catch(conflictOf);
      return { row: { ...found, ...patch }, created: false, updated: Object.keys(patch).length > 0, aliasAdded };
    }
    const row = await repo.save(
      repo.create({
        municipalityId: draft.municipalityId,
        fullName: draft.fullName.trim(),
        shortName: draft.shortName?.trim() || null,
        nameKey: directoryKey(draft.fullName),
        officialCode: draft.officialCode?.trim() || null,
        director: draft.director?.trim() || null,
        email: draft.email?.trim().toLowerCase() || null,
        address: draft.address?.trim() || null,
      }),
    );
    await this.ensureOrganisation(draft.municipalityId, row.fullName, m, row.id);
    return { row, created: true };
  }

  /**
   * Within the municipality: exactly, by alias, then a fuzzy guess to confirm; only then a regional
   * organisation (ministry, institute) the same way. Never another municipality's organisation.
   */
  async matchOrganisation(
    municipalityId: string | null,
    name: string,
    m: EntityManager = this.dataSource.manager,
  ): Promise<OrganisationMatch> {
    for (const scope of municipalityId ? [municipalityId, ''] : ['']) {
      const found = await this.matchWithin(scope, name, m);
      if (found.kind !== 'none') return found;
    }
    return { kind: 'none' };
  }

  /**
   * matchOrganisation for a row of a municipality's import: a regional organisation is taken exactly
   * or by alias, but one merely similar is no question (the municipality's «Отдел образования …» is not
   * a regional body's spelling), so such a row is a new organisation of the municipality.
   */
  async matchMunicipalOrganisation(
    municipalityId: string | null,
    name: string,
    m: EntityManager = this.dataSource.manager,
  ): Promise<OrganisationMatch> {
    const found = await this.matchOrganisation(municipalityId, name, m);
    return found.kind === 'fuzzy' && municipalityId && found.organisation.municipalityId !== municipalityId
      ? { kind: 'none' }
      : found;
  }

  private async matchWithin(scope: string, name: string, m: EntityManager): Promise<OrganisationMatch> {
    const key = directoryKey(name);
    const repo = m.getRepository(OrganisationEntity);
    const exact = (await m.query(
      `SELECT id FROM organisations WHERE coalesce(municipality_id::text, '') = $1 AND name_key = $2`,
      [scope, key],
    )) as { id: string }[];
    if (exact[0]) return { kind: 'exact', organisation: await repo.findOneByOrFail({ id: exact[0].id }) };
    const alias = (await m.query(
      `SELECT organisation_id AS id FROM organisation_aliases WHERE municipality_scope = $1 AND alias_key = $2`,
      [scope, key],
    )) as { id: string }[];
    if (alias[0]) return { kind: 'alias', organisation: await repo.findOneByOrFail({ id: alias[0].id }) };
    const candidates = (await m.query(
      `SELECT id, name FROM organisations WHERE coalesce(municipality_id::text, '') = $1`,
      [scope],
    )) as { id: string; name: string }[];
    const best = candidates
      .map((c) => ({ ...c, similarity: nameSimilarity(name, c.name) }))
      .filter((c) => c.similarity >= FUZZY_MATCH_THRESHOLD)
      .sort((a, b) => b.similarity - a.similarity || a.name.length - b.name.length)[0];
    if (!best) return { kind: 'none' };
    return { kind: 'fuzzy', organisation: await repo.findOneByOrFail({ id: best.id }), similarity: best.similarity };
  }

  async ensureOrganisation(
    municipalityId: string | null,
    name: string,
    m: EntityManager = this.dataSource.manager,
    schoolId: string | null = null,
    kind?: OrganisationKind,
  ): Promise<Ensured<OrganisationEntity>> {
    const match = await this.matchOrganisation(municipalityId, name, m);
    if (match.kind === 'exact' || match.kind === 'alias') return { row: match.organisation, created: false };
    const inserted = (await m.query(
      `INSERT INTO organisations (municipality_id, name, name_key, kind, school_id) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT DO NOTHING RETURNING id`,
      [
        municipalityId,
        name.trim(),
        directoryKey(name),
        kind ?? (schoolId ? 'school' : guessOrganisationKind(name)),
        schoolId,
      ],
    )) as { id: string }[];
    const again = await this.matchOrganisation(municipalityId, name, m);
    if (again.kind === 'none' || again.kind === 'fuzzy') throw new Error(`organisation «${name}» was not stored`);
    return { row: again.organisation, created: inserted.length > 0 };
  }

  /** «ДО» now resolves to this organisation within its municipality; the answer names an alias already taken. */
  async addAlias(
    organisationId: string,
    alias: string,
    m: EntityManager = this.dataSource.manager,
  ): Promise<'added' | 'exists' | { takenBy: string }> {
    const organisation = await m.getRepository(OrganisationEntity).findOneByOrFail({ id: organisationId });
    const scope = organisation.municipalityId ?? '';
    const key = directoryKey(alias);
    if (key === organisation.nameKey) return 'exists';
    const [taken] = (await m.query(
      `SELECT a.organisation_id AS id, o.name FROM organisation_aliases a JOIN organisations o ON o.id = a.organisation_id
        WHERE a.municipality_scope = $1 AND a.alias_key = $2`,
      [scope, key],
    )) as { id: string; name: string }[];
    if (taken) return taken.id === organisationId ? 'exists' : { takenBy: taken.name };
    await m.query(
      `INSERT INTO organisation_aliases (organisation_id, municipality_scope, alias, alias_key) VALUES ($1, $2, $3, $4)`,
      [organisationId, scope, alias.trim(), key],
    );
    return 'added';
  }

  /** Undoes a merge: the spelling no longer names this organisation. False when it did not. */
  async removeAlias(organisationId: string, alias: string): Promise<boolean> {
    const removed = (await this.dataSource.query(
      `DELETE FROM organisation_aliases WHERE organisation_id = $1 AND alias_key = $2 RETURNING id`,
      [organisationId, directoryKey(alias)],
    )) as [unknown[], number];
    return removed[1] > 0;
  }

  /**
   * By e-mail when there is one, else by name within the organisation. A found person gets what it
   * lacked; with `overwrite` (a people import) every field the draft fills replaces the stored one.
   */
  async ensurePerson(
    draft: PersonDraft,
    m: EntityManager = this.dataSource.manager,
    options: { overwrite?: boolean } = {},
  ): Promise<Ensured<PersonEntity>> {
    const repo = m.getRepository(PersonEntity);
    const email = draft.email?.trim().toLowerCase() || null;
    const [byKey] = (await m.query(
      email
        ? `SELECT id FROM people WHERE email = $1`
        : `SELECT id FROM people WHERE email IS NULL AND lower(full_name) = lower($1) AND organisation_id IS NOT DISTINCT FROM $2`,
      email ? [email] : [draft.fullName.trim(), draft.organisationId],
    )) as { id: string }[];
    const found = byKey ? await repo.findOneByOrFail({ id: byKey.id }) : null;
    if (found) {
      const patch: Partial<PersonEntity> = {};
      const given = {
        fullName: options.overwrite ? draft.fullName.trim() || null : null,
        position: draft.position?.trim() || null,
        phone: draft.phone?.trim() || null,
        organisationId: draft.organisationId,
      };
      for (const field of ['fullName', 'position', 'phone', 'organisationId'] as const) {
        const value = given[field];
        if (value && (options.overwrite ? found[field] !== value : !found[field])) patch[field] = value;
      }
      if (Object.keys(patch).length) await repo.update({ id: found.id }, patch);
      return { row: { ...found, ...patch }, created: false, updated: Object.keys(patch).length > 0 };
    }
    const userId = email
      ? (((await m.query(`SELECT id FROM users WHERE email = $1`, [email])) as { id: string }[])[0]?.id ?? null)
      : null;
    const row = await repo.save(
      repo.create({
        fullName: draft.fullName.trim(),
        position: draft.position?.trim() || null,
        email,
        phone: draft.phone?.trim() || null,
        organisationId: draft.organisationId,
        userId,
      }),
    );
    return { row, created: true };
  }

  /** Links a cycle's schools to the directory in a few set-based statements (see linkCycleSchools). */
  async linkCycleSchools(
    ownerMunicipalityId: string | null,
    drafts: CycleSchoolLinkDraft[],
    m: EntityManager = this.dataSource.manager,
  ): Promise<CycleSchoolLink[]> {
    return linkCycleSchools(m, await this.regionId(m), ownerMunicipalityId, drafts);
  }

  async assignCurator(
    cycleId: string,
    personId: string,
    directorySchoolId: string,
    m: EntityManager = this.dataSource.manager,
  ): Promise<boolean> {
    const inserted = (await m.query(
      `INSERT INTO curator_assignments (cycle_id, person_id, directory_school_id) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING id`,
      [cycleId, personId, directorySchoolId],
    )) as { id: string }[];
    return inserted.length > 0;
  }

  /**
   * Who gets an event's reminders: the people the coordinator assigned to it, else the contact
   * people of its executor organisations and the people its cycle groups stand for (an executor like
   * «руководители школ ШНОР» or «кураторы ШНОР», see executorGroupOf); only those with an e-mail.
   */
  async reminderRecipients(event: {
    id: string;
    cycleId: string;
    executors: readonly { name: string; organisationId?: string | null }[];
  }): Promise<Recipient[]> {
    const assigned = (await this.dataSource.query(
      `SELECT p.id AS "personId", p.full_name AS name, p.email FROM event_assignees a JOIN people p ON p.id = a.person_id
        WHERE a.event_id = $1 AND p.active AND p.email IS NOT NULL ORDER BY p.email`,
      [event.id],
    )) as Recipient[];
    if (assigned.length) return assigned;
    const organisationIds = [...new Set(event.executors.flatMap((x) => (x.organisationId ? [x.organisationId] : [])))];
    const contacts = organisationIds.length
      ? ((await this.dataSource.query(
          `SELECT id AS "personId", full_name AS name, email FROM people
            WHERE organisation_id = ANY($1::uuid[]) AND is_contact AND active AND email IS NOT NULL ORDER BY email`,
          [organisationIds],
        )) as Recipient[])
      : [];
    const groups = await this.cycleGroupRecipients(event.cycleId, event.executors);
    return uniqueByEmail([...contacts, ...[...groups.values()].flat()]);
  }

  /** The people each cycle group among these executors reaches in the cycle, by executor name (see cycleGroupRecipients). */
  cycleGroupRecipients(cycleId: string, executors: readonly { name: string }[]): Promise<Map<string, Recipient[]>> {
    return cycleGroupRecipients(this.dataSource, cycleId, executorGroups(executors));
  }

  /** Organisations (of these) that have no contact person with an e-mail: «нет адресата». */
  async organisationsWithoutAddressee(organisationIds: string[]): Promise<Set<string>> {
    if (!organisationIds.length) return new Set();
    const rows = (await this.dataSource.query(
      `SELECT o.id FROM organisations o WHERE o.id = ANY($1::uuid[]) AND NOT EXISTS (
         SELECT 1 FROM people p WHERE p.organisation_id = o.id AND p.is_contact AND p.active AND p.email IS NOT NULL)`,
      [organisationIds],
    )) as { id: string }[];
    return new Set(rows.map((r) => r.id));
  }

  async listMunicipalities(): Promise<MunicipalityEntity[]> {
    return this.dataSource
      .getRepository(MunicipalityEntity)
      .find({ where: { regionId: await this.regionId() }, order: { name: 'ASC' } });
  }

  listSchools(municipalityIds: string[] | null): Promise<DirectorySchoolEntity[]> {
    const repo = this.dataSource.getRepository(DirectorySchoolEntity);
    const qb = repo.createQueryBuilder('s').orderBy('s.full_name', 'ASC');
    if (municipalityIds) qb.where('s.municipality_id = ANY(:ids)', { ids: municipalityIds });
    return qb.getMany();
  }

  listOrganisations(municipalityIds: string[] | null): Promise<OrganisationEntity[]> {
    const qb = this.dataSource.getRepository(OrganisationEntity).createQueryBuilder('o').orderBy('o.name', 'ASC');
    if (municipalityIds)
      qb.where('(o.municipality_id = ANY(:ids) OR o.municipality_id IS NULL)', { ids: municipalityIds });
    return qb.getMany();
  }

  /** The spellings the directory knows for each organisation (merged by hand or confirmed at an import). */
  async aliasesOf(organisationIds: string[]): Promise<Map<string, string[]>> {
    const aliases = new Map<string, string[]>();
    if (!organisationIds.length) return aliases;
    const rows = (await this.dataSource.query(
      `SELECT organisation_id AS id, alias FROM organisation_aliases WHERE organisation_id = ANY($1::uuid[]) ORDER BY alias`,
      [organisationIds],
    )) as { id: string; alias: string }[];
    for (const r of rows) aliases.set(r.id, [...(aliases.get(r.id) ?? []), r.alias]);
    return aliases;
  }

  listPeople(organisationIds: string[] | null): Promise<PersonEntity[]> {
    const qb = this.dataSource.getRepository(PersonEntity).createQueryBuilder('p').orderBy('p.full_name', 'ASC');
    if (organisationIds) qb.where('p.organisation_id = ANY(:ids)', { ids: organisationIds });
    return qb.getMany();
  }

  findPerson(id: string): Promise<PersonEntity | null> {
    if (!UUID.test(id)) return Promise.resolve(null);
    return this.dataSource.getRepository(PersonEntity).findOneBy({ id });
  }

  findPersonByEmail(email: string): Promise<PersonEntity | null> {
    return this.dataSource.getRepository(PersonEntity).findOneBy({ email: email.trim().toLowerCase() });
  }

  async findSchoolById(id: string): Promise<DirectorySchoolEntity | null> {
    return UUID.test(id) ? this.dataSource.getRepository(DirectorySchoolEntity).findOneBy({ id }) : null;
  }

  /** The owning municipality id of an event's cycle; null for a regional cycle, undefined when there is no such event. */
  async municipalityOfEvent(eventId: string): Promise<string | null | undefined> {
    if (!UUID.test(eventId)) return undefined;
    const [row] = (await this.dataSource.query(
      `SELECT c.municipality_id FROM roadmap_events e JOIN cycles c ON c.id = e.cycle_id WHERE e.id = $1`,
      [eventId],
    )) as { municipality_id: string | null }[];
    return row ? row.municipality_id : undefined;
  }

  findOrganisation(id: string): Promise<OrganisationEntity | null> {
    if (!UUID.test(id)) return Promise.resolve(null);
    return this.dataSource.getRepository(OrganisationEntity).findOneBy({ id });
  }

  /** invited: an account without a password yet; deactivated: switched off by a coordinator. */
  async accountStates(userIds: string[]): Promise<Map<string, 'invited' | 'active' | 'deactivated'>> {
    if (!userIds.length) return new Map();
    const rows = (await this.dataSource.query(
      `SELECT id, is_active, password_hash IS NOT NULL AS has_password FROM users WHERE id = ANY($1::uuid[])`,
      [userIds],
    )) as { id: string; is_active: boolean; has_password: boolean }[];
    return new Map(
      rows.map((r) => [r.id, !r.is_active ? 'deactivated' : r.has_password ? 'active' : 'invited'] as const),
    );
  }

  /** The role grants of each account, for the directory's account panel. */
  async accountGrants(userIds: string[]): Promise<Map<string, RoleGrant[]>> {
    const grants = new Map<string, RoleGrant[]>();
    if (!userIds.length) return grants;
    const rows = (await this.dataSource.query(
      `SELECT user_id, role, scope_kind, scope_value FROM role_grants WHERE user_id = ANY($1::uuid[]) ORDER BY created_at`,
      [userIds],
    )) as { user_id: string; role: Role; scope_kind: ScopeKind; scope_value: string }[];
    for (const r of rows) {
      grants.set(r.user_id, [
        ...(grants.get(r.user_id) ?? []),
        { role: r.role, scopeKind: r.scope_kind, scopeValue: r.scope_value || null },
      ]);
    }
    return grants;
  }

  /** Replaces the people named for one event; an empty list gives the reminders back to the contact people. */
  async setEventAssignees(eventId: string, personIds: string[]): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      await m.delete(EventAssigneeEntity, { eventId });
      if (personIds.length)
        await m.insert(
          EventAssigneeEntity,
          personIds.map((personId) => ({ eventId, personId })),
        );
    });
  }

  /**
   * Edits a school; a new full name renames its organisation too (the school's staff belong to it).
   * A value another school holds answers DirectoryConflictError naming the field.
   */
  async updateSchool(id: string, patch: SchoolPatch): Promise<DirectorySchoolEntity> {
    return this.dataSource.transaction(async (m) => {
      const repo = m.getRepository(DirectorySchoolEntity);
      const changes: Partial<DirectorySchoolEntity> = { ...patch };
      if (patch.fullName !== undefined) changes.nameKey = directoryKey(patch.fullName);
      if (Object.keys(changes).length) await repo.update({ id }, changes).catch(conflictOf);
      const row = await repo.findOneByOrFail({ id });
      if (patch.fullName !== undefined || patch.municipalityId !== undefined) {
        await m
          .query(`UPDATE organisations SET name = $1, name_key = $2, municipality_id = $3 WHERE school_id = $4`, [
            row.fullName,
            row.nameKey,
            row.municipalityId,
            id,
          ])
          .catch(conflictOf);
      }
      return row;
    });
  }

  /** Edits a person; an e-mail another person holds answers DirectoryConflictError('email'). */
  async updatePerson(id: string, patch: PersonPatch): Promise<PersonEntity> {
    const repo = this.dataSource.getRepository(PersonEntity);
    if (Object.keys(patch).length) await repo.update({ id }, patch).catch(conflictOf);
    return repo.findOneByOrFail({ id });
  }

  /** The cycle's municipality (null: regional), or undefined when there is no such cycle. */
  async municipalityOfCycle(cycleId: string): Promise<string | null | undefined> {
    if (!UUID.test(cycleId)) return undefined;
    const [row] = (await this.dataSource.query(`SELECT municipality_id FROM cycles WHERE id = $1`, [cycleId])) as {
      municipality_id: string | null;
    }[];
    return row ? row.municipality_id : undefined;
  }

  /**
   * Every executor of the cycle named `name` now points at the organisation (its next reminders go to
   * the organisation's people), and the name becomes its alias; all at once. Answers how many events changed.
   */
  async linkCycleExecutor(
    cycleId: string,
    name: string,
    organisationId: string,
  ): Promise<{ events: number; alias: 'added' | 'exists' | { takenBy: string } }> {
    return this.dataSource.transaction(async (m) => {
      const alias = await this.addAlias(organisationId, name, m);
      if (typeof alias === 'object') return { events: 0, alias };
      const updated = (await m.query(
        `UPDATE roadmap_events SET executors = (
           SELECT jsonb_agg(CASE WHEN lower(trim(x->>'name')) = lower(trim($2))
                                 THEN x || jsonb_build_object('organisationId', $3::text) ELSE x END ORDER BY ord)
             FROM jsonb_array_elements(executors) WITH ORDINALITY AS t(x, ord))
          WHERE cycle_id = $1
            AND EXISTS (SELECT 1 FROM jsonb_array_elements(executors) x WHERE lower(trim(x->>'name')) = lower(trim($2)))
        RETURNING id`,
        [cycleId, name, organisationId],
      )) as [{ id: string }[], number];
      return { events: updated[0].length, alias };
    });
  }

  async linkPersonToUser(personId: string, userId: string): Promise<void> {
    await this.dataSource.getRepository(PersonEntity).update({ id: personId }, { userId });
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
