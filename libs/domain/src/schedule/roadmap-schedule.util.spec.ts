import type { CanonicalRoadmap, RoadmapEvent } from '../roadmap/roadmap.model';
import { planCycleFromRoadmap, scheduleRoadmapEvents } from './roadmap-schedule.util';

const event = (number: string, start: string | null, end: string | null): RoadmapEvent => ({
  number,
  section: null,
  title: `Мероприятие ${number}`,
  period: { start, end, occurrences: [], recurrence: null, wholeCycle: false, toBeScheduled: !start, text: 'x' },
  executors: [],
  indicator: { kind: 'text', min: null, per: null, unit: null, text: '' },
  reportForm: null,
  executionNote: null,
  stage: null,
  sourceRow: number,
});

describe('scheduleRoadmapEvents', () => {
  const { scheduled, undated } = scheduleRoadmapEvents({
    timezone: 'Asia/Irkutsk',
    events: [
      event('1', '2023-05-01', '2023-05-31'),
      event('2', null, null),
      event('1', '2023-06-01', '2023-06-30'),
      event('1', '2023-07-01', '2023-07-31'),
    ],
  });

  it('keeps dated events in order with a unique number each', () => {
    expect(scheduled.map((s) => s.number)).toEqual(['1', '1.2', '1.3']);
    expect(scheduled[1].window.opensAt.toISOString()).toBe('2023-05-31T16:00:00.000Z');
  });

  it('sets undated events aside', () => {
    expect(undated.map((e) => e.number)).toEqual(['2']);
  });
});

describe('planCycleFromRoadmap', () => {
  it('maps dated events, schools and executors, and launches undated events to wait for dates', () => {
    const plan = planCycleFromRoadmap({
      title: 'Карта',
      year: 2023,
      timezone: 'Asia/Irkutsk',
      schools: [{ name: 'СОШ № 1', category: 'shnor', municipality: null, emails: ['a@example.ru'] }],
      events: [
        { ...event('1', '2023-05-01', '2023-05-31'), title: 'Самодиагностика', executors: ['ДО', 'ИМЦРО'] },
        { ...event('2', null, null), period: { ...event('2', null, null).period, text: 'По графику' } },
      ],
    } as unknown as CanonicalRoadmap);
    expect(plan.schools).toEqual([{ name: 'СОШ № 1', category: 'shnor', emails: ['a@example.ru'] }]);
    expect(plan.events).toEqual([
      expect.objectContaining({
        number: '1',
        title: 'Самодиагностика',
        executors: [{ name: 'ДО' }, { name: 'ИМЦРО' }],
        awaitingSchedule: false,
      }),
      expect.objectContaining({
        number: '2',
        awaitingSchedule: true,
        // The cycle's year in its zone, a placeholder the event workflow does not track.
        opensAt: '2022-12-31T16:00:00.000Z',
        deadline: '2023-12-31T15:59:59.999Z',
      }),
    ]);
    expect(plan.events[1].details.period).toMatchObject({ toBeScheduled: true, text: 'По графику' });
    expect(Date.parse(plan.events[0].deadline)).toBeGreaterThan(Date.parse(plan.events[0].opensAt));
    expect(plan.awaitingSchedule).toEqual([
      { number: '2', reason: expect.stringContaining('срок «По графику» не задает дат: мероприятие ожидает графика') },
    ]);
  });

  it('launches undated events the coordinator dated by hand, and the rest waiting for dates', () => {
    const plan = planCycleFromRoadmap(
      {
        title: 'Карта',
        year: 2023,
        timezone: 'Asia/Irkutsk',
        schools: [],
        events: [event('1', '2023-05-01', '2023-05-31'), event('2', null, null), event('3', null, null)],
      } as unknown as CanonicalRoadmap,
      [{ number: ' 2 ', opensAt: '2023-09-01T00:00:00+08:00', deadline: '2023-09-30T23:59:59+08:00' }],
    );
    expect(plan.events.map((e) => [e.number, e.awaitingSchedule])).toEqual([
      ['1', false],
      ['2', false],
      ['3', true],
    ]);
    expect(plan.events[1]).toMatchObject({
      opensAt: '2023-09-01T00:00:00+08:00',
      deadline: '2023-09-30T23:59:59+08:00',
    });
    expect(plan.awaitingSchedule.map((s) => s.number)).toEqual(['3']);
  });
});
