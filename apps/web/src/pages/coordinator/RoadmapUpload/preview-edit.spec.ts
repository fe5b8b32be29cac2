import {
  addEvent,
  previewProblems,
  removeEvent,
  replaceEvent,
  unsureFields,
  withPeriodDates,
  type Roadmap,
} from './preview-edit';

const base = (): Roadmap => {
  const empty: Roadmap = {
    title: 'Дорожная карта',
    year: 2023,
    timezone: 'Asia/Irkutsk',
    events: [],
    executorEntities: [],
    schools: [],
    curators: [],
    warnings: [],
  };
  const one = addEvent(empty);
  return {
    ...one,
    events: [{ ...one.events[0], title: 'Самодиагностика', sourceRow: 'строка 5' }],
    warnings: [{ row: 'строка 5', text: 'По графику', message: 'срок без дат' }],
  };
};

describe('preview editing', () => {
  it('adds a row numbered after the highest and undated', () => {
    const r = addEvent(replaceEvent(base(), 0, { ...base().events[0], number: '12' }));
    expect(r.events.map((e) => e.number)).toEqual(['12', '13']);
    expect(r.events[1].period.toBeScheduled).toBe(true);
  });
  it('removes a row together with its warnings', () => {
    const r = removeEvent(base(), 0);
    expect(r.events).toHaveLength(0);
    expect(r.warnings).toHaveLength(0);
  });
  it('sets and clears hand-typed dates', () => {
    const dated = withPeriodDates(base().events[0], '2023-09-01', '2023-09-30');
    expect(dated.period).toMatchObject({ start: '2023-09-01', end: '2023-09-30', toBeScheduled: false });
    expect(withPeriodDates(dated, '', '').period).toMatchObject({ start: null, end: null, toBeScheduled: true });
  });
  it('names the rows that keep the roadmap from being stored', () => {
    const r = replaceEvent(base(), 0, withPeriodDates({ ...base().events[0], title: ' ' }, '2023-09-30', '2023-09-01'));
    expect(previewProblems(r)).toEqual(['№ 1: не указан текст мероприятия', '№ 1: окончание срока раньше начала']);
    expect(previewProblems(base())).toEqual([]);
  });
  it('names the fields the importer is unsure of', () => {
    const e = { ...base().events[0], confidence: { title: 0.95, period: 0.5, executors: 0.69, indicator: 0.7 } };
    expect(unsureFields(e)).toEqual(['period', 'executors']);
    expect(unsureFields(base().events[0])).toEqual([]);
  });
});
