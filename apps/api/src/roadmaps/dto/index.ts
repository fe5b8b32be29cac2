export * from './import-options.dto';
export * from './roadmap.dto';
export * from './launch-preview.dto';
