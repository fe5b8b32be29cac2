// Contract of the cycle-launch workflow, shared by the API, the worker and the workflow.
import { defineQuery } from '@temporalio/workflow';

export const CYCLE_LAUNCH_WORKFLOW = 'cycleLaunchWorkflow';

/** One launch of a cycle (the first, or a relaunch); its ID never repeats, so a launch never runs twice. */
export const cycleLaunchWorkflowId = (cycleId: string, launchId: string): string =>
  `cycle/${cycleId}/launch/${launchId}`;

/**
 * The queue of the launch workflow and its activities, beside the worker's main queue: a launch
 * then never waits behind the first tasks of the thousands of workflows it starts (those go to the
 * main queue). A worker polls both.
 */
export const launchTaskQueue = (taskQueue: string): string => `${taskQueue}-launch`;

export type LaunchTargetKind = 'school' | 'event';

/** A slice of one kind of target, by id order: `afterId` (exclusive, null from the start) up to `toId` (inclusive). */
export interface LaunchBatch {
  kind: LaunchTargetKind;
  afterId: string | null;
  toId: string;
}

export interface LaunchFailure {
  kind: LaunchTargetKind;
  id: string;
  /** The school's name or «№ N. title» of the event, for the coordinator. */
  name: string;
  /** Russian, shown as it is. */
  reason: string;
}

export type LaunchStatus = 'pending' | 'running' | 'completed' | 'failed';

export interface CycleLaunchProgress {
  status: LaunchStatus;
  /** M: schools and events of the cycle when the launch planned its batches. */
  total: number;
  /** Started by this launch (new, or a failed/terminated one started again). */
  started: number;
  /** Already running (or finished normally): left alone, counted as done. */
  existing: number;
  failed: number;
  /** The first failures with their reasons (at most LAUNCH_FAILURES_KEPT). */
  failures: LaunchFailure[];
  /** Monotonic per launch: a late projection never overwrites a newer one. */
  sequence: number;
}

export const LAUNCH_FAILURES_KEPT = 100;

export interface CycleLaunchWorkflowInput {
  cycleId: string;
  launchId: string;
  /** Batches run at once; with `startsPerBatch` it bounds the starts in flight (LAUNCH_CONCURRENCY). */
  parallelBatches: number;
  startsPerBatch: number;
  /** Targets per batch (one activity each). */
  batchSize: number;
  /** Continue-as-new after this many batches in one run, or sooner when Temporal suggests it. */
  batchesPerRun?: number;
  /** Set when continuing as new: what is left and what was counted so far. */
  carried?: { batches: LaunchBatch[]; progress: CycleLaunchProgress };
}

export interface LaunchPlan {
  total: number;
  batches: LaunchBatch[];
}

export interface LaunchBatchInput {
  cycleId: string;
  launchId: string;
  batch: LaunchBatch;
  concurrency: number;
}

export interface LaunchBatchResult {
  started: number;
  existing: number;
  failures: LaunchFailure[];
}

export interface LaunchProgressSnapshot extends CycleLaunchProgress {
  cycleId: string;
  launchId: string;
  /** Workflow time, ISO. */
  changedAt: string;
}

export const cycleLaunchProgressQuery = defineQuery<CycleLaunchProgress>('cycleLaunchProgress');

/** The activities the launch workflow proxies (by type only). */
export interface CycleLaunchActivities {
  /** Cuts the cycle's schools and events into batches (ids only; the batch activity reads the rows). */
  planCycleLaunch(input: { cycleId: string; batchSize: number }): Promise<LaunchPlan>;
  /** Starts one batch's workflows; an ID already running counts as done; transient errors throw (retried). */
  startLaunchBatch(input: LaunchBatchInput): Promise<LaunchBatchResult>;
  recordLaunchProgress(snapshot: LaunchProgressSnapshot): Promise<void>;
}
