import {
  availableSchoolActions,
  schoolActionProblem,
  schoolActorRoles,
  type SchoolActionFacts,
} from './school-year-actions';

const curator = { userId: 'u-cur', personId: 'p-cur', name: 'Петрова А. И.' };
const facts = (patch: Partial<SchoolActionFacts> = {}): SchoolActionFacts => ({
  stage: 'risk_profile',
  curator,
  documents: [],
  checkpoints: [],
  report: { status: 'missing' },
  ...patch,
});
const nobody = { userId: 'u-x', personId: null };
const coordinator = { coordinator: true, schoolTeam: false, person: nobody };
const team = { coordinator: false, schoolTeam: true, person: nobody };
const theCurator = { coordinator: false, schoolTeam: false, person: { userId: 'u-cur', personId: null } };

describe('school-year actions (one rule for the workflow and the API)', () => {
  it('reads the roles from grants against the school: its municipality, its directory school', () => {
    const place = { schoolId: 's1', directorySchoolId: 'ds1', municipalityId: 'm1' };
    expect(
      schoolActorRoles([{ role: 'municipal_coordinator', scopeKind: 'municipality', scopeValue: 'm1' }], place),
    ).toEqual({ coordinator: true, schoolTeam: false });
    expect(
      schoolActorRoles([{ role: 'municipal_coordinator', scopeKind: 'municipality', scopeValue: 'm2' }], place),
    ).toEqual({ coordinator: false, schoolTeam: false });
    expect(schoolActorRoles([{ role: 'school_team', scopeKind: 'school', scopeValue: 'ds1' }], place)).toEqual({
      coordinator: false,
      schoolTeam: true,
    });
    expect(schoolActorRoles([{ role: 'supervisor', scopeKind: 'global', scopeValue: null }], place)).toEqual({
      coordinator: false,
      schoolTeam: false,
    });
  });

  it('offers each role only what its stage takes', () => {
    expect(availableSchoolActions(facts(), coordinator)).toEqual([
      'setRiskProfile',
      'extendDeadline',
      'changeCurator',
      'withdrawSchool',
    ]);
    expect(availableSchoolActions(facts(), team)).toEqual([]);
    expect(availableSchoolActions(facts({ stage: 'self_diagnosis' }), team)).toEqual(['submitSelfDiagnosis']);
    expect(schoolActionProblem('submitSelfDiagnosis', facts(), team)).toBe(
      'Нельзя подать самодиагностику: школа на этапе «Рисковый профиль», а не «Самодиагностика»',
    );
  });

  it('in expertise: the curator reviews what is submitted, the team resubmits only what was returned', () => {
    const expertise = facts({
      stage: 'expertise',
      documents: [
        { status: 'submitted', expert: null },
        { status: 'approved', expert: null },
      ],
    });
    expect(availableSchoolActions(expertise, theCurator)).toEqual(['reviewDocument']);
    expect(availableSchoolActions(expertise, team)).toEqual([]);
    const rework = facts({ ...expertise, documents: [{ status: 'returned', expert: null }] });
    expect(availableSchoolActions(rework, team)).toEqual(['submitDocuments']);
    expect(availableSchoolActions(rework, theCurator)).toEqual([]);
    // A document with an expert is the expert's, not the curator's.
    const expert = { userId: 'u-exp', personId: null, name: 'Эксперт' };
    const assigned = facts({ stage: 'expertise', documents: [{ status: 'submitted', expert }] });
    expect(availableSchoolActions(assigned, theCurator)).toEqual([]);
    expect(
      availableSchoolActions(assigned, {
        coordinator: false,
        schoolTeam: false,
        person: { userId: 'u-exp', personId: null },
      }),
    ).toEqual(['reviewDocument']);
  });

  it('report: the team submits once, the coordinator decides only a submitted report', () => {
    expect(availableSchoolActions(facts({ stage: 'report' }), team)).toEqual(['submitReport']);
    expect(availableSchoolActions(facts({ stage: 'report' }), coordinator)).not.toContain('decideReport');
    const submitted = facts({ stage: 'report', report: { status: 'submitted' } });
    expect(availableSchoolActions(submitted, team)).toEqual([]);
    expect(availableSchoolActions(submitted, coordinator)).toContain('decideReport');
  });

  it('a withdrawn or completed school takes nothing, whoever asks', () => {
    for (const stage of ['withdrawn', 'completed'] as const) {
      for (const actor of [coordinator, team, theCurator])
        expect(availableSchoolActions(facts({ stage }), actor)).toEqual([]);
    }
    expect(schoolActionProblem('changeCurator', facts({ stage: 'withdrawn' }), coordinator)).toMatch(/выбыла/);
  });

  it('monitoring: the curator confirms only submitted values, and only the assigned curator', () => {
    const monitoring = facts({ stage: 'monitoring', checkpoints: [{ status: 'submitted' }, { status: 'open' }] });
    expect(availableSchoolActions(monitoring, theCurator)).toEqual(['reviewCheckpoint']);
    expect(availableSchoolActions(monitoring, team)).toEqual(['submitCheckpoint']);
    expect(schoolActionProblem('reviewCheckpoint', monitoring, { ...theCurator, person: nobody })).toBe(
      'Это действие доступно только куратору школы (Петрова А. И.)',
    );
  });
});
