import { matchDecision, unanswered } from './match-answer';

describe("a preview's match question and the person's answer", () => {
  it('waits for a guess until «Да», a pick or «новая»', () => {
    expect(unanswered('fuzzy', undefined)).toBe(true);
    expect(unanswered('fuzzy', { kind: 'no' })).toBe(true);
    expect(unanswered('fuzzy', { kind: 'yes' })).toBe(false);
    expect(unanswered('fuzzy', { kind: 'chosen', id: 'b' })).toBe(false);
    expect(unanswered('fuzzy', { kind: 'new' })).toBe(false);
    expect(unanswered('exact', undefined)).toBe(false);
    expect(unanswered('none', undefined)).toBe(false);
    expect(unanswered(undefined, undefined)).toBe(false);
  });

  it('sends the guessed entry for «Да», the picked one after «Нет», or «new» on purpose', () => {
    expect(matchDecision('a', { kind: 'yes' })).toEqual({ id: 'a' });
    expect(matchDecision('a', { kind: 'chosen', id: 'b' })).toEqual({ id: 'b' });
    expect(matchDecision('a', { kind: 'new' })).toEqual({ asNew: true });
    expect(matchDecision('a', { kind: 'no' })).toEqual({});
    expect(matchDecision('a', undefined)).toEqual({});
    expect(matchDecision(null, { kind: 'yes' })).toEqual({});
  });
});
