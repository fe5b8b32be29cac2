import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CalendarOverrides, ProductionCalendarYear } from '@orientir/domain';

export type MarkedDayKind = 'day_off' | 'working';

export interface MarkedDay {
  date: string;
  kind: MarkedDayKind;
  note: string;
}

export interface LoadedCalendarYear extends ProductionCalendarYear {
  loadedAt: Date;
}

/** The installation's changes to the shipped production calendar (raw SQL: two small tables). */
@Injectable()
export class CalendarStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Everything workflows and services pass to `WorkingCalendar`. */
  async overrides(): Promise<CalendarOverrides> {
    const [years, days] = await Promise.all([this.years(), this.days()]);
    return {
      years: years.map(({ loadedAt: _loadedAt, ...year }) => year),
      extraDaysOff: days.filter((d) => d.kind === 'day_off').map((d) => d.date),
      extraWorkingDays: days.filter((d) => d.kind === 'working').map((d) => d.date),
    };
  }

  async years(): Promise<LoadedCalendarYear[]> {
    const rows = (await this.dataSource.query(
      `SELECT year, day_off, working_weekend, source, loaded_at FROM calendar_years ORDER BY year`,
    )) as { year: number; day_off: string[]; working_weekend: string[]; source: string; loaded_at: Date }[];
    return rows.map((r) => ({
      year: r.year,
      dayOff: r.day_off,
      workingWeekend: r.working_weekend,
      source: r.source,
      loadedAt: r.loaded_at,
    }));
  }

  /** Stores whole years at once (all or nothing), replacing those loaded before. */
  async saveYears(years: readonly ProductionCalendarYear[]): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      for (const y of years)
        await tx.query(
          `INSERT INTO calendar_years (year, day_off, working_weekend, source) VALUES ($1, $2, $3, $4)
           ON CONFLICT (year) DO UPDATE SET day_off = EXCLUDED.day_off, working_weekend = EXCLUDED.working_weekend,
             source = EXCLUDED.source, loaded_at = now()`,
          [y.year, [...y.dayOff], [...y.workingWeekend], y.source],
        );
    });
  }

  /** Back to the shipped year. True if one was loaded. */
  async deleteYear(year: number): Promise<boolean> {
    const result = (await this.dataSource.query(`DELETE FROM calendar_years WHERE year = $1 RETURNING year`, [
      year,
    ])) as [unknown[], number];
    return result[1] > 0;
  }

  async days(): Promise<MarkedDay[]> {
    return (await this.dataSource.query(
      `SELECT to_char(date, 'YYYY-MM-DD') AS date, kind, note FROM calendar_days ORDER BY date`,
    )) as MarkedDay[];
  }

  async markDay(day: MarkedDay): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO calendar_days (date, kind, note) VALUES ($1, $2, $3)
       ON CONFLICT (date) DO UPDATE SET kind = EXCLUDED.kind, note = EXCLUDED.note, marked_at = now()`,
      [day.date, day.kind, day.note],
    );
  }

  /** True if the day was marked. */
  async unmarkDay(date: string): Promise<boolean> {
    const result = (await this.dataSource.query(`DELETE FROM calendar_days WHERE date = $1 RETURNING date`, [
      date,
    ])) as [unknown[], number];
    return result[1] > 0;
  }
}
