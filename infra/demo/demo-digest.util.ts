import { Client, Connection } from '@temporalio/client';
import { digestScheduleId } from '@orientir/contracts';
import { ensureDigestSchedule } from '@orientir/temporal';

/**
 * Runs today's digest of the demo's time zone at once (the Schedule's own action, triggered), so the
 * mail viewer shows real letters right after start instead of at the next 09:00. The digest is
 * idempotent per person and day, so the Schedule's own run today sends nothing twice; on a weekend or
 * holiday it sends nothing, as in production.
 */
export async function sendDemoDigestNow(o: {
  address: string;
  namespace: string;
  taskQueue: string;
  timezone: string;
}): Promise<void> {
  const [hour, minute] = (process.env.DIGEST_SEND_TIME ?? '09:00').split(':').map(Number);
  const connection = await Connection.connect({ address: o.address });
  try {
    const client = new Client({ connection, namespace: o.namespace });
    await ensureDigestSchedule(client, o.taskQueue, o.timezone, { hour, minute });
    await client.schedule.getHandle(digestScheduleId(o.taskQueue, o.timezone)).trigger();
  } finally {
    await connection.close();
  }
}
