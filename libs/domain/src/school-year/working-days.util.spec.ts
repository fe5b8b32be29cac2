import { addWorkingDays, isWorkingDay, WEEKENDS_ONLY, type WorkingCalendar } from './working-days.util';

const irkutsk: WorkingCalendar = { utcOffsetMinutes: 480, holidays: ['2026-11-04'], workingWeekends: [] };

describe('addWorkingDays', () => {
  it('skips weekends: Friday + 1 working day is the end of Monday', () => {
    const friday = Date.parse('2026-11-20T10:00:00Z');
    expect(new Date(addWorkingDays(friday, 1, WEEKENDS_ONLY)).toISOString()).toBe('2026-11-23T23:59:59.999Z');
  });

  it('counts in the cycle zone and skips its holidays', () => {
    // 2026-11-02 20:00 UTC is already Tuesday 3 November in Irkutsk; 4 November is a holiday.
    const due = addWorkingDays(Date.parse('2026-11-02T20:00:00Z'), 2, irkutsk);
    expect(new Date(due).toISOString()).toBe('2026-11-05T15:59:59.999Z'); // end of Thu 5 Nov local
  });

  it('ten working days are two calendar weeks', () => {
    const monday = Date.parse('2026-11-09T08:00:00Z');
    expect(new Date(addWorkingDays(monday, 10, WEEKENDS_ONLY)).toISOString()).toBe('2026-11-23T23:59:59.999Z');
  });

  it('honours a transferred working Saturday', () => {
    const saturday = Date.parse('2026-11-14T12:00:00Z');
    expect(isWorkingDay(saturday, WEEKENDS_ONLY)).toBe(false);
    expect(isWorkingDay(saturday, { ...WEEKENDS_ONLY, workingWeekends: ['2026-11-14'] })).toBe(true);
  });
});
