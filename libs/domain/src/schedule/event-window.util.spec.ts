import type { RoadmapPeriod } from '../roadmap/roadmap.model';
import { resolveEventWindow } from './event-window.util';

const period = (start: string | null, end: string | null): RoadmapPeriod => ({
  start,
  end,
  occurrences: start && end ? [{ start, end }] : [],
  recurrence: null,
  wholeCycle: false,
  toBeScheduled: !start,
  text: 'x',
});

describe('resolveEventWindow', () => {
  it('opens at local midnight of the first day and closes at the end of the last day', () => {
    expect(resolveEventWindow(period('2023-05-01', '2023-06-30'), 'Asia/Irkutsk')).toEqual({
      opensAt: new Date('2023-04-30T16:00:00.000Z'),
      deadline: new Date('2023-06-30T15:59:59.999Z'),
    });
  });

  it('has no window for a period without dates', () => {
    expect(resolveEventWindow(period(null, null), 'Asia/Irkutsk')).toBeNull();
  });
});
