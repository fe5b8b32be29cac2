import type { SchoolActor, SchoolYearSetup } from '@orientir/contracts';
import { DEFAULT_RISK_DIRECTIONS } from '@orientir/domain/workflow';
import { SchoolYear } from './school-year.rules';

const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.parse('2026-11-02T00:00:00Z'); // a Monday
const actor = (userId: string, grants: SchoolActor['grants'], personId: string | null = null): SchoolActor => ({
  userId,
  personId,
  name: userId,
  grants,
});
const COORDINATOR = actor('coord', [{ role: 'municipal_coordinator', scopeKind: 'municipality', scopeValue: 'm-1' }]);
const OTHER_COORDINATOR = actor('coord-2', [
  { role: 'municipal_coordinator', scopeKind: 'municipality', scopeValue: 'm-2' },
]);
const TEAM = actor('team', [{ role: 'school_team', scopeKind: 'school', scopeValue: 'ds-1' }]);
const CURATOR = actor('cur', [{ role: 'curator', scopeKind: 'school', scopeValue: 'ds-1' }], 'p-cur');

function setup(over: Partial<SchoolYearSetup> = {}): SchoolYearSetup {
  const at = (d: number) => new Date(T0 + d * DAY).toISOString();
  return {
    cycleId: 'c',
    schoolId: 's',
    schoolName: 'СОШ',
    directorySchoolId: 'ds-1',
    municipality: 'г. Иркутск',
    municipalityId: 'm-1',
    timezone: 'Asia/Irkutsk',
    riskDirections: DEFAULT_RISK_DIRECTIONS.map((d) => ({ ...d })),
    flaggedDirections: null,
    curator: { userId: 'cur', personId: 'p-cur', name: 'Куратор' },
    dueDates: {
      risk_profile: at(3),
      self_diagnosis: at(20),
      concept_documents: at(40),
      expertise: at(60),
      monitoring: at(120),
      report: at(150),
    },
    checkpoints: [{ id: 'q1', title: 'Точка 1', dueAt: at(100) }],
    reviewWorkingDays: 10,
    reminderDaysBefore: [7, 1],
    calendar: { utcOffsetMinutes: 0, overrides: {} },
    ...over,
  };
}

describe('SchoolYear rules', () => {
  it('starts at the risk profile, or at self-diagnosis with a profile imported before launch', () => {
    expect(SchoolYear.start(setup(), T0).year.state.stage).toBe('risk_profile');
    const imported = SchoolYear.start(setup({ flaggedDirections: ['low_motivation', 'unknown'] }), T0).year;
    expect(imported.state).toMatchObject({ stage: 'self_diagnosis', flaggedDirections: ['low_motivation'] });
  });

  it('checks the actor against the assignment: the coordinator of the school’s municipality, its team, its curator', () => {
    const { year } = SchoolYear.start(setup(), T0);
    const profile = { type: 'setRiskProfile' as const, flaggedDirections: ['low_motivation'] };
    expect(year.problem({ ...profile, actor: TEAM }, T0)).toMatch(/только координатору/);
    expect(year.problem({ ...profile, actor: OTHER_COORDINATOR }, T0)).toMatch(/только координатору/);
    expect(year.problem({ ...profile, actor: COORDINATOR }, T0)).toBeNull();
    year.apply({ ...profile, actor: COORDINATOR }, T0);
    const answers = [{ directionId: 'low_motivation', confirmed: true, justification: 'ВПР', measures: 'Кружки' }];
    expect(year.problem({ type: 'submitSelfDiagnosis', actor: CURATOR, answers }, T0)).toMatch(/команде этой школы/);
    expect(year.problem({ type: 'submitSelfDiagnosis', actor: TEAM, answers: [] }, T0)).toMatch(/Нет ответа/);
    expect(
      year.problem({ type: 'submitSelfDiagnosis', actor: TEAM, answers: [{ ...answers[0], measures: ' ' }] }, T0),
    ).toMatch(/answers\[0\]\.measures: укажите планируемые меры/);
  });

  it('computes the required documents from the confirmed directions', () => {
    const { year } = SchoolYear.start(setup({ flaggedDirections: ['low_motivation', 'teacher_shortage'] }), T0);
    year.apply(
      {
        type: 'submitSelfDiagnosis',
        actor: TEAM,
        answers: [
          { directionId: 'low_motivation', confirmed: true, justification: 'ВПР', measures: 'Кружки' },
          { directionId: 'teacher_shortage', confirmed: false, justification: 'Штат полон', measures: '' },
        ],
      },
      T0,
    );
    expect(year.state.documents.map((d) => d.key)).toEqual([
      'development_concept',
      'medium_term_programme',
      'anti_risk_programme:low_motivation',
    ]);
    expect(
      year.problem({ type: 'reviewDocument', actor: CURATOR, key: 'development_concept', decision: 'approve' }, T0),
    ).toMatch(/Нельзя принять решение по документу: школа на этапе «Концептуальные документы»/);
  });

  it('plans no reminder whose moment passed before the due date was set, then overdue at the due date', () => {
    const { year } = SchoolYear.start(setup(), T0); // the risk profile is due in 3 days: the 7-day reminder is moot
    expect(year.nextTimer()).toMatchObject({ kind: 'reminder', at: T0 + 2 * DAY });
    year.fireDue(T0 + 2 * DAY);
    expect(year.nextTimer()).toMatchObject({ kind: 'overdue', at: T0 + 3 * DAY });
    const out = year.fireDue(T0 + 3 * DAY + 1);
    expect(year.state).toMatchObject({ overdue: true, escalated: true });
    expect(out.notices.map((n) => n.audience)).toEqual([['school_team', 'curator', 'coordinator']]);
    expect(year.nextTimer()).toBeNull();
  });

  it('on working days: reminds at 09:00 local N working days before, moved by a region holiday; the chain mails later', () => {
    // Self-diagnosis due at the end of Friday 27 November 2026 (Irkutsk); the profile came with the launch.
    const due = Date.parse('2026-11-27T15:59:59.999Z');
    const calendar = { utcOffsetMinutes: 480, overrides: { extraDaysOff: ['2026-11-26'] } };
    const dueDates = { ...setup().dueDates, self_diagnosis: new Date(due).toISOString() };
    const { year } = SchoolYear.start(setup({ dueDates, calendar, flaggedDirections: ['low_motivation'] }), T0);
    year.remindsOnWorkingDays = true;
    year.escalatesByChain = true;
    // 7 working days before 27 November, the region's 26th off: 17 November; 1 before: 25 November.
    expect(year.nextTimer()).toMatchObject({ kind: 'reminder', at: Date.parse('2026-11-17T01:00:00Z') });
    expect(year.fireDue(Date.parse('2026-11-17T01:00:00Z')).notices).toHaveLength(1);
    expect(year.nextTimer()).toMatchObject({ kind: 'reminder', at: Date.parse('2026-11-25T01:00:00Z') });
    year.fireDue(Date.parse('2026-11-25T01:00:00Z'));
    expect(year.nextTimer()).toMatchObject({ kind: 'overdue', at: due });
    // The stage turns overdue at its due date; the letters follow the cycle's chain, not this timer.
    const out = year.fireDue(due + 1);
    expect(year.state).toMatchObject({ overdue: true });
    expect(out.notices).toEqual([]);
  });

  it('a rejected action leaves the state exactly as it was', () => {
    const { year } = SchoolYear.start(setup(), T0);
    const before = year.view();
    expect(() => year.apply({ type: 'withdrawSchool', actor: COORDINATOR, reason: '   ' }, T0)).toThrow(
      /причину выбытия/,
    );
    expect(year.view()).toEqual(before);
  });
});
