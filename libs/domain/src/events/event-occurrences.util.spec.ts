import { parsePeriod, parseIndicator } from '../roadmap';
import { planOccurrences, rangeLabel, targetFromIndicator, WHOLE_CYCLE_NUDGE_DAYS } from './event-occurrences.util';

const TZ = 'Asia/Irkutsk';
const ctx = { year: 2023 };
const iso = (ms: number) => new Date(ms).toISOString();

describe('planOccurrences', () => {
  it('keeps a dated window as one occurrence from the first local day to the end of the last', () => {
    const plan = planOccurrences(parsePeriod('Май', ctx).period, null, TZ);
    expect(plan.awaitingSchedule).toBe(false);
    expect(plan.occurrences).toHaveLength(1);
    expect(iso(plan.occurrences[0].opensAt)).toBe('2023-04-30T16:00:00.000Z');
    expect(iso(plan.occurrences[0].deadline)).toBe('2023-05-31T15:59:59.999Z');
    expect(plan.occurrences[0].label).toBe('май 2023 г.');
    expect(plan.nudgeEveryDays).toBeNull();
  });

  it('tracks «Сентябрь, Декабрь» as two occurrences', () => {
    const plan = planOccurrences(parsePeriod('Сентябрь, Декабрь', ctx).period, null, TZ);
    expect(plan.occurrences.map((o) => o.label)).toEqual(['сентябрь 2023 г.', 'декабрь 2023 г.']);
    expect(plan.occurrences.map((o) => o.index)).toEqual([0, 1]);
  });

  it('splits «не менее двух встреч в месяц» over Март-декабрь into ten monthly occurrences', () => {
    const indicator = parseIndicator('Не менее двух консультационных встреч в месяц');
    const plan = planOccurrences(parsePeriod('Март-декабрь', ctx).period, indicator, TZ);
    expect(plan.occurrences).toHaveLength(10);
    expect(plan.occurrences[0].label).toBe('март 2023 г.');
    expect(plan.occurrences[9].label).toBe('декабрь 2023 г.');
    expect(targetFromIndicator(indicator, null)).toMatchObject({ kind: 'count', min: 2 });
  });

  it('splits a weekly recurrence into weeks clipped to the period', () => {
    const period = { ...parsePeriod('с 01.03.2023 по 31.03.2023', ctx).period, recurrence: 'weekly' as const };
    const plan = planOccurrences(period, null, TZ);
    expect(plan.occurrences.length).toBe(5);
    expect(plan.occurrences[0].label).toBe('1 – 5 марта 2023 г.'); // 1 March 2023 is a Wednesday
  });

  it('gives «В течение года» one window and a monthly nudge', () => {
    const plan = planOccurrences(parsePeriod('В течение года', ctx).period, null, TZ);
    expect(plan.occurrences).toHaveLength(1);
    expect(plan.nudgeEveryDays).toBe(WHOLE_CYCLE_NUDGE_DAYS);
  });

  it('makes «По графику» wait for dates', () => {
    const plan = planOccurrences(parsePeriod('По графику', ctx).period, null, TZ);
    expect(plan).toEqual({ occurrences: [], awaitingSchedule: true, nudgeEveryDays: null });
  });

  it('labels ranges the way people write them', () => {
    const d = (s: string) => new Date(s);
    expect(rangeLabel(d('2023-04-30T16:00:00Z'), d('2023-06-30T15:59:59Z'), TZ)).toBe('май – июнь 2023 г.');
    expect(rangeLabel(d('2023-10-16T16:00:00Z'), d('2023-10-20T15:59:59Z'), TZ)).toBe('17 – 20 октября 2023 г.');
    expect(rangeLabel(d('2023-05-30T16:00:00Z'), d('2023-05-31T15:59:59Z'), TZ)).toBe('31 мая 2023 г.');
  });
});
