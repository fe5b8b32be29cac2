import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { MailCatcherClient, type CaughtMail } from '../../infra/stack/mail-catcher.service';
import { useHarness } from '../support/test-harness';
import { eventually } from '../support/poll.util';
import { launchCompleted } from '../support/launch.util';
import { testEnv } from '../setup/test-infrastructure';

const DAY = 24 * 60 * 60 * 1000;

describe('walking skeleton: cycle → workflows → e-mail and read model', () => {
  const harness = useHarness();
  const mail = () => new MailCatcherClient(testEnv('mailViewerUrl'));

  it('stores a cycle, starts both workflows, e-mails the executor in Russian and projects state', async () => {
    const executorEmail = `imcro-${randomUUID()}@example.ru`;
    const now = Date.now();
    const payload = {
      title: 'Дорожная карта г. Иркутска',
      // Event dates must lie within the cycle's year (give or take one).
      year: new Date(now).getUTCFullYear(),
      timezone: 'Asia/Irkutsk',
      schools: [
        { name: 'МБОУ СОШ № 1', category: 'shnor', municipality: 'г. Иркутск', emails: ['school1@example.ru'] },
      ],
      events: [
        {
          number: '6',
          title: 'Организация и проведение самодиагностики на основе рискового профиля',
          opensAt: new Date(now - DAY).toISOString(),
          deadline: new Date(now + 3 * DAY).toISOString(),
          executors: [{ name: 'МКУ «ИМЦРО»', email: executorEmail }],
        },
      ],
    };

    const created = await harness.admin.post('/api/cycles').send(payload).expect(201);
    const cycleId: string = created.body.id;
    // Answered at once: the launch is pending; its workflow starts both workflows afterwards.
    expect(created.body.launch).toMatchObject({
      status: 'pending',
      done: 0,
      workflowId: expect.stringMatching(/^cycle\//),
    });
    const launched = await launchCompleted(harness.admin, cycleId, created.body.launch.id);
    expect(launched).toMatchObject({ total: 2, done: 2, started: 2, existing: 0, failed: 0, failures: [] });
    expect(created.body.events[0].workflowId).toBe(`cycle/${cycleId}/event/${created.body.events[0].id}`);
    expect(created.body.schools[0].workflowId).toBe(`cycle/${cycleId}/school/${created.body.schools[0].id}`);

    // The 7-days-before reminder is already due (deadline in 3 days), so it goes out at once.
    const reminder = await eventually<CaughtMail>('the reminder e-mail', async () =>
      (await mail().list()).find((m) => m.to.some((t) => t.address === executorEmail)),
    );
    expect(reminder.subject).toMatch(/^Напоминание: мероприятие № 6 — срок \d{1,2} [а-я]+ \d{4} г\.$/);
    expect(reminder.text).toContain('Здравствуйте, МКУ «ИМЦРО»!');
    expect(reminder.text).toContain('Организация и проведение самодиагностики');
    // The button is a one-click link scoped to this event (its scope: test/integration/notifications).
    expect(reminder.text).toMatch(/http:\/\/orientir\.test\/m\/orm_[A-Za-z0-9_-]{43}/);

    const view = await eventually('the projected state', async () => {
      const res = await harness.admin.get(`/api/cycles/${cycleId}`).expect(200);
      return res.body.events[0].remindersSent === 1 && res.body.schools[0].stage === 'risk_profile'
        ? res.body
        : undefined;
    });
    expect(view.events[0].status).toBe('open');

    const rows = await harness.db.query(
      'SELECT status, reminders_sent, workflow_id FROM event_progress WHERE cycle_id = $1',
      [cycleId],
    );
    expect(rows.rows).toEqual([{ status: 'open', reminders_sent: 1, workflow_id: view.events[0].workflowId }]);
    const outbox = await harness.db.query('SELECT status, recipients FROM mail_outbox WHERE recipients @> ARRAY[$1]', [
      executorEmail,
    ]);
    expect(outbox.rows).toEqual([{ status: 'sent', recipients: [executorEmail] }]);

    // Launching again starts nothing twice.
    const relaunch = await harness.admin.post(`/api/cycles/${cycleId}/launch`).expect(202);
    expect(relaunch.body.id).not.toBe(launched.id);
    expect(await launchCompleted(harness.admin, cycleId, relaunch.body.id)).toMatchObject({
      total: 2,
      started: 0,
      existing: 2,
    });
    const sameMail = (await mail().list()).filter((m) => m.to.some((t) => t.address === executorEmail));
    expect(sameMail).toHaveLength(1);
  });

  it('rejects bad input with Russian messages that name the field, and stores nothing', async () => {
    const before = await harness.db.query('SELECT count(*)::int AS n FROM cycles');
    const res = await harness.admin
      .post('/api/cycles')
      .send({
        title: 'Ошибочная карта',
        year: 2023,
        timezone: 'Asia/Irkutsk',
        schools: [],
        events: [
          {
            number: '1',
            title: 'Событие',
            opensAt: 'вчера',
            deadline: '2023-05-31T00:00:00Z',
            executors: [{ name: 'ДО', email: 'не-почта' }],
          },
        ],
        extra: true,
      })
      .expect(400);
    const details: string[] = res.body.details;
    expect(details).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^events\[0\]\.opensAt: .*ISO 8601.*«вчера»/),
        expect.stringMatching(/^events\[0\]\.executors\[0\]\.email: .*«не-почта»/),
        expect.stringMatching(/^extra: /),
      ]),
    );

    const backwards = await harness.admin
      .post('/api/cycles')
      .send({
        title: 'Карта',
        year: 2023,
        timezone: 'Asia/Irkutsk',
        schools: [],
        events: [
          {
            number: '3',
            title: 'Событие',
            opensAt: '2023-06-01T00:00:00Z',
            deadline: '2023-05-01T00:00:00Z',
            executors: [],
          },
        ],
      })
      .expect(400);
    expect(backwards.body.details[0]).toMatch(/^events\[0\] \(№ 3\): срок .* должен быть позже начала/);
    const after = await harness.db.query('SELECT count(*)::int AS n FROM cycles');
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });

  it('reports PostgreSQL, Temporal and SMTP in /api/health/details', async () => {
    await request(harness.apps.api.getHttpServer()).get('/api/health').expect(200, { status: 'ok' });
    const res = await harness.admin.get('/api/health/details').expect(200);
    expect(res.body.info).toEqual({ postgres: { status: 'up' }, temporal: { status: 'up' }, smtp: { status: 'up' } });
  });

  it('answers 404 in Russian for an unknown cycle', async () => {
    const res = await harness.admin.get(`/api/cycles/${randomUUID()}`).expect(404);
    expect(res.body).toMatchObject({ error: 'CYCLE_NOT_FOUND', message: expect.stringMatching(/не найден/) });
  });
});
