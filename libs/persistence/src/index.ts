export * from './entities';
export { MIGRATIONS } from './migrations';
export { createDataSourceOptions, runMigrations } from './data-source';
export * from './stores/cycle.store';
export * from './stores/progress.store';
export * from './stores/mail-outbox.store';
export * from './persistence.module';
