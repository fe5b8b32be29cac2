import { ApplicationFailure, log } from '@temporalio/activity';
import { BAD_PROJECTION_DATA, type EventProgressSnapshot, type SchoolProgressSnapshot } from '@orientir/contracts';
import type { ProgressPort } from '../activity.ports';

/** PostgreSQL's "data exception" class (22…): e.g. a NUL in text. Retrying cannot fix it. */
function isBadData(error: unknown): boolean {
  const code = (error as { driverError?: { code?: unknown } }).driverError?.code ?? (error as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('22');
}

/**
 * Projects workflow state into the read model that dashboards query. Data the database refuses
 * fails visibly, once: what can be stored is stored with the reason on the row (shown on the cycle
 * as an alert), an error is logged, and the activity fails without retrying.
 */
export function createProjectionActivities({ progress }: { progress: ProgressPort }) {
  async function guarded(
    what: string,
    write: () => Promise<void>,
    fallback: (problem: string) => Promise<void>,
  ): Promise<void> {
    try {
      await write();
    } catch (error) {
      if (!isBadData(error)) throw error;
      const problem = `Данные не сохранены в сводке: ${error instanceof Error ? error.message : String(error)}`;
      log.error(`ALERT projection refused for ${what}: ${problem}`);
      await fallback(problem);
      throw ApplicationFailure.create({ type: BAD_PROJECTION_DATA, message: problem, nonRetryable: true });
    }
  }
  return {
    async projectEventProgress(snapshot: EventProgressSnapshot): Promise<void> {
      await guarded(
        `event ${snapshot.eventId}`,
        () => progress.upsertEventProgress(snapshot),
        (problem) => progress.markEventProjectionFailed(snapshot, problem),
      );
    },
    async projectSchoolProgress(snapshot: SchoolProgressSnapshot): Promise<void> {
      await guarded(
        `school ${snapshot.schoolId}`,
        () => progress.upsertSchoolProgress(snapshot),
        (problem) => progress.markSchoolProjectionFailed(snapshot, problem),
      );
    },
  };
}
