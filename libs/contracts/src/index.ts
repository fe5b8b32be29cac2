export * from './task-queue';
export * from './workflow-ids';
export * from './search-attributes';
export * from './activities.contract';
export * from './roadmap-event.contract';
export * from './school-cycle.contract';
export * from './cycle-launch.contract';
export * from './daily-digest.contract';
