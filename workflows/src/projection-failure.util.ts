import { ActivityFailure, ApplicationFailure } from '@temporalio/workflow';
import { BAD_PROJECTION_DATA } from '@orientir/contracts';

/**
 * Runs a projection. One refused for bad data has already put an alert on the cycle and failed
 * without retrying; the workflow's own state is right, so it goes on (it neither fails nor retries
 * for ever). Any other failure propagates as before.
 */
export async function projected(run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    if (
      error instanceof ActivityFailure &&
      error.cause instanceof ApplicationFailure &&
      error.cause.type === BAD_PROJECTION_DATA
    )
      return;
    throw error;
  }
}
