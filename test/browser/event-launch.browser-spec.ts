// The coordinator's launch choices and verdicts in Chromium: past events tracked as late or from
// their next occurrence (chosen per event and for all at once), a «По графику» event launched waiting
// for dates, a text indicator judged on the event page, and the dashboard's events table.
import { DataSource } from 'typeorm';
import { ADMIN, createAccount, sessionClient } from '../support/auth-clients';
import { irkutskSeedWithScheduledByPlan } from '../support/event-fixtures.util';
import { eventually } from '../support/poll.util';
import { openPage, signIn, startProduct, typeDate, type Product } from './browser.util';

const YEAR = new Date().getUTCFullYear();

interface EventSummary {
  id: string;
  number: string;
  status: string;
  occurrences: { index: number; status: string }[];
}

describe('launch choices and verdicts in Chromium', () => {
  let product: Product;

  beforeAll(async () => {
    product = await startProduct();
  });
  afterAll(async () => {
    await product?.close();
  });

  it('chooses late or skip per past event, launches «По графику» waiting, and judges a text indicator', async () => {
    const password = 'Координатор-2026!';
    const account = await createAccount(product.apps, ADMIN, password);
    const admin = await sessionClient(product.apps, account);
    // The seed with event 5 as «По графику»; this year, so May and June are past, September partly.
    const preview = await admin
      .post('/api/roadmaps/import')
      .attach('file', irkutskSeedWithScheduledByPlan(), 'irkutsk.txt')
      .field('timezone', 'Asia/Irkutsk')
      .field('year', String(YEAR))
      .expect(201);
    const stored = await admin
      .post('/api/roadmaps')
      .query({ fileName: 'irkutsk.txt' })
      .send(preview.body.roadmap)
      .expect(201);

    const desk = await openPage(product, 'event-launch');
    await signIn(desk, product.baseUrl, account.email, password, `/roadmaps/${stored.body.id}/launch`);
    const past = desk.page.getByTestId('past-events');
    await past.waitFor();
    await desk.page.locator('#cycle-municipality').fill('г. Иркутск');
    // All at once first, then one event back to «late».
    await past.getByRole('button', { name: 'Все — со следующего срока' }).click();
    const second = past.getByRole('radiogroup', { name: 'Как учитывать № 2', exact: true });
    expect(await second.getByRole('radio', { name: 'Не учитывать прошедшее' }).isChecked()).toBe(true);
    await second.getByRole('radio', { name: 'Просрочено' }).check();
    await past.getByText('прошли первые сроки').first().waitFor(); // event 16: September past, December ahead
    await desk.page.getByRole('checkbox', { name: 'Оставить без графика' }).check();
    await desk.page.getByText('из них ожидают графика: 1').waitFor();
    await past.scrollIntoViewIfNeeded();
    await desk.shot('past-events', 'viewport');
    // The schools' year: a shorter review term and one stage's due date, sent with the launch.
    const year = desk.page.getByRole('region', { name: 'Год школы' });
    await year.locator('#review-term').fill('7');
    const selfDiagnosis = year.getByRole('textbox', { name: 'Срок этапа: Самодиагностика' });
    await selfDiagnosis.fill('');
    await typeDate(selfDiagnosis, `20.11.${YEAR + 1}`);
    // The report's date pre-filled from the roadmap now falls before it: the launch names the slip.
    const report = year.getByRole('textbox', { name: 'Срок этапа: Отчет' });
    const reportDate = await report.inputValue();
    // Monitoring on given dates instead of quarterly: two checkpoints typed as people do.
    await year.getByRole('radio', { name: 'По датам' }).check();
    const checkpoints = year.getByRole('group', { name: 'Даты контрольных точек' });
    for (const [i, date] of [`15.12.${YEAR + 1}`, `15.03.${YEAR + 2}`].entries()) {
      await checkpoints.getByRole('button', { name: 'Добавить дату' }).click();
      await typeDate(checkpoints.getByRole('textbox', { name: `Даты контрольных точек ${i + 1}` }), date);
    }
    await year.scrollIntoViewIfNeeded();
    await desk.shot('school-year', 'viewport');
    if (reportDate) {
      await desk.page.getByRole('button', { name: 'Запустить цикл' }).click();
      await desk.page.getByText('срок этапа «Отчет»', { exact: false }).waitFor();
      await desk.shot('stage-dates-out-of-order', 'viewport');
      await report.fill('');
    }
    await desk.page.getByRole('button', { name: 'Запустить цикл' }).click();
    await desk.page.waitForURL((url) => /\/cycles\/[^/]+\/launch$/.test(url.pathname));
    const cycleId = new URL(desk.page.url()).pathname.split('/')[2];
    const settings = await admin.get(`/api/cycles/${cycleId}/school-year-settings`).expect(200);
    expect(settings.body).toMatchObject({
      reviewWorkingDays: 7,
      checkpointRhythm: 'dates',
      checkpointDates: [`${YEAR + 1}-12-15`, `${YEAR + 2}-03-15`],
      dueDates: { self_diagnosis: `${YEAR + 1}-11-20` },
    });

    const events = await eventually(
      'every event workflow projected',
      async () => {
        // Counted before the list is read: a list read first could predate the last projection.
        const db = product.apps.api.get(DataSource);
        const [{ n }] = await db.query('SELECT count(*)::int AS n FROM event_progress WHERE cycle_id = $1', [cycleId]);
        if (n !== 23) return undefined;
        const page = await admin.get(`/api/cycles/${cycleId}/events`).query({ pageSize: 100 }).expect(200);
        return new Map((page.body.items as EventSummary[]).map((e) => [e.number, e]));
      },
      180_000,
    ); // the launch runs in the background; on a loaded CI machine it took more than a minute
    expect(events.get('1')!.occurrences.map((o) => o.status)).toEqual(['skipped']);
    expect(events.get('2')).toMatchObject({ status: 'overdue' });
    expect(events.get('9')!.occurrences.map((o) => o.status)).toEqual(['skipped', 'skipped']);
    expect(events.get('16')!.occurrences.map((o) => o.status)).toEqual([
      'skipped',
      expect.not.stringMatching(/^skipped$/),
    ]);
    expect(events.get('5')).toMatchObject({ status: 'awaiting_schedule' });
    // No burst: nothing was reminded of a period already past.
    const reminded: { number: string }[] = await product.apps.api.get(DataSource).query(
      `SELECT e.number FROM event_progress p JOIN roadmap_events e ON e.id = p.event_id
        WHERE p.cycle_id = $1 AND p.reminders_sent > 0 AND e.number IN ('1', '2', '3', '4', '5', '9')`,
      [cycleId],
    );
    expect(reminded).toEqual([]);

    // Event 14 has a text indicator: the coordinator marks it not met, with a comment.
    await desk.page.goto(`${product.baseUrl}/cycles/${cycleId}/events/${events.get('14')!.id}`);
    const verdict = desk.page.getByTestId('verdict');
    await verdict.waitFor();
    await verdict.getByRole('textbox').first().fill('Консультации не проводились');
    await verdict.getByRole('button', { name: 'Не выполнено' }).first().click();
    await desk.page.getByTestId('event-status').filter({ hasText: 'Не выполнено' }).waitFor();
    await desk.page
      .getByTestId('event-history')
      .getByText('Отметка координатора — не выполнено: Консультации не проводились')
      .waitFor();
    await desk.shot('text-verdict');

    // The dashboard's events table: progress bars and the at-risk / overdue / waiting flags.
    await desk.page.goto(`${product.baseUrl}/cycles/${cycleId}`);
    await desk.page.getByTestId('event-progress').first().waitFor();
    const table = desk.page.locator('section[aria-labelledby="events-title"]');
    await table.getByText('Под угрозой').first().waitFor();
    await table.getByText('Ожидает графика').first().waitFor();
    await table.getByText('Ожидает графика').first().scrollIntoViewIfNeeded();
    await desk.shot('dashboard-events', 'viewport');
    // The refused launch with the slipped report date is the only failed request, when it was made.
    expect(desk.errors).toEqual(reportDate ? [expect.stringContaining('status of 400')] : []);
    await desk.close();
  });
});
