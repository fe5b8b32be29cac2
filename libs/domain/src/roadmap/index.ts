// Public surface of the roadmap domain: the canonical model and the pure parsers.
export * from './roadmap.model';
export { parsePeriod } from './period.parser';
export { parseIndicator } from './indicator.parser';
export { splitExecutors, executorKey, buildExecutorEntities } from './executor.normalizer';
export { detectStage } from './stage.detector';
export { detectDocumentYear } from './document-year.detector';
