import type { CanonicalRoadmap, RoadmapEvent } from '@orientir/domain';
import { buildDemoLaunch } from './demo-cycle.builder';

const DAY = 24 * 60 * 60 * 1000;

function event(
  number: string,
  start: string | null,
  end: string | null,
  executors: string[] = ['МКУ «ИМЦРО»'],
): RoadmapEvent {
  return {
    number,
    section: null,
    title: `Мероприятие ${number}`,
    period: {
      start,
      end,
      occurrences: start && end ? [{ start, end }] : [],
      recurrence: null,
      wholeCycle: false,
      toBeScheduled: !start,
      text: start ? 'Май' : 'По графику',
    },
    executors,
    indicator: { kind: 'text', min: null, per: null, unit: null, text: '' },
    reportForm: null,
    executionNote: null,
    stage: null,
    sourceRow: number,
  };
}

const roadmap: CanonicalRoadmap = {
  title: 'Дорожная карта',
  year: 2023,
  timezone: 'Asia/Irkutsk',
  events: [
    event('1', '2023-05-01', '2023-05-31'),
    event('2', '2023-06-01', '2023-06-30', ['ДО', 'МКУ «ИМЦРО»']),
    event('3', null, null),
  ],
  executorEntities: [],
  schools: [],
  curators: [],
  warnings: [],
};

describe('buildDemoLaunch', () => {
  const now = new Date('2026-11-22T03:00:00Z');
  const demo = buildDemoLaunch(
    {
      ...roadmap,
      events: [...roadmap.events, { ...event('4', '2023-06-01', '2023-06-30'), title: 'Назначение кураторов ШНОР' }],
    },
    now,
    5,
  );
  const period = (n: string) => demo.roadmap.events.find((e) => e.number === n)!.period;

  it('moves periods by whole months so the first deadline is a few days ahead, months staying whole', () => {
    // May 2023 + 42 months = November 2026, whose last day is 8 days after `now`.
    expect(period('1')).toMatchObject({ start: '2026-11-01', end: '2026-11-30', text: 'ноябрь 2026 г.' });
    expect(period('2')).toMatchObject({ start: '2026-12-01', end: '2026-12-31', text: 'декабрь 2026 г.' });
    expect(period('1').occurrences).toEqual([{ start: '2026-11-01', end: '2026-11-30' }]);
    expect(Date.parse(`${period('1').end}T23:59:59+08:00`) - now.getTime()).toBeGreaterThan(5 * DAY);
    expect(demo.roadmap.year).toBe(2026);
  });

  it('launches «По графику» events waiting for dates, and leaves one seed event undated to show it', () => {
    expect(period('3')).toMatchObject({ start: null, toBeScheduled: true });
    expect(period('4')).toMatchObject({ start: null, toBeScheduled: true, text: 'По графику' });
    expect(demo.awaitingSchedule).toEqual(['3', '4']);
  });

  it('launches with the title of the roadmap and adds no addresses of its own: people come from the directory files', () => {
    expect(demo.cycle).toEqual({ title: 'Демо: Дорожная карта' });
    expect(JSON.stringify(demo)).not.toContain('@');
  });
});
