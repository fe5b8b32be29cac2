import { MAIL_OUTBOX, type MailOutbox } from '@orientir/mail';
import { ADMIN, createAccount, sessionClient } from '../support/auth-clients';
import { openPage, signIn, startProduct, type Product } from './browser.util';

const XML_2027 = `<?xml version="1.0" encoding="UTF-8"?>
<calendar year="2027" lang="ru" country="ru">
  <days>
${[
  '01.01',
  '01.04',
  '01.05',
  '01.06',
  '01.07',
  '01.08',
  '02.23',
  '03.08',
  '05.03',
  '05.10',
  '06.14',
  '11.04',
  '11.05',
  '12.31',
]
  .map((d) => `    <day d="${d}" t="1"/>`)
  .join('\n')}
    <day d="11.13" t="3"/>
  </days>
</calendar>`;

describe('the «Почта» and «Календарь» pages in Chromium', () => {
  let product: Product;

  beforeAll(async () => {
    product = await startProduct();
  });
  afterAll(async () => {
    await product?.close();
  });

  it('shows undeliverable mail at once, loads a calendar year from a file and marks a regional holiday', async () => {
    const password = 'Администратор-2026!';
    const account = await createAccount(product.apps, ADMIN, password);
    const outbox = product.apps.api.get<MailOutbox>(MAIL_OUTBOX);
    const subject = `Напоминание ${Date.now()}`;
    await outbox.enqueue({
      to: 'директор школы № 5',
      kind: 'event-reminder',
      dedupeKey: `browser/${subject}`,
      subject,
      text: 'т',
      html: '<p>т</p>',
    });

    const p = await openPage(product, 'mail-calendar');
    await signIn(p, product.baseUrl, account.email, password, '/mail');
    await p.page.getByRole('heading', { name: 'Почта' }).waitFor();
    const row = p.page.getByRole('row', { name: new RegExp(subject) });
    await row.waitFor();
    await expectText(row, 'Не доставлено');
    await expectText(row, 'Некорректный адрес получателя «директор школы № 5»');
    await p.shot('mail-undeliverable');

    await p.page.getByRole('link', { name: 'Календарь' }).click();
    await p.page.getByRole('heading', { name: 'Производственный календарь' }).waitFor();
    await p.page.locator('#calendar-file').setInputFiles({
      name: 'calendar-2027.xml',
      mimeType: 'text/xml',
      buffer: Buffer.from(XML_2027),
    });
    await p.page.getByRole('button', { name: 'Загрузить' }).click();
    await p.page.getByText('Загружено: 2027 (248)').waitFor();
    await p.page.getByText('Рабочих дней: 248').waitFor();
    await p.page.getByText('Загружен из файла').waitFor();
    await p.shot('calendar-loaded');

    await p.page.getByLabel('Дата').fill('2027-08-30');
    await p.page.getByRole('textbox', { name: 'Примечание' }).fill('День Республики');
    await p.page.getByRole('button', { name: 'Отметить' }).click();
    await p.page.getByText('Рабочих дней: 247').waitFor();
    await p.page.getByRole('row', { name: /День Республики/ }).waitFor();
    await p.shot('calendar-marked');
    await p.page.getByRole('button', { name: 'Убрать отметку' }).click();
    await p.page.getByText('Рабочих дней: 248').waitFor();
    await p.page.getByRole('button', { name: 'Вернуть встроенный календарь' }).click();
    await p.page.getByText('Рабочих дней: 247').waitFor();
    expect(p.errors).toEqual([]);
    await p.close();

    const admin = await sessionClient(product.apps, account);
    expect((await admin.get('/api/calendar?year=2027').expect(200)).body).toMatchObject({
      loaded: false,
      workingDays: 247,
    });
  });
});

async function expectText(locator: import('playwright-core').Locator, text: string): Promise<void> {
  await locator.getByText(text, { exact: false }).first().waitFor();
}
