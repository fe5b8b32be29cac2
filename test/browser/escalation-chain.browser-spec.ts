// The cycle's escalation chain in Chromium: set in the launch panel, shown on the cycle page, and
// changed there on the running cycle, with the API's Russian error for a bad step shown in place.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ADMIN, createAccount, sessionClient } from '../support/auth-clients';
import { openPage, signIn, startProduct, type Product } from './browser.util';

const SEED = path.resolve(__dirname, '../fixtures/roadmaps/irkutsk-city-2023.txt');
// Next year: no event is past at launch, so the launch needs no choice about past events.
const YEAR = new Date().getUTCFullYear() + 1;

describe('escalation chain in Chromium', () => {
  let product: Product;

  beforeAll(async () => {
    product = await startProduct();
  });
  afterAll(async () => {
    await product?.close();
  });

  it('sets the chain at launch and changes it on the running cycle', async () => {
    const password = 'Координатор-2026!';
    const account = await createAccount(product.apps, ADMIN, password);
    const admin = await sessionClient(product.apps, account);
    const preview = await admin
      .post('/api/roadmaps/import')
      .attach('file', readFileSync(SEED), 'irkutsk.txt')
      .field('timezone', 'Asia/Irkutsk')
      .field('year', String(YEAR))
      .expect(201);
    const stored = await admin
      .post('/api/roadmaps')
      .query({ fileName: 'irkutsk.txt' })
      .send(preview.body.roadmap)
      .expect(201);

    const desk = await openPage(product, 'escalation-chain');
    await signIn(desk, product.baseUrl, account.email, password, `/roadmaps/${stored.body.id}/launch`);
    const launchEditor = desk.page.getByTestId('escalation-editor');
    await launchEditor.waitFor();
    await desk.page.locator('#cycle-municipality').fill('г. Иркутск');
    // Municipal coordinator after 2 working days instead of 3; no regional step.
    await launchEditor.getByRole('spinbutton', { name: 'Рабочих дней после срока, шаг 2' }).fill('2');
    await launchEditor.getByRole('button', { name: 'Убрать шаг' }).nth(1).click();
    await launchEditor.scrollIntoViewIfNeeded();
    await desk.shot('launch-chain', 'viewport');
    await desk.page.getByRole('button', { name: 'Запустить цикл' }).click();
    await desk.page.waitForURL((url) => /\/cycles\/[^/]+\/launch$/.test(url.pathname));
    const cycleId = new URL(desk.page.url()).pathname.split('/')[2];
    const launched = await admin.get(`/api/cycles/${cycleId}`).expect(200);
    expect(launched.body.escalationChain.steps).toEqual([
      { level: 'executor', afterWorkingDays: 1 },
      { level: 'municipal_coordinator', afterWorkingDays: 2 },
    ]);

    await desk.page.goto(`${product.baseUrl}/cycles/${cycleId}`);
    const panel = desk.page.getByTestId('escalation-panel');
    await panel.getByText('на следующий рабочий день после срока').waitFor();
    await panel.getByText('через 2 рабочих дня после срока').waitFor();
    await panel.getByRole('button', { name: 'Изменить' }).click();
    await panel.getByRole('button', { name: 'Добавить шаг' }).click();
    const days3 = panel.getByRole('spinbutton', { name: 'Рабочих дней после срока, шаг 3' });
    // Not more than the step before: the API refuses and names the step; nothing is stored.
    await days3.fill('2');
    await panel.getByRole('button', { name: 'Сохранить цепочку' }).click();
    await panel.getByText('Эскалация, шаг 3: число рабочих дней должно быть больше, чем у шага 2').waitFor();
    await panel.scrollIntoViewIfNeeded();
    await desk.shot('cycle-chain-refused', 'viewport');
    expect((await admin.get(`/api/cycles/${cycleId}`).expect(200)).body.escalationChain.steps).toHaveLength(2);

    await days3.fill('6');
    await panel.getByRole('button', { name: 'Сохранить цепочку' }).click();
    await panel.getByText('Цепочка сохранена').waitFor();
    await panel.getByText('через 6 рабочих дней после срока').waitFor();
    await desk.shot('cycle-chain-saved', 'viewport');
    const saved = await admin.get(`/api/cycles/${cycleId}`).expect(200);
    expect(saved.body.escalationChain).toMatchObject({
      isDefault: false,
      steps: [
        { level: 'executor', afterWorkingDays: 1 },
        { level: 'municipal_coordinator', afterWorkingDays: 2 },
        { level: 'regional_coordinator', afterWorkingDays: 6 },
      ],
    });
    // The one refused save is the only failed request the page saw.
    expect(desk.errors).toEqual([expect.stringContaining('status of 400')]);
  });
});
