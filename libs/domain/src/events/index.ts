// Status and past-at-launch rules are workflow-safe and reach the barrel through ../workflow.
export * from './event-occurrences.util';
export * from './school-executors.util';
export * from './launch-preview.util';
