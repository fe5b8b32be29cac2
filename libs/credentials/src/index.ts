// Secrets at rest: argon2 password hashes and random bearer tokens stored as SHA-256 hashes.
export * from './password-hash.util';
export * from './token.util';
