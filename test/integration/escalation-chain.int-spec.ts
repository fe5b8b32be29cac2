// Issue 13: a cycle's escalation chain over HTTP (set at creation, edited on a running cycle, checked
// with Russian errors naming the step), and the worker's activities that read it and mail its levels
// through the outbox, against the real PostgreSQL.
import { randomUUID } from 'node:crypto';
import { MockActivityEnvironment } from '@temporalio/testing';
import { eventWorkflowId, type EventReminderResult, type NotificationTiming } from '@orientir/contracts';
import { clientWith, type ApiClient } from '../support/auth-clients';
import { useHarness } from '../support/test-harness';
import { workerActivities } from '../support/worker-activities.util';

describe('escalation chain per cycle', () => {
  const harness = useHarness();
  const A = `Район эскалации ${randomUUID().slice(0, 8)}`;
  const B = `Чужой район ${randomUUID().slice(0, 8)}`;
  let coordinatorA: ApiClient;
  let coordinatorB: ApiClient;
  let regional: ApiClient;
  let cycleId: string;
  let eventId: string;

  const cycleBody = (title: string, escalationChain?: unknown) => ({
    title,
    year: 2026,
    timezone: 'Asia/Irkutsk',
    municipality: A,
    schools: [],
    events: [
      {
        number: '1',
        title: 'Справка по итогам проверки',
        opensAt: '2026-02-01',
        deadline: '2026-02-27',
        executors: [],
      },
    ],
    ...(escalationChain ? { escalationChain } : {}),
  });

  beforeAll(async () => {
    coordinatorA = await clientWith(harness.apps, [
      { role: 'municipal_coordinator', scopeKind: 'municipality', scopeValue: A },
    ]);
    coordinatorB = await clientWith(harness.apps, [
      { role: 'municipal_coordinator', scopeKind: 'municipality', scopeValue: B },
    ]);
    regional = await clientWith(harness.apps, [
      { role: 'regional_coordinator', scopeKind: 'region', scopeValue: null },
    ]);
  });

  it('stores the chain given at creation and shows it on the cycle; the default otherwise', async () => {
    const created = await coordinatorA
      .post('/api/cycles')
      .send(
        cycleBody('Цикл с цепочкой', [
          { level: 'executor', afterWorkingDays: 1 },
          { level: 'municipal_coordinator', afterWorkingDays: 2 },
        ]),
      )
      .expect(201);
    cycleId = created.body.id;
    eventId = created.body.events[0].id;
    expect(created.body.escalationChain).toEqual({
      steps: [
        { level: 'executor', afterWorkingDays: 1 },
        { level: 'municipal_coordinator', afterWorkingDays: 2 },
      ],
      isDefault: false,
      canEdit: true,
    });
    const plain = await coordinatorA.post('/api/cycles').send(cycleBody('Цикл без цепочки')).expect(201);
    expect(plain.body.escalationChain).toEqual({
      steps: [
        { level: 'executor', afterWorkingDays: 1 },
        { level: 'municipal_coordinator', afterWorkingDays: 3 },
        { level: 'regional_coordinator', afterWorkingDays: 5 },
      ],
      isDefault: true,
      canEdit: true,
    });
  });

  it('refuses a bad chain naming each step in Russian, and stores no cycle', async () => {
    const title = `Плохая цепочка ${randomUUID().slice(0, 8)}`;
    const rules = await coordinatorA
      .post('/api/cycles')
      .send(
        cycleBody(title, [
          { level: 'executor', afterWorkingDays: 3 },
          { level: 'municipal_coordinator', afterWorkingDays: 2 },
          { level: 'municipal_coordinator', afterWorkingDays: 4 },
        ]),
      )
      .expect(400);
    expect(rules.body).toMatchObject({
      error: 'VALIDATION_FAILED',
      message: 'Цепочка эскалации задана неверно',
      details: [
        'escalationChain: Эскалация, шаг 2: число рабочих дней должно быть больше, чем у шага 1',
        'escalationChain: Эскалация, шаг 3: адресат «муниципальный координатор» уже есть в цепочке',
      ],
    });
    const fields = await coordinatorA
      .post('/api/cycles')
      .send(cycleBody(title, [{ level: 'mayor', afterWorkingDays: 0 }]))
      .expect(400);
    const details = JSON.stringify(fields.body.details);
    expect(details).toContain('level');
    expect(details).toContain('mayor');
    expect(details).toContain('afterWorkingDays');
    const stored = await harness.db.query('SELECT count(*)::int AS n FROM cycles WHERE title = $1', [title]);
    expect(stored.rows[0].n).toBe(0);
  });

  it('lets the cycle coordinator change the chain of a running cycle; others may not', async () => {
    const chain = [
      { level: 'executor', afterWorkingDays: 1 },
      { level: 'municipal_coordinator', afterWorkingDays: 3 },
      { level: 'regional_coordinator', afterWorkingDays: 6 },
    ];
    const saved = await coordinatorA
      .request('put', `/api/cycles/${cycleId}/escalation-chain`)
      .send({ steps: chain })
      .expect(200);
    expect(saved.body).toEqual({ steps: chain, isDefault: false, canEdit: true });
    expect((await coordinatorA.get(`/api/cycles/${cycleId}`).expect(200)).body.escalationChain.steps).toEqual(chain);

    // Another municipality's coordinator does not even see the cycle.
    await coordinatorB.request('put', `/api/cycles/${cycleId}/escalation-chain`).send({ steps: chain }).expect(404);
    const refused = await coordinatorA
      .request('put', `/api/cycles/${cycleId}/escalation-chain`)
      .send({ steps: [{ level: 'regional_coordinator', afterWorkingDays: 2 }] })
      .expect(400);
    expect(refused.body.details).toEqual([
      'steps: Эскалация, шаг 1: первым шагом должен быть исполнитель (уведомление о просрочке)',
    ]);
    const empty = await coordinatorA
      .request('put', `/api/cycles/${cycleId}/escalation-chain`)
      .send({ steps: [] })
      .expect(400);
    expect(JSON.stringify(empty.body.details)).toContain('steps');
    // The refused edits changed nothing; the accepted one is audited with before and after.
    expect((await coordinatorA.get(`/api/cycles/${cycleId}`).expect(200)).body.escalationChain.steps).toEqual(chain);
    const audit = await harness.db.query(
      `SELECT details FROM audit_log WHERE action = 'cycle.escalation_chain.set' AND target_id = $1`,
      [cycleId],
    );
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0].details.after).toEqual(chain);
  });

  it('reads the chain and the calendar for the workflows, and mails each level once through the outbox', async () => {
    const activities = workerActivities(harness.apps);
    const run = new MockActivityEnvironment();

    // A region's own holiday marked by the admin reaches the timing the workflows plan with.
    await harness.admin
      .request('put', '/api/calendar/days/2026-03-02')
      .send({ kind: 'day_off', note: 'Тест' })
      .expect(200);
    try {
      const timing = (await run.run(activities.loadNotificationTiming, { cycleId })) as NotificationTiming;
      expect(timing.timeZone).toBe('Asia/Irkutsk');
      expect(timing.chain.map((s) => s.level)).toEqual(['executor', 'municipal_coordinator', 'regional_coordinator']);
      expect(timing.calendar.extraDaysOff).toContain('2026-03-02');
    } finally {
      await harness.admin.delete('/api/calendar/days/2026-03-02').expect(200);
    }

    const workflowId = eventWorkflowId(cycleId, eventId);
    const escalate = async (level: 'municipal_coordinator' | 'regional_coordinator') =>
      (await run.run(activities.sendEventEscalation, {
        cycleId,
        eventId,
        workflowId,
        occurrenceIndex: 0,
        level,
        deadline: '2026-02-27T15:59:59.999Z',
        sentAt: new Date().toISOString(),
      })) as EventReminderResult;
    expect((await escalate('municipal_coordinator')).recipients).toBe(1);
    await escalate('municipal_coordinator'); // a retried activity
    expect((await escalate('regional_coordinator')).recipients).toBeGreaterThanOrEqual(1);
    const rows = await harness.db.query(
      `SELECT recipients[1] AS "to", kind, subject, text_body AS text FROM mail_outbox
        WHERE idempotency_key LIKE $1 ORDER BY idempotency_key`,
      [`${workflowId}/overdue/0/%`],
    );
    const toA = rows.rows.filter((r) => r.to === coordinatorA.account!.email.toLowerCase());
    expect(toA).toEqual([
      expect.objectContaining({
        kind: 'event-escalation',
        subject: 'Эскалация: мероприятие № 1 не выполнено в срок (27 февраля 2026 г.)',
      }),
    ]);
    expect(toA[0].text).toContain('Срок исполнения: 27 февраля 2026 г., 23:59 по иркутскому времени');
    expect(rows.rows.filter((r) => r.to === regional.account!.email.toLowerCase())).toHaveLength(1);
    expect(rows.rows.some((r) => r.to === coordinatorB.account!.email.toLowerCase())).toBe(false);
  });
});
