import { RUSSIAN_PRODUCTION_CALENDAR } from './production-calendar.data';
import { WorkingCalendar, baselineCalendarYear } from './working-calendar';
import { epochDayOf, weekdayOfEpochDay } from './calendar-date.util';

describe('Russian production calendar 2023–2027', () => {
  const calendar = new WorkingCalendar();

  it.each([
    [2023, 247],
    [2024, 248],
    [2025, 247],
    [2026, 247],
    [2027, 247],
  ])('%i has %i working days, as the official calendar', (year, total) => {
    expect(calendar.workingDaysInYear(year)).toBe(total);
  });

  it('lists only real dates; working weekends are weekends, and no day is both off and working', () => {
    for (const year of RUSSIAN_PRODUCTION_CALENDAR) {
      for (const md of [...year.dayOff, ...year.workingWeekend])
        expect(epochDayOf(`${year.year}-${md}`)).not.toBeNull();
      for (const md of year.workingWeekend)
        expect([0, 6]).toContain(weekdayOfEpochDay(epochDayOf(`${year.year}-${md}`)!));
      expect(year.dayOff.filter((d) => year.workingWeekend.includes(d))).toEqual([]);
    }
  });

  it('knows holidays, moved days off and working Saturdays', () => {
    expect(calendar.isWorkingDay('2024-01-08')).toBe(false); // New Year holidays
    expect(calendar.isWorkingDay('2024-01-09')).toBe(true);
    expect(calendar.isWorkingDay('2024-04-27')).toBe(true); // Saturday worked for 29 April
    expect(calendar.isWorkingDay('2024-04-29')).toBe(false);
    expect(calendar.isWorkingDay('2024-12-28')).toBe(true);
    expect(calendar.isWorkingDay('2025-11-01')).toBe(true);
    expect(calendar.isWorkingDay('2025-02-24')).toBe(false); // 23 Feb on a Sunday, moved
    expect(calendar.isWorkingDay('2026-01-09')).toBe(false);
    expect(calendar.isWorkingDay('2026-01-12')).toBe(true);
    expect(calendar.isWorkingDay('2026-12-31')).toBe(false);
    expect(calendar.isWorkingDay('2026-11-28')).toBe(false); // an ordinary Saturday
  });

  it('adds and subtracts working days across weekends, holidays and a working Saturday', () => {
    expect(calendar.addWorkingDays('2025-12-30', 1)).toBe('2026-01-12'); // over the New Year holidays
    expect(calendar.subtractWorkingDays('2026-01-12', 1)).toBe('2025-12-30');
    expect(calendar.subtractWorkingDays('2026-01-12', 7)).toBe('2025-12-22');
    expect(calendar.addWorkingDays('2025-10-31', 1)).toBe('2025-11-01'); // the working Saturday
    expect(calendar.addWorkingDays('2025-11-01', 1)).toBe('2025-11-05');
    expect(calendar.nextWorkingDay('2026-11-27')).toBe('2026-11-30');
    expect(calendar.workingDayOnOrAfter('2026-11-30')).toBe('2026-11-30');
    expect(calendar.workingDayOnOrAfter('2026-11-29')).toBe('2026-11-30');
    expect(calendar.addWorkingDays('2026-11-29', 0)).toBe('2026-11-29');
    // Add then subtract returns to a working day.
    for (const start of ['2023-03-01', '2024-05-02', '2025-11-05', '2027-06-15'])
      expect(calendar.subtractWorkingDays(calendar.addWorkingDays(start, 17), 17)).toBe(start);
  });

  it('takes a region’s extra holidays and a loaded year over the shipped data', () => {
    const tatarstan = new WorkingCalendar({ extraDaysOff: ['2026-05-27', '2026-08-31'] }); // Курбан-байрам, День республики
    expect(tatarstan.isWorkingDay('2026-05-27')).toBe(false);
    expect(tatarstan.workingDaysInYear(2026)).toBe(245);
    expect(tatarstan.nextWorkingDay('2026-05-26')).toBe('2026-05-28');
    expect(new WorkingCalendar({ extraWorkingDays: ['2026-11-28'] }).isWorkingDay('2026-11-28')).toBe(true);
    const loaded = new WorkingCalendar({
      years: [{ year: 2027, dayOff: ['01-01'], workingWeekend: ['01-02'], source: 'test' }],
    });
    expect(loaded.isWorkingDay('2027-01-04')).toBe(true);
    expect(loaded.isWorkingDay('2027-01-02')).toBe(true);
    expect(loaded.yearData(2027).source).toBe('test');
  });

  it('falls back to Labour Code art. 112 for a year it does not ship', () => {
    const y2028 = baselineCalendarYear(2028);
    expect(y2028.provisional).toBe(true);
    expect(y2028.dayOff).toContain('01-08');
    // 12 June 2028 is a Monday; 4 November 2028 a Saturday → Monday 6 November.
    expect(y2028.dayOff).toContain('11-06');
    expect(calendar.isWorkingDay('2028-11-06')).toBe(false);
    // The baseline of a shipped year with no January transfers agrees with the decree (2023).
    const base2023 = new WorkingCalendar({ years: [baselineCalendarYear(2023)] });
    expect(base2023.workingDaysInYear(2023)).toBe(249); // the decree moved two January Sundays onto weekdays
  });

  it('refuses a malformed date', () => {
    expect(() => calendar.isWorkingDay('2026-02-30')).toThrow('Некорректная дата «2026-02-30»');
  });
});
