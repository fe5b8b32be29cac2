// Workflow bundle entry: every exported function is registered as a workflow type.
export { roadmapEventWorkflow } from './roadmap-event.workflow';
export { schoolCycleWorkflow } from './school-cycle.workflow';
export { cycleLaunchWorkflow } from './cycle-launch.workflow';
export { dailyDigestWorkflow } from './daily-digest.workflow';
