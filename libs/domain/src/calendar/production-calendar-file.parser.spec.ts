import { RUSSIAN_PRODUCTION_CALENDAR } from './production-calendar.data';
import {
  CalendarException,
  parseProductionCalendarFile,
  productionCalendarXml,
} from './production-calendar-file.parser';
import { WorkingCalendar } from './working-calendar';

const y2025 = RUSSIAN_PRODUCTION_CALENDAR.find((y) => y.year === 2025)!;

function problemsOf(run: () => unknown): { message: string; details: readonly string[] } {
  try {
    run();
  } catch (error) {
    if (error instanceof CalendarException) return { message: error.message, details: error.details };
    throw error;
  }
  throw new Error('expected a CalendarException');
}

describe('production calendar files', () => {
  it('reads the xmlcalendar form: holidays list ignored, t=1 day off, t=2 shortened (working), t=3 working weekend', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<calendar year="2025" lang="ru" date="2024.10.05" country="ru">
  <holidays>
    <holiday id="1" title="Новогодние каникулы"/>
  </holidays>
  <days>
    <day d="01.01" t="1" h="1"/>
    <day d="01.02" t="1" h="1"/>
    <day d="03.07" t="2"/>
    <day d="11.01" t="3" f="11.03"/>
  </days>
</calendar>`;
    const [year] = parseProductionCalendarFile(xml, 'calendar.xml');
    expect(year).toEqual({
      year: 2025,
      dayOff: ['01-01', '01-02'],
      workingWeekend: ['11-01'],
      source: 'Файл «calendar.xml»',
    });
  });

  it('round-trips every shipped year through the XML form with the same working days', () => {
    for (const shipped of RUSSIAN_PRODUCTION_CALENDAR) {
      const [read] = parseProductionCalendarFile(productionCalendarXml(shipped));
      const calendar = new WorkingCalendar({ years: [read] });
      expect([shipped.year, calendar.workingDaysInYear(shipped.year)]).toEqual([
        shipped.year,
        new WorkingCalendar().workingDaysInYear(shipped.year),
      ]);
    }
  });

  it('reads the open-data CSV (non-working days per month, * shortened, + moved)', () => {
    // 2025 as the open-data set publishes it: every non-working day of each month.
    const months = Array.from({ length: 12 }, (_, m) => {
      const days: string[] = [];
      for (let d = 1; d <= 31; d++) {
        const iso = `2025-${String(m + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        if (new Date(`${iso}T00:00:00Z`).getUTCMonth() !== m) continue;
        if (!new WorkingCalendar().isWorkingDay(iso)) days.push(iso === '2025-05-02' ? `${d}+` : String(d));
        else if (iso === '2025-03-07') days.push(`${d}*`);
      }
      return `"${days.join(',')}"`;
    });
    const csv = [
      'Год/Месяц,Январь,Февраль,Март,Апрель,Май,Июнь,Июль,Август,Сентябрь,Октябрь,Ноябрь,Декабрь,Всего рабочих дней',
      `2025,${months.join(',')},247`,
    ].join('\n');
    const [read] = parseProductionCalendarFile(csv, 'data.csv');
    expect(read.dayOff).toEqual(
      [
        ...y2025.dayOff.filter(
          (md) => !['02-23', '03-08'].includes(md) && !md.startsWith('01-04') && !md.startsWith('01-05'),
        ),
      ].sort(),
    );
    expect(read.workingWeekend).toEqual(['11-01']);
    expect(new WorkingCalendar({ years: [read] }).workingDaysInYear(2025)).toBe(247);
  });

  it('reads a plain CSV of days, e.g. a region’s own calendar', () => {
    const [read] = parseProductionCalendarFile(
      'дата;тип;примечание\n2026-01-01;выходной;Новый год\n09.01.2026;1\n2026-11-28;рабочий;перенос\n',
      'days.csv',
    );
    expect(read).toMatchObject({ year: 2026, dayOff: ['01-01', '01-09'], workingWeekend: ['11-28'] });
  });

  it('names every bad line and day, in Russian', () => {
    const xml = problemsOf(() =>
      parseProductionCalendarFile(
        '<calendar year="2025">\n<days>\n<day d="01.32" t="1"/>\n<day d="05.02" t="7"/>\n</days></calendar>',
        'c.xml',
      ),
    );
    expect(xml.message).toBe('Файл «c.xml» не прочитан: 2 ошибок');
    expect(xml.details).toEqual([
      'строка 3: день «01.32» — ожидается ММ.ДД, реальная дата 2025 года',
      'строка 4: день «05.02»: тип t="7" — ожидается 1 (выходной), 2 (сокращённый) или 3 (рабочий)',
    ]);
    expect(
      problemsOf(() => parseProductionCalendarFile('<calendar year="1812"><days/></calendar>', 'c.xml')).message,
    ).toBe('Файл «c.xml», строка 1: год «1812» — ожидается 2000–2100');
    const csv = problemsOf(() => parseProductionCalendarFile('2026-02-30;выходной\n2026-03-02;отпуск\n', 'd.csv'));
    expect(csv.details).toEqual([
      'строка 1: дата «2026-02-30» — ожидается ГГГГ-ММ-ДД или ДД.ММ.ГГГГ',
      'строка 2: день «2026-03-02»: тип «отпуск» — ожидается «выходной» (1) или «рабочий» (3)',
    ]);
    expect(problemsOf(() => parseProductionCalendarFile('2026-01-01;1\n2027-01-01;1', 'd.csv')).details).toEqual([
      'В файле дни разных лет (2026, 2027): загрузите каждый год отдельным файлом',
    ]);
    expect(problemsOf(() => parseProductionCalendarFile('  ', 'e.csv')).message).toBe('Файл «e.csv» пуст');
  });
});
