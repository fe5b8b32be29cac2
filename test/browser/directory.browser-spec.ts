import path from 'node:path';
import ExcelJS from 'exceljs';
import { MailCatcherClient, type CaughtMail } from '../../infra/stack/mail-catcher.service';
import { ADMIN, createAccount, sessionClient, type ApiClient } from '../support/auth-clients';
import { eventually } from '../support/poll.util';
import { testEnv } from '../setup/test-infrastructure';
import { openPage, signIn, startProduct, type Product } from './browser.util';

const MUNICIPALITY = 'г. Ачинск';
const OFFICE = 'Управление образования администрации г. Ачинска';
const PERSON_EMAIL = 'kuznetsova@achinsk.test';

const LESOSIBIRSK = 'г. Лесосибирск';
const LESOSIBIRSK_OFFICE = 'Отдел образования администрации г. Лесосибирска';
const LESOSIBIRSK_ROADMAP = path.resolve(__dirname, '../fixtures/roadmaps/lesosibirsk-2020-2021.txt');

const YENISEISK = 'г. Енисейск';
const YENISEISK_OFFICE = 'Отдел образования администрации г. Енисейска';
const YENISEISK_CENTRE = 'МКУ «Управление образования г. Енисейска»';

const CSV = 'text/csv';

const ANGARSK = 'г. Ангарск';
const IRKUTSK_ROADMAP = path.resolve(__dirname, '../fixtures/roadmaps/irkutsk-city-2023.txt');

const MINUSINSK = 'г. Минусинск';
const MINUSINSK_OFFICE = 'Отдел образования администрации г. Минусинска';

/** A participants file: one school and the office's person (whom the roadmaps name as an executor). */
async function participants(municipality: string, school: string, office: string, email: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const schools = book.addWorksheet('Школы');
  schools.addRow(['Наименование ОО', 'Муниципалитет', 'Категория', 'E-mail']);
  schools.addRow([school, municipality, 'ШНОР', `${email.split('@')[0]}-school@${email.split('@')[1]}`]);
  const people = book.addWorksheet('Кураторы');
  people.addRow(['ФИО', 'Должность', 'Место работы', 'E-mail', 'Закрепленные ОО']);
  people.addRow(['Кузнецова Ольга Петровна', 'главный специалист', office, email, '']);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The directory schools of one municipality (other tests of the run add schools of the same names elsewhere). */
async function schoolsOf(admin: ApiClient, municipality: string): Promise<{ id: string; fullName: string }[]> {
  const places = (await admin.get('/api/directory/municipalities').expect(200)).body as { id: string; name: string }[];
  const id = places.find((m) => m.name === municipality)?.id;
  const schools = (await admin.get('/api/directory/schools').expect(200)).body as {
    id: string;
    fullName: string;
    municipalityId: string | null;
  }[];
  return schools.filter((s) => s.municipalityId === id);
}

/** The municipality's school and office person in the directory, and the Lesosibirsk roadmap stored as its own. */
async function roadmapWithParticipants(
  admin: ApiClient,
  municipality: string,
  school: string,
  office: string,
  email: string,
): Promise<string> {
  const preview = (
    await admin
      .post('/api/directory/import')
      .field('municipality', municipality)
      .attach('file', await participants(municipality, school, office, email), 'участники.xlsx')
      .expect(201)
  ).body as { schools: unknown[]; curators: unknown[] };
  await admin
    .post('/api/directory/import/confirm')
    .send({ municipality, schools: preview.schools, curators: preview.curators })
    .expect(201);
  const imported = await admin.post('/api/roadmaps/import').attach('file', LESOSIBIRSK_ROADMAP).expect(201);
  const stored = await admin
    .post(`/api/roadmaps?municipality=${encodeURIComponent(municipality)}`)
    .send(imported.body.roadmap)
    .expect(201);
  return stored.body.id as string;
}

describe('the directory in Chromium', () => {
  let product: Product;

  beforeAll(async () => {
    product = await startProduct();
  });
  afterAll(async () => {
    await product?.close();
  });

  it('coordinator imports a participants file through the preview, merges a spelling, invites a person who sets a password from the e-mail', async () => {
    const password = 'Администратор-2026!';
    const account = await createAccount(product.apps, ADMIN, password);
    const p = await openPage(product, 'directory');
    await signIn(p, product.baseUrl, account.email, password, '/directory?tab=import');
    await p.page.getByRole('heading', { name: 'Справочник' }).waitFor();
    // One tab per kind of entry and one for the imports.
    const tab = (name: string) => p.page.getByRole('tab', { name: new RegExp(`^${name}`) }).click();

    await p.page.locator('#directory-file').setInputFiles({
      name: 'участники.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await participants(MUNICIPALITY, 'МБОУ «СОШ № 21»', OFFICE, PERSON_EMAIL),
    });
    await p.page.fill('#directory-municipality', MUNICIPALITY);
    await p.page.getByRole('button', { name: 'Показать предпросмотр' }).first().click();
    await p.page.getByRole('cell', { name: 'МБОУ «СОШ № 21»' }).first().waitFor();
    await p.shot('import-preview');
    // The preview stored nothing yet.
    const admin = await sessionClient(product.apps, account);
    const before = (await admin.get('/api/directory/schools').expect(200)).body as { fullName: string }[];
    expect(before.map((s) => s.fullName)).not.toContain('МБОУ «СОШ № 21»');

    await p.page.getByRole('button', { name: 'Сохранить в справочник' }).click();
    await p.page.getByRole('status').filter({ hasText: 'Сохранено' }).waitFor();
    await tab('Организации');
    // Paged by 50 over every test's organisations: the search finds it wherever it sorts.
    const organisationSearch = p.page.getByRole('searchbox', { name: 'Поиск организаций' });
    await organisationSearch.fill(OFFICE);
    await p.page.getByRole('cell', { name: OFFICE }).first().waitFor();
    await organisationSearch.fill('');
    await tab('Импорт');

    // Next year's file spells the school differently: the preview asks instead of adding a second school,
    // and the coordinator fixes the match («Нет», then the right school from the directory).
    await p.page.locator('#directory-file').setInputFiles({
      name: 'участники-2025.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await participants(MUNICIPALITY, 'МБОУ СОШ № 21 г. Ачинска', OFFICE, PERSON_EMAIL),
    });
    await p.page.getByRole('button', { name: 'Показать предпросмотр' }).first().click();
    const question = p.page.getByRole('group', { name: '«МБОУ СОШ № 21 г. Ачинска» — это «МБОУ «СОШ № 21»»?' });
    await question.waitFor();
    const save = p.page.getByRole('button', { name: 'Сохранить в справочник' });
    expect(await save.isDisabled()).toBe(true);
    await p.shot('import-match-question');
    await question.getByRole('button', { name: 'Нет' }).click();
    await question.getByRole('combobox', { name: 'Выберите из справочника: МБОУ СОШ № 21 г. Ачинска' }).click();
    await p.page.keyboard.type('СОШ № 21');
    await p.page.getByRole('option', { name: 'МБОУ «СОШ № 21»' }).click();
    await question.getByText('МБОУ «СОШ № 21», выбрано вручную').waitFor();
    await p.page.getByRole('listbox').waitFor({ state: 'detached' });
    await p.shot('import-match-fixed');
    await save.click();
    await p.page.getByRole('status').filter({ hasText: 'Сохранено: новых записей 0' }).waitFor();
    const schoolsNow = await schoolsOf(admin, MUNICIPALITY);
    expect(schoolsNow.filter((s) => s.fullName.includes('21')).map((s) => s.fullName)).toEqual(['МБОУ «СОШ № 21»']);
    // The chosen spelling is the school's now: the same file matches it at once.
    const again = (
      await admin
        .post('/api/directory/import')
        .field('municipality', MUNICIPALITY)
        .attach('file', await participants(MUNICIPALITY, 'МБОУ СОШ № 21 г. Ачинска', OFFICE, PERSON_EMAIL), 'x.xlsx')
        .expect(201)
    ).body as { schools: { match: string }[] };
    expect(again.schools.map((s) => s.match)).toEqual(['alias']);

    // Merge by hand: «УО» now means the office within its municipality.
    await tab('Организации');
    await organisationSearch.fill(OFFICE);
    const officeRow = p.page
      .getByRole('row')
      .filter({ hasText: OFFICE })
      .filter({ has: p.page.getByRole('textbox') });
    await officeRow.getByRole('textbox').fill('УО');
    await officeRow.getByRole('button', { name: 'Добавить написание' }).click();
    const alias = await eventually('the alias', async () => {
      const [match] = (
        await admin
          .post('/api/directory/executor-matches')
          .send({ municipality: MUNICIPALITY, names: ['УО'] })
          .expect(200)
      ).body as { match: string; organisationName: string }[];
      return match.match === 'alias' ? match : undefined;
    });
    expect(alias.organisationName).toBe(OFFICE);

    // The organisation lists its spellings now; a search by one of them finds it.
    await p.page.getByRole('searchbox', { name: 'Поиск организаций' }).fill('уо');
    await p.page.getByRole('row').filter({ hasText: OFFICE }).getByText('УО', { exact: true }).waitFor();
    await p.shot('organisation-aliases');
    // A wrong merge is undone from the same row.
    await p.page.getByRole('button', { name: 'Убрать написание: УО' }).click();
    await p.page
      .getByRole('status')
      .filter({ hasText: `Написание «УО» больше не означает «${OFFICE}»` })
      .waitFor();
    const unmerged = (
      await admin
        .post('/api/directory/executor-matches')
        .send({ municipality: MUNICIPALITY, names: ['УО'] })
        .expect(200)
    ).body as { match: string }[];
    expect(unmerged[0].match).not.toBe('alias');
    await p.page.getByRole('searchbox', { name: 'Поиск организаций' }).fill('');

    // People import: the preview names the bad cell by row and column and saves nothing until confirmed.
    await tab('Импорт');
    await p.page.locator('#people-file').setInputFiles({
      name: 'люди.csv',
      mimeType: CSV,
      buffer: Buffer.from(
        '\ufeffФИО;Должность;E-mail;Телефон;Организация\n' +
          `Орлов Илья Сергеевич;методист;orlov@achinsk.test;+7 (39151) 2-11-22;${OFFICE}\n` +
          `Белова Анна;учитель;belova@;;МБОУ «СОШ № 21»\n`,
      ),
    });
    await p.page.fill('#people-municipality', MUNICIPALITY);
    await p.page.getByRole('button', { name: 'Показать предпросмотр' }).nth(1).click();
    await p.page.getByText('строка 3, столбец «E-mail»: «belova@» не адрес электронной почты').waitFor();
    await p.shot('people-preview');
    await p.page.getByRole('button', { name: 'Сохранить людей: 1' }).click();
    await p.page.getByRole('status').filter({ hasText: 'Сохранено: новых 1' }).waitFor();
    await tab('Люди');
    await p.page.getByRole('row').filter({ hasText: 'orlov@achinsk.test' }).waitFor();

    // Editing a school: a bad code is refused naming the field, a good one is saved.
    await tab('Школы');
    await p.page.getByRole('button', { name: 'Изменить: МБОУ «СОШ № 21»' }).click();
    const editor = p.page.getByRole('group', { name: 'Школа: МБОУ «СОШ № 21»' });
    await editor.locator('#edit-officialCode').fill('12');
    await editor.locator('#edit-shortName').fill('СОШ № 21');
    await editor.getByRole('button', { name: 'Сохранить' }).click();
    await editor.getByRole('alert').filter({ hasText: 'officialCode' }).waitFor();
    await p.shot('school-edit-error');
    await editor.locator('#edit-officialCode').fill('2443012345');
    await editor.getByRole('button', { name: 'Сохранить' }).click();
    await p.page.getByRole('status').filter({ hasText: 'Сохранено: МБОУ «СОШ № 21»' }).waitFor();
    await p.page.getByRole('row').filter({ hasText: '2443012345' }).filter({ hasText: 'СОШ № 21' }).waitFor();
    // A person who left is deactivated, not deleted.
    await tab('Люди');
    await p.page.getByRole('button', { name: 'Изменить: Орлов Илья Сергеевич' }).click();
    await p.page
      .getByRole('group', { name: 'Человек: Орлов Илья Сергеевич' })
      .getByRole('button', { name: 'Отключить' })
      .click();
    await p.page
      .getByRole('row')
      .filter({ hasText: 'orlov@achinsk.test' })
      .getByRole('cell', { name: 'не работает' })
      .waitFor();
    await p.shot('edited');
    const log = (await admin.get('/api/audit').query({ action: 'directory.school.update' }).expect(200)).body as {
      items: { details: Record<string, unknown> }[];
    };
    expect(log.items[0].details).toMatchObject({ officialCode: { before: null, after: '2443012345' } });

    // Invite the office's person; she sets her password from the e-mail and signs in.
    const personRow = p.page.getByRole('row').filter({ hasText: PERSON_EMAIL });
    await personRow.getByRole('button', { name: 'Пригласить' }).click();
    // Not always an executor: she becomes the municipality's coordinator.
    const invitation = p.page.getByRole('group', { name: 'Приглашение: Кузнецова Ольга Петровна' });
    await invitation.getByRole('combobox', { name: 'Роль' }).click();
    await p.page.getByRole('option', { name: 'Муниципальный координатор' }).click();
    await invitation.getByRole('combobox', { name: 'Значение области' }).click();
    await p.page.getByRole('option', { name: MUNICIPALITY }).click();
    await p.shot('invite-role');
    await invitation.getByRole('button', { name: 'Отправить приглашение' }).click();
    await p.page
      .getByRole('status')
      .filter({ hasText: `Приглашение отправлено на ${PERSON_EMAIL}` })
      .waitFor();
    await personRow.getByRole('cell', { name: 'приглашен' }).waitFor();
    const accounts = (await admin.get('/api/users').expect(200)).body as {
      id: string;
      email: string;
      grants: { role: string; scopeKind: string; scopeValue: string | null; scopeLabel?: string | null }[];
    }[];
    // The grant names the directory municipality by id.
    expect(accounts.find((a) => a.email === PERSON_EMAIL)?.grants).toEqual([
      {
        role: 'municipal_coordinator',
        scopeKind: 'municipality',
        scopeValue: expect.stringMatching(/^[0-9a-f-]{36}$/),
        scopeLabel: MUNICIPALITY,
      },
    ]);
    await p.shot('invited');

    const mail = new MailCatcherClient(testEnv('mailViewerUrl'));
    const letter = await eventually<CaughtMail>('the invitation', async () =>
      (await mail.list()).find((m) => m.to.some((t) => t.address === PERSON_EMAIL) && /приглашение/.test(m.subject)),
    );
    const link = /https?:\/\/\S+\/set-password\?token=[^\s"<]+/.exec(letter.text)?.[0];
    expect(link).toBeTruthy();
    const invited = await openPage(product, 'invited');
    await invited.page.goto(`${product.baseUrl}${new URL(link ?? '').pathname}${new URL(link ?? '').search}`);
    const newPassword = 'Пароль-Кузнецовой-2026';
    await invited.page.fill('#new-password', newPassword);
    await invited.page.fill('#repeat-password', newPassword);
    await invited.page.getByRole('button', { name: 'Сохранить пароль' }).click();
    await invited.page.getByText('Пароль изменен').waitFor();
    await signIn(invited, product.baseUrl, PERSON_EMAIL, newPassword);
    await invited.shot('signed-in');
    const meStatus = () => invited.page.evaluate(async () => (await fetch('/api/auth/me')).status);
    expect(await meStatus()).toBe(200);

    // The coordinator sees her account with its role, and switches it off: her open session ends at once.
    await p.page.reload();
    await p.page.getByRole('button', { name: 'Учетная запись: Кузнецова Ольга Петровна' }).click();
    const accountPanel = p.page.getByRole('group', { name: 'Учетная запись: Кузнецова Ольга Петровна' });
    await accountPanel.getByText(`Муниципальный координатор (муниципалитет: ${MUNICIPALITY})`).waitFor();
    await p.shot('account');
    await accountPanel.getByRole('button', { name: 'Отключить учетную запись' }).click();
    await p.page
      .getByRole('status')
      .filter({ hasText: 'Учетная запись отключена: Кузнецова Ольга Петровна' })
      .waitFor();
    await p.page.getByRole('row').filter({ hasText: PERSON_EMAIL }).getByRole('cell', { name: 'отключена' }).waitFor();
    expect(await meStatus()).toBe(401);
    const deactivations = (await admin.get('/api/audit').query({ action: 'user.deactivate' }).expect(200)).body as {
      items: { targetId: string }[];
    };
    expect(deactivations.items.map((i) => i.targetId)).toContain(accounts.find((a) => a.email === PERSON_EMAIL)?.id);
    // The refused school edit (400) is the only failed request the browser logs.
    expect(p.errors.filter((e) => /status of 400/.test(e))).toHaveLength(1);
    // …and the invited page's own check after the switch-off is the one 401 it logs.
    expect(invited.errors.filter((e) => /status of 401/.test(e))).toHaveLength(1);
    expect([
      ...p.errors.filter((e) => !/status of 400/.test(e)),
      ...invited.errors.filter((e) => !/status of 401/.test(e)),
    ]).toEqual([]);
    await invited.close();
    await p.close();
  });

  it('coordinator confirms a fuzzy executor match in the launch preview; the directory remembers it as an alias', async () => {
    const password = 'Координатор-2026!';
    const account = await createAccount(product.apps, ADMIN, password);
    const admin = await sessionClient(product.apps, account);
    const roadmapId = await roadmapWithParticipants(
      admin,
      LESOSIBIRSK,
      'МБОУ «СОШ № 6»',
      LESOSIBIRSK_OFFICE,
      'oo@lesosibirsk.test',
    );
    const matchOf = async () =>
      (
        (
          await admin
            .post('/api/directory/executor-matches')
            .send({ municipality: LESOSIBIRSK, names: ['Отдел образования'] })
            .expect(200)
        ).body as { match: string; organisationName: string | null }[]
      )[0];
    expect(await matchOf()).toMatchObject({ match: 'fuzzy', organisationName: LESOSIBIRSK_OFFICE });

    const p = await openPage(product, 'executor-match');
    await signIn(p, product.baseUrl, account.email, password, `/roadmaps/${roadmapId}/launch`);
    await p.page.getByRole('heading', { name: 'Исполнители и справочник' }).waitFor();
    const question = p.page.getByRole('group', {
      name: `«Отдел образования» — это «${LESOSIBIRSK_OFFICE}»?`,
    });
    // Executors nobody can be mailed at are marked before the launch.
    await p.page.getByText('нет адресата').first().waitFor();
    await p.shot('executor-matches');
    await question.getByRole('button', { name: 'Да' }).click();
    await p.page.getByText('похоже, подтверждено').waitFor();
    await p.shot('executor-confirmed');

    for (const box of await p.page.getByRole('checkbox', { name: 'Оставить без графика' }).all()) await box.check();
    await p.page.getByRole('button', { name: 'Запустить цикл' }).click();
    await p.page.waitForURL(/\/cycles\/[0-9a-f-]+\/launch$/);
    const alias = await eventually('the confirmed alias', async () => {
      const match = await matchOf();
      return match.match === 'alias' ? match : undefined;
    });
    expect(alias.organisationName).toBe(LESOSIBIRSK_OFFICE);
    expect(p.errors).toEqual([]);
    await p.close();
  });

  it('after «Нет» to a fuzzy match the coordinator picks another organisation from the directory; the pick becomes an alias', async () => {
    const password = 'Координатор-2026!';
    const account = await createAccount(product.apps, ADMIN, password);
    const admin = await sessionClient(product.apps, account);
    const people = (
      await admin
        .post('/api/directory/people-import')
        .field('municipality', YENISEISK)
        .attach(
          'file',
          Buffer.from(`\ufeffФИО;E-mail;Организация\nЗайцева Мария;uo@yeniseisk.test;${YENISEISK_CENTRE}\n`),
          'люди.csv',
        )
        .expect(201)
    ).body as { people: unknown[] };
    await admin
      .post('/api/directory/people-import/confirm')
      .send({ municipality: YENISEISK, people: people.people })
      .expect(201);
    const roadmapId = await roadmapWithParticipants(
      admin,
      YENISEISK,
      'МБОУ «СОШ № 3»',
      YENISEISK_OFFICE,
      'oo@yeniseisk.test',
    );

    const p = await openPage(product, 'executor-choice');
    await signIn(p, product.baseUrl, account.email, password, `/roadmaps/${roadmapId}/launch`);
    await p.page.getByRole('heading', { name: 'Исполнители и справочник' }).waitFor();
    const question = p.page.getByRole('group', { name: `«Отдел образования» — это «${YENISEISK_OFFICE}»?` });
    await question.getByRole('button', { name: 'Нет' }).click();
    const choice = p.page.getByRole('combobox', { name: 'Другая организация из справочника: Отдел образования' });
    await choice.click();
    await p.page.keyboard.type('Управление');
    await p.page.getByRole('option', { name: YENISEISK_CENTRE }).click();
    await p.page.getByText('выбрана вручную, запомнится как другое написание').waitFor();
    await p.shot('executor-chosen');

    for (const box of await p.page.getByRole('checkbox', { name: 'Оставить без графика' }).all()) await box.check();
    await p.page.getByRole('button', { name: 'Запустить цикл' }).click();
    await p.page.waitForURL(/\/cycles\/[0-9a-f-]+\/launch$/);
    const alias = await eventually('the chosen alias', async () => {
      const [match] = (
        await admin
          .post('/api/directory/executor-matches')
          .send({ municipality: YENISEISK, names: ['Отдел образования'] })
          .expect(200)
      ).body as { match: string; organisationName: string | null; addressee: string }[];
      return match.match === 'alias' ? match : undefined;
    });
    // The chosen organisation has a person with an e-mail: the executor is no longer «нет адресата».
    expect(alias).toMatchObject({ organisationName: YENISEISK_CENTRE, addressee: 'ok' });
    expect(p.errors).toEqual([]);
    await p.close();
  });

  it('an executor the cycle left unmatched is linked to an organisation on the launch page', async () => {
    const password = 'Координатор-2026!';
    const account = await createAccount(product.apps, ADMIN, password);
    const admin = await sessionClient(product.apps, account);
    const roadmapId = await roadmapWithParticipants(
      admin,
      MINUSINSK,
      'МБОУ «СОШ № 4»',
      MINUSINSK_OFFICE,
      'oo@minusinsk.test',
    );
    // Launched without answering the fuzzy question: «Отдел образования» stays unmatched on the cycle.
    const cycle = (await admin.post(`/api/roadmaps/${roadmapId}/cycles`).send({}).expect(201)).body as {
      id: string;
      unmatchedExecutors: string[];
    };
    expect(cycle.unmatchedExecutors).toEqual(['Отдел образования']);

    const p = await openPage(product, 'executor-link');
    // The cycle's dashboard says who gets no reminders and leads to where they are linked.
    await signIn(p, product.baseUrl, account.email, password, `/cycles/${cycle.id}`);
    const warning = p.page.getByRole('region', { name: 'Исполнители без напоминаний' });
    await warning.getByText('Исполнители не найдены в справочнике', { exact: false }).waitFor();
    expect(await warning.textContent()).toContain('«Отдел образования»');
    await p.shot('dashboard-unmatched', 'viewport');
    await warning.getByRole('link', { name: 'Связать со справочником' }).click();
    const row = p.page.getByRole('group', { name: 'Исполнитель: Отдел образования' });
    await row.waitFor();
    await row.getByRole('combobox', { name: 'Организация из справочника: Отдел образования' }).click();
    // The select lists every organisation in scope: search narrows it, as a coordinator would.
    await p.page.keyboard.type('Минусинска');
    await p.page.getByRole('option', { name: MINUSINSK_OFFICE }).click();
    await p.shot('executor-to-link');
    await row.getByRole('button', { name: 'Связать' }).click();
    await row.waitFor({ state: 'detached' });
    await p.shot('executor-linked');
    const view = (await admin.get(`/api/cycles/${cycle.id}`).expect(200)).body as { unmatchedExecutors: string[] };
    expect(view.unmatchedExecutors).toEqual([]);
    await p.page.goto(`${product.baseUrl}/cycles/${cycle.id}`);
    await p.page.getByTestId('summary-cards').waitFor();
    expect(await p.page.getByText('Исполнители не найдены в справочнике').count()).toBe(0);
    expect(p.errors).toEqual([]);
    await p.close();
  });
  it("the launch page shows each annex school's directory match; a school spelled differently is confirmed and linked", async () => {
    const password = 'Координатор-2026!';
    const account = await createAccount(product.apps, ADMIN, password);
    const admin = await sessionClient(product.apps, account);
    // Last year's directory spells one annex school differently and another one exactly.
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Школы');
    sheet.addRow(['Наименование ОО', 'Муниципалитет', 'Категория']);
    sheet.addRow(['МБОУ СОШ № 18 г. Иркутска', ANGARSK, 'ШНОР']);
    sheet.addRow(['МБОУ г. Иркутска СОШ № 22', ANGARSK, 'ШНОР']);
    const preview = (
      await admin
        .post('/api/directory/import')
        .field('municipality', ANGARSK)
        .attach('file', Buffer.from(await book.xlsx.writeBuffer()), 'школы.xlsx')
        .expect(201)
    ).body as { schools: unknown[]; curators: unknown[] };
    await admin
      .post('/api/directory/import/confirm')
      .send({ municipality: ANGARSK, schools: preview.schools, curators: preview.curators })
      .expect(201);
    const known = new Map((await schoolsOf(admin, ANGARSK)).map((d) => [d.fullName, d.id]));
    const imported = await admin.post('/api/roadmaps/import').attach('file', IRKUTSK_ROADMAP).expect(201);
    const roadmapId = (
      await admin
        .post(`/api/roadmaps?municipality=${encodeURIComponent(ANGARSK)}`)
        .send(imported.body.roadmap)
        .expect(201)
    ).body.id as string;

    const p = await openPage(product, 'launch-school-match');
    await signIn(p, product.baseUrl, account.email, password, `/roadmaps/${roadmapId}/launch`);
    const question = p.page.getByRole('group', {
      name: '«МБОУ г. Иркутска СОШ № 18» — это «МБОУ СОШ № 18 г. Иркутска»?',
    });
    await question.waitFor();
    const rowOf = (i: number) =>
      p.page
        .getByRole('row')
        .filter({ has: p.page.getByRole('textbox', { name: `Название школы ${i}`, exact: true }) });
    const names = await p.page
      .getByRole('textbox', { name: /^Название школы \d+$/ })
      .evaluateAll((inputs) => inputs.map((input) => (input as unknown as { value: string }).value));
    const row22 = rowOf(names.indexOf('МБОУ г. Иркутска СОШ № 22') + 1);
    await row22.getByText('в справочнике', { exact: true }).waitFor();
    await rowOf(names.indexOf('МБОУ г. Иркутска СОШ № 27') + 1)
      .getByText('новая в справочнике')
      .waitFor();
    const launchButton = p.page.getByRole('button', { name: 'Запустить цикл' });
    for (const box of await p.page.getByRole('checkbox', { name: 'Оставить без графика' }).all()) await box.check();
    // The launch waits for the answer: a guess is never launched as a second school.
    expect(await launchButton.isDisabled()).toBe(true);
    await question.scrollIntoViewIfNeeded();
    await p.shot('launch-school-question');
    await question.getByRole('button', { name: 'Да' }).click();
    await question.getByText('МБОУ СОШ № 18 г. Иркутска, подтверждено').waitFor();
    await p.shot('launch-school-confirmed');
    await launchButton.click();
    await p.page.waitForURL(/\/cycles\/[0-9a-f-]+\/launch$/);
    const cycleId = /\/cycles\/([0-9a-f-]+)\/launch$/.exec(p.page.url())![1];
    const cycle = (await admin.get(`/api/cycles/${cycleId}`).expect(200)).body as {
      schools: { name: string; directorySchoolId: string }[];
    };
    const linked = new Map(cycle.schools.map((s) => [s.name, s.directorySchoolId]));
    expect(linked.get('МБОУ г. Иркутска СОШ № 18')).toBe(known.get('МБОУ СОШ № 18 г. Иркутска'));
    expect(linked.get('МБОУ г. Иркутска СОШ № 22')).toBe(known.get('МБОУ г. Иркутска СОШ № 22'));
    // Nothing duplicated; the confirmed spelling is the school's alias from now on.
    const after = await schoolsOf(admin, ANGARSK);
    expect(after.filter((d) => /СОШ № 18\b/.test(d.fullName)).map((d) => d.fullName)).toEqual([
      'МБОУ СОШ № 18 г. Иркутска',
    ]);
    const [again] = (
      await admin
        .post('/api/directory/school-matches')
        .send({ municipality: ANGARSK, schools: [{ name: 'МБОУ г. Иркутска СОШ № 18' }] })
        .expect(200)
    ).body as { match: string }[];
    expect(again.match).toBe('alias');
    expect(p.errors).toEqual([]);
    await p.close();
  });
});
