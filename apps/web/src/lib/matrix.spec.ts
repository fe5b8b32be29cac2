import {
  cellState,
  eventsPerMonth,
  filterEvents,
  filterSchools,
  paginate,
  sortSchools,
  EMPTY_FILTER,
  type EventRow,
  type SchoolRow,
} from './matrix';

const school = (name: string, stage: string, extra: Partial<SchoolRow> = {}): SchoolRow => ({
  id: name,
  name,
  stage,
  category: 'shnor',
  municipality: 'г. Иркутск',
  round: 1,
  workflowId: `w-${name}`,
  updatedAt: null,
  projectionError: null,
  actions: [],
  curatorUserId: null,
  reviewerUserIds: [],
  curators: [],
  directorySchoolId: null,
  ...extra,
});

const event = (number: string, deadline: string, status: string): EventRow => ({
  id: number,
  number,
  title: `Мероприятие ${number}`,
  opensAt: deadline,
  deadline,
  status,
  executors: [],
  executorLinks: [],
  remindersSent: 0,
  workflowId: `e-${number}`,
  updatedAt: null,
  projectionError: null,
});

describe('cellState', () => {
  it('marks stages before the current one done, the current one current, later ones to do', () => {
    expect(cellState('expertise', 'self_diagnosis')).toBe('done');
    expect(cellState('expertise', 'expertise')).toBe('current');
    expect(cellState('expertise', 'report')).toBe('todo');
  });
  it('treats a completed school as done everywhere and a not started one as to do', () => {
    expect(cellState('completed', 'report')).toBe('done');
    expect(cellState('not_started', 'self_diagnosis')).toBe('todo');
  });
});

describe('filterSchools', () => {
  const schools = [
    school('МБОУ СОШ № 1', 'self_diagnosis'),
    school('МБОУ Лицей № 2', 'expertise', {
      category: 'risk_zone',
      municipality: 'Ангарский ГО',
      curators: ['Иванова И. И.'],
    }),
    school('МАОУ Гимназия «Ёлочка»', 'report'),
  ];
  it('searches by name ignoring case and ё/е', () => {
    expect(filterSchools(schools, { ...EMPTY_FILTER, search: 'елочка' }).map((s) => s.name)).toEqual([
      'МАОУ Гимназия «Ёлочка»',
    ]);
  });
  it('combines municipality, category and stage filters', () => {
    expect(filterSchools(schools, { ...EMPTY_FILTER, municipality: ['Ангарский ГО'] })).toHaveLength(1);
    expect(filterSchools(schools, { ...EMPTY_FILTER, category: ['shnor'], stage: ['report'] })).toHaveLength(1);
    expect(filterSchools(schools, { ...EMPTY_FILTER, category: ['risk_zone'], stage: ['report'] })).toHaveLength(0);
    expect(filterSchools(schools, { ...EMPTY_FILTER, curator: ['Иванова И. И.'] }).map((s) => s.name)).toEqual([
      'МБОУ Лицей № 2',
    ]);
  });
});

describe('sortSchools', () => {
  it('sorts numbers inside names naturally and by stage order', () => {
    const rows = [school('СОШ № 10', 'report'), school('СОШ № 2', 'self_diagnosis'), school('СОШ № 1', 'completed')];
    expect(sortSchools(rows, { key: 'name', direction: 'asc' }).map((s) => s.name)).toEqual([
      'СОШ № 1',
      'СОШ № 2',
      'СОШ № 10',
    ]);
    expect(sortSchools(rows, { key: 'stage', direction: 'desc' }).map((s) => s.stage)).toEqual([
      'completed',
      'report',
      'self_diagnosis',
    ]);
  });
});

describe('paginate', () => {
  it('cuts pages and clamps a page past the end to the last one', () => {
    const items = Array.from({ length: 3000 }, (_, i) => i);
    expect(paginate(items, 2, 50).items[0]).toBe(50);
    const last = paginate(items, 999, 50);
    expect(last.page).toBe(60);
    expect(last.items).toHaveLength(50);
    expect(paginate([], 1, 50)).toEqual({ items: [], page: 1, pages: 1, total: 0 });
  });
});

describe('eventsPerMonth', () => {
  it('buckets by the local month of the deadline in the cycle zone', () => {
    // 31 May 20:00 UTC is already 1 June in Irkutsk (UTC+8).
    const events = [event('1', '2023-05-31T20:00:00Z', 'closed'), event('2', '2023-05-10T00:00:00Z', 'open')];
    expect(eventsPerMonth(events, 'Asia/Irkutsk')).toEqual([
      { month: '2023-05', due: 1, done: 0 },
      { month: '2023-06', due: 1, done: 1 },
    ]);
  });
});

describe('filterEvents', () => {
  it('matches number or text and treats scheduled as not started', () => {
    const events = [event('7', '2023-05-31T00:00:00Z', 'scheduled'), event('8', '2023-05-31T00:00:00Z', 'overdue')];
    expect(filterEvents(events, { search: '', status: ['not_started'] }).map((e) => e.number)).toEqual(['7']);
    expect(filterEvents(events, { search: 'мероприятие 8', status: [] }).map((e) => e.number)).toEqual(['8']);
  });
});
