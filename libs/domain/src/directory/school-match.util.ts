// Which directory school a spelling names. Pure, so the import previews, the launch preview and the
// stores that link schools take the same decision.
import { directoryKey, featureSimilarity, nameFeatures } from './directory-key.util';

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
  return schoolMatcher(candidates)(name);
}

/**
 * matchSchoolName against a fixed list, prepared once: a launch matches hundreds of names against a
 * municipality's hundreds of schools without folding each candidate again for every name.
 */
export function schoolMatcher(candidates: readonly SchoolMatchCandidate[]): (name: string) => SchoolNameMatch {
  const byKey = new Map<string, string>();
  const byAlias = new Map<string, string>();
  for (const c of candidates) {
    const key = directoryKey(c.fullName);
    if (!byKey.has(key)) byKey.set(key, c.id);
    for (const alias of c.aliasKeys ?? []) if (!byAlias.has(alias)) byAlias.set(alias, c.id);
  }
  const prepared = candidates.map((c) => ({
    id: c.id,
    length: c.fullName.length,
    names: [nameFeatures(c.fullName), ...(c.shortName ? [nameFeatures(c.shortName)] : [])],
  }));
  return (name) => {
    const key = directoryKey(name);
    if (!key) return { kind: 'none' };
    const exact = byKey.get(key);
    if (exact) return { kind: 'exact', id: exact };
    const alias = byAlias.get(key);
    if (alias) return { kind: 'alias', id: alias };
    const features = nameFeatures(name);
    let best: { id: string; similarity: number; length: number } | null = null;
    for (const c of prepared) {
      const similarity = Math.max(...c.names.map((n) => featureSimilarity(features, n)));
      if (similarity < FUZZY_MATCH_THRESHOLD) continue;
      if (!best || similarity > best.similarity || (similarity === best.similarity && c.length < best.length)) {
        best = { id: c.id, similarity, length: c.length };
      }
    }
    return best ? { kind: 'fuzzy', id: best.id, similarity: best.similarity } : { kind: 'none' };
  };
}

/** The question a preview asks about a fuzzy match: «"Отдел образования" — это "…"?». */
export function matchQuestion(spelling: string, known: string): string {
  return `«${spelling.trim()}» — это «${known}»?`;
}
