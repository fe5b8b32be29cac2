import {
  confirmedExecutors,
  datesPayload,
  pastChoicesPayload,
  schoolYearPayload,
  stageDueDatesFromRoadmap,
  undecided,
  type RoadmapEvent,
} from './launch-plan';

const ev = (number: string, start: string | null, end: string | null): RoadmapEvent => ({
  number,
  section: null,
  title: `Мероприятие ${number}`,
  period: {
    start,
    end,
    occurrences: [],
    recurrence: null,
    wholeCycle: false,
    toBeScheduled: !start,
    text: start ? 'май' : 'По графику',
  },
  executors: [],
  indicator: { kind: 'text', min: null, per: null, unit: null, text: '' },
  reportForm: null,
  executionNote: null,
  stage: null,
  sourceRow: number,
});

describe('launch plan', () => {
  const events = [ev('1', '2023-05-01', '2023-05-31'), ev('2', null, null), ev('3', null, null)];
  it('holds the launch until every undated event is dated or left unscheduled', () => {
    expect(undecided(events, {})).toEqual(['2', '3']);
    expect(
      undecided(events, {
        '2': { start: '2023-09-01', end: '2023-09-30', unscheduled: false },
        '3': { start: '', end: '', unscheduled: true },
      }),
    ).toEqual([]);
    expect(undecided(events, { '2': { start: '2023-09-30', end: '2023-09-01', unscheduled: false } })).toContain('2');
  });
  it('sends only hand-set dates, in the cycle zone', () => {
    expect(
      datesPayload(
        events,
        {
          '2': { start: '2023-09-01', end: '2023-09-30', unscheduled: false },
          '3': { start: '', end: '', unscheduled: true },
        },
        'Asia/Irkutsk',
      ),
    ).toEqual([{ number: '2', opensAt: '2023-09-01T00:00:00+08:00', deadline: '2023-09-30T23:59:59+08:00' }]);
  });
  it('sends only the fuzzy matches the coordinator confirmed', () => {
    const m = (name: string, match: 'exact' | 'fuzzy' | 'none', organisationId: string | null) => ({
      name,
      match,
      organisationId,
      organisationName: organisationId && `Организация ${name}`,
      question: match === 'fuzzy' ? `«${name}» — это …?` : null,
      addressee: 'unmatched' as const,
      group: null,
    });
    const matches = [m('ОО', 'fuzzy', 'o1'), m('УО', 'fuzzy', 'o2'), m('ИМЦ', 'exact', 'o3'), m('ГМС', 'none', null)];
    expect(confirmedExecutors(matches, { ОО: true, УО: false, ИМЦ: true, ГМС: true })).toEqual([
      { name: 'ОО', organisationId: 'o1' },
    ]);
    expect(confirmedExecutors(matches, {})).toEqual([]);
    // After «Нет» another organisation may be picked; so may one for a name nothing matched. A pick
    // for a guess answered «Да» or not answered, or for an exact match, is ignored.
    expect(confirmedExecutors(matches, { ОО: true, УО: false }, { ОО: 'x1', УО: 'o9', ИМЦ: 'x2', ГМС: 'o8' })).toEqual([
      { name: 'ОО', organisationId: 'o1' },
      { name: 'УО', organisationId: 'o9' },
      { name: 'ГМС', organisationId: 'o8' },
    ]);
    expect(confirmedExecutors(matches, {}, { УО: 'o9' })).toEqual([]);
    expect(confirmedExecutors(matches, { УО: false }, { УО: undefined })).toEqual([]);
  });

  it('sends one choice per listed event number, «late» unless chosen', () => {
    const past = (number: string, sourceRow: string) => ({
      number,
      sourceRow,
      title: `Мероприятие ${number}`,
      periodText: 'май',
      start: '2023-05-01',
      end: '2023-05-31',
      pastOccurrences: 1,
      wholly: true,
      nextOccurrence: null,
    });
    expect(pastChoicesPayload([past('1', '1'), past('4', '4'), past('4', '9')], { '4': 'skip' })).toEqual([
      { number: '1', policy: 'late' },
      { number: '4', policy: 'skip' },
    ]);
  });
});

describe('stageDueDatesFromRoadmap', () => {
  it('takes the latest end of the events mapped to each stage and skips unmapped, undated or past events', () => {
    const event = (stage: RoadmapEvent['stage'], end: string | null) =>
      ({ stage, period: { end } }) as unknown as RoadmapEvent;
    expect(
      stageDueDatesFromRoadmap(
        [
          event('self_diagnosis', '2027-10-01'),
          event('self_diagnosis', '2027-11-30'),
          event('report', null),
          event(null, '2027-12-31'),
          event('expertise', '2027-05-31'),
        ],
        '2027-06-01',
      ),
    ).toEqual({ self_diagnosis: '2027-11-30' });
  });
});

describe('schoolYearPayload', () => {
  it('leaves out stages without a date', () => {
    expect(
      schoolYearPayload({
        dueDates: { report: '', expertise: '2027-03-01' },
        reviewWorkingDays: 5,
        checkpointRhythm: 'quarterly',
        checkpointDates: [],
      }).dueDates,
    ).toEqual({ expertise: '2027-03-01' });
  });
});
