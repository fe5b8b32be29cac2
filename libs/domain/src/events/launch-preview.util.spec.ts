import { parsePeriod, type RoadmapEvent } from '../roadmap';
import { pastEventsAtLaunch } from './launch-preview.util';

const TZ = 'Asia/Irkutsk';
const ctx = { year: 2023 };

const ev = (number: string, text: string, patch: Partial<RoadmapEvent['period']> = {}): RoadmapEvent => ({
  number,
  section: null,
  title: `Мероприятие ${number}`,
  period: { ...parsePeriod(text, ctx).period, ...patch },
  executors: [],
  indicator: { kind: 'text', min: null, per: null, unit: null, text: '' },
  reportForm: null,
  executionNote: null,
  stage: null,
  sourceRow: number,
});

describe('pastEventsAtLaunch', () => {
  const events = [
    ev('1', 'Май'),
    ev('2', 'По графику'),
    ev('4', 'Май-декабрь', { recurrence: 'monthly' }),
    ev('5', 'Июнь, Сентябрь'),
    ev('6', 'Июнь-декабрь'),
  ];

  it('lists the wholly past and the partly past events, and where «skip» would start, in the cycle zone', () => {
    const past = pastEventsAtLaunch({ events, timezone: TZ }, Date.parse('2023-06-15T04:00:00Z'));
    expect(past.map((p) => [p.event.number, p.wholly, p.pastOccurrences, p.nextOccurrence?.label ?? null])).toEqual([
      ['1', true, 1, null],
      ['4', false, 1, 'июнь 2023 г.'],
    ]);
  });

  it('counts a period as past only after the end of its last local day', () => {
    // 31 May 23:00 in Irkutsk: May is not over yet there.
    expect(pastEventsAtLaunch({ events, timezone: TZ }, Date.parse('2023-05-31T15:00:00Z'))).toEqual([]);
    const after = pastEventsAtLaunch({ events, timezone: TZ }, Date.parse('2023-05-31T16:00:00Z'));
    expect(after.map((p) => p.event.number)).toEqual(['1', '4']);
  });

  it('starts «skip» with the next listed occurrence', () => {
    const past = pastEventsAtLaunch({ events, timezone: TZ }, Date.parse('2023-07-10T00:00:00Z'));
    const five = past.find((p) => p.event.number === '5')!;
    expect(five).toMatchObject({
      wholly: false,
      pastOccurrences: 1,
      nextOccurrence: { index: 1, label: 'сентябрь 2023 г.' },
    });
  });
});
