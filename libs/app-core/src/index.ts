export * from './app-core.util';
