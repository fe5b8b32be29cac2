// Reads a production calendar from the files people have: the common XML of consultant/xmlcalendar
// (`<calendar year="2025"><days><day d="01.01" t="1"/>…`, d is MM.DD), the open-data CSV (one row per year, one
// column per month listing its non-working days, `*` a shortened working day, `+` a moved day off)
// and a plain CSV of days (`date;type[;note]`). Every problem names its line and day, in Russian.
import { DomainException } from '../errors/domain.exception';
import type { ProductionCalendarYear } from './production-calendar.data';
import { epochDayOf, isoDateOfEpochDay, isWeekend } from './calendar-date.util';

export enum CalendarErrorCode {
  /** The file cannot be read as a production calendar; `details` names each line at fault. */
  INVALID_CALENDAR_FILE = 'INVALID_CALENDAR_FILE',
  /** A day or year given by hand is not valid. */
  INVALID_CALENDAR_DAY = 'INVALID_CALENDAR_DAY',
}

export class CalendarException extends DomainException<CalendarErrorCode> {}

export const MIN_CALENDAR_YEAR = 2000;
export const MAX_CALENDAR_YEAR = 2100;

const MONTHS = [
  'январь',
  'февраль',
  'март',
  'апрель',
  'май',
  'июнь',
  'июль',
  'август',
  'сентябрь',
  'октябрь',
  'ноябрь',
  'декабрь',
];

/** Parses one file; throws CalendarException listing every bad line (nothing is half-read). */
export function parseProductionCalendarFile(content: string, fileName = 'файл'): ProductionCalendarYear[] {
  const text = content.replace(/^\uFEFF/, '');
  if (!text.trim()) throw invalid(`Файл «${fileName}» пуст`, []);
  if (/^\s*</.test(text)) return parseXml(text, fileName);
  const lines = text.split(/\r?\n/);
  const header = lines.find((l) => l.trim())!.toLowerCase();
  if (MONTHS.every((m) => header.includes(m))) return parseOpenDataCsv(lines, fileName);
  return [parseDaysCsv(lines, fileName)];
}

function invalid(message: string, details: string[]): CalendarException {
  return new CalendarException(CalendarErrorCode.INVALID_CALENDAR_FILE, message, details.slice(0, 50));
}

function checkYear(year: number): boolean {
  return Number.isInteger(year) && year >= MIN_CALENDAR_YEAR && year <= MAX_CALENDAR_YEAR;
}

function parseXml(text: string, fileName: string): ProductionCalendarYear[] {
  const lines = text.split(/\r?\n/);
  const problems: string[] = [];
  const yearLine = lines.findIndex((l) => /<calendar\b/i.test(l));
  const yearMatch =
    yearLine >= 0 ? /<calendar\b[^>]*\byear\s*=\s*"([^"]*)"/i.exec(lines.slice(yearLine).join(' ')) : null;
  if (!yearMatch) throw invalid(`Файл «${fileName}»: нет элемента <calendar year="…">`, []);
  const year = Number(yearMatch[1]);
  if (!checkYear(year))
    throw invalid(
      `Файл «${fileName}», строка ${yearLine + 1}: год «${yearMatch[1]}» — ожидается ${MIN_CALENDAR_YEAR}–${MAX_CALENDAR_YEAR}`,
      [],
    );
  const dayOff: string[] = [];
  const workingWeekend: string[] = [];
  // Only <days> matters; <holidays> names them. A <day> outside <days> (none in real files) is read too.
  let inHolidays = false;
  lines.forEach((line, i) => {
    if (/<holidays\b/i.test(line)) inHolidays = !/<\/holidays>/i.test(line);
    else if (/<\/holidays>/i.test(line)) inHolidays = false;
    if (inHolidays) return;
    for (const m of line.matchAll(/<day\b([^>]*)\/?>/gi)) {
      const attrs = Object.fromEntries(
        [...m[1].matchAll(/(\w+)\s*=\s*"([^"]*)"/g)].map((a) => [a[1].toLowerCase(), a[2]]),
      );
      const where = `строка ${i + 1}`;
      const d = attrs.d ?? '';
      const dm = /^(\d{2})\.(\d{2})$/.exec(d);
      const iso = dm ? `${year}-${dm[1]}-${dm[2]}` : ''; // xmlcalendar writes MM.DD
      if (!dm || epochDayOf(iso) === null) {
        problems.push(`${where}: день «${d}» — ожидается ММ.ДД, реальная дата ${year} года`);
        continue;
      }
      const t = attrs.t ?? '1';
      if (t === '1') dayOff.push(iso.slice(5));
      else if (t === '3') workingWeekend.push(iso.slice(5));
      else if (t !== '2')
        problems.push(`${where}: день «${d}»: тип t="${t}" — ожидается 1 (выходной), 2 (сокращённый) или 3 (рабочий)`);
    }
  });
  if (problems.length) throw invalid(`Файл «${fileName}» не прочитан: ${problems.length} ошибок`, problems);
  return [finish(year, dayOff, workingWeekend, `Файл «${fileName}»`)];
}

function splitCsv(line: string, separator: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === separator && !quoted) {
      cells.push(cell.trim());
      cell = '';
    } else cell += ch;
  }
  cells.push(cell.trim());
  return cells;
}

function separatorOf(line: string): string {
  return (line.match(/;/g)?.length ?? 0) > (line.match(/,/g)?.length ?? 0) && !line.includes('"') ? ';' : ',';
}

function parseOpenDataCsv(lines: string[], fileName: string): ProductionCalendarYear[] {
  const headerIndex = lines.findIndex((l) => l.trim());
  const separator = separatorOf(lines[headerIndex]);
  const header = splitCsv(lines[headerIndex], separator).map((h) => h.toLowerCase());
  const monthColumns = MONTHS.map((m) => header.findIndex((h) => h.startsWith(m)));
  const problems: string[] = [];
  const years: ProductionCalendarYear[] = [];
  lines.forEach((line, i) => {
    if (i <= headerIndex || !line.trim()) return;
    const cells = splitCsv(line, separator);
    const where = `строка ${i + 1}`;
    const year = Number(cells[0]);
    if (!checkYear(year)) {
      problems.push(`${where}: год «${cells[0]}» — ожидается ${MIN_CALENDAR_YEAR}–${MAX_CALENDAR_YEAR}`);
      return;
    }
    const listed = new Set<string>();
    monthColumns.forEach((column, month) => {
      for (const raw of (cells[column] ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)) {
        const day = /^(\d{1,2})([*+]?)$/.exec(raw);
        const iso = day ? `${year}-${String(month + 1).padStart(2, '0')}-${day[1].padStart(2, '0')}` : '';
        if (!day || epochDayOf(iso) === null) {
          problems.push(`${where}, ${MONTHS[month]}: день «${raw}» — нет такой даты`);
          continue;
        }
        if (day[2] !== '*') listed.add(iso); // `*` marks a shortened working day
      }
    });
    const dayOff: string[] = [];
    const workingWeekend: string[] = [];
    for (let d = epochDayOf(`${year}-01-01`)!, last = epochDayOf(`${year}-12-31`)!; d <= last; d++) {
      const iso = isoDateOfEpochDay(d);
      if (listed.has(iso) && !isWeekend(d)) dayOff.push(iso.slice(5));
      if (!listed.has(iso) && isWeekend(d)) workingWeekend.push(iso.slice(5));
    }
    years.push(finish(year, dayOff, workingWeekend, `Файл «${fileName}»`));
  });
  if (problems.length) throw invalid(`Файл «${fileName}» не прочитан: ${problems.length} ошибок`, problems);
  if (!years.length) throw invalid(`Файл «${fileName}»: нет ни одной строки с годом`, []);
  return years;
}

const OFF = new Set(['1', 'выходной', 'праздник', 'праздничный', 'нерабочий', 'holiday', 'day_off', 'off']);
const WORKING = new Set(['2', '3', 'рабочий', 'сокращенный', 'сокращённый', 'working', 'shortened']);

/** `дата;тип[;примечание]` per line: YYYY-MM-DD or ДД.ММ.ГГГГ; all dates of one year. */
function parseDaysCsv(lines: string[], fileName: string): ProductionCalendarYear {
  const problems: string[] = [];
  const days: { iso: string; off: boolean }[] = [];
  const firstLine = lines.find((l) => l.trim()) ?? '';
  const separator = separatorOf(firstLine);
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    const [rawDate = '', rawType = ''] = splitCsv(line, separator);
    const where = `строка ${i + 1}`;
    const ru = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(rawDate);
    const iso = ru ? `${ru[3]}-${ru[2]}-${ru[1]}` : rawDate;
    if (epochDayOf(iso) === null) {
      if (i === lines.indexOf(firstLine) && !/\d/.test(rawDate)) return; // a header row
      problems.push(`${where}: дата «${rawDate}» — ожидается ГГГГ-ММ-ДД или ДД.ММ.ГГГГ`);
      return;
    }
    const type = rawType.toLowerCase().replace(/\s+/g, ' ').trim();
    if (OFF.has(type)) days.push({ iso, off: true });
    else if (WORKING.has(type)) days.push({ iso, off: false });
    else problems.push(`${where}: день «${rawDate}»: тип «${rawType}» — ожидается «выходной» (1) или «рабочий» (3)`);
  });
  const years = [...new Set(days.map((d) => d.iso.slice(0, 4)))];
  if (!problems.length && years.length > 1)
    problems.push(`В файле дни разных лет (${years.join(', ')}): загрузите каждый год отдельным файлом`);
  if (!problems.length && !days.length) problems.push('В файле нет ни одного дня');
  const year = Number(years[0]);
  if (!problems.length && !checkYear(year))
    problems.push(`год «${years[0]}» — ожидается ${MIN_CALENDAR_YEAR}–${MAX_CALENDAR_YEAR}`);
  if (problems.length) throw invalid(`Файл «${fileName}» не прочитан: ${problems.length} ошибок`, problems);
  return finish(
    year,
    days.filter((d) => d.off).map((d) => d.iso.slice(5)),
    days.filter((d) => !d.off && isWeekend(epochDayOf(d.iso)!)).map((d) => d.iso.slice(5)),
    `Файл «${fileName}»`,
  );
}

function finish(year: number, dayOff: string[], workingWeekend: string[], source: string): ProductionCalendarYear {
  const off = [...new Set(dayOff)].sort();
  const working = [...new Set(workingWeekend)].filter((d) => !off.includes(d)).sort();
  return { year, dayOff: off, workingWeekend: working, source };
}

/** Renders a year as the common XML form (what the page offers to download). */
export function productionCalendarXml(year: ProductionCalendarYear): string {
  const day = (md: string, t: number) => `    <day d="${md.replace('-', '.')}" t="${t}"/>`;
  const days = [
    ...year.dayOff.map((md) => [md, 1] as const),
    ...year.workingWeekend.map((md) => [md, 3] as const),
  ].sort((a, b) => a[0].localeCompare(b[0]));
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<calendar year="${year.year}" lang="ru" country="ru">`,
    '  <days>',
    ...days.map(([md, t]) => day(md, t)),
    '  </days>',
    '</calendar>',
    '',
  ].join('\n');
}
