// The demo start's «today's digest now» keeps the Schedule the worker keeps: server, queue and send time
// from the validated configuration (libs/config), not from whatever the start script's environment holds.
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { loadAppConfig } from '@orientir/config';
import { digestScheduleId } from '@orientir/contracts';
import { sendDemoDigestNow } from '../../infra/demo/demo-digest.util';
import { eventually } from '../support/poll.util';
import { testEnv } from '../setup/test-infrastructure';

describe('demo digest: the send time comes from the validated configuration', () => {
  const timezone = 'Asia/Irkutsk';
  const taskQueue = `demo-digest-${randomUUID()}`;
  let connection: Connection;
  let client: Client;

  beforeAll(async () => {
    connection = await Connection.connect({ address: testEnv('temporalAddress') });
    client = new Client({ connection });
  });
  afterAll(async () => {
    await client.schedule
      .getHandle(digestScheduleId(taskQueue, timezone))
      .delete()
      .catch(() => undefined);
    await client.workflow
      .getHandle(`digest/${taskQueue}/${timezone}`)
      .terminate('проверка расписания завершена')
      .catch(() => undefined);
    await connection?.close();
  });

  it('creates the Schedule at DIGEST_SEND_TIME as configured and runs it once at once', async () => {
    const config = loadAppConfig({
      DATABASE_URL: testEnv('databaseUrl'),
      SMTP_URL: testEnv('smtpUrl'),
      TEMPORAL_ADDRESS: testEnv('temporalAddress'),
      TEMPORAL_TASK_QUEUE: taskQueue,
      DIGEST_SEND_TIME: '07:45',
    });
    // What the start script's own environment says must not matter.
    const before = process.env.DIGEST_SEND_TIME;
    process.env.DIGEST_SEND_TIME = '11:00';
    try {
      await sendDemoDigestNow(config, timezone);
    } finally {
      if (before === undefined) delete process.env.DIGEST_SEND_TIME;
      else process.env.DIGEST_SEND_TIME = before;
    }
    const described = await client.schedule.getHandle(digestScheduleId(taskQueue, timezone)).describe();
    expect(described.spec.timezone).toBe(timezone);
    expect(described.spec.calendars).toEqual([
      expect.objectContaining({ hour: [{ start: 7, end: 7, step: 1 }], minute: [{ start: 45, end: 45, step: 1 }] }),
    ]);
    expect(described.action).toMatchObject({ taskQueue });
    // Triggered: the run of today exists on the configured queue (no worker polls it here).
    await eventually('the triggered digest run', async () =>
      (await client.schedule.getHandle(digestScheduleId(taskQueue, timezone)).describe()).info.recentActions.length > 0
        ? true
        : undefined,
    );
  });
});
