import { randomUUID } from 'node:crypto';
import { DigestService, LinkIssuer } from '@orientir/activities';
import { WorkingCalendar, localDateOfInstant, localTimeToInstant } from '@orientir/domain';
import { MAIL_OUTBOX, type MailOutbox } from '@orientir/mail';
import { MailOutboxStore, NotificationStore } from '@orientir/persistence';
import { MailCatcherClient, type CaughtMail } from '../../infra/stack/mail-catcher.service';
import { ADMIN, createAccount, sessionClient } from '../support/auth-clients';
import { eventually } from '../support/poll.util';
import { testEnv } from '../setup/test-infrastructure';
import { openPage, signIn, startProduct, type Product } from './browser.util';

const DAY = 24 * 3600 * 1000;

describe('a one-click link from the daily digest, in Chromium', () => {
  let product: Product;

  beforeAll(async () => {
    product = await startProduct();
  });
  afterAll(async () => {
    await product?.close();
  });

  it('opens that event for the person it was mailed to, and nothing else; unsubscribe shows on «Шаблоны писем»', async () => {
    const password = 'Координатор-2026!';
    const account = await createAccount(product.apps, ADMIN, password);
    const admin = await sessionClient(product.apps, account);
    const email = `ivanova-${randomUUID().slice(0, 8)}@ruo.test`;
    const now = Date.now();
    const cycle = await admin
      .post('/api/cycles')
      .send({
        title: 'Дорожная карта г. Ангарска',
        year: new Date(now).getUTCFullYear(),
        timezone: 'Asia/Irkutsk',
        schools: [{ name: 'МБОУ «СОШ № 40»', category: 'shnor', municipality: 'г. Ангарск', emails: [] }],
        events: [
          {
            number: '7',
            title: 'Методический десант в ШНОР',
            opensAt: new Date(now - DAY).toISOString(),
            deadline: new Date(now + 2 * DAY).toISOString(),
            executors: [{ name: 'Управление образования г. Ангарска', email }],
          },
          {
            number: '9',
            title: 'Совещание руководителей ШНОР',
            opensAt: new Date(now - DAY).toISOString(),
            deadline: new Date(now + 20 * DAY).toISOString(),
            executors: [{ name: 'Отдел кадров г. Ангарска', email: `kadry-${randomUUID().slice(0, 8)}@ruo.test` }],
          },
        ],
      })
      .expect(201);
    const [seven, nine] = ['7', '9'].map((n) =>
      (cycle.body.events as { id: string; number: string }[]).find((e) => e.number === n)!,
    );

    // The zone's Schedule fires at 09:00 local; here the digest runs now, through the real outbox and SMTP.
    const store = product.apps.api.get(NotificationStore);
    const digests = new DigestService(
      store,
      product.apps.api.get(MailOutboxStore),
      product.apps.worker.get<MailOutbox>(MAIL_OUTBOX),
      new LinkIssuer(store, 'http://127.0.0.1'),
      'digest',
    );
    // Once the event workflows have projected their events as open, the digest lists them. The two
    // events open independently, so keep running it (a rerun sends nothing twice to anyone) until hers arrives.
    const catcher = new MailCatcherClient(testEnv('mailViewerUrl'));
    const digest = await eventually<CaughtMail>('her digest in the mail catcher', async () => {
      await digests.sendDigests({ timezone: 'Asia/Irkutsk', at: workingMorning() });
      return (await catcher.list()).find(
        (m) => m.to.some((t) => t.address === email) && m.subject.startsWith('Ориентир: сводка'),
      );
    });
    const links = digest.text.match(/http:\/\/127\.0\.0\.1\/m\/orm_[\w-]+/g) ?? [];
    expect(links).toHaveLength(1); // only event 7 is hers
    expect(digest.text).toContain('№ 7. Методический десант в ШНОР');
    const linkPath = new URL(links[0] ?? 'http://127.0.0.1/').pathname;
    const unsubscribePath = new URL(/http:\/\/127\.0\.0\.1\/unsubscribe\?token=\S+/.exec(digest.text)![0]);

    // A person without an account opens the link in a fresh browser.
    const p = await openPage(product, 'magic-link');
    await p.page.goto(`${product.baseUrl}${linkPath}`);
    await p.page.waitForURL(`**/cycles/${cycle.body.id}/events/${seven.id}`);
    await p.page.getByTestId('event-title').filter({ hasText: '№ 7. Методический десант в ШНОР' }).waitFor();
    const banner = p.page.getByTestId('link-banner');
    await banner.waitFor();
    expect(await banner.innerText()).toMatch(
      /^Ссылка для .+: открывает только мероприятие № 7 «Методический десант в ШНОР»/,
    );
    await p.shot('event-from-digest-link');

    // Nothing else: the other event is not there, and the API refuses anything beyond this event.
    await p.page.goto(`${product.baseUrl}/cycles/${cycle.body.id}/events/${nine.id}`);
    await p.page.getByText('Нет доступа к мероприятию').waitFor();
    await p.shot('other-event-refused');
    const refused = await p.page.evaluate(async () => {
      const r = await fetch('/api/cycles');
      return { status: r.status, body: (await r.json()) as { error: string; message: string } };
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toBe('LINK_OUT_OF_SCOPE');
    expect(refused.body.message).toContain('открывает только мероприятие № 7');

    // «Отписаться» from the same letter, then the coordinator sees her among those who opted out.
    const u = await openPage(product, 'unsubscribe');
    await u.page.goto(`${product.baseUrl}${unsubscribePath.pathname}${unsubscribePath.search}`);
    await u.page.getByTestId('preference-holder').waitFor();
    await u.page.getByRole('button', { name: 'Отписаться от необязательных писем' }).click();
    await u.page.getByText('Необязательные письма больше не придут').waitFor();
    await u.shot('unsubscribed');

    const c = await openPage(product, 'mail-templates');
    await signIn(c, product.baseUrl, account.email, password, '/mail-templates');
    await c.page.getByRole('heading', { name: 'Шаблоны писем' }).waitFor();
    await c.page.getByTestId('template-daily-digest').waitFor();
    await c.page.getByText(email).waitFor();
    await c.shot('templates-and-opted-out');
    await c.page.getByTestId('template-event-reminder').scrollIntoViewIfNeeded();
    await c.page
      .frameLocator('iframe[title="Письмо: Напоминание о сроке (мгновенная рассылка)"]')
      .getByText('Что ожидается (показатель): Не менее 5 методических десантов')
      .waitFor();
    await c.shot('reminder-template', 'viewport');
    expect([...p.errors, ...u.errors, ...c.errors].filter((e) => !/status of 40[34]/.test(e))).toEqual([]);
    await Promise.all([p.close(), u.close(), c.close()]);
  });
});

/** 09:00 in Irkutsk on today's local date if it is a working day, else on the next one. */
function workingMorning(): string {
  const day = new WorkingCalendar().workingDayOnOrAfter(localDateOfInstant(Date.now(), 'Asia/Irkutsk'));
  return new Date(localTimeToInstant(day, { hour: 9, minute: 0 }, 'Asia/Irkutsk')).toISOString();
}
