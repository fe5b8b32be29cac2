export * from './app-core.module';
