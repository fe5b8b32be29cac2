import type { ApiClient } from './auth-clients';
import { eventually } from './poll.util';

export interface LaunchBody {
  id: string;
  status: 'pending' | 'running' | 'completed' | 'failed';
  total: number;
  done: number;
  started: number;
  existing: number;
  failed: number;
  failures: { kind: string; id: string; name: string; reason: string }[];
}

/** Polls GET /cycles/:id/launch until the launch has finished (POST /cycles answers before any workflow starts). */
export function launchCompleted(
  client: ApiClient,
  cycleId: string,
  launchId?: string,
  timeoutMs = 120_000,
): Promise<LaunchBody> {
  return eventually(
    `launch of cycle ${cycleId} completed`,
    async () => {
      const res = await client.get(`/api/cycles/${cycleId}/launch`).expect(200);
      const launch = res.body as LaunchBody;
      return launch.status === 'completed' && (!launchId || launch.id === launchId) ? launch : undefined;
    },
    timeoutMs,
  );
}
