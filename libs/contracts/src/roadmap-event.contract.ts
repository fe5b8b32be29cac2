// Contract of the roadmap event workflow, shared by the API, the worker and the workflow.
import { defineQuery } from '@temporalio/workflow';
import type { EventStatus } from './activities.contract';

export const ROADMAP_EVENT_WORKFLOW = 'roadmapEventWorkflow';

export interface RoadmapEventWorkflowInput {
  cycleId: string;
  eventId: string;
  /** ISO instants, already resolved from the period in the cycle's time zone. */
  opensAt: string;
  deadline: string;
  reminderDaysBefore: number[];
}

export interface RoadmapEventState {
  status: EventStatus;
  remindersSent: number;
  nextReminderAt: string | null;
}

export const roadmapEventStateQuery = defineQuery<RoadmapEventState>('roadmapEventState');
