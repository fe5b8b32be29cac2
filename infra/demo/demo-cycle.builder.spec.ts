import type { CanonicalRoadmap, RoadmapEvent } from '@orientir/domain';
import { buildDemoCycle } from './demo-cycle.builder';

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

describe('buildDemoCycle', () => {
  const now = new Date('2026-11-22T03:00:00Z');
  const { payload, skipped } = buildDemoCycle(roadmap, now, 5);

  it('shifts whole days so the first deadline is a few days ahead, keeping the gaps between events', () => {
    const firstDeadline = Date.parse(payload.events[0].deadline);
    expect(firstDeadline - now.getTime()).toBeGreaterThanOrEqual(5 * DAY);
    expect(firstDeadline - now.getTime()).toBeLessThan(6 * DAY);
    expect(Date.parse(payload.events[1].opensAt) - Date.parse(payload.events[0].opensAt)).toBe(31 * DAY);
    expect(payload.year).toBe(2026);
  });

  it('gives each executor one demo address and skips undated events with a reason', () => {
    expect(payload.events[0].executors[0].email).toBe(payload.events[1].executors[1].email);
    expect(payload.events[1].executors[0].email).not.toBe(payload.events[0].executors[0].email);
    expect(skipped).toEqual([{ number: '3', reason: expect.stringContaining('срок «По графику» не задает дат') }]);
  });

  it('invents demo schools when the roadmap lists none', () => {
    expect(payload.schools).toHaveLength(3);
  });
});
