// Issue 11, the coordinator on a running cycle in the browser: risk profiles from a table, another
// curator for a school in expertise (the new curator sees it in «На экспертизе», the old one does
// not), a school withdrawn with a reason, and schools added from the directory and as new ones.
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createAccount, sessionClient, type ApiClient, type TestAccount } from '../support/auth-clients';
import { eventually } from '../support/poll.util';
import { schoolToExpertise } from '../support/school-year.util';
import { openPage, signIn, startProduct, typeDate, type PersonPage, type Product } from './browser.util';

const MUNICIPALITY = `Усольский район ${randomUUID().slice(0, 6)}`;
const DAY = 24 * 3600 * 1000;
const SCHOOLS = {
  review: 'МБОУ «СОШ № 31»',
  withdraw: 'МБОУ «СОШ № 32»',
  profile: 'МБОУ «СОШ № 33»',
  directory: 'МБОУ «Лицей № 36»',
  added: 'МБОУ «СОШ № 37»',
};

describe('the coordinator on a running cycle: risk profiles, curator change, withdrawal, added schools', () => {
  let product: Product;
  let coordinator: TestAccount;
  let oldCurator: TestAccount;
  let newCurator: TestAccount;
  let coordinatorApi: ApiClient;
  let cycleId = '';
  const ids = new Map<string, string>();
  const password = 'Управление-циклом-2026!';

  beforeAll(async () => {
    product = await startProduct();
    coordinator = await createAccount(
      product.apps,
      [{ role: 'municipal_coordinator', scopeKind: 'municipality', scopeValue: MUNICIPALITY }],
      password,
    );
    coordinatorApi = await sessionClient(product.apps, coordinator);
    const now = Date.now();
    const events = [
      {
        number: '1',
        title: 'Самодиагностика ШНОР',
        opensAt: new Date(now + DAY).toISOString(),
        deadline: new Date(now + 20 * DAY).toISOString(),
        executors: [{ name: 'МКУ «ИМЦРО»' }],
      },
    ];
    // An earlier cycle put the lyceum in the directory; it is not in this one.
    await coordinatorApi
      .post('/api/cycles')
      .send({
        title: 'ШНОР 2025/26',
        year: 2026,
        timezone: 'Asia/Irkutsk',
        municipality: MUNICIPALITY,
        schools: [{ name: SCHOOLS.directory, category: 'risk_zone' }],
        events,
      })
      .expect(201);
    oldCurator = await createAccount(product.apps, [], password);
    newCurator = await createAccount(product.apps, [], password);
    const created = await coordinatorApi
      .post('/api/cycles')
      .send({
        title: 'ШНОР 2026/27 (управление)',
        year: 2026,
        timezone: 'Asia/Irkutsk',
        municipality: MUNICIPALITY,
        schools: [SCHOOLS.review, SCHOOLS.withdraw, SCHOOLS.profile].map((name) => ({ name, category: 'shnor' })),
        curators: [
          {
            name: 'Старова Ольга Ивановна',
            workplace: 'МКУ «ИМЦРО»',
            email: oldCurator.email,
            schools: [SCHOOLS.review],
          },
          { name: 'Новикова Ирина Петровна', workplace: 'МКУ «ИМЦРО»', email: newCurator.email, schools: [] },
        ],
        events,
      })
      .expect(201);
    cycleId = created.body.id;
    for (const s of created.body.schools as { id: string; name: string }[]) ids.set(s.name, s.id);
    // The curators' directory people are their accounts.
    const db = product.apps.api.get(DataSource);
    for (const account of [oldCurator, newCurator]) {
      await db.query('UPDATE people SET user_id = $1 WHERE email = $2', [account.userId, account.email]);
    }
    // The old curator also holds a curator grant on the school (as curators usually do); the new one none.
    const reviewed = (created.body.schools as { name: string; directorySchoolId: string }[]).find(
      (s) => s.name === SCHOOLS.review,
    );
    await db.query(
      `INSERT INTO role_grants (user_id, role, scope_kind, scope_value) VALUES ($1, 'curator', 'school', $2)`,
      [oldCurator.userId, reviewed?.directorySchoolId],
    );
    await eventually('three schools at the risk profile', async () => {
      const view = await coordinatorApi.get(`/api/cycles/${cycleId}`).expect(200);
      const stages = (view.body.schools as { stage: string }[]).map((s) => s.stage);
      return stages.length === 3 && stages.every((s) => s === 'risk_profile') ? true : undefined;
    });
    // The first school goes to expertise through the API (the browser part of that is school-year.browser-spec).
    await schoolToExpertise(product.apps, coordinatorApi, cycleId, ids.get(SCHOOLS.review) as string);
  });
  afterAll(async () => {
    await product?.close();
  });

  const matrixRow = (p: PersonPage, name: string) => p.page.locator('tr', { has: p.page.getByRole('link', { name }) });

  async function stageInMatrix(p: PersonPage, name: string, stage: string): Promise<void> {
    await eventually(`${name}: ${stage}`, async () => {
      await p.page.reload();
      await p.page.getByTestId('schools-total').waitFor();
      const row = matrixRow(p, name);
      return (await row.count()) === 1 && (await row.textContent())?.includes(stage) ? true : undefined;
    });
  }

  it('coordinator: imports risk profiles from a table, with the bad rows named, on the cycle page', async () => {
    const p = await openPage(product, 'cycle-risk-import');
    await signIn(p, product.baseUrl, coordinator.email, password, `/cycles/${cycleId}`);
    const panel = p.page.getByTestId('risk-profile-import');
    const table =
      'Наименование ОО;Дефицит педагогических кадров;Низкая учебная мотивация обучающихся\n' +
      `${SCHOOLS.profile};да;+\n` +
      `${SCHOOLS.withdraw};может быть;нет\n` +
      'МБОУ «СОШ № 99»;да;да\n';
    await panel.locator('input[type=file]').setInputFiles({
      name: 'профили.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`\ufeff${table}`),
    });
    await panel.getByRole('button', { name: 'Проверить файл' }).click();
    const problems = panel.getByTestId('risk-import-problems');
    await problems
      .getByText(
        'строка 3, столбец «Дефицит педагогических кадров»: «может быть» — не отметка: напишите «да» или «нет» (также 1/0, +/−)',
      )
      .waitFor();
    await problems.getByText('строка 4: школа «МБОУ «СОШ № 99»» не участвует в этом цикле').waitFor();
    await panel.getByTestId('risk-import-preview').getByText('будет внесен').waitFor();
    await panel.scrollIntoViewIfNeeded();
    await p.shot('risk-import-preview');
    await panel.getByRole('button', { name: 'Внести профили (1)' }).click();
    await panel
      .getByTestId('risk-import-result')
      .getByText('Внесено профилей: 1; без изменений: 0; не внесено: 0')
      .waitFor();
    await p.shot('risk-import-done');
    await stageInMatrix(p, SCHOOLS.profile, 'Самодиагностика');
    expect(p.errors).toEqual([]);
    await p.close();
  });

  it('dates read and show as ДД.ММ.ГГГГ in Russian even in an English browser', async () => {
    const id = ids.get(SCHOOLS.profile) as string;
    const p = await openPage(product, 'date-en-browser', false, 'en-US');
    await signIn(p, product.baseUrl, coordinator.email, password, `/cycles/${cycleId}/schools/${id}`);
    const extend = p.page.getByTestId('extend-deadline');
    const field = extend.getByLabel('Новый срок');
    // An empty field says the form it takes; a date that does not exist is named, not sent.
    expect(await field.getAttribute('placeholder')).toBe('ДД.ММ.ГГГГ');
    await typeDate(field, '31.02.2027');
    await extend.getByRole('alert').getByText('Нет такой даты: 31.02.2027').waitFor();
    await p.shot('date-wrong', 'viewport');
    await field.fill('');
    await typeDate(field, '31.03.2027');
    expect(await extend.getByRole('alert').count()).toBe(0);
    await extend.getByRole('textbox', { name: 'Причина' }).fill('Карантин');
    await extend.getByRole('button', { name: 'Продлить срок' }).click();
    await extend.getByText('Срок продлен').waitFor();
    await eventually('new due date shown', async () =>
      (await p.page.getByTestId('school-due').textContent())?.includes('31 марта 2027') ? true : undefined,
    );
    await p.shot('date-extended');
    expect(p.errors).toEqual([]);
    await p.close();
  });

  it('coordinator: gives the school in expertise another curator; only the new one has it on review', async () => {
    const reviewId = ids.get(SCHOOLS.review) as string;
    const before = await openPage(product, 'curator-old-before');
    await signIn(before, product.baseUrl, oldCurator.email, password, '/reviews');
    await before.page.getByTestId('review-item').getByText(SCHOOLS.review).waitFor();
    await before.close();

    const p = await openPage(product, 'curator-change');
    await signIn(p, product.baseUrl, coordinator.email, password, `/cycles/${cycleId}/schools/${reviewId}`);
    const block = p.page.getByTestId('change-curator');
    await block.getByText('Сейчас: Старова Ольга Ивановна').waitFor();
    await block.getByRole('combobox', { name: 'Новый куратор из справочника' }).click();
    await p.page.getByRole('option', { name: /Новикова Ирина Петровна/ }).click();
    await block.getByRole('textbox').fill('Старова Ольга Ивановна в отпуске');
    await block.getByRole('button', { name: 'Сменить куратора' }).click();
    await block.getByText('Сейчас: Новикова Ирина Петровна').waitFor();
    await p.shot('curator-changed');
    expect(p.errors).toEqual([]);
    await p.close();

    const fresh = await openPage(product, 'curator-new');
    await signIn(fresh, product.baseUrl, newCurator.email, password, '/reviews');
    const item = fresh.page.getByTestId('review-item');
    await item.getByText(SCHOOLS.review).waitFor();
    await item.getByTestId('review-development_concept').waitFor();
    await fresh.shot('new-curator-queue');
    expect(fresh.errors).toEqual([]);
    await fresh.close();

    const old = await openPage(product, 'curator-old-after');
    await signIn(old, product.baseUrl, oldCurator.email, password, '/reviews');
    // The grant still lets the old curator read the school; it is no longer on the old curator's review.
    await old.page.getByText('Документов на экспертизе нет').waitFor();
    expect(await old.page.getByTestId('review-item').count()).toBe(0);
    await old.page.goto(`${product.baseUrl}/cycles/${cycleId}/schools/${reviewId}`);
    await old.page.getByTestId('school-stage').getByText('Экспертиза').waitFor();
    await old.shot('old-curator-queue');
    await old.close();
  });

  it('coordinator: withdraws a school with a reason; the dashboard shows it withdrawn', async () => {
    const id = ids.get(SCHOOLS.withdraw) as string;
    const p = await openPage(product, 'withdraw');
    await signIn(p, product.baseUrl, coordinator.email, password, `/cycles/${cycleId}/schools/${id}`);
    const block = p.page.getByTestId('withdraw');
    await block.getByRole('textbox').fill('Школа реорганизована: присоединена к СОШ № 31');
    await block.getByText('Я понимаю, что это нельзя отменить').click();
    await block.getByRole('button', { name: 'Вывести из цикла' }).click();
    await eventually('stage «Выбыла»', async () =>
      (await p.page.getByTestId('school-stage').textContent()) === 'Выбыла' ? true : undefined,
    );
    await p.page.getByText('Школа реорганизована: присоединена к СОШ № 31').first().waitFor();
    // Nothing is offered on a withdrawn school.
    expect(await p.page.getByTestId('coordinator-controls').count()).toBe(0);
    await p.shot('withdrawn');
    await p.page.goto(`${product.baseUrl}/cycles/${cycleId}`);
    await stageInMatrix(p, SCHOOLS.withdraw, 'Выбыла');
    // The school with the changed curator names the new one in the list.
    const reviewRow = await matrixRow(p, SCHOOLS.review).textContent();
    expect(reviewRow).toContain('куратор: Новикова Ирина Петровна');
    expect(reviewRow).not.toContain('Старова');
    await matrixRow(p, SCHOOLS.withdraw).scrollIntoViewIfNeeded();
    await p.shot('dashboard-withdrawn');
    expect(p.errors).toEqual([]);
    await p.close();
  });

  it('coordinator: adds a directory school with its curator, and a new school; both appear in the list', async () => {
    const p = await openPage(product, 'add-school');
    await signIn(p, product.baseUrl, coordinator.email, password, `/cycles/${cycleId}`);
    await p.page.getByRole('button', { name: 'Добавить школу' }).click();
    const form = p.page.getByTestId('add-school');
    await form.getByRole('combobox', { name: 'Школа из справочника' }).click();
    await p.page.getByRole('option', { name: SCHOOLS.directory }).click();
    await form.getByRole('combobox', { name: 'Куратор (необязательно)' }).click();
    await p.page.getByRole('option', { name: /Новикова Ирина Петровна/ }).click();
    await p.shot('add-directory-school');
    await form.getByRole('button', { name: 'Добавить', exact: true }).click();
    await form
      .getByTestId('add-school-result')
      .getByText(`Школа «${SCHOOLS.directory}» добавлена; она появится в списке, когда ее процесс начнет работу`)
      .waitFor();

    await form.getByText('Новая школа').click();
    await form.getByLabel('Наименование школы').fill(SCHOOLS.added);
    await form.getByRole('button', { name: 'Добавить', exact: true }).click();
    await form
      .getByTestId('add-school-result')
      .getByText(`Школа «${SCHOOLS.added}» добавлена`, { exact: false })
      .waitFor();
    await p.shot('add-new-school');
    await stageInMatrix(p, SCHOOLS.directory, 'Рисковый профиль');
    await stageInMatrix(p, SCHOOLS.added, 'Рисковый профиль');
    expect(await p.page.getByTestId('schools-total').textContent()).toBe('5');
    await p.shot('dashboard-added');
    // The lyceum's page shows its earlier cycle: the school carries its history across cycles.
    await p.page.getByRole('link', { name: SCHOOLS.directory }).click();
    const otherCycles = p.page.getByRole('region', { name: 'Эта школа в других циклах' });
    await otherCycles.getByRole('row').filter({ hasText: 'ШНОР 2025/26' }).filter({ hasText: 'Зона риска' }).waitFor();
    await p.shot('school-other-cycles');
    await otherCycles.getByRole('link', { name: 'ШНОР 2025/26' }).click();
    await p.page.getByRole('heading', { name: SCHOOLS.directory }).waitFor();
    await p.page.getByText('ШНОР 2025/26', { exact: false }).first().waitFor();
    expect(p.errors).toEqual([]);
    await p.close();

    // The directory school joined as itself (no second directory entry), with its curator assigned.
    const view = await coordinatorApi.get(`/api/cycles/${cycleId}`).expect(200);
    const lyceum = (view.body.schools as { name: string; id: string }[]).find((s) => s.name === SCHOOLS.directory);
    const year = await coordinatorApi.get(`/api/schools/${lyceum?.id}`).expect(200);
    expect(year.body.state.curator).toMatchObject({ name: 'Новикова Ирина Петровна', userId: newCurator.userId });
    const directory = await coordinatorApi.get('/api/directory/schools').expect(200);
    expect((directory.body as { fullName: string }[]).filter((s) => s.fullName === SCHOOLS.directory)).toHaveLength(1);
  });
});
