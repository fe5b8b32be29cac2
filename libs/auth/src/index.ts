// Pure access policy: roles, scopes, who may do what, password rules. Hashing and tokens (argon2,
// node:crypto) live in @orientir/credentials.
export * from './roles';
export * from './access.policy';
export * from './password.policy';
