// The deterministic part of the domain that workflow code may import (`@orientir/domain/workflow`):
// no luxon, no parsers, no I/O. Everything here is replayed for the life of a workflow, so it changes
// only with `patched()` in the workflows that use it. The full domain barrel re-exports it.
export * from './school-stage/school-stage.machine';
export * from './schedule/reminder-schedule.util';
export * from './school-year/working-days.util';
export * from './school-year/risk-directions';
export * from './names/municipality-name.util';
export type { SchoolStage } from './roadmap/roadmap.model';
export * from './events/event-status.util';
export * from './events/past-at-launch.util';
export * from './calendar';
export * from './school-year/school-year-actions';
