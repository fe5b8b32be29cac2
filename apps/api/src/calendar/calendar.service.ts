import { Injectable } from '@nestjs/common';
import {
  CalendarErrorCode,
  CalendarException,
  MAX_CALENDAR_YEAR,
  MIN_CALENDAR_YEAR,
  WorkingCalendar,
  epochDayOf,
  isoDateOfEpochDay,
  parseProductionCalendarFile,
} from '@orientir/domain';
import { CalendarStore } from '@orientir/persistence';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/principal.model';
import type { CalendarDayView, CalendarImportDto, CalendarYearView, MarkCalendarDayDto } from './dto/calendar.dto';

function badDay(message: string): CalendarException {
  return new CalendarException(CalendarErrorCode.INVALID_CALENDAR_DAY, message);
}

/** The installation's production calendar: the shipped years, loaded files and days marked by hand. */
@Injectable()
export class CalendarService {
  constructor(
    private readonly store: CalendarStore,
    private readonly audit: AuditService,
  ) {}

  async year(yearText: string): Promise<CalendarYearView> {
    const year = Number(yearText);
    if (!(year >= MIN_CALENDAR_YEAR && year <= MAX_CALENDAR_YEAR))
      throw badDay(`Год «${yearText}» вне допустимого диапазона ${MIN_CALENDAR_YEAR}–${MAX_CALENDAR_YEAR}`);
    const [overrides, loaded, marked] = await Promise.all([
      this.store.overrides(),
      this.store.years(),
      this.store.days(),
    ]);
    return this.view(
      year,
      new WorkingCalendar(overrides),
      loaded.some((y) => y.year === year),
      marked,
    );
  }

  /** Parses the whole file first: a bad line stores nothing. */
  async importFile(dto: CalendarImportDto, actor: Actor): Promise<CalendarYearView[]> {
    const years = parseProductionCalendarFile(dto.content, dto.fileName);
    await this.store.saveYears(years);
    await this.audit.record(actor, {
      action: 'calendar.import',
      outcome: 'success',
      targetType: 'calendar',
      targetId: years.map((y) => y.year).join(','),
      details: { fileName: dto.fileName },
    });
    return Promise.all(years.map((y) => this.year(String(y.year))));
  }

  async markDay(date: string, dto: MarkCalendarDayDto, actor: Actor): Promise<CalendarYearView> {
    const year = this.checkDate(date);
    await this.store.markDay({ date, kind: dto.kind, note: dto.note?.trim() ?? '' });
    await this.audit.record(actor, {
      action: 'calendar.day.mark',
      outcome: 'success',
      targetType: 'calendar_day',
      targetId: date,
      details: { kind: dto.kind, note: dto.note ?? '' },
    });
    return this.year(String(year));
  }

  async unmarkDay(date: string, actor: Actor): Promise<CalendarYearView> {
    const year = this.checkDate(date);
    const removed = await this.store.unmarkDay(date);
    if (removed)
      await this.audit.record(actor, {
        action: 'calendar.day.unmark',
        outcome: 'success',
        targetType: 'calendar_day',
        targetId: date,
      });
    return this.year(String(year));
  }

  /** Back to the shipped year. */
  async deleteYear(yearText: string, actor: Actor): Promise<CalendarYearView> {
    const view = await this.year(yearText);
    if (await this.store.deleteYear(view.year))
      await this.audit.record(actor, {
        action: 'calendar.year.reset',
        outcome: 'success',
        targetType: 'calendar',
        targetId: yearText,
      });
    return this.year(yearText);
  }

  private checkDate(date: string): number {
    if (epochDayOf(date) === null) throw badDay(`Дата «${date}» некорректна: ожидается ГГГГ-ММ-ДД`);
    const year = Number(date.slice(0, 4));
    if (year < MIN_CALENDAR_YEAR || year > MAX_CALENDAR_YEAR)
      throw badDay(`Дата «${date}» вне допустимого диапазона ${MIN_CALENDAR_YEAR}–${MAX_CALENDAR_YEAR} гг.`);
    return year;
  }

  private view(
    year: number,
    calendar: WorkingCalendar,
    loaded: boolean,
    marked: readonly { date: string; kind: string; note: string }[],
  ): CalendarYearView {
    const data = calendar.yearData(year);
    const markedByDate = new Map(marked.filter((d) => d.date.startsWith(`${year}-`)).map((d) => [d.date, d]));
    const days: CalendarDayView[] = [];
    for (let d = epochDayOf(`${year}-01-01`)!, last = epochDayOf(`${year}-12-31`)!; d <= last; d++) {
      const date = isoDateOfEpochDay(d);
      const weekday = new Date(d * 86_400_000).getUTCDay();
      const working = calendar.isWorkingDay(date);
      const mark = markedByDate.get(date);
      if (working === (weekday !== 0 && weekday !== 6) && !mark) continue;
      days.push({ date, working, origin: mark ? 'marked' : 'calendar', note: mark?.note ?? '' });
    }
    return {
      year,
      workingDays: calendar.workingDaysInYear(year),
      source: data.source,
      provisional: !loaded && Boolean(data.provisional),
      loaded,
      days,
    };
  }
}
