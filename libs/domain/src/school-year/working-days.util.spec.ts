import { workingDaysLater, type SchoolCalendar } from './working-days.util';

const utc: SchoolCalendar = { utcOffsetMinutes: 0, overrides: {} };
const irkutsk: SchoolCalendar = { utcOffsetMinutes: 480, overrides: {} };
const iso = (ms: number) => new Date(ms).toISOString();

describe('workingDaysLater', () => {
  it('skips weekends: Friday + 1 working day is the end of Monday', () => {
    expect(iso(workingDaysLater(Date.parse('2026-11-20T10:00:00Z'), 1, utc))).toBe('2026-11-23T23:59:59.999Z');
  });

  it('counts in the cycle zone and skips public holidays (4 November)', () => {
    // 2026-11-02 20:00 UTC is already Tuesday 3 November in Irkutsk; Wednesday 4 November is a holiday,
    // so the two working days are Thursday 5 and Friday 6.
    expect(iso(workingDaysLater(Date.parse('2026-11-02T20:00:00Z'), 2, irkutsk))).toBe('2026-11-06T15:59:59.999Z');
  });

  it('ten working days are two calendar weeks without holidays', () => {
    expect(iso(workingDaysLater(Date.parse('2026-11-09T08:00:00Z'), 10, utc))).toBe('2026-11-23T23:59:59.999Z');
  });

  it("honours a cycle's extra day off", () => {
    const cal: SchoolCalendar = { utcOffsetMinutes: 0, overrides: { extraDaysOff: ['2026-11-23'] } };
    expect(iso(workingDaysLater(Date.parse('2026-11-20T10:00:00Z'), 1, cal))).toBe('2026-11-24T23:59:59.999Z');
  });
});
