// Issue 11 follow-up in the browser: the coordinator names a directory person (no account yet) as a
// document's expert on the school page; that person, once signed in with no grant at all, finds the
// school in «На экспертизе» with only that document, opens its file and sends a decision; another
// school of the cycle does not show; once the coordinator gives the document back to the curator, the
// school is gone from the expert's reach.
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createAccount, sessionClient, type ApiClient, type TestAccount } from '../support/auth-clients';
import { eventually } from '../support/poll.util';
import { schoolToExpertise } from '../support/school-year.util';
import { openPage, signIn, startProduct, type Product } from './browser.util';

const MUNICIPALITY = `Экспертный район ${randomUUID().slice(0, 6)}`;
const DAY = 24 * 3600 * 1000;
const ASSIGNED = 'МБОУ «СОШ № 51»';
const OTHER = 'МБОУ «СОШ № 52»';
const EXPERT = 'Экспертова Мария Сергеевна';

describe('an assigned expert without a grant reviews in the browser', () => {
  let product: Product;
  let coordinator: TestAccount;
  let coordinatorApi: ApiClient;
  let expert: TestAccount;
  let cycleId = '';
  const ids = new Map<string, string>();
  const password = 'Экспертиза-без-прав-2026!';

  beforeAll(async () => {
    product = await startProduct();
    coordinator = await createAccount(
      product.apps,
      [{ role: 'municipal_coordinator', scopeKind: 'municipality', scopeValue: MUNICIPALITY }],
      password,
    );
    coordinatorApi = await sessionClient(product.apps, coordinator);
    expert = await createAccount(product.apps, [], password);
    const created = await coordinatorApi
      .post('/api/cycles')
      .send({
        title: 'ШНОР 2026/27 (эксперты)',
        year: 2026,
        timezone: 'Asia/Irkutsk',
        municipality: MUNICIPALITY,
        schools: [ASSIGNED, OTHER].map((name) => ({ name, category: 'shnor' })),
        // The expert is a person of the directory (a methodist), not yet linked to an account.
        curators: [
          { name: EXPERT, workplace: 'МКУ «ИМЦРО»', email: `metodist-${randomUUID()}@imcro.example.ru`, schools: [] },
        ],
        events: [
          {
            number: '1',
            title: 'Экспертиза концептуальных документов',
            opensAt: new Date(Date.now() + DAY).toISOString(),
            deadline: new Date(Date.now() + 40 * DAY).toISOString(),
            executors: [{ name: 'МКУ «ИМЦРО»' }],
          },
        ],
      })
      .expect(201);
    cycleId = created.body.id;
    for (const s of created.body.schools as { id: string; name: string }[]) ids.set(s.name, s.id);
    await eventually('both schools at the risk profile', async () => {
      const view = await coordinatorApi.get(`/api/cycles/${cycleId}`).expect(200);
      const stages = (view.body.schools as { stage: string }[]).map((s) => s.stage);
      return stages.length === 2 && stages.every((s) => s === 'risk_profile') ? true : undefined;
    });
    for (const name of [ASSIGNED, OTHER]) {
      await schoolToExpertise(product.apps, coordinatorApi, cycleId, ids.get(name) as string);
    }
  });
  afterAll(async () => {
    await product?.close();
  });

  it('coordinator: names a directory person the expert of one document on the school page', async () => {
    const p = await openPage(product, 'expert-assign');
    await signIn(p, product.baseUrl, coordinator.email, password, `/cycles/${cycleId}/schools/${ids.get(ASSIGNED)}`);
    const block = p.page.getByTestId('expert-development_concept');
    await block.getByText('Проверяет: куратор школы').waitFor();
    await block.getByRole('combobox', { name: /Эксперт из справочника/ }).click();
    await p.page.getByRole('option', { name: new RegExp(EXPERT) }).click();
    await block.getByRole('button', { name: 'Назначить эксперта' }).click();
    await block.getByText(`Проверяет: ${EXPERT}`).waitFor();
    await p.shot('expert-assigned');
    expect(p.errors).toEqual([]);
    await p.close();
    // The person gets an account only now (e.g. by invitation): the assignment names the directory person.
    const year = await coordinatorApi.get(`/api/schools/${ids.get(ASSIGNED)}`).expect(200);
    const named = year.body.state.documents.find((d: { key: string }) => d.key === 'development_concept').expert;
    expect(named).toMatchObject({ name: EXPERT, userId: null, personId: expect.any(String) });
    await product.apps.api
      .get(DataSource)
      .query('UPDATE people SET user_id = $1 WHERE id = $2', [expert.userId, named.personId]);
  });

  it('expert: finds only its document in «На экспертизе», returns it with remarks; loses the school after reassignment', async () => {
    const p = await openPage(product, 'expert');
    await signIn(p, product.baseUrl, expert.email, password, '/reviews');
    const item = p.page.getByTestId('review-item');
    await item.getByText(ASSIGNED).waitFor();
    expect(await item.count()).toBe(1);
    expect(await p.page.getByText(OTHER).count()).toBe(0);
    // Its document, with the school's file; the curator's document is not offered to the expert.
    const doc = item.getByTestId('review-development_concept');
    await doc.getByText('development_concept.pdf').waitFor();
    expect(await item.getByTestId('review-medium_term_programme').count()).toBe(0);
    await doc.getByRole('radio', { name: 'Вернуть', exact: true }).check();
    await doc.getByRole('textbox').fill('Нет целевых показателей по направлениям риска');
    await p.shot('expert-decision');
    await item.getByRole('button', { name: 'Отправить решение' }).click();
    // The returned document now waits for the school: nothing is left on this expert's review.
    await p.page.getByText(`${ASSIGNED}: Документы возвращены на доработку с замечаниями`).waitFor();
    await p.page.getByText('Документов на экспертизе нет').waitFor();
    await p.shot('expert-returned');
    const year = await coordinatorApi.get(`/api/schools/${ids.get(ASSIGNED)}`).expect(200);
    const concept = year.body.state.documents.find((d: { key: string }) => d.key === 'development_concept');
    expect(concept).toMatchObject({ status: 'returned' });
    expect(concept.reviews.at(-1)).toMatchObject({
      decision: 'return',
      remarks: 'Нет целевых показателей по направлениям риска',
      by: { userId: expert.userId },
    });
    expect(p.errors).toEqual([]);

    const c = await openPage(product, 'expert-back-to-curator');
    await signIn(c, product.baseUrl, coordinator.email, password, `/cycles/${cycleId}/schools/${ids.get(ASSIGNED)}`);
    const block = c.page.getByTestId('expert-development_concept');
    await block.getByRole('button', { name: 'Вернуть куратору' }).click();
    await block.getByText('Проверяет: куратор школы').waitFor();
    expect(c.errors).toEqual([]);
    await c.close();
    await p.page.goto(`${product.baseUrl}/cycles/${cycleId}/schools/${ids.get(ASSIGNED)}`);
    // No grant and no assignment left: the school does not open (the API answers 403 to a person without a role).
    await p.page.getByText(/Нет доступа/).waitFor();
    await p.shot('expert-after-reassignment');
    await p.close();
  });
});
