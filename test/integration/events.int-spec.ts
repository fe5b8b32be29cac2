// Roadmap events as tracked work over HTTP: evidence recorded, refused and corrected through the
// event workflows, the read model from PostgreSQL, and the official report read back.
import path from 'node:path';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { createAccount, sessionClient, type ApiClient } from '../support/auth-clients';
import { binaryBody } from '../support/event-fixtures.util';
import { eventually } from '../support/poll.util';
import { useHarness } from '../support/test-harness';

const SEED = path.resolve(__dirname, '../fixtures/roadmaps/irkutsk-city-2023.txt');
// The seed moved to this year: its year-long events are open now, its May events already past.
const YEAR = new Date().getUTCFullYear();

interface EventSummary {
  id: string;
  number: string;
  status: string;
  progressPercent: number;
  occurrences: { index: number; label: string; status: string; achieved: number; target: number }[];
}

describe('roadmap events over HTTP', () => {
  const harness = useHarness();
  let cycleId: string;
  let executor: ApiClient;
  const events = new Map<string, EventSummary>();

  beforeAll(async () => {
    const admin = harness.admin;
    const preview = await admin
      .post('/api/roadmaps/import')
      .attach('file', SEED)
      .field('timezone', 'Asia/Irkutsk')
      .field('year', String(YEAR))
      .expect(201);
    const stored = await admin
      .post('/api/roadmaps')
      .query({ fileName: 'irkutsk.txt' })
      .send(preview.body.roadmap)
      .expect(201);
    const cycle = await admin
      .post(`/api/roadmaps/${stored.body.id}/cycles`)
      .send({ municipality: 'г. Иркутск', pastEvents: 'late' })
      .expect(201);
    cycleId = cycle.body.id;
    // Every event workflow has projected its first state.
    await eventually('every event projected', async () => {
      const { rows } = await harness.db.query('SELECT count(*)::int AS n FROM event_progress WHERE cycle_id = $1', [
        cycleId,
      ]);
      return rows[0].n === 23 ? true : undefined;
    });
    const page = await admin.get(`/api/cycles/${cycleId}/events`).query({ pageSize: 100 }).expect(200);
    for (const e of page.body.items as EventSummary[]) events.set(e.number, e);
    const { rows } = await harness.db.query(
      `SELECT x->>'organisationId' AS id FROM roadmap_events e, jsonb_array_elements(e.executors) x
        WHERE e.cycle_id = $1 AND x->>'name' = 'МКУ «ИМЦРО»' LIMIT 1`,
      [cycleId],
    );
    executor = await sessionClient(
      harness.apps,
      await createAccount(harness.apps, [{ role: 'executor', scopeKind: 'organisation', scopeValue: rows[0].id }]),
    );
  });

  const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

  it('keeps the parsed periods and indicators, and lists, filters and pages the read model', async () => {
    const admin = harness.admin;
    expect(events.get('16')!.occurrences.map((o) => o.label)).toEqual([`сентябрь ${YEAR} г.`, `декабрь ${YEAR} г.`]);
    expect(events.get('1')!.status).toBe('overdue'); // May is past: tracked as late, not a burst of mail
    expect(events.get('12')).toMatchObject({ status: 'at_risk', occurrences: [{ target: 3, achieved: 0 }] });

    const paged = await admin.get(`/api/cycles/${cycleId}/events`).query({ pageSize: 5, page: 2 }).expect(200);
    expect(paged.body).toMatchObject({ total: 23, page: 2, pageSize: 5 });
    expect(paged.body.items).toHaveLength(5);
    const section = await admin
      .get(`/api/cycles/${cycleId}/events`)
      .query({ section: events.get('1') && (await admin.get(`/api/events/${events.get('1')!.id}`)).body.section })
      .expect(200);
    expect(section.body.total).toBe(10);
    const overdue = await admin
      .get(`/api/cycles/${cycleId}/events`)
      .query({ status: 'overdue', pageSize: 100 })
      .expect(200);
    expect(overdue.body.items.every((e: EventSummary) => e.status === 'overdue')).toBe(true);
    const bad = await admin.get(`/api/cycles/${cycleId}/events`).query({ status: 'done' }).expect(400);
    expect(bad.body.message + JSON.stringify(bad.body.details)).toContain('status');

    // An executor sees only its organisation's events.
    const mine = await executor.get('/api/events/mine').expect(200);
    expect(mine.body.map((e: EventSummary) => e.number)).toContain('12');
    expect(mine.body.map((e: EventSummary) => e.number)).not.toContain('8');
    await executor.get(`/api/events/${events.get('8')!.id}`).expect(404);
  });

  it('records evidence, refuses what the workflow must refuse, and lets the coordinator correct and remove it', async () => {
    const e12 = events.get('12')!;
    const first = await executor
      .post(`/api/events/${e12.id}/evidence`)
      .send({ heldOn: today(), count: 2, comment: 'Курсы «Современный урок», 24 часа' })
      .expect(201);
    expect(first.body).toMatchObject({ occurrences: [{ achieved: 2, target: 3 }] });

    // Empty, dated outside the period without a reason, not the executor's event.
    const empty = await executor.post(`/api/events/${e12.id}/evidence`).send({}).expect(409);
    expect(empty.body.message).toContain('Отчет пуст');
    const e16 = events.get('16')!;
    const outside = await executor
      .post(`/api/events/${e16.id}/evidence`)
      .send({ occurrenceIndex: 0, heldOn: `${YEAR}-10-15`, count: 1 })
      .expect(409);
    expect(outside.body.message).toMatch(/вне срока «сентябрь .*укажите причину/);
    await executor
      .post(`/api/events/${events.get('8')!.id}/evidence`)
      .send({ count: 1 })
      .expect(404);
    const late = await executor
      .post(`/api/events/${e16.id}/evidence`)
      .send({ occurrenceIndex: 0, heldOn: `${YEAR}-10-15`, count: 2, lateReason: 'Перенесено из-за карантина' })
      .expect(201);
    expect(late.body.occurrences[0]).toMatchObject({ status: 'met', achieved: 2 });

    const second = await executor
      .post(`/api/events/${e12.id}/evidence`)
      .send({ heldOn: today(), count: 1 })
      .expect(201);
    expect(second.body.status).toBe('met');
    const detail = await harness.admin.get(`/api/events/${e12.id}`).expect(200);
    expect(detail.body).toMatchObject({ status: 'met', evidenceCount: 2, canManage: true });
    await eventually('the projection shows it met', async () => {
      const { rows } = await harness.db.query('SELECT status FROM event_progress WHERE event_id = $1', [e12.id]);
      return rows[0].status === 'met' ? true : undefined;
    });

    // The coordinator corrects a count: the event is no longer met; the old value is in the audit log.
    const [firstId] = first.body.evidenceIds;
    const corrected = await harness.admin
      .request('patch', `/api/events/${e12.id}/evidence/${firstId}`)
      .send({ count: 1, reason: 'Одни курсы посчитаны дважды' })
      .expect(200);
    expect(corrected.body.occurrences[0].achieved).toBe(2);
    expect(corrected.body.status).not.toBe('met');
    const { rows: audit } = await harness.db.query(
      `SELECT details FROM audit_log WHERE action = 'event.evidence.correct' AND target_id = $1`,
      [e12.id],
    );
    expect(audit[0].details).toMatchObject({
      before: { count: 2 },
      after: { count: 1 },
      reason: 'Одни курсы посчитаны дважды',
    });
    await executor
      .request('patch', `/api/events/${e12.id}/evidence/${firstId}`)
      .send({ count: 5, reason: 'x' })
      .expect(403);

    const removed = await harness.admin
      .post(`/api/events/${e12.id}/evidence/${firstId}/remove`)
      .send({ reason: 'Ошибочная запись' })
      .expect(200);
    expect(removed.body.occurrences[0].achieved).toBe(1);
    const after = await harness.admin.get(`/api/events/${e12.id}`).expect(200);
    expect(after.body.evidence.find((e: { id: string }) => e.id === firstId)).toMatchObject({
      removedReason: 'Ошибочная запись',
    });
    expect(after.body.history.map((h: { action: string }) => h.action)).toEqual(
      expect.arrayContaining(['event.evidence.record', 'event.evidence.correct', 'event.evidence.remove']),
    );

    // Cancelled with a reason: evidence is refused from then on.
    const e19 = events.get('19')!;
    await harness.admin.post(`/api/events/${e19.id}/close`).send({ kind: 'cancel', reason: '' }).expect(400);
    const cancelled = await harness.admin
      .post(`/api/events/${e19.id}/close`)
      .send({ kind: 'cancel', reason: 'Консультации перенесены в региональный план' })
      .expect(200);
    expect(cancelled.body.status).toBe('cancelled');
    const refused = await executor.post(`/api/events/${e19.id}/evidence`).send({ comment: 'Проведено' }).expect(409);
    expect(refused.body.message).toContain('отменено');
  });

  it('moves a period, and summarises by section and executor', async () => {
    const e23 = events.get('23')!;
    const moved = await harness.admin
      .post(`/api/events/${e23.id}/schedule`)
      .send({ occurrenceIndex: 0, windows: [{ opensAt: `${YEAR}-11-01`, deadline: `${YEAR}-12-25` }] })
      .expect(200);
    expect(moved.body.occurrences[0]).toMatchObject({ label: `1 ноября – 25 декабря ${YEAR} г.`, status: 'open' });
    const summary = await harness.admin.get(`/api/cycles/${cycleId}/events-summary`).expect(200);
    expect(summary.body.bySection).toHaveLength(2);
    expect(summary.body.byExecutor.find((x: { key: string }) => x.key === 'МКУ «ИМЦРО»')).toMatchObject({ total: 19 });
  });

  it('writes «Отчет о реализации дорожной карты» as DOCX and XLSX from the evidence', async () => {
    const docx = await harness.admin
      .get(`/api/cycles/${cycleId}/report`)
      .query({ format: 'docx' })
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    expect(docx.headers['content-disposition']).toContain('attachment');
    const text = (await mammoth.extractRawText({ buffer: docx.body as Buffer })).value;
    expect(text).toContain('Отчет о реализации дорожной карты');
    for (const column of ['Мероприятие', 'Сроки', 'Исполнители', 'Показатель реализации', 'Информация об исполнении']) {
      expect(text).toContain(column);
    }
    expect(text).toContain('Организация курсов повышения квалификации');
    expect(text).toMatch(/количество: 1 из 3; не хватает 2/);
    expect(text).toContain('Отменено');
    expect(text).toMatch(/сентябрь \d{4} г\.: Выполнено; проведено 15\.10\.\d{4}; количество: 2 из 2/);
    expect(text).toMatch(/не приложен документ: справка/);

    const xlsx = await harness.admin
      .get(`/api/cycles/${cycleId}/report`)
      .query({ format: 'xlsx', from: `${YEAR}-09-01`, to: `${YEAR}-12-31` })
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body as ArrayBuffer);
    const sheet = book.worksheets[0];
    const values = sheet.getSheetValues().filter(Boolean) as unknown[][];
    expect(values[0][1]).toBe('Отчет о реализации дорожной карты');
    expect(values[2].slice(1)).toEqual([
      '№',
      'Мероприятие',
      'Сроки',
      'Исполнители',
      'Показатель реализации',
      'Информация об исполнении',
    ]);
    const numbers = values
      .slice(3)
      .map((r) => r[1])
      .filter((n) => typeof n === 'string' && /^\d+$/.test(n as string));
    // September–December: the May/June events fall outside the period.
    expect(numbers).not.toContain('1');
    expect(numbers).toEqual(expect.arrayContaining(['11', '12', '16', '21', '22', '23']));
    const row12 = values.find((r) => r[1] === '12')!;
    expect(String(row12[6])).toContain('количество: 1 из 3');
    await harness.admin.get(`/api/cycles/${cycleId}/report`).query({ format: 'pdf' }).expect(400);
  });
});
