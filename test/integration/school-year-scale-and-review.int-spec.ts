import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { createSchoolYearActivities } from '@orientir/activities';
import { cycleLaunchWorkflowId, schoolWorkflowId } from '@orientir/contracts';
import { MAIL_OUTBOX, type MailOutbox } from '@orientir/mail';
import { CalendarStore, SchoolYearStore } from '@orientir/persistence';
import { clientWith, type ApiClient } from '../support/auth-clients';
import type { LaunchBody } from '../support/launch.util';
import { eventually } from '../support/poll.util';
import { useHarness } from '../support/test-harness';
import { schoolToExpertise } from '../support/school-year.util';

const DAY = 24 * 60 * 60 * 1000;

/**
 * Two promises of issue 11, end to end: a cycle's own review term (working days) reaches its schools
 * and a late review is mailed to the municipal coordinator; and one request launches 3,000 schools
 * × 60 events. A database of its own: 3,000 schools would skew other files' whole-table counts.
 */
describe('school year: the review term per cycle, and a launch of 3,000 schools × 60 events', () => {
  const harness = useHarness({ ownDatabase: true });
  const municipality = `г. Экспертинск ${randomUUID().slice(0, 6)}`;
  let coordinator: ApiClient;
  let temporal: Client;

  beforeAll(async () => {
    coordinator = await clientWith(harness.apps, [
      { role: 'municipal_coordinator', scopeKind: 'municipality', scopeValue: municipality },
    ]);
    const { address, namespace } = harness.apps.config.temporal;
    temporal = new Client({ connection: await Connection.connect({ address }), namespace });
  });
  afterAll(async () => {
    await temporal?.connection.close();
  });

  const event = (n: number, now: number) => ({
    number: String(n),
    title: `Мероприятие ${n}: методическое сопровождение школ с низкими результатами обучения`,
    opensAt: new Date(now + 5 * DAY).toISOString(),
    deadline: new Date(now + (30 + n) * DAY).toISOString(),
    executors: [{ name: 'МКУ «ИМЦРО»' }],
  });

  it('the review term set with the cycle reaches its school; a late review is mailed to the coordinator', async () => {
    const now = Date.now();
    const created = await coordinator
      .post('/api/cycles')
      .send({
        title: `Экспертиза за 3 дня ${now}`,
        year: new Date(now).getUTCFullYear(),
        timezone: 'Asia/Irkutsk',
        municipality,
        schools: [{ name: 'МБОУ «СОШ № 41»', category: 'shnor' }],
        events: [event(1, now)],
        schoolYear: { dueDates: {}, reviewWorkingDays: 3, checkpointRhythm: 'quarterly', checkpointDates: [] },
      })
      .expect(201);
    const cycleId = created.body.id as string;
    const schoolId = created.body.schools[0].id as string;
    const settings = await coordinator.get(`/api/cycles/${cycleId}/school-year-settings`).expect(200);
    expect(settings.body).toMatchObject({ reviewWorkingDays: 3 });
    await eventually('school at the risk profile', async () =>
      (await harness.db.query('SELECT stage FROM school_progress WHERE school_id = $1', [schoolId])).rows[0]?.stage ===
      'risk_profile'
        ? true
        : undefined,
    );

    // To expertise: profile, self-diagnosis, both documents.
    const state = await schoolToExpertise(harness.apps, coordinator, cycleId, schoolId);
    expect(state.stage).toBe('expertise');
    // Three working days, not the default ten: at least three calendar days, at most a week and a day.
    const submitted = Date.parse(state.documents[0].versions[0].submittedAt);
    const due = Date.parse(state.documents[0].reviewDueAt);
    expect(due - submitted).toBeGreaterThan(3 * DAY - DAY);
    expect(due - submitted).toBeLessThan(8 * DAY);

    // What the workflow does when that moment passes (time-skipping test: school-year.time-skipping):
    // it asks the notice activity to tell the coordinator. The real activity mails the coordinator.
    const activities = createSchoolYearActivities({
      schoolYear: harness.apps.worker.get(SchoolYearStore),
      outbox: harness.apps.worker.get<MailOutbox>(MAIL_OUTBOX),
      publicUrl: 'http://orientir.test',
      reminderDaysBefore: [7, 1],
      calendar: harness.apps.worker.get(CalendarStore),
    });
    const setup = await activities.loadSchoolYearSetup({ cycleId, schoolId });
    expect(setup.reviewWorkingDays).toBe(3);
    const workflowId = schoolWorkflowId(cycleId, schoolId);
    const sent = await activities.sendSchoolNotice({
      workflowId,
      cycleId,
      schoolId,
      kind: 'review_overdue',
      audience: ['coordinator'],
      key: 'review_overdue/development_concept/1',
      stage: 'expertise',
      round: 1,
      dueAt: state.dueAt,
      documentKey: 'development_concept',
      documentTitle: 'Концепция развития',
      remarks: null,
      curator: null,
      experts: [],
    });
    expect(sent.recipients).toBe(1);
    const mail = await harness.db.query(
      `SELECT recipients, subject, text_body FROM mail_outbox WHERE idempotency_key LIKE $1`,
      [`${workflowId}/review_overdue/%`],
    );
    expect(mail.rows).toEqual([
      {
        recipients: [coordinator.account?.email],
        subject: 'Экспертиза просрочена: МБОУ «СОШ № 41» — «Концепция развития»',
        text_body: expect.stringContaining('не проведена в установленный срок'),
      },
    ]);
  });

  it('launches 3,000 schools × 60 events from one request: accepted at once, the launch counts all 3,060', async () => {
    const now = Date.now();
    const body = {
      title: `3000 школ ${now}`,
      year: new Date(now).getUTCFullYear(),
      timezone: 'Asia/Irkutsk',
      municipality,
      schools: Array.from({ length: 3000 }, (_, i) => ({
        name: `Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № ${i + 1}»`,
        category: i % 3 ? 'shnor' : 'risk_zone',
        emails: [`school${i + 1}@example.ru`],
      })),
      events: Array.from({ length: 60 }, (_, i) => event(i + 1, now)),
    };
    const size = Buffer.byteLength(JSON.stringify(body));
    expect(size).toBeGreaterThan(500_000); // well past the 100 kB default body limit
    const started = Date.now();
    const created = await coordinator.post('/api/cycles').send(body).expect(201);
    const answeredInMs = Date.now() - started;
    const cycleId = created.body.id as string;
    expect(created.body.launch).toMatchObject({ status: expect.stringMatching(/pending|running/) });
    const launchId = created.body.launch.id as string;
    const stored = await harness.db.query(
      `SELECT (SELECT count(*)::int FROM schools WHERE cycle_id = $1) AS schools,
              (SELECT count(*)::int FROM roadmap_events WHERE cycle_id = $1) AS events`,
      [cycleId],
    );
    expect(stored.rows[0]).toEqual({ schools: 3000, events: 60 });
    // The launch plans every school and event, and starts them in the background.
    const launch = await eventually(
      'the launch planned 3,060 workflows and started some',
      async () => {
        const l = (await coordinator.get(`/api/cycles/${cycleId}/launch`).expect(200)).body as LaunchBody;
        return l.total === 3060 && l.started + l.existing > 0 ? l : undefined;
      },
      120_000,
    );
    expect(launch).toMatchObject({ id: launchId, total: 3060, failed: 0 });
    process.stdout.write(
      `3,000 × 60: body ${(size / 1e6).toFixed(1)} MB answered in ${answeredInMs} ms; launch ${launch.started} of ${launch.total} started when read\n`,
    );
    // The rest of the launch is not this test's business: stop it, so it does not load the machine.
    await temporal.workflow
      .getHandle(cycleLaunchWorkflowId(cycleId, launchId))
      .terminate('проверка объема завершена')
      .catch(() => undefined);
  });
});
