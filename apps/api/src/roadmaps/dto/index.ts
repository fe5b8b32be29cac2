export * from './import-options.dto';
export * from './roadmap.dto';
