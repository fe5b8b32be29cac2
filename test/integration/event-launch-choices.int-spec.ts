// What a launch from a stored roadmap does with events that have no dates («По графику») and with
// events whose period is already past: the first wait as «ожидает графика» until a coordinator dates
// them, the others are tracked as late or from their next occurrence, as chosen per event, with no
// burst of reminders either way.
import mammoth from 'mammoth';
import { binaryBody, irkutskSeedWithScheduledByPlan } from '../support/event-fixtures.util';
import { eventually } from '../support/poll.util';
import { useHarness } from '../support/test-harness';

// This year: the seed's May events are past at launch, its year-long ones open.
const YEAR = new Date().getUTCFullYear();

interface EventSummary {
  id: string;
  number: string;
  status: string;
  periodText: string;
  occurrences: { index: number; status: string }[];
}

describe('launch choices for undated and past events', () => {
  const harness = useHarness();

  it('launches a «По графику» event waiting for dates, and past events late or skipped per event, without a burst of mail', async () => {
    const admin = harness.admin;
    const preview = await admin
      .post('/api/roadmaps/import')
      .attach('file', irkutskSeedWithScheduledByPlan(), 'irkutsk-po-grafiku.txt')
      .field('timezone', 'Asia/Irkutsk')
      .field('year', String(YEAR))
      .expect(201);
    const five = preview.body.roadmap.events.find((e: { number: string }) => e.number === '5');
    expect(five.period).toMatchObject({ toBeScheduled: true, start: null });
    const stored = await admin
      .post('/api/roadmaps')
      .query({ fileName: 'irkutsk-po-grafiku.txt' })
      .send(preview.body.roadmap)
      .expect(201);

    // The launch page's question, answered by the API with the event workflow's own split: May is
    // wholly past; event 16 («Сентябрь, Декабрь») partly, so «skip» starts with December; 5 has no dates.
    const plan = await admin.get(`/api/roadmaps/${stored.body.id}/launch-preview`).expect(200);
    expect(plan.body.timezone).toBe('Asia/Irkutsk');
    const listed = new Map(
      (plan.body.pastEvents as { number: string; wholly: boolean }[]).map((p) => [p.number, p] as const),
    );
    expect(listed.get('1')).toMatchObject({ wholly: true, pastOccurrences: 1, nextOccurrence: null });
    expect(listed.get('16')).toMatchObject({
      wholly: false,
      pastOccurrences: 1,
      nextOccurrence: { index: 1, label: `декабрь ${YEAR} г.` },
    });
    expect(listed.has('5')).toBe(false);
    const badZone = await admin
      .get(`/api/roadmaps/${stored.body.id}/launch-preview`)
      .query({ timezone: 'Марс/Олимп' })
      .expect(400);
    expect(JSON.stringify(badZone.body)).toContain('timezone');

    const unknown = await admin
      .post(`/api/roadmaps/${stored.body.id}/cycles`)
      .send({ municipality: 'г. Иркутск', pastEventChoices: [{ number: '999', policy: 'skip' }] })
      .expect(400);
    expect(unknown.body.details).toEqual(['pastEventChoices: мероприятие № 999 не найдено']);

    // The schools' year set on the launch page travels with the launch; a bad value names its field.
    const schoolYear = {
      dueDates: { self_diagnosis: `${YEAR}-11-20` },
      reviewWorkingDays: 7,
      checkpointRhythm: 'quarterly',
      checkpointDates: [],
    };
    const badTerm = await admin
      .post(`/api/roadmaps/${stored.body.id}/cycles`)
      .send({ municipality: 'г. Иркутск', schoolYear: { ...schoolYear, reviewWorkingDays: 0 } })
      .expect(400);
    expect(JSON.stringify(badTerm.body.details)).toContain('reviewWorkingDays');
    const badDate = await admin
      .post(`/api/roadmaps/${stored.body.id}/cycles`)
      .send({ municipality: 'г. Иркутск', schoolYear: { ...schoolYear, dueDates: { report: '20.11.2026' } } })
      .expect(400);
    expect(JSON.stringify(badDate.body.details)).toContain('report');
    // A later stage due before an earlier one, and a checkpoint typed twice, are slips named by field.
    const outOfOrder = await admin
      .post(`/api/roadmaps/${stored.body.id}/cycles`)
      .send({
        municipality: 'г. Иркутск',
        schoolYear: { ...schoolYear, dueDates: { ...schoolYear.dueDates, report: `${YEAR}-10-01` } },
      })
      .expect(400);
    expect(outOfOrder.body.details).toEqual([
      `schoolYear.dueDates.report: срок этапа «Отчет» (01.10.${YEAR}) раньше срока этапа «Самодиагностика» (20.11.${YEAR}); сроки идут в порядке этапов`,
    ]);
    const twice = await admin
      .post(`/api/roadmaps/${stored.body.id}/cycles`)
      .send({
        municipality: 'г. Иркутск',
        schoolYear: {
          ...schoolYear,
          checkpointRhythm: 'dates',
          checkpointDates: [`${YEAR + 1}-03-01`, `${YEAR + 1}-03-01`],
        },
      })
      .expect(400);
    expect(twice.body.details).toEqual([`schoolYear.checkpointDates[1]: дата 01.03.${YEAR + 1} указана дважды`]);

    const cycle = await admin
      .post(`/api/roadmaps/${stored.body.id}/cycles`)
      .send({ municipality: 'г. Иркутск', pastEventChoices: [{ number: '1', policy: 'skip' }], schoolYear })
      .expect(201);
    const settings = await admin.get(`/api/cycles/${cycle.body.id}/school-year-settings`).expect(200);
    expect(settings.body).toMatchObject({
      dueDates: { self_diagnosis: `${YEAR}-11-20` },
      reviewWorkingDays: 7,
      checkpointRhythm: 'quarterly',
    });
    expect(cycle.body.events).toHaveLength(23);
    expect(cycle.body.awaitingScheduleEvents).toEqual([
      { number: '5', reason: expect.stringContaining('ожидает графика') },
    ]);

    const cycleId = cycle.body.id as string;
    const read = async (): Promise<Map<string, EventSummary>> => {
      const page = await admin.get(`/api/cycles/${cycleId}/events`).query({ pageSize: 100 }).expect(200);
      return new Map((page.body.items as EventSummary[]).map((e) => [e.number, e]));
    };
    await eventually('every event workflow projected its first state', async () => {
      const { rows } = await harness.db.query('SELECT count(*)::int AS n FROM event_progress WHERE cycle_id = $1', [
        cycleId,
      ]);
      return rows[0].n === 23 ? true : undefined;
    });
    const events = await read();
    expect(events.get('5')).toMatchObject({ status: 'awaiting_schedule', periodText: 'По графику', occurrences: [] });
    // Event 1 skipped to its next occurrence (it has none: nothing is tracked); event 2 tracked as late.
    expect(events.get('1')!.occurrences.map((o) => o.status)).toEqual(['skipped']);
    expect(events.get('2')).toMatchObject({ status: 'overdue', occurrences: [{ status: 'overdue' }] });
    const { rows: reminders } = await harness.db.query(
      `SELECT e.number, p.reminders_sent FROM event_progress p JOIN roadmap_events e ON e.id = p.event_id
        WHERE p.cycle_id = $1 AND e.number IN ('1', '2', '5') ORDER BY e.number`,
      [cycleId],
    );
    expect(reminders).toEqual([
      { number: '1', reminders_sent: 0 },
      { number: '2', reminders_sent: 0 },
      { number: '5', reminders_sent: 0 },
    ]);

    // Evidence for an event without dates is refused by its workflow, in Russian.
    const refused = await admin
      .post(`/api/events/${events.get('5')!.id}/evidence`)
      .send({ count: 1 })
      .expect(409);
    expect(refused.body.message).toBe('Мероприятие ожидает графика: даты еще не назначены координатором');

    // The coordinator dates it: the same workflow now tracks the window.
    await admin
      .post(`/api/events/${events.get('5')!.id}/schedule`)
      .send({ windows: [{ opensAt: `${YEAR + 1}-02-01`, deadline: `${YEAR + 1}-02-28` }] })
      .expect(200);
    const dated = await eventually('the dated event leaves «ожидает графика»', async () => {
      const e = (await read()).get('5')!;
      return e.status !== 'awaiting_schedule' ? e : undefined;
    });
    expect(dated).toMatchObject({ status: 'not_started', occurrences: [{ index: 0, status: 'not_started' }] });

    // A text indicator (event 14) judged by the coordinator: in its history and in the official report.
    const fourteen = events.get('14')!;
    const judged = await admin
      .post(`/api/events/${fourteen.id}/verdict`)
      .send({ occurrenceIndex: 0, met: false, comment: 'Консультации не проводились' })
      .expect(200);
    expect(judged.body.status).toBe('not_met');
    const detail = await admin.get(`/api/events/${fourteen.id}`).expect(200);
    expect(detail.body.verdicts).toEqual([{ occurrenceIndex: 0, met: false, comment: 'Консультации не проводились' }]);
    expect(detail.body.history[0]).toMatchObject({
      action: 'event.verdict',
      details: expect.objectContaining({ met: false, comment: 'Консультации не проводились' }),
    });
    const docx = await admin
      .get(`/api/cycles/${cycleId}/report`)
      .query({ format: 'docx' })
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    const report = (await mammoth.extractRawText({ buffer: docx.body as Buffer })).value;
    expect(report).toContain('Не выполнено; координатор отметил: не выполнено (Консультации не проводились)');
  });
});
