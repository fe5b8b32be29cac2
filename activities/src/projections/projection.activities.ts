import type { EventProgressSnapshot, SchoolProgressSnapshot } from '@orientir/contracts';
import type { ProgressPort } from '../activity.ports';

/** Projects workflow state into the read model that dashboards query. */
export function createProjectionActivities({ progress }: { progress: ProgressPort }) {
  return {
    async projectEventProgress(snapshot: EventProgressSnapshot): Promise<void> {
      await progress.upsertEventProgress(snapshot);
    },
    async projectSchoolProgress(snapshot: SchoolProgressSnapshot): Promise<void> {
      await progress.upsertSchoolProgress(snapshot);
    },
  };
}
