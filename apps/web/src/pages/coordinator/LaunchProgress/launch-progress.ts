// Launch progress as the launch workflow records it (GET /api/cycles/:id/launch): N of M, failures.
import type { Schemas } from '../../../api/client';

export type Launch = Schemas['LaunchView'];

export interface LaunchProgressState {
  total: number;
  done: number;
  percent: number;
  /** Still under way: the page keeps polling. */
  active: boolean;
}

export function launchProgress(launch: Launch): LaunchProgressState {
  const active = launch.status === 'pending' || launch.status === 'running';
  const percent = launch.total ? Math.floor((launch.done / launch.total) * 100) : active ? 0 : 100;
  return { total: launch.total, done: launch.done, percent, active };
}
