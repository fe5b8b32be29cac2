// A school's set-up and its people for workflow tests and replay recordings: due dates counted from
// the test server's clock, two curators, a coordinator of the school's municipality and its team.
import type { SchoolActor, SchoolYearSetup } from '@orientir/contracts';
import { DEFAULT_RISK_DIRECTIONS } from '@orientir/domain/workflow';

export const DAY = 24 * 60 * 60 * 1000;

export const COORDINATOR: SchoolActor = {
  userId: '00000000-0000-4000-8000-0000000000c1',
  personId: null,
  name: 'Координатор Иркутска',
  grants: [{ role: 'municipal_coordinator', scopeKind: 'municipality', scopeValue: 'm-irkutsk' }],
};
export const TEAM: SchoolActor = {
  userId: '00000000-0000-4000-8000-0000000000a1',
  personId: null,
  name: 'Директор школы',
  grants: [{ role: 'school_team', scopeKind: 'school', scopeValue: 'ds-1' }],
};
export const CURATOR_A: SchoolActor = {
  userId: '00000000-0000-4000-8000-0000000000b1',
  personId: 'p-curator-a',
  name: 'Куратор Первый',
  grants: [{ role: 'curator', scopeKind: 'school', scopeValue: 'ds-1' }],
};
export const CURATOR_B: SchoolActor = {
  userId: '00000000-0000-4000-8000-0000000000b2',
  personId: 'p-curator-b',
  name: 'Куратор Второй',
  grants: [{ role: 'curator', scopeKind: 'school', scopeValue: 'ds-1' }],
};
export const STRANGER: SchoolActor = {
  userId: '00000000-0000-4000-8000-0000000000f1',
  personId: null,
  name: 'Чужой координатор',
  grants: [{ role: 'municipal_coordinator', scopeKind: 'municipality', scopeValue: 'm-angarsk' }],
};

export const personOf = (a: SchoolActor) => ({ userId: a.userId, personId: a.personId, name: a.name });

/** Due dates in days from `start`; the risk profile comes first, the report last. */
export function schoolSetup(start: number, schoolId = 's-1'): SchoolYearSetup {
  const at = (days: number) => new Date(start + days * DAY).toISOString();
  return {
    cycleId: 'c-1',
    schoolId,
    schoolName: 'МБОУ СОШ № 1',
    directorySchoolId: 'ds-1',
    municipality: 'г. Иркутск',
    municipalityId: 'm-irkutsk',
    timezone: 'Asia/Irkutsk',
    riskDirections: DEFAULT_RISK_DIRECTIONS.map((d) => ({ ...d })),
    flaggedDirections: null,
    curator: personOf(CURATOR_A),
    dueDates: {
      risk_profile: at(5),
      self_diagnosis: at(20),
      concept_documents: at(40),
      expertise: at(100),
      monitoring: at(200),
      report: at(250),
    },
    checkpoints: [
      { id: 'q1', title: 'Контрольная точка 1', dueAt: at(130) },
      { id: 'q2', title: 'Контрольная точка 2', dueAt: at(190) },
    ],
    reviewWorkingDays: 10,
    reminderDaysBefore: [7, 1],
    calendar: { utcOffsetMinutes: 480, overrides: {} },
  };
}
