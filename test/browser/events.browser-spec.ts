import path from 'node:path';
import { DataSource } from 'typeorm';
import { ADMIN, createAccount, sessionClient } from '../support/auth-clients';
import { eventually } from '../support/poll.util';
import { SCREENSHOTS, openPage, signIn, startProduct, type Product } from './browser.util';

const SEED = path.resolve(__dirname, '../fixtures/roadmaps/irkutsk-city-2023.txt');
const YEAR = new Date().getUTCFullYear();

describe('roadmap events in Chromium', () => {
  let product: Product;

  beforeAll(async () => {
    product = await startProduct();
  });
  afterAll(async () => {
    await product?.close();
  });

  it('an executor records evidence from a phone in two taps, and the coordinator sees the event met', async () => {
    const adminPassword = 'Координатор-2026!';
    const adminAccount = await createAccount(product.apps, ADMIN, adminPassword);
    const admin = await sessionClient(product.apps, adminAccount);
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
    const cycleId = (
      await admin.post(`/api/roadmaps/${stored.body.id}/cycles`).send({ municipality: 'г. Иркутск' }).expect(201)
    ).body.id as string;
    const e12 = await eventually('event 12 projected', async () => {
      const page = await admin.get(`/api/cycles/${cycleId}/events`).query({ pageSize: 100 }).expect(200);
      const found = page.body.items.find((e: { number: string; status: string }) => e.number === '12');
      return found && found.status !== 'not_started' ? (found as { id: string; status: string }) : undefined;
    });
    expect(e12.status).toBe('at_risk');
    const rows: { id: string }[] = await product.apps.api.get(DataSource).query(
      `SELECT x->>'organisationId' AS id FROM roadmap_events e, jsonb_array_elements(e.executors) x
        WHERE e.cycle_id = $1 AND x->>'name' = 'МКУ «ИМЦРО»' LIMIT 1`,
      [cycleId],
    );
    const executorPassword = 'Исполнитель-2026!';
    const executor = await createAccount(
      product.apps,
      [{ role: 'executor', scopeKind: 'organisation', scopeValue: rows[0].id }],
      executorPassword,
    );

    // The executor, on a phone: «Мои мероприятия» → the event → «Отметить выполнение».
    const phone = await openPage(product, 'events-executor', true);
    await signIn(phone, product.baseUrl, executor.email, executorPassword);
    await phone.page.waitForURL((url) => url.pathname === '/my-events');
    await phone.page.getByTestId('my-events').waitFor();
    await phone.page.getByText('Не менее 3').first().waitFor();
    await phone.shot('my-events', 'viewport');
    // Other browser files launch the same seed for the same organisation: pick this cycle's event.
    await phone.page
      .getByRole('link', { name: /№ 12\./ })
      .and(phone.page.locator(`[href*="${cycleId}"]`))
      .click(); // tap 1
    await phone.page.getByTestId('evidence-form').waitFor();
    await phone.page.getByLabel('Количество').fill('3');
    await phone.shot('event-form', 'viewport');
    await phone.page.getByRole('button', { name: 'Отметить выполнение' }).click(); // tap 2
    await phone.page.getByRole('status').filter({ hasText: 'Отчет принят' }).waitFor();
    await phone.page.getByTestId('event-status').filter({ hasText: 'Выполнено' }).waitFor();
    await phone.shot('event-met');
    expect(phone.errors).toEqual([]);

    // The coordinator sees it met, on the event page and in the dashboard's events table.
    const desk = await openPage(product, 'events-coordinator');
    await signIn(desk, product.baseUrl, adminAccount.email, adminPassword, `/cycles/${cycleId}/events/${e12.id}`);
    await desk.page.getByTestId('event-status').filter({ hasText: 'Выполнено' }).waitFor();
    await desk.page.getByTestId('evidence').getByText('количество: 3').waitFor();
    await desk.shot('event-met');

    // «Кому напоминать»: the coordinator names a directory person for this event's reminders.
    const methodist = `Напоминаева Вера ${cycleId.slice(0, 4)}`;
    await admin
      .post('/api/directory/people-import/confirm')
      .send({
        municipality: 'г. Иркутск',
        people: [
          {
            fullName: methodist,
            position: 'методист',
            email: `napominaeva-${cycleId}@example.ru`,
            organisation: 'Ресурсный центр «Наставник»',
          },
        ],
      })
      .expect(201);
    // The page read the directory before the import: open it again.
    await desk.page.reload();
    const panel = desk.page.getByTestId('event-addressees');
    await panel.scrollIntoViewIfNeeded();
    await panel.getByTestId('addressees-executors').getByText('МКУ «ИМЦРО»').first().waitFor();
    await panel.getByRole('combobox', { name: 'Люди из справочника' }).click();
    await desk.page.keyboard.type(methodist.split(' ')[0]);
    await desk.page.getByRole('option', { name: new RegExp(methodist) }).click();
    await desk.page.keyboard.press('Escape');
    await panel.getByRole('button', { name: 'Сохранить' }).click();
    await panel.getByRole('status').filter({ hasText: 'Сохранено' }).waitFor();
    await panel.getByTestId('addressees-now').getByText(methodist).waitFor();
    await panel.getByText('Назначены координатором').waitFor();
    await panel.screenshot({ path: path.join(SCREENSHOTS, 'events-coordinator-addressees.png') });
    const assigned = await admin.get(`/api/directory/events/${e12.id}/assignees`).expect(200);
    expect(assigned.body.recipients.map((p: { fullName: string }) => p.fullName)).toEqual([methodist]);

    // Event 3 is executed by «Управленческие команды ШНОР»: the cycle's ШНОР schools, not an organisation.
    const e3 = (await admin.get(`/api/cycles/${cycleId}/events`).query({ pageSize: 100 }).expect(200)).body.items.find(
      (e: { number: string }) => e.number === '3',
    ) as { id: string };
    await desk.page.goto(`${product.baseUrl}/cycles/${cycleId}/events/${e3.id}`);
    const teams = desk.page.getByTestId('event-addressees');
    await teams.scrollIntoViewIfNeeded();
    await teams.getByTestId('addressees-executors').getByText('школы цикла (ШНОР)').waitFor();
    expect(await teams.getByTestId('addressees-executors').textContent()).not.toContain('не связан со справочником');
    await teams.screenshot({ path: path.join(SCREENSHOTS, 'events-coordinator-addressees-group.png') });

    await desk.page.goto(`${product.baseUrl}/cycles/${cycleId}`);
    await desk.page.getByTestId('event-progress').first().waitFor();
    await desk.page.getByTestId('report-docx').waitFor();
    await desk.shot('dashboard');
    expect(desk.errors).toEqual([]);
    await phone.close();
    await desk.close();
  });
});
