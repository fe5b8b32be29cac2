export * from './roadmap';
export * from './workflow';
export * from './schedule/local-time.util';
export * from './schedule/event-window.util';
export * from './schedule/roadmap-schedule.util';
export * from './errors/domain.exception';
export * from './directory/directory-key.util';
export * from './events';
