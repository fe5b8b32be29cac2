/** The one task queue the Orientir worker polls. Overridable by TEMPORAL_TASK_QUEUE. */
export const DEFAULT_TASK_QUEUE = 'orientir';
