// A preview's question «"…" — это "…"?» and the person's answer, turned into what a confirm sends.

export type MatchKind = 'exact' | 'alias' | 'fuzzy' | 'none';

/** «Да» (the guess), or after «Нет» the entry picked by hand, or «новая»; undefined while unanswered. */
export type MatchAnswer = { kind: 'yes' } | { kind: 'chosen'; id: string } | { kind: 'new' } | { kind: 'no' };

/** What the confirm or launch sends for a row: the chosen directory id, «new» on purpose, or nothing to say. */
export interface MatchDecision {
  id?: string;
  asNew?: true;
}

/** A fuzzy guess not answered yet (or answered «Нет» with nothing picked): the save waits for it. */
export function unanswered(match: MatchKind | undefined, answer: MatchAnswer | undefined): boolean {
  if (match !== 'fuzzy') return answer?.kind === 'no';
  return !answer || answer.kind === 'no';
}

/** The row's decision: «Да» takes the guessed entry, a pick takes the picked one, «новая» says so. */
export function matchDecision(matchedId: string | null | undefined, answer: MatchAnswer | undefined): MatchDecision {
  if (answer?.kind === 'yes' && matchedId) return { id: matchedId };
  if (answer?.kind === 'chosen') return { id: answer.id };
  if (answer?.kind === 'new') return { asNew: true };
  return {};
}
