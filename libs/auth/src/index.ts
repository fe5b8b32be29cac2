export * from './roles';
export * from './access.policy';
export * from './password.util';
export * from './token.util';
