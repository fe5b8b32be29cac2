// Keys that decide whether two spellings name the same directory entry. Pure, so the import
// preview, the cycle store and the migration that built the directory agree on them.
import { executorKey } from '../roadmap/executor.normalizer';

/**
 * A municipality, school or organisation name folded for comparison: case, «ё», quote styles,
 * spacing and trailing punctuation do not make a different entry.
 */
export function directoryKey(name: string): string {
  return executorKey(name);
}

/** What nameSimilarity compares: a name's word stems and its numbers (computed once per name when matching many). */
export interface NameFeatures {
  stems: ReadonlySet<string>;
  numbers: string;
}

export function nameFeatures(name: string): NameFeatures {
  return {
    stems: new Set(
      directoryKey(name)
        .split(/[\s.,«»"()-]+/)
        .filter((w) => w.length > 1)
        .map((w) => w.slice(0, 5)),
    ),
    numbers: (name.match(/\d+/g) ?? []).sort().join(' '),
  };
}

/** nameSimilarity of two names' features. */
export function featureSimilarity(a: NameFeatures, b: NameFeatures): number {
  // Numbers identify: «СОШ № 5» is never a spelling of «СОШ № 6», nor «Исполнитель 2.1» of «1.1».
  if (a.numbers && b.numbers && a.numbers !== b.numbers) return 0;
  if (a.stems.size === 0 || b.stems.size === 0) return 0;
  let shared = 0;
  for (const s of a.stems) if (b.stems.has(s)) shared += 1;
  return shared / Math.min(a.stems.size, b.stems.size);
}

/**
 * How close two names are, 0..1: the share of the shorter name's word stems that the longer one
 * has. «Отдел образования» against «Отдел образования администрации г. Лесосибирска» is 1.
 */
export function nameSimilarity(a: string, b: string): number {
  return featureSimilarity(nameFeatures(a), nameFeatures(b));
}

export const SCHOOL_CATEGORIES = ['shnor', 'risk_zone', 'shnsu', 'other'] as const;
export type DirectorySchoolCategory = (typeof SCHOOL_CATEGORIES)[number];

export const ORGANISATION_KINDS = [
  'education_department',
  'methodical_centre',
  'school',
  'association',
  'institute',
  'other',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** A guess from the name; the coordinator can correct it. */
export function guessOrganisationKind(name: string): OrganisationKind {
  const key = directoryKey(name);
  if (/(школ|лицей|гимназ|сош|оош|\bмбоу|\bмаоу|\bмкоу)/.test(key)) return 'school';
  if (/(рмо|шмо|методическ\S* объединен|ассоциац)/.test(key)) return 'association';
  if (/(институт|университет|академ|ипк)/.test(key)) return 'institute';
  if (/(методическ|имц|цро|мимц)/.test(key)) return 'methodical_centre';
  if (/(отдел образован|департамент|управлени\S* образован|комитет|^до\b|министерств)/.test(key)) {
    return 'education_department';
  }
  return 'other';
}
