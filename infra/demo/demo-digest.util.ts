import { Client, Connection } from '@temporalio/client';
import type { AppConfig } from '@orientir/config';
import { digestScheduleId } from '@orientir/contracts';
import { ensureDigestSchedule } from '@orientir/temporal';

/**
 * Runs today's digest of the demo's time zone at once (the Schedule's own action, triggered), so the
 * mail viewer shows real letters right after start instead of at the next 09:00. The digest is
 * idempotent per person and day, so the Schedule's own run today sends nothing twice; on a weekend or
 * holiday it sends nothing, as in production. Server, queue and send time come from the validated
 * configuration the worker runs with, so the Schedule is the one the worker keeps.
 */
export async function sendDemoDigestNow(
  config: Pick<AppConfig, 'temporal' | 'notifications'>,
  timezone: string,
): Promise<void> {
  const { address, namespace, taskQueue } = config.temporal;
  const { digestHour: hour, digestMinute: minute } = config.notifications;
  const connection = await Connection.connect({ address });
  try {
    const client = new Client({ connection, namespace });
    await ensureDigestSchedule(client, taskQueue, timezone, { hour, minute });
    await client.schedule.getHandle(digestScheduleId(taskQueue, timezone)).trigger();
  } finally {
    await connection.close();
  }
}
