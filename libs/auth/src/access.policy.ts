// Who may see and do what inside a cycle. Pure functions over grants and scope facts, so every
// rule is unit-tested without a database and the API applies the same rules on every route.
import type { Role, RoleGrant } from './roles';

export interface SchoolFacts {
  /** The cycle's participation row. */
  id: string;
  /** The directory municipality of the school; null: the cycle's. */
  municipalityId: string | null;
  /** The directory school; school grants name it, so they hold in every cycle the school joins. */
  directorySchoolId: string | null;
}

export interface EventFacts {
  id: string;
  /** An executor is in scope by its directory organisation only, never by a name another municipality may share. */
  executors: { name: string; organisationId?: string | null }[];
}

/**
 * A school grant covers the school in every cycle: it names the directory school. An assignment's
 * grant (assignmentGrants) names the cycle's school row, so it covers that school of that cycle only.
 */
function coversSchool(scopeValue: string | null, school: SchoolFacts): boolean {
  return !!scopeValue && (scopeValue === school.directorySchoolId || scopeValue === school.id);
}

/**
 * The authority of an assignment: the person a school's workflow names as its curator or as a
 * document's expert reads that school (its documents and files) and reviews there as a curator would,
 * without a grant of its own. Added when the caller is authenticated, from the current assignments,
 * so it ends as soon as the coordinator names someone else. Never stored: stored school grants name
 * directory schools (a cycle's school row sent as a grant is stored as its directory school).
 */
export function assignmentGrants(cycleSchoolIds: readonly string[]): RoleGrant[] {
  return [...new Set(cycleSchoolIds)].map((id) => ({ role: 'curator', scopeKind: 'school', scopeValue: id }));
}

/**
 * What a cycle tells about its scope. A cycle belongs to one municipality (its directory id), or to
 * the region when null. Grants name directory ids too, so nothing here compares names.
 */
export interface CycleFacts {
  municipalityId: string | null;
  schools: SchoolFacts[];
  events: EventFacts[];
}

export interface CycleAccess {
  /** May launch the cycle and act for it as a coordinator. */
  manage: boolean;
  /** May open the cycle at all. */
  read: boolean;
  schoolIds: Set<string>;
  eventIds: Set<string>;
}

/** A school's municipality (directory id) is its own, or the cycle's when the row names none. */
export function schoolMunicipality(cycle: Pick<CycleFacts, 'municipalityId'>, school: SchoolFacts): string | null {
  return school.municipalityId ?? cycle.municipalityId;
}

export function hasAnyRole(grants: readonly RoleGrant[], roles: readonly Role[]): boolean {
  return grants.some((g) => roles.includes(g.role));
}

/**
 * The grants that count in this installation: a regional grant on another region (its directory id)
 * gives nothing. Applied once, when the caller is authenticated.
 */
export function effectiveGrants(grants: readonly RoleGrant[], regionId: string): RoleGrant[] {
  return grants.filter((g) => g.scopeKind !== 'region' || g.scopeValue === regionId);
}

/**
 * Region-wide grants (admin, regional coordinator, supervisor on the region) cover everything:
 * an installation serves one region (effectiveGrants drops grants of any other).
 */
function regionWide(g: RoleGrant): boolean {
  return g.scopeKind === 'global' || g.scopeKind === 'region';
}

function municipalities(grants: readonly RoleGrant[], roles: readonly Role[]): string[] {
  return grants
    .filter((g) => roles.includes(g.role) && g.scopeKind === 'municipality' && g.scopeValue)
    .map((g) => g.scopeValue as string);
}

function schoolGrants(grants: readonly RoleGrant[], roles: readonly Role[]): RoleGrant[] {
  return grants.filter((g) => roles.includes(g.role) && g.scopeKind === 'school' && g.scopeValue);
}

/** Admin or regional coordinator: manages every municipality and region-wide cycles. */
export function managesRegion(grants: readonly RoleGrant[]): boolean {
  return grants.some((g) => (g.role === 'admin' || g.role === 'regional_coordinator') && regionWide(g));
}

/**
 * Region-wide readers (admin, regional coordinator, supervisor on the region) see every school and
 * event of any cycle: decided from the grants alone, without loading the cycle's schools.
 */
export function readsWholeCycle(grants: readonly RoleGrant[]): boolean {
  return managesRegion(grants) || grants.some((g) => g.role === 'supervisor' && regionWide(g));
}

/** May this caller create or manage a cycle of this municipality (directory id; null: a region-wide cycle)? */
export function canManageMunicipality(grants: readonly RoleGrant[], municipalityId: string | null): boolean {
  if (managesRegion(grants)) return true;
  return municipalityId !== null && municipalities(grants, ['municipal_coordinator']).includes(municipalityId);
}

export function cycleAccess(grants: readonly RoleGrant[], cycle: CycleFacts): CycleAccess {
  const manage = canManageMunicipality(grants, cycle.municipalityId);
  const readsAll = readsWholeCycle(grants);
  const allSchools = cycle.schools.map((s) => s.id);
  const allEvents = cycle.events.map((e) => e.id);
  if (readsAll) return { manage, read: true, schoolIds: new Set(allSchools), eventIds: new Set(allEvents) };

  const watched = municipalities(grants, ['municipal_coordinator', 'supervisor']);
  const ownSchools = schoolGrants(grants, ['curator', 'school_team']);
  const schoolIds = new Set(
    cycle.schools
      .filter(
        (s) =>
          ownSchools.some((g) => coversSchool(g.scopeValue, s)) || watched.includes(schoolMunicipality(cycle, s) ?? ''),
      )
      .map((s) => s.id),
  );
  const coversCycle = cycle.municipalityId !== null && watched.includes(cycle.municipalityId);
  const organisations = grants
    .filter((g) => g.role === 'executor' && g.scopeKind === 'organisation')
    .map((g) => g.scopeValue)
    .filter((value): value is string => !!value);
  const events = new Set(
    grants.filter((g) => g.role === 'executor' && g.scopeKind === 'event').map((g) => g.scopeValue),
  );
  // People of a school follow the cycle's plan, so they see its events; executors see only their own.
  const seesPlan = coversCycle || schoolIds.size > 0;
  const eventIds = new Set(
    cycle.events
      .filter(
        (e) =>
          seesPlan ||
          events.has(e.id) ||
          e.executors.some((x) => !!x.organisationId && organisations.includes(x.organisationId)),
      )
      .map((e) => e.id),
  );
  return { manage, read: manage || coversCycle || schoolIds.size > 0 || eventIds.size > 0, schoolIds, eventIds };
}

/** Which audit rows a caller may read: all, or those of its municipalities (directory ids). */
export type AuditScope = { all: true } | { all: false; municipalityIds: string[] };

export function auditScope(grants: readonly RoleGrant[]): AuditScope {
  if (
    grants.some(
      (g) => (g.role === 'admin' || g.role === 'regional_coordinator' || g.role === 'supervisor') && regionWide(g),
    )
  ) {
    return { all: true };
  }
  return { all: false, municipalityIds: municipalities(grants, ['municipal_coordinator', 'supervisor']) };
}

/** Who may read and manage a stored roadmap owned by `municipalityId` (null: a regional roadmap). */
export function roadmapAccess(
  grants: readonly RoleGrant[],
  municipalityId: string | null,
): { read: boolean; manage: boolean } {
  const manage = canManageMunicipality(grants, municipalityId);
  const read =
    manage ||
    grants.some((g) => g.role === 'supervisor' && regionWide(g)) ||
    (municipalityId !== null &&
      municipalities(grants, ['municipal_coordinator', 'supervisor']).includes(municipalityId));
  return { read, manage };
}

/**
 * The municipality (directory id) a new roadmap belongs to: the one named, else the caller's only
 * municipality, else none (regional). Null `owner` with `allowed: false` means the caller must name one.
 */
export function roadmapOwner(
  grants: readonly RoleGrant[],
  named: string | null,
): { owner: string | null; allowed: boolean } {
  if (named !== null) return { owner: named, allowed: canManageMunicipality(grants, named) };
  if (canManageMunicipality(grants, null)) return { owner: null, allowed: true };
  const own = [...new Set(municipalities(grants, ['municipal_coordinator']))];
  return own.length === 1 ? { owner: own[0], allowed: true } : { owner: null, allowed: false };
}
