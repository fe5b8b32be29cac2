import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Prefixes tell a leaked secret's kind at a glance (and let secret scanners find them). */
export type TokenKind = 'session' | 'api' | 'reset' | 'csrf' | 'link' | 'link_session';

/** `link`: a one-click link mailed to one person for one item; `link_session`: the session it opens. */
const PREFIX: Record<TokenKind, string> = {
  session: 'ors_',
  api: 'ort_',
  reset: 'orr_',
  csrf: 'orc_',
  link: 'orm_',
  link_session: 'orl_',
};

export interface IssuedToken {
  /** Shown to its owner once; never stored. */
  token: string;
  /** What the database keeps: sha256 hex of the token. */
  hash: string;
}

/** 32 random bytes; a token that strong needs no slow hash, sha256 is enough to keep the database useless to a thief. */
export function issueToken(kind: TokenKind): IssuedToken {
  const token = `${PREFIX[kind]}${randomBytes(32).toString('base64url')}`;
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function tokenKindOf(token: string): TokenKind | null {
  const entry = Object.entries(PREFIX).find(([, prefix]) => token.startsWith(prefix));
  return entry ? (entry[0] as TokenKind) : null;
}

/** Constant-time comparison of two hex digests. */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

/** A readable random password for demo accounts. */
export function randomPassword(length = 16): string {
  return randomBytes(length).toString('base64url').slice(0, length);
}
