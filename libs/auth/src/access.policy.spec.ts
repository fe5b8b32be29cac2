import {
  assignmentGrants,
  auditScope,
  canManageMunicipality,
  cycleAccess,
  readsWholeCycle,
  effectiveGrants,
  roadmapAccess,
  roadmapOwner,
  type CycleFacts,
} from './access.policy';
import type { RoleGrant } from './roles';

// Grants and facts carry directory ids: municipalities, schools, organisations, the region.
const IRK = 'm-irkutsk';
const UI = 'm-ust-ilimsk';
const REGION = 'region-irkutsk';

const irkutskCycle: CycleFacts = {
  municipalityId: IRK,
  schools: [
    { id: 's1', municipalityId: null, directorySchoolId: 'ds1' },
    { id: 's2', municipalityId: IRK, directorySchoolId: 'ds2' },
  ],
  events: [
    { id: 'e1', executors: [{ name: 'МКУ «ИМЦРО»', organisationId: 'org-imcro' }] },
    { id: 'e2', executors: [{ name: 'Департамент образования', organisationId: 'org-do' }] },
  ],
};

const regionalCycle: CycleFacts = {
  municipalityId: null,
  schools: [
    { id: 'r1', municipalityId: IRK, directorySchoolId: 'dr1' },
    { id: 'r2', municipalityId: UI, directorySchoolId: 'dr2' },
  ],
  events: [{ id: 're1', executors: [] }],
};

const g = (
  role: RoleGrant['role'],
  scopeKind: RoleGrant['scopeKind'],
  scopeValue: string | null = null,
): RoleGrant => ({ role, scopeKind, scopeValue });
const ids = (set: Set<string>) => [...set].sort();

describe('cycleAccess', () => {
  it('gives the admin and the regional coordinator everything', () => {
    for (const grant of [g('admin', 'global'), g('regional_coordinator', 'region', REGION)]) {
      const access = cycleAccess([grant], irkutskCycle);
      expect(access).toMatchObject({ manage: true, read: true });
      expect(ids(access.schoolIds)).toEqual(['s1', 's2']);
    }
  });

  it('lets a municipal coordinator manage its own municipality only, by directory id, never by name', () => {
    expect(cycleAccess([g('municipal_coordinator', 'municipality', 'г. Иркутск')], irkutskCycle).read).toBe(false);
    expect(cycleAccess([g('municipal_coordinator', 'municipality', IRK)], irkutskCycle)).toMatchObject({
      manage: true,
      read: true,
    });
    const other = cycleAccess([g('municipal_coordinator', 'municipality', UI)], irkutskCycle);
    expect(other).toMatchObject({ manage: false, read: false });
    expect(other.schoolIds.size + other.eventIds.size).toBe(0);
  });

  it('shows a municipal coordinator only its schools of a region-wide cycle, without managing it', () => {
    const access = cycleAccess([g('municipal_coordinator', 'municipality', UI)], regionalCycle);
    expect(access).toMatchObject({ manage: false, read: true });
    expect(ids(access.schoolIds)).toEqual(['r2']);
  });

  it('shows a school team and a curator only their schools (by directory school)', () => {
    expect(ids(cycleAccess([g('school_team', 'school', 'ds2')], irkutskCycle).schoolIds)).toEqual(['s2']);
    const curator = cycleAccess([g('curator', 'school', 'ds1'), g('curator', 'school', 'dr2')], irkutskCycle);
    expect(curator).toMatchObject({ manage: false, read: true });
    expect(ids(curator.schoolIds)).toEqual(['s1']);
    expect(cycleAccess([g('school_team', 'school', 'elsewhere')], irkutskCycle).read).toBe(false);
  });

  it('shows an executor only the events it executes, by directory organisation or event id, never by name', () => {
    const byOrganisation = cycleAccess([g('executor', 'organisation', 'org-imcro')], irkutskCycle);
    expect(ids(byOrganisation.eventIds)).toEqual(['e1']);
    expect(byOrganisation.schoolIds.size).toBe(0);
    // A name another municipality's organisation may share gives nothing.
    expect(cycleAccess([g('executor', 'organisation', 'мку «имцро»')], irkutskCycle).read).toBe(false);
    expect(ids(cycleAccess([g('executor', 'event', 'e2')], irkutskCycle).eventIds)).toEqual(['e2']);
  });

  it('a school grant on the directory school holds in every cycle the school joins', () => {
    const nextYear: CycleFacts = {
      ...irkutskCycle,
      schools: [{ id: 'n1', municipalityId: null, directorySchoolId: 'ds2' }],
    };
    expect(ids(cycleAccess([g('curator', 'school', 'ds2')], irkutskCycle).schoolIds)).toEqual(['s2']);
    expect(ids(cycleAccess([g('curator', 'school', 'ds2')], nextYear).schoolIds)).toEqual(['n1']);
  });

  it("an assignment's grant names the cycle's school row: that school of that cycle, nothing else", () => {
    const nextYear: CycleFacts = {
      ...irkutskCycle,
      schools: [{ id: 'n1', municipalityId: null, directorySchoolId: 'ds2' }],
    };
    const grants = assignmentGrants(['s2', 's2']);
    expect(grants).toEqual([g('curator', 'school', 's2')]);
    const access = cycleAccess(grants, irkutskCycle);
    expect(access).toMatchObject({ manage: false, read: true });
    expect(ids(access.schoolIds)).toEqual(['s2']);
    // The same directory school in another cycle, and the other school of this one, stay out of reach.
    expect(cycleAccess(grants, nextYear).read).toBe(false);
    expect(cycleAccess(assignmentGrants([]), irkutskCycle).read).toBe(false);
  });

  it('lets a supervisor read within its scope and never manage', () => {
    expect(cycleAccess([g('supervisor', 'global')], irkutskCycle)).toMatchObject({ manage: false, read: true });
    expect(cycleAccess([g('supervisor', 'municipality', UI)], irkutskCycle).read).toBe(false);
  });
});

describe('readsWholeCycle', () => {
  it('holds exactly for the grants that see every school of any cycle', () => {
    const grantSets: RoleGrant[][] = [
      [g('admin', 'global')],
      [g('regional_coordinator', 'region', REGION)],
      [g('supervisor', 'global')],
      [g('supervisor', 'region', REGION)],
      [g('supervisor', 'municipality', IRK)],
      [g('municipal_coordinator', 'municipality', IRK)],
      [g('curator', 'school', 'ds1')],
      [g('executor', 'organisation', 'org-do')],
      [],
    ];
    expect(grantSets.map((grants) => readsWholeCycle(grants))).toEqual([
      true,
      true,
      true,
      true,
      false,
      false,
      false,
      false,
      false,
    ]);
    // Whoever it holds for sees every school and event of both kinds of cycle.
    for (const grants of grantSets.filter((grants) => readsWholeCycle(grants))) {
      for (const cycle of [irkutskCycle, regionalCycle]) {
        const access = cycleAccess(grants, cycle);
        expect(access.read).toBe(true);
        expect(ids(access.schoolIds)).toEqual(cycle.schools.map((s) => s.id).sort());
        expect(ids(access.eventIds)).toEqual(cycle.events.map((e) => e.id).sort());
      }
    }
  });
});

describe('canManageMunicipality', () => {
  it('keeps region-wide cycles to the region', () => {
    expect(canManageMunicipality([g('municipal_coordinator', 'municipality', IRK)], null)).toBe(false);
    expect(canManageMunicipality([g('regional_coordinator', 'region', REGION)], null)).toBe(true);
    expect(canManageMunicipality([g('supervisor', 'global')], IRK)).toBe(false);
  });
});

describe('auditScope', () => {
  it('limits a municipal coordinator to its municipalities', () => {
    expect(auditScope([g('municipal_coordinator', 'municipality', IRK)])).toEqual({
      all: false,
      municipalityIds: [IRK],
    });
    expect(auditScope([g('admin', 'global')])).toEqual({ all: true });
    expect(auditScope([g('school_team', 'school', 'ds1')])).toEqual({ all: false, municipalityIds: [] });
  });
});

describe('hardening: regions and roadmaps', () => {
  const grant = (role: RoleGrant['role'], scopeKind: RoleGrant['scopeKind'], scopeValue: string | null = null) => ({
    role,
    scopeKind,
    scopeValue,
  });

  it('a regional grant counts only for the installation’s region (its directory id)', () => {
    const mine = grant('regional_coordinator', 'region', REGION);
    const other = grant('regional_coordinator', 'region', 'region-mars');
    const named = grant('regional_coordinator', 'region', 'Иркутская область');
    expect(effectiveGrants([mine, other, named], REGION)).toEqual([mine]);
    expect(canManageMunicipality(effectiveGrants([other], REGION), IRK)).toBe(false);
  });

  it('scopes stored roadmaps by their owning municipality', () => {
    const coordinator = [grant('municipal_coordinator', 'municipality', IRK)];
    expect(roadmapAccess(coordinator, IRK)).toEqual({ read: true, manage: true });
    expect(roadmapAccess(coordinator, 'г. Иркутск')).toEqual({ read: false, manage: false });
    expect(roadmapAccess(coordinator, 'г. Ангарск')).toEqual({ read: false, manage: false });
    expect(roadmapAccess(coordinator, null)).toEqual({ read: false, manage: false });
    expect(roadmapAccess([grant('supervisor', 'municipality', 'г. Ангарск')], 'г. Ангарск')).toEqual({
      read: true,
      manage: false,
    });
    expect(roadmapAccess([grant('supervisor', 'global')], 'г. Ангарск').read).toBe(true);
    expect(roadmapOwner(coordinator, null)).toEqual({ owner: IRK, allowed: true });
    expect(roadmapOwner(coordinator, 'г. Ангарск').allowed).toBe(false);
    expect(roadmapOwner([grant('admin', 'global')], null)).toEqual({ owner: null, allowed: true });
    expect(
      roadmapOwner(
        [grant('municipal_coordinator', 'municipality', 'А'), grant('municipal_coordinator', 'municipality', 'Б')],
        null,
      ).allowed,
    ).toBe(false);
  });
});
