import { hashPassword, verifyPassword } from './password-hash.util';
import { hashToken, issueToken, sameHash, tokenKindOf } from './token.util';

describe('tokens', () => {
  it('issues a prefixed random token and keeps only its sha256', () => {
    const a = issueToken('api');
    const b = issueToken('api');
    expect(a.token).toMatch(/^ort_[A-Za-z0-9_-]{43}$/);
    expect(a.token).not.toBe(b.token);
    expect(a.hash).toBe(hashToken(a.token));
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(tokenKindOf(a.token)).toBe('api');
    expect(tokenKindOf('garbage')).toBeNull();
  });

  it('compares digests in constant time and rejects empty ones', () => {
    const { hash } = issueToken('csrf');
    expect(sameHash(hash, hash)).toBe(true);
    expect(sameHash(hash, hashToken('other'))).toBe(false);
    expect(sameHash('', '')).toBe(false);
  });
});

describe('passwords', () => {
  it('hashes with argon2id and verifies', async () => {
    const hash = await hashPassword('верный-пароль-123');
    expect(hash).toMatch(/^\$argon2id\$/);
    await expect(verifyPassword(hash, 'верный-пароль-123')).resolves.toBe(true);
    await expect(verifyPassword(hash, 'неверный-пароль')).resolves.toBe(false);
    await expect(verifyPassword('not-a-hash', 'x')).resolves.toBe(false);
  });
});
