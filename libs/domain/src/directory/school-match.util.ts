// Which directory school a spelling names. Pure, so the import previews, the launch preview and the
// stores that link schools take the same decision.
import { directoryKey, nameSimilarity } from './directory-key.util';

/** At or above this a name is offered as a match to confirm in a preview, never taken silently. */
export const FUZZY_MATCH_THRESHOLD = 0.75;

/** A directory school of the municipality as the matcher sees it. */
export interface SchoolMatchCandidate {
  id: string;
  fullName: string;
  shortName?: string | null;
  /** Folded spellings a person confirmed earlier (the aliases of the school's organisation). */
  aliasKeys?: readonly string[];
}

export type SchoolNameMatch =
  { kind: 'exact' | 'alias'; id: string } | { kind: 'fuzzy'; id: string; similarity: number } | { kind: 'none' };

/**
 * The exact folded name first, then a confirmed spelling, then the most similar name (full or
 * short) at or above the threshold, which a person must confirm. Names whose numbers differ are
 * never similar («СОШ № 5» is not «СОШ № 6»); among equally similar names the shortest wins.
 */
export function matchSchoolName(name: string, candidates: readonly SchoolMatchCandidate[]): SchoolNameMatch {
  const key = directoryKey(name);
  if (!key) return { kind: 'none' };
  const exact = candidates.find((c) => directoryKey(c.fullName) === key);
  if (exact) return { kind: 'exact', id: exact.id };
  const alias = candidates.find((c) => c.aliasKeys?.includes(key));
  if (alias) return { kind: 'alias', id: alias.id };
  let best: { id: string; similarity: number; length: number } | null = null;
  for (const c of candidates) {
    const similarity = Math.max(nameSimilarity(name, c.fullName), c.shortName ? nameSimilarity(name, c.shortName) : 0);
    if (similarity < FUZZY_MATCH_THRESHOLD) continue;
    if (!best || similarity > best.similarity || (similarity === best.similarity && c.fullName.length < best.length)) {
      best = { id: c.id, similarity, length: c.fullName.length };
    }
  }
  return best ? { kind: 'fuzzy', id: best.id, similarity: best.similarity } : { kind: 'none' };
}

/** The question a preview asks about a fuzzy match: «"Отдел образования" — это "…"?». */
export function matchQuestion(spelling: string, known: string): string {
  return `«${spelling.trim()}» — это «${known}»?`;
}
