// Events whose executors are the schools themselves («ОО», «ШНОР», «руководители ОО», «школы зоны
// риска»): tracked per participating school, each school an executor, coverage counted over them.
import type { IndicatorPopulation, SchoolCategory } from '../roadmap/roadmap.model';

const SHNOR = /(^|[^а-яё])шнор([^а-яё]|$)/i;
const RISK_ZONE = /зон[аеыу]\s+риска/i;
const ALL_SCHOOLS =
  /^(?:(?:руководител[а-яё]*|администраци[а-яё]*|управленческ[а-яё]*\s+команд[а-яё]*)\s+)?(?:оо|оу|школ[а-яё]*|общеобразовательн[а-яё]*\s+организаци[а-яё]*)$/i;

/**
 * The school categories an executor name stands for, or null when it names an organisation
 * (a department, a methodical centre). «Управленческие команды ШНОР» → ШНОР; «ОО» → every school.
 */
export function schoolCategoriesOfExecutor(name: string): SchoolCategory[] | null {
  const text = name.replace(/\s+/g, ' ').trim();
  if (/^(?:до|мку|мбу|мау|мку|департамент|отдел|комитет|управление)\b/i.test(text)) return null;
  if (RISK_ZONE.test(text)) return SHNOR.test(text) ? ['shnor', 'risk_zone'] : ['risk_zone'];
  if (SHNOR.test(text)) return ['shnor'];
  if (ALL_SCHOOLS.test(text)) return ['shnor', 'risk_zone', 'shnsu'];
  return null;
}

/** The categories the schools-as-executors of an event cover; null when no executor is a school group. */
export function schoolExecutorCategories(executors: readonly string[]): SchoolCategory[] | null {
  const found = new Set<SchoolCategory>();
  for (const name of executors) for (const c of schoolCategoriesOfExecutor(name) ?? []) found.add(c);
  return found.size ? [...found] : null;
}

/** The participant schools a coverage counts: the executor schools, else the population the indicator names. */
export function coverageCategories(
  executorCategories: SchoolCategory[] | null,
  population: IndicatorPopulation | null | undefined,
): SchoolCategory[] {
  if (executorCategories) return executorCategories;
  if (population === 'shnor') return ['shnor'];
  return ['shnor', 'risk_zone', 'shnsu'];
}

/**
 * An executor that names people the cycle already knows rather than an organisation: the cycle's
 * participating schools of some categories (their contact people and school teams), or the cycle's
 * curators (of schools of some categories; all of them when none is named).
 */
export type ExecutorGroup =
  { kind: 'schools'; categories: SchoolCategory[] } | { kind: 'curators'; categories: SchoolCategory[] | null };

// «кураторы», «Кураторы ШНОР», «куратор школ зоны риска»: the rest, if any, must name schools.
const CURATORS = /^куратор(?:ы|ов|а)?(?:\s+(.+))?$/i;

/** The cycle group an executor name stands for, or null when it names an organisation. */
export function executorGroupOf(name: string): ExecutorGroup | null {
  const text = name.replace(/\s+/g, ' ').trim();
  const curators = CURATORS.exec(text);
  if (curators) {
    if (!curators[1]) return { kind: 'curators', categories: null };
    const categories = schoolCategoriesOfExecutor(curators[1]);
    return categories ? { kind: 'curators', categories } : null;
  }
  const categories = schoolCategoriesOfExecutor(text);
  return categories ? { kind: 'schools', categories } : null;
}

const CATEGORY_LABELS: Record<SchoolCategory, string> = { shnor: 'ШНОР', risk_zone: 'зона риска', shnsu: 'ШНСУ' };

/** How the coordinator reads a group: «школы цикла (ШНОР, зона риска)», «кураторы цикла (ШНОР)». */
export function executorGroupLabel(group: ExecutorGroup): string {
  const every = !group.categories || group.categories.length >= Object.keys(CATEGORY_LABELS).length;
  const which = every ? '' : ` (${group.categories!.map((c) => CATEGORY_LABELS[c]).join(', ')})`;
  return `${group.kind === 'schools' ? 'школы цикла' : 'кураторы цикла'}${which}`;
}
