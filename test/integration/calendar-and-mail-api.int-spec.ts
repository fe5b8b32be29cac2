// The coordinator's side of issue 13's delivery half: the production calendar (load a year from a
// file, mark a region's own holidays) and the outbox list (undeliverable mail at once), over HTTP.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { clientWith, type ApiClient } from '../support/auth-clients';
import { useHarness } from '../support/test-harness';

// 2027 with a working Saturday (13 November) the shipped draft lacks: 248 working days.
const XML_2027 = fs.readFileSync(path.resolve(__dirname, '../fixtures/calendars/calendar-2027.xml'), 'utf8');

describe('production calendar and outbox over HTTP', () => {
  const harness = useHarness();
  let coordinatorA: ApiClient;
  const A = `Календарный район ${randomUUID().slice(0, 8)}`;
  const B = `Другой район ${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    coordinatorA = await clientWith(harness.apps, [
      { role: 'municipal_coordinator', scopeKind: 'municipality', scopeValue: A },
    ]);
  });

  it('loads a year from an xmlcalendar file and shows its working days', async () => {
    const before = await harness.admin.get('/api/calendar?year=2027').expect(200);
    expect(before.body).toMatchObject({ year: 2027, workingDays: 247, provisional: true, loaded: false });

    const loaded = await harness.admin
      .post('/api/calendar/import')
      .send({ fileName: 'calendar-2027.xml', content: XML_2027 })
      .expect(200);
    // The file's 13 November is a working Saturday: one more working day than the shipped draft.
    expect(loaded.body.years).toEqual([
      expect.objectContaining({ year: 2027, workingDays: 248, loaded: true, provisional: false }),
    ]);
    const after = await coordinatorA.get('/api/calendar?year=2027').expect(200);
    expect(after.body.source).toBe('Файл «calendar-2027.xml»');
    expect(after.body.days).toContainEqual({ date: '2027-11-13', working: true, origin: 'calendar', note: '' });
    // Back to the shipped year (other test files share the database).
    const reset = await harness.admin.delete('/api/calendar/years/2027').expect(200);
    expect(reset.body).toMatchObject({ workingDays: 247, loaded: false });
  });

  it('refuses a bad file naming the line and day, and stores nothing', async () => {
    const refused = await harness.admin
      .post('/api/calendar/import')
      .send({
        fileName: 'bad.xml',
        content: '<calendar year="2028">\n<days>\n<day d="02.30" t="1"/>\n</days>\n</calendar>',
      })
      .expect(422);
    expect(refused.body).toMatchObject({
      error: 'INVALID_CALENDAR_FILE',
      message: 'Файл «bad.xml» не прочитан: 1 ошибок',
      details: ['строка 3: день «02.30» — ожидается ММ.ДД, реальная дата 2028 года'],
    });
    expect((await harness.db.query(`SELECT count(*)::int AS n FROM calendar_years WHERE year = 2028`)).rows[0].n).toBe(
      0,
    );
  });

  it('marks a regional holiday and takes it back; only region-wide managers may', async () => {
    const marked = await harness.admin
      .request('put', '/api/calendar/days/2026-08-31')
      .send({ kind: 'day_off', note: 'День Республики' })
      .expect(200);
    expect(marked.body.workingDays).toBe(246);
    expect(marked.body.days).toContainEqual({
      date: '2026-08-31',
      working: false,
      origin: 'marked',
      note: 'День Республики',
    });
    await coordinatorA.request('put', '/api/calendar/days/2026-08-31').send({ kind: 'working' }).expect(403);
    const bad = await harness.admin
      .request('put', '/api/calendar/days/2026-02-30')
      .send({ kind: 'day_off' })
      .expect(400);
    expect(bad.body.message).toBe('Дата «2026-02-30» некорректна: ожидается ГГГГ-ММ-ДД');
    const wrongKind = await harness.admin
      .request('put', '/api/calendar/days/2026-08-31')
      .send({ kind: 'отпуск' })
      .expect(400);
    expect(JSON.stringify(wrongKind.body)).toContain('kind');
    const back = await harness.admin.delete('/api/calendar/days/2026-08-31').expect(200);
    expect(back.body.workingDays).toBe(247);
  });

  it('shows a coordinator the undeliverable mail of their own cycles only', async () => {
    // Grants and cycles name directory municipalities by id.
    const municipalityIdOf = async (name: string) =>
      (await clientWith(harness.apps, [{ role: 'municipal_coordinator', scopeKind: 'municipality', scopeValue: name }]))
        .account!.grants[0].scopeValue;
    const cycle = async (municipality: string) =>
      (
        await harness.db.query(
          `INSERT INTO cycles (title, year, timezone, municipality, municipality_id) VALUES ($1, 2026, 'Asia/Irkutsk', $2, $3) RETURNING id`,
          [`Цикл ${municipality}`, municipality, await municipalityIdOf(municipality)],
        )
      ).rows[0].id as string;
    const [cycleA, cycleB] = [await cycle(A), await cycle(B)];
    const row = (cycleId: string, to: string, status: string, error: string | null) =>
      harness.db.query(
        `INSERT INTO mail_outbox (idempotency_key, kind, cycle_id, recipients, subject, text_body, html_body, status, attempts, last_error)
         VALUES ($1, 'event-reminder', $2, ARRAY[$3], 'Напоминание', 't', 'h', $4, 1, $5)`,
        [`api-test/${randomUUID()}`, cycleId, to, status, error],
      );
    await row(
      cycleA,
      'director-a@school.test',
      'undeliverable',
      'Почтовый сервер отказал в доставке: 550 5.1.1 unknown',
    );
    await row(cycleA, 'deputy-a@school.test', 'sent', null);
    await row(cycleB, 'director-b@school.test', 'undeliverable', 'Почтовый сервер отказал в доставке: 550');

    const page = await coordinatorA.get('/api/mail?status=undeliverable').expect(200);
    expect(page.body.items).toEqual([
      expect.objectContaining({
        recipient: 'director-a@school.test',
        status: 'undeliverable',
        cycleId: cycleA,
        cycleTitle: `Цикл ${A}`,
        lastError: 'Почтовый сервер отказал в доставке: 550 5.1.1 unknown',
      }),
    ]);
    expect(page.body.counts).toMatchObject({ undeliverable: 1, sent: 1 });
    await coordinatorA.get(`/api/mail?cycleId=${cycleB}`).expect(404);
    await coordinatorA.get('/api/mail?status=lost').expect(400);
    const all = await harness.admin.get(`/api/mail?status=undeliverable&cycleId=${cycleB}`).expect(200);
    expect(all.body.items.map((m: { recipient: string }) => m.recipient)).toEqual(['director-b@school.test']);
  });
});
