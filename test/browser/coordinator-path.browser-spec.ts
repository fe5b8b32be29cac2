import path from 'node:path';
import { MailCatcherClient } from '../../infra/stack/mail-catcher.service';
import { createAccount, sessionClient } from '../support/auth-clients';
import { eventually } from '../support/poll.util';
import { immediateReminderWindow } from '../support/process-stack';
import { testEnv } from '../setup/test-infrastructure';
import { openPage, SCREENSHOTS, signIn, startProduct, type Product } from './browser.util';

const DOCX = path.resolve(__dirname, '../fixtures/roadmaps/generated/irkutsk-city-2023.docx');
const FIXED_TITLE = 'Самодиагностика ШНОР (уточнено в предпросмотре)';

describe('the web app in Chromium', () => {
  let product: Product;
  let cycleId = '';
  let schoolId = '';

  beforeAll(async () => {
    product = await startProduct();
  });
  afterAll(async () => {
    await product?.close();
  });

  it('coordinator: uploads the Irkutsk DOCX, fixes a field, saves, launches to 100 % and sees 43 schools', async () => {
    const password = 'Координатор-2026!';
    const account = await createAccount(
      product.apps,
      [{ role: 'regional_coordinator', scopeKind: 'region', scopeValue: 'Иркутская область' }],
      password,
    );
    const p = await openPage(product, 'coordinator');
    await signIn(p, product.baseUrl, account.email, password);
    await p.page.getByRole('heading', { name: 'Дорожные карты' }).waitFor();
    await p.shot('roadmaps-empty');

    await p.page.getByRole('button', { name: 'Загрузить дорожную карту' }).click();
    // A broken file gets the API's Russian message in place, and the form stays.
    await p.page.locator('#roadmap-file').setInputFiles({
      name: 'испорчен.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: Buffer.from('это не DOCX'),
    });
    await p.page.getByRole('button', { name: 'Прочитать документ' }).click();
    const refusal = p.page.getByRole('alert').filter({ hasText: 'Документ не прочитан' });
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/[а-я]{4,}/);
    await p.shot('upload-bad-file');
    await p.page.locator('#roadmap-file').setInputFiles(DOCX);
    await p.page.fill('#roadmap-year', '2023');
    await p.shot('upload-form');
    await p.page.getByRole('button', { name: 'Прочитать документ' }).click();
    await p.page.getByRole('heading', { name: 'Проверьте, что мы поняли' }).waitFor();
    await p.shot('preview');

    // Fix the first event's text inline.
    await p.page.getByRole('button', { name: 'Изменить' }).first().click();
    await p.page.getByRole('textbox', { name: 'Мероприятие' }).fill(FIXED_TITLE);
    await p.shot('preview-editing');
    await p.page.getByRole('button', { name: 'Готово' }).click();
    await p.page.getByRole('cell', { name: FIXED_TITLE }).waitFor();

    await p.page.getByRole('button', { name: 'Сохранить', exact: true }).click();
    await p.page.getByRole('heading', { name: /^Запуск цикла/ }).waitFor();
    const roadmapId = p.page.url().split('/').at(-2)!;
    const stored = await (await sessionClient(product.apps, account)).get(`/api/roadmaps/${roadmapId}`).expect(200);
    expect(stored.body.roadmap.events[0].title).toBe(FIXED_TITLE);

    // Undated events must be decided before the launch button works.
    const launch = p.page.getByRole('button', { name: 'Запустить цикл' });
    const unscheduled = p.page.getByRole('checkbox', { name: 'Оставить без графика' });
    if ((await unscheduled.count()) > 0) {
      expect(await launch.isDisabled()).toBe(true);
      for (const box of await unscheduled.all()) await box.check();
    }
    // «Управленческие команды ШНОР» are the cycle's ШНОР schools, not an organisation to find.
    const executors = p.page.locator('section[aria-labelledby="executors-title"]');
    const teams = executors.getByRole('row').filter({ hasText: 'Управленческие команды ШНОР' });
    await teams.getByText('школы цикла (ШНОР)').waitFor();
    expect(await teams.textContent()).not.toContain('не найдена');
    await executors.screenshot({ path: path.join(SCREENSHOTS, 'coordinator-launch-executors.png') });
    await p.shot('launch-form');
    await launch.click();
    await p.page.waitForURL(/\/cycles\/[0-9a-f-]+\/launch$/);
    cycleId = p.page.url().split('/').at(-2)!;
    await p.page.getByText('Все процессы запущены').waitFor({ timeout: 120_000 });
    await expect(p.page.getByTestId('launch-progress-text').textContent()).resolves.toMatch(
      /^Запущено (\d+) из \1 процессов$/,
    );
    await expect(p.page.locator('.g-progress').textContent()).resolves.toContain('100 %');
    await p.page
      .getByTestId('cycle-group-executors')
      .getByText(/^Управленческие команды ШНОР — школы цикла \(ШНОР\): напоминания получат \d+ адресат/)
      .waitFor();
    await p.shot('launch-progress-100');

    await p.page.getByRole('button', { name: 'Открыть панель цикла' }).click();
    await p.page.getByTestId('schools-total').waitFor();
    expect(await p.page.getByTestId('schools-total').textContent()).toBe('43');
    await p.page.getByRole('heading', { name: 'Школ на каждом этапе' }).waitFor();
    await p.shot('dashboard');
    await p.shot('dashboard-first-screen', 'viewport');

    // Filter the matrix by name, then export what is shown.
    await p.page.getByRole('textbox', { name: 'Поиск по названию' }).fill('СОШ № 69');
    await eventually('filtered matrix', async () =>
      (await p.page.getByTestId('matrix-count').textContent())?.startsWith('Показано 1 из 1') ? true : undefined,
    );
    const [download] = await Promise.all([
      p.page.waitForEvent('download'),
      p.page.getByRole('button', { name: 'Выгрузить в Excel' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    await p.shot('dashboard-filtered');
    schoolId = (await p.page.getByRole('link', { name: /СОШ № 69/ }).getAttribute('href'))!.split('/').at(-1)!;
    // The deliberately broken upload's 422 is the one network error the browser logs.
    expect(p.errors.filter((e) => !e.includes('422'))).toEqual([]);
    await p.close();
  });

  it('school team: sees its year move on a phone-sized screen once the coordinator entered the risk profile', async () => {
    const password = 'Школа-2026-пароль!';
    const account = await createAccount(
      product.apps,
      [{ role: 'school_team', scopeKind: 'school', scopeValue: schoolId }],
      password,
    );
    const p = await openPage(product, 'school-team', true);
    await signIn(p, product.baseUrl, account.email, password, `/cycles/${cycleId}/schools/${schoolId}`);
    await eventually('school stage', async () =>
      (await p.page.getByTestId('school-stage').textContent()) === 'Рисковый профиль' ? true : undefined,
    );
    await p.shot('school-before');
    const coordinator = await createAccount(
      product.apps,
      [{ role: 'regional_coordinator', scopeKind: 'region', scopeValue: 'Иркутская область' }],
      'Координатор-профиль-2026!',
    );
    const api = await sessionClient(product.apps, coordinator);
    await api
      .post(`/api/schools/${schoolId}/risk-profile`)
      .send({ flaggedDirections: ['teacher_shortage', 'low_motivation'] })
      .expect(200);
    await eventually('stage in read model', async () => {
      await p.page.reload();
      return (await p.page.getByTestId('school-stage').textContent()) === 'Самодиагностика' ? true : undefined;
    });
    await p.page.getByTestId('school-timeline').getByText('внесен рисковый профиль').waitFor();
    await p.shot('school-after');
    expect(p.errors).toEqual([]);
    await p.close();
  });

  it('supervisor: sees the change, is offered no action, and is refused when forcing one', async () => {
    const password = 'Наблюдатель-2026!';
    const account = await createAccount(
      product.apps,
      [{ role: 'supervisor', scopeKind: 'global', scopeValue: null }],
      password,
    );
    const p = await openPage(product, 'supervisor');
    await signIn(p, product.baseUrl, account.email, password, `/cycles/${cycleId}`);
    await p.page.getByTestId('schools-total').waitFor();
    await p.shot('dashboard');
    await p.page.goto(`${product.baseUrl}/cycles/${cycleId}/schools/${schoolId}`);
    await p.page.getByTestId('school-stage').waitFor();
    expect(await p.page.getByTestId('school-stage').textContent()).toBe('Самодиагностика');
    expect(
      await p.page
        .getByRole('button')
        .filter({ hasText: /Подать|Одобрить|Вернуть/ })
        .count(),
    ).toBe(0);
    await p.shot('school');
    // Forcing the action with the supervisor's own session (cookies and CSRF token of the page).
    const csrf = (await p.page.context().cookies()).find((c) => c.name === 'orientir_csrf')!.value;
    const forced = await p.page.request.post(`${product.baseUrl}/api/schools/${schoolId}/risk-profile`, {
      headers: { 'X-CSRF-Token': decodeURIComponent(csrf) },
      data: { flaggedDirections: ['teacher_shortage'] },
    });
    const status = forced.status();
    expect(status).toBe(403);
    await p.page.goto(`${product.baseUrl}/audit`);
    await p.page.getByRole('heading', { name: 'Журнал действий' }).waitFor();
    await p.shot('audit');
    expect(p.errors).toEqual([]);
    await p.close();
  });

  it("a reminder e-mail's link opens the event page", async () => {
    const admin = await createAccount(
      product.apps,
      [{ role: 'admin', scopeKind: 'global', scopeValue: null }],
      'Админ-2026-пароль!',
    );
    const api = await sessionClient(product.apps, admin);
    const now = Date.now();
    // Reminders go at 09:00 local on working days; this window makes the due one go out at once.
    const window = immediateReminderWindow();
    const created = await api
      .post('/api/cycles')
      .send({
        title: 'Цикл для напоминания',
        year: 2026,
        timezone: window.timezone,
        schools: [{ name: 'МБОУ СОШ № 1', category: 'shnor' }],
        events: [
          {
            number: '1',
            title: 'Подготовить справку о самодиагностике',
            opensAt: window.opensAt.toISOString(),
            deadline: window.deadline.toISOString(),
            executors: [{ name: 'МКУ «ИМЦРО»', email: `imcro-${now}@example.ru` }],
          },
        ],
      })
      .expect(201);
    const eventId = created.body.events[0].id as string;
    const mail = new MailCatcherClient(testEnv('mailViewerUrl'));
    const executorEmail = `imcro-${now}@example.ru`;
    // The reminder's one-click link signs the executor in to exactly this event, no password needed.
    const link = await eventually('reminder e-mail', async () => {
      const letter = (await mail.list()).find((m) => m.to.some((t) => t.address === executorEmail));
      return letter?.text?.match(/https?:\/\/[^"'\s<>]*\/m\/orm_[\w-]+/)?.[0];
    });
    const p = await openPage(product, 'executor', true);
    await p.page.goto(`${product.baseUrl}${new URL(link).pathname}`);
    await p.page.waitForURL(`**/cycles/${created.body.id}/events/${eventId}`);
    await p.page.getByTestId('event-title').waitFor();
    expect(await p.page.getByTestId('event-title').textContent()).toBe('№ 1. Подготовить справку о самодиагностике');
    await p.shot('event-from-reminder');
    expect(p.errors).toEqual([]);
    await p.close();
  });

  it('administrator: creates an account; after the session expires, sign-in returns to the same page', async () => {
    const password = 'Администратор-2026!';
    const admin = await createAccount(
      product.apps,
      [{ role: 'admin', scopeKind: 'global', scopeValue: null }],
      password,
    );
    const p = await openPage(product, 'admin');
    await signIn(p, product.baseUrl, admin.email, password, '/admin/users');
    await p.page.getByRole('heading', { name: 'Пользователи' }).waitFor();
    await p.page.getByRole('button', { name: 'Создать учетную запись' }).click();
    const email = `observer-${Date.now()}@example.ru`;
    await p.page.fill('#user-email', email);
    await p.page.fill('#user-name', 'Орлова Вера Павловна');
    await p.shot('users-create');
    await p.page.getByRole('button', { name: 'Сохранить' }).click();
    await p.page.getByRole('cell', { name: email }).waitFor();
    await p.shot('users');

    // The session ends on the server side (cookie gone); the next request sends the person to sign-in.
    await p.page.goto(`${product.baseUrl}/cycles/${cycleId}`);
    await p.page.getByTestId('schools-total').waitFor();
    await p.page.context().clearCookies({ name: 'orientir_session' });
    await p.page.getByRole('link', { name: 'Циклы' }).click();
    await p.page.waitForURL((url) => url.pathname === '/login');
    expect(new URL(p.page.url()).searchParams.get('next')).toBe('/cycles');
    await p.page.getByText('Сеанс истек').waitFor();
    await p.shot('session-expired');
    await p.page.fill('#email', admin.email);
    await p.page.fill('#password', password);
    await p.page.getByRole('button', { name: 'Войти' }).click();
    await p.page.waitForURL((url) => url.pathname === '/cycles');
    await p.page.getByRole('heading', { name: 'Циклы' }).waitFor();
    await p.page.locator('.g-table').first().waitFor();
    await p.shot('cycles');
    // The expired session's 401 is the one console error expected here.
    expect(p.errors.filter((e) => !e.includes('401'))).toEqual([]);
    await p.close();
  });

  it('a person who forgot the password sets a new one through the e-mail link and signs in with it', async () => {
    const account = await createAccount(
      product.apps,
      [{ role: 'supervisor', scopeKind: 'global', scopeValue: null }],
      'Старый-пароль-2026!',
    );
    const p = await openPage(product, 'reset', true);
    await p.page.goto(`${product.baseUrl}/login`);
    await p.page.getByRole('link', { name: 'Забыли пароль?' }).click();
    // The sign-in page has an #email too: fill it only once the app has moved to the other page.
    await p.page.waitForURL((url) => url.pathname === '/forgot-password');
    await p.page.fill('#email', account.email);
    await p.shot('forgot-password');
    await p.page.getByRole('button', { name: 'Отправить ссылку' }).click();
    await p.page.getByRole('alert').or(p.page.locator('.g-alert')).first().waitFor();
    const mail = new MailCatcherClient(testEnv('mailViewerUrl'));
    const link = await eventually('password reset e-mail', async () => {
      const found = (await mail.list())
        .filter((m) => m.to.some((t) => t.address === account.email))
        .map(
          (m) =>
            `${m.text ?? ''} ${m.html ?? ''}`.match(/https?:\/\/[^"'\s<>]*\/reset-password\?token=[^"'\s<>&]+/)?.[0],
        );
      return found.find(Boolean);
    });
    const target = new URL(link);
    await p.page.goto(`${product.baseUrl}${target.pathname}${target.search}`);
    await p.page.fill('#new-password', 'Новый-пароль-2026!');
    await p.page.fill('#repeat-password', 'Новый-пароль-2026!');
    await p.shot('reset-password');
    await p.page.getByRole('button', { name: 'Сохранить пароль' }).click();
    await p.page.getByText('Пароль изменен').waitFor();
    await p.page.getByRole('link', { name: 'Вернуться ко входу' }).click();
    await p.page.fill('#email', account.email);
    await p.page.fill('#password', 'Новый-пароль-2026!');
    await p.page.getByRole('button', { name: 'Войти' }).click();
    await p.page.getByRole('heading', { name: 'Циклы' }).waitFor();
    await p.shot('signed-in-with-new-password');
    expect(p.errors).toEqual([]);
    await p.close();
  });
});
