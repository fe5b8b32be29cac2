export * from './roadmap';
export * from './schedule/reminder-schedule.util';
export * from './school-stage/school-stage.machine';
export * from './schedule/local-time.util';
export * from './schedule/event-window.util';
export * from './schedule/roadmap-schedule.util';
export * from './errors/domain.exception';
