// Pure logic of the cycle dashboard: school × stage cells, filters, sorting, paging, chart series.
import type { Schemas } from '../api/client';
import { localIsoDate } from './format';
import { YEAR_STAGES, type SchoolYearStage } from './words';

export type SchoolRow = Schemas['SchoolProgressView'];
export type EventRow = Schemas['EventProgressView'];
export type CellState = 'done' | 'current' | 'todo';

/** Where a school stands against one pipeline stage. */
export function cellState(schoolStage: string, column: SchoolYearStage): CellState {
  if (schoolStage === 'completed') return 'done';
  const current = YEAR_STAGES.indexOf(schoolStage as SchoolYearStage);
  if (current < 0) return 'todo';
  const col = YEAR_STAGES.indexOf(column);
  if (col < current) return 'done';
  return col === current ? 'current' : 'todo';
}

/** Position of a school's stage in the pipeline, for sorting: not started first, completed last. */
export function stageRank(stage: string): number {
  if (stage === 'completed') return YEAR_STAGES.length;
  return YEAR_STAGES.indexOf(stage as SchoolYearStage);
}

export interface SchoolFilter {
  search: string;
  municipality: string[];
  category: string[];
  stage: string[];
  curator: string[];
}

export const EMPTY_FILTER: SchoolFilter = { search: '', municipality: [], category: [], stage: [], curator: [] };

const normalise = (s: string) => s.toLocaleLowerCase('ru-RU').replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();

export function filterSchools(schools: readonly SchoolRow[], f: SchoolFilter): SchoolRow[] {
  const needle = normalise(f.search);
  const municipalities = new Set(f.municipality);
  const categories = new Set(f.category);
  const stages = new Set(f.stage);
  const curators = new Set(f.curator);
  return schools.filter(
    (s) =>
      (!needle || normalise(s.name).includes(needle)) &&
      (!municipalities.size || municipalities.has(s.municipality ?? '')) &&
      (!categories.size || categories.has(s.category)) &&
      (!stages.size || stages.has(s.stage)) &&
      (!curators.size || s.curators.some((c) => curators.has(c))),
  );
}

export type SortKey = 'name' | 'municipality' | 'stage' | 'updatedAt';
export interface Sort {
  key: SortKey;
  direction: 'asc' | 'desc';
}

const collator = new Intl.Collator('ru-RU', { numeric: true, sensitivity: 'base' });

export function sortSchools(schools: readonly SchoolRow[], sort: Sort): SchoolRow[] {
  const sign = sort.direction === 'asc' ? 1 : -1;
  const by = (a: SchoolRow, b: SchoolRow): number => {
    switch (sort.key) {
      case 'name':
        return collator.compare(a.name, b.name);
      case 'municipality':
        return collator.compare(a.municipality ?? '', b.municipality ?? '') || collator.compare(a.name, b.name);
      case 'stage':
        return stageRank(a.stage) - stageRank(b.stage) || collator.compare(a.name, b.name);
      case 'updatedAt':
        return (a.updatedAt ?? '').localeCompare(b.updatedAt ?? '') || collator.compare(a.name, b.name);
    }
  };
  return [...schools].sort((a, b) => sign * by(a, b));
}

export interface Page<T> {
  items: T[];
  page: number;
  pages: number;
  total: number;
}

/** One page (1-based); a page past the end shows the last one. */
export function paginate<T>(items: readonly T[], page: number, size: number): Page<T> {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const current = Math.min(Math.max(1, page), pages);
  return { items: items.slice((current - 1) * size, current * size), page: current, pages, total: items.length };
}

/** Distinct non-empty values, sorted the Russian way. */
export function distinct(values: readonly (string | null)[]): string[] {
  return [...new Set(values.filter((v): v is string => !!v))].sort(collator.compare);
}

/** How many schools are in each stage (not started and completed included). */
export function schoolsPerStage(schools: readonly SchoolRow[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const s of schools) counts[s.stage] = (counts[s.stage] ?? 0) + 1;
  return counts;
}

export function eventsPerStatus(events: readonly EventRow[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const e of events) counts[e.status] = (counts[e.status] ?? 0) + 1;
  return counts;
}

export interface MonthBucket {
  month: string; // YYYY-MM in the cycle's zone
  due: number;
  done: number;
}

/** Events due in each month (by deadline, in the cycle's zone) and how many of them are done (closed). */
export function eventsPerMonth(events: readonly EventRow[], timeZone: string): MonthBucket[] {
  const buckets = new Map<string, MonthBucket>();
  for (const e of events) {
    const month = localIsoDate(e.deadline, timeZone).slice(0, 7);
    const b = buckets.get(month) ?? { month, due: 0, done: 0 };
    b.due += 1;
    if (e.status === 'closed') b.done += 1;
    buckets.set(month, b);
  }
  return [...buckets.values()].sort((a, b) => a.month.localeCompare(b.month));
}

export type EventFilter = { search: string; status: string[] };

export function filterEvents(events: readonly EventRow[], f: EventFilter): EventRow[] {
  const needle = normalise(f.search);
  const statuses = new Set(f.status);
  return events.filter(
    (e) =>
      (!needle || normalise(`${e.number} ${e.title}`).includes(needle)) &&
      (!statuses.size || statuses.has(e.status === 'scheduled' ? 'not_started' : e.status)),
  );
}
