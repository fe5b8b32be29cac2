// Issue 11 follow-up in the browser: a person the coordinator names as a document's expert, with no
// grant at all, finds the school in «На экспертизе» with only that document, opens its file and sends
// a decision; another school of the cycle does not show; once the coordinator gives the document back
// to the curator, the school is gone from the expert's reach.
import { randomUUID } from 'node:crypto';
import { createAccount, sessionClient, type ApiClient, type TestAccount } from '../support/auth-clients';
import { eventually } from '../support/poll.util';
import { schoolToExpertise } from '../support/school-year.util';
import { openPage, signIn, startProduct, type Product } from './browser.util';

const MUNICIPALITY = `Экспертный район ${randomUUID().slice(0, 6)}`;
const DAY = 24 * 3600 * 1000;
const ASSIGNED = 'МБОУ «СОШ № 51»';
const OTHER = 'МБОУ «СОШ № 52»';

describe('an assigned expert without a grant reviews in the browser', () => {
  let product: Product;
  let coordinatorApi: ApiClient;
  let expert: TestAccount;
  let cycleId = '';
  const ids = new Map<string, string>();
  const password = 'Экспертиза-без-прав-2026!';

  beforeAll(async () => {
    product = await startProduct();
    const coordinator = await createAccount(product.apps, [
      { role: 'municipal_coordinator', scopeKind: 'municipality', scopeValue: MUNICIPALITY },
    ]);
    coordinatorApi = await sessionClient(product.apps, coordinator);
    const created = await coordinatorApi
      .post('/api/cycles')
      .send({
        title: 'ШНОР 2026/27 (эксперты)',
        year: 2026,
        timezone: 'Asia/Irkutsk',
        municipality: MUNICIPALITY,
        schools: [ASSIGNED, OTHER].map((name) => ({ name, category: 'shnor' })),
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
    expert = await createAccount(product.apps, [], password);
    await coordinatorApi
      .request('put', `/api/schools/${ids.get(ASSIGNED)}/documents/development_concept/expert`)
      .send({ expert: { userId: expert.userId } })
      .expect(200);
  });
  afterAll(async () => {
    await product?.close();
  });

  it('finds only its document in «На экспертизе», returns it with remarks; loses the school after reassignment', async () => {
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

    await coordinatorApi
      .request('put', `/api/schools/${ids.get(ASSIGNED)}/documents/development_concept/expert`)
      .send({ expert: null })
      .expect(200);
    await p.page.goto(`${product.baseUrl}/cycles/${cycleId}/schools/${ids.get(ASSIGNED)}`);
    // No grant and no assignment left: the school does not open (the API answers 403 to a person without a role).
    await p.page.getByText(/Нет доступа/).waitFor();
    await p.shot('expert-after-reassignment');
    await p.close();
  });
});
