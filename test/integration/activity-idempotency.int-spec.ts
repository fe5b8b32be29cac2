import { randomUUID } from 'node:crypto';
import { eventWorkflowId } from '@orientir/contracts';
import { CycleStore, MailOutboxStore, ProgressStore } from '@orientir/persistence';
import { useHarness } from '../support/test-harness';

/** Retried activities must not duplicate rows or regress state: checked against the real SQL. */
describe('activity idempotency on PostgreSQL', () => {
  const harness = useHarness();

  it('keeps the newest event snapshot when an older one arrives late, and ignores a replay', async () => {
    const { cycle, events } = await harness.apps.api.get(CycleStore).create({
      title: 'Идемпотентность',
      year: 2023,
      timezone: 'Asia/Irkutsk',
      municipality: null,
      schools: [],
      events: [
        {
          number: '1',
          title: 'Событие',
          opensAt: new Date('2023-05-01'),
          deadline: new Date('2023-05-31'),
          executors: [],
        },
      ],
    });
    const progress = harness.apps.worker.get(ProgressStore);
    const base = {
      cycleId: cycle.id,
      eventId: events[0].id,
      workflowId: eventWorkflowId(cycle.id, events[0].id),
      changedAt: new Date().toISOString(),
    };
    await progress.upsertEventProgress({ ...base, status: 'open', remindersSent: 2, sequence: 3 });
    await progress.upsertEventProgress({ ...base, status: 'not_started', remindersSent: 0, sequence: 1 });
    await progress.upsertEventProgress({ ...base, status: 'open', remindersSent: 2, sequence: 3 });
    const rows = await harness.db.query(
      'SELECT status, reminders_sent, sequence FROM event_progress WHERE event_id = $1',
      [events[0].id],
    );
    expect(rows.rows).toEqual([{ status: 'open', reminders_sent: 2, sequence: 3 }]);
  });

  it('records an e-mail once per key, however often the activity enqueues it', async () => {
    const outbox = harness.apps.worker.get(MailOutboxStore);
    const key = `wf/${randomUUID()}/reminder/0/a@example.ru`;
    const message = {
      idempotencyKey: key,
      recipients: ['a@example.ru'],
      subject: 'Тема',
      textBody: 'Текст',
      htmlBody: '<p>Текст</p>',
    };
    const first = await outbox.enqueue(message);
    await outbox.markSent(first.id, '<m1@orientir.test>');
    const again = await Promise.all([outbox.enqueue(message), outbox.enqueue({ ...message, subject: 'Другая тема' })]);
    expect(again.map((row) => [row.id, row.status, row.subject])).toEqual([
      [first.id, 'sent', 'Тема'],
      [first.id, 'sent', 'Тема'],
    ]);
    const count = await harness.db.query('SELECT count(*)::int AS n FROM mail_outbox WHERE idempotency_key = $1', [
      key,
    ]);
    expect(count.rows[0].n).toBe(1);
  });
});
