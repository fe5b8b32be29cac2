import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { Client, Connection } from '@temporalio/client';
import { digestScheduleId } from '@orientir/contracts';
import { ensureDigestSchedule } from '@orientir/temporal';
import { hashToken } from '@orientir/credentials';
import { DigestService, LinkIssuer } from '@orientir/activities';
import { MAIL_OUTBOX, type MailOutbox } from '@orientir/mail';
import { MailOutboxStore, NotificationStore } from '@orientir/persistence';
import { MailCatcherClient, type CaughtMail } from '../../infra/stack/mail-catcher.service';
import { eventually } from '../support/poll.util';
import { useHarness } from '../support/test-harness';
import { testEnv } from '../setup/test-infrastructure';

const DAY = 24 * 3600 * 1000;

describe('notifications: one-click links, unsubscribe, preferences, the digest', () => {
  const harness = useHarness();
  const mail = () => new MailCatcherClient(testEnv('mailViewerUrl'));
  const server = () => harness.apps.api.getHttpServer();
  let cycleId: string;
  let otherCycleId: string;
  let schoolId: string;
  let events: { id: string; number: string }[];
  let personId: string;
  const email = `ivanova-${randomUUID()}@example.ru`;

  async function createCycle(executorEmail: string, title: string, organisation: string) {
    const now = Date.now();
    const created = await harness.admin
      .post('/api/cycles')
      .send({
        title,
        year: new Date(now).getUTCFullYear(),
        timezone: 'Asia/Irkutsk',
        schools: [
          { name: `МБОУ СОШ № ${randomUUID().slice(0, 4)}`, category: 'shnor', municipality: 'г. Иркутск', emails: [] },
        ],
        events: [
          {
            number: '3',
            title: 'Самодиагностика ШНОР',
            opensAt: new Date(now - 10 * DAY).toISOString(),
            deadline: new Date(now - DAY).toISOString(),
            executors: [{ name: organisation, email: executorEmail }],
          },
          {
            number: '7',
            title: 'Методический десант',
            opensAt: new Date(now - DAY).toISOString(),
            deadline: new Date(now + 3 * DAY).toISOString(),
            executors: [{ name: organisation, email: executorEmail }],
          },
        ],
      })
      .expect(201);
    return created.body as { id: string; events: { id: string; number: string }[]; schools: { id: string }[] };
  }

  beforeAll(async () => {
    const cycle = await createCycle(email, `Карта ${randomUUID().slice(0, 6)}`, 'Ресурсный центр «Ориентир-тест»');
    cycleId = cycle.id;
    events = cycle.events;
    schoolId = cycle.schools[0].id;
    otherCycleId = (
      await createCycle(
        `other-${randomUUID()}@example.ru`,
        `Другая ${randomUUID().slice(0, 6)}`,
        'Служба сопровождения школ',
      )
    ).id;
    const rows = await harness.db.query<{ id: string }>(`SELECT id FROM people WHERE email = $1`, [email]);
    personId = rows.rows[0].id;
  });

  const store = () => harness.apps.api.get(NotificationStore);
  const issuer = () => new LinkIssuer(store(), 'http://orientir.test');
  const tokenOf = (url: string) => decodeURIComponent(url.split('/m/')[1] ?? url.split('token=')[1]);

  async function redeem(token: string) {
    const res = await request(server()).post('/api/links/redeem').send({ token });
    const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]);
    return { res, cookie: cookies.join('; '), csrf: res.body.csrfToken as string };
  }

  it('a link signs its holder in to exactly one event; everything else answers 403 in Russian', async () => {
    const event = events.find((e) => e.number === '7')!;
    const url = await issuer().eventLink(personId, cycleId, event.id);
    expect(url).toMatch(/^http:\/\/orientir\.test\/m\/orm_/);
    const stored = await harness.db.query(`SELECT token_hash FROM magic_links WHERE person_id = $1`, [personId]);
    expect(stored.rows.map((r) => r.token_hash)).not.toContain(tokenOf(url)); // only the hash is kept

    const { res, cookie, csrf } = await redeem(tokenOf(url));
    expect(res.status).toBe(200);
    expect(res.body.redirectTo).toBe(`/cycles/${cycleId}/events/${event.id}`);
    expect(res.body.link).toMatchObject({
      purpose: 'event',
      eventId: event.id,
      itemLabel: 'мероприятие № 7 «Методический десант»',
    });
    expect(res.body.link.holderName).toMatch(/\S/);

    const me = await request(server()).get('/api/auth/me').set('Cookie', cookie).expect(200);
    expect(me.body.link.holderName).toBe(res.body.link.holderName);

    const cycle = await request(server()).get(`/api/cycles/${cycleId}`).set('Cookie', cookie).expect(200);
    expect(cycle.body.events.map((e: { id: string }) => e.id)).toEqual([event.id]);
    expect(cycle.body.schools).toEqual([]);

    // The event's own page (and its evidence form's routes) answer; any other event is refused.
    const own = await request(server()).get(`/api/events/${event.id}`).set('Cookie', cookie);
    expect(own.status).toBe(200);
    const other = events.find((e) => e.number === '3')!;
    const refusedEvent = await request(server()).get(`/api/events/${other.id}`).set('Cookie', cookie);
    expect(refusedEvent.status).toBe(403);
    expect(refusedEvent.body.error).toBe('LINK_OUT_OF_SCOPE');
    expect(refusedEvent.body.message).toBe(
      `Ссылка из письма для ${res.body.link.holderName} открывает только мероприятие № 7 «Методический десант». Чтобы открыть другое, войдите в «Ориентир» со своей учетной записью`,
    );

    const refusals = [
      request(server()).get(`/api/cycles/${otherCycleId}`).set('Cookie', cookie),
      request(server()).get('/api/directory/people').set('Cookie', cookie),
      request(server()).get('/api/cycles').set('Cookie', cookie),
      request(server())
        .post(`/api/schools/${schoolId}/self-diagnosis`)
        .set('Cookie', cookie)
        .set('X-CSRF-Token', csrf)
        .send({ answers: [{ directionId: 'low_motivation', confirmed: false, justification: 'нет', measures: '' }] }),
    ];
    for (const refused of await Promise.all(refusals)) {
      expect(refused.status).toBe(403);
      expect(refused.body.error).toBe('LINK_OUT_OF_SCOPE');
      expect(refused.body.message).toContain('открывает только мероприятие № 7 «Методический десант»');
    }
  });

  it('a revoked or expired link opens nothing, and revoking ends the sessions it opened', async () => {
    const event = events.find((e) => e.number === '3')!;
    const url = await issuer().eventLink(personId, cycleId, event.id);
    const { cookie } = await redeem(tokenOf(url));
    await request(server()).get('/api/auth/me').set('Cookie', cookie).expect(200);
    const [{ id }] = (
      await harness.db.query(`SELECT id FROM magic_links WHERE token_hash = $1`, [hashToken(tokenOf(url))])
    ).rows;
    expect(await store().revokeLink(id)).toBe(true);
    await request(server()).get('/api/auth/me').set('Cookie', cookie).expect(401);
    expect((await redeem(tokenOf(url))).res.status).toBe(400);

    const stale = new LinkIssuer(store(), 'http://orientir.test', () => Date.now() - 31 * DAY);
    const old = await redeem(tokenOf(await stale.eventLink(personId, cycleId, event.id)));
    expect(old.res.status).toBe(400);
    expect(old.res.body.message).toMatch(/^Ссылка из письма недействительна/);
    expect((await redeem('orm_made-up')).res.status).toBe(400);
  });

  it('one-click unsubscribe (RFC 8058 POST, no sign-in) turns non-critical mail off; the coordinator sees it; the page switches back', async () => {
    const links = await issuer().unsubscribeLinks(personId);
    const headers = LinkIssuer.unsubscribeHeaders(links);
    expect(headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    const postUrl = headers['List-Unsubscribe'].slice(1, -1).replace('http://orientir.test', '');
    await request(server())
      .post(postUrl)
      .type('form')
      .send('List-Unsubscribe=One-Click')
      .expect(200)
      .expect((r) => expect(r.body.mode).toBe('off'));
    const optedOut = await harness.admin.get('/api/notifications/opted-out').expect(200);
    expect(optedOut.body).toEqual(
      expect.arrayContaining([expect.objectContaining({ personId, changedVia: 'unsubscribe', email })]),
    );
    // The unsubscribe link cannot sign anyone in.
    expect((await redeem(tokenOf(links.pageUrl))).res.status).toBe(400);

    const token = tokenOf(links.pageUrl);
    const page = await request(server())
      .get(`/api/notifications/preference?token=${encodeURIComponent(token)}`)
      .expect(200);
    expect(page.body.mode).toBe('off');
    await request(server())
      .put(`/api/notifications/preference?token=${encodeURIComponent(token)}`)
      .send({ mode: 'weekly' })
      .expect(400)
      .expect((r) => expect(JSON.stringify(r.body)).toContain('mode'));
    await request(server())
      .put(`/api/notifications/preference?token=${encodeURIComponent(token)}`)
      .send({ mode: 'digest' })
      .expect(200);
    const after = await harness.admin.get('/api/notifications/opted-out').expect(200);
    expect(after.body.map((p: { personId: string }) => p.personId)).not.toContain(personId);
  });

  it('the digest: one letter per person and working day, overdue and due soon with a link each, List-Unsubscribe, .ics', async () => {
    const outbox = harness.apps.api.get(MailOutboxStore);
    // The worker's dispatcher sends what is queued; the outbox of the worker wakes it.
    const queue = harness.apps.worker.get<MailOutbox>(MAIL_OUTBOX);
    const digests = new DigestService(store(), outbox, queue, issuer(), 'digest');
    // What the roadmap import stores for an event: its indicator and report form.
    await harness.db.query(`UPDATE roadmap_events SET indicator = $2::jsonb, report_form = 'Протокол' WHERE id = $1`, [
      events.find((e) => e.number === '7')!.id,
      JSON.stringify({
        kind: 'count',
        min: 5,
        per: null,
        unit: 'методических десантов',
        text: 'Не менее 5 методических десантов',
      }),
    ]);
    // The launch runs in the background: the digest reads what the event workflows have projected.
    await eventually('both events projected as overdue and open', async () => {
      const progress = await harness.db.query<{ status: string }>(
        `SELECT p.status FROM event_progress p JOIN roadmap_events e ON e.id = p.event_id WHERE e.cycle_id = $1`,
        [cycleId],
      );
      const statuses = progress.rows.map((r) => r.status);
      const actionable = statuses.filter((s) => ['open', 'overdue', 'at_risk'].includes(s));
      return actionable.length === 2 && statuses.includes('overdue') ? statuses : undefined;
    });
    // A working morning in Irkutsk (09:00, UTC+8) this week, whatever today is.
    const at = nextWorkingMorning();
    const first = await digests.sendDigests({ timezone: 'Asia/Irkutsk', at });
    expect(first.workingDay).toBe(true);
    expect(first.sent).toBeGreaterThanOrEqual(1);
    const again = await digests.sendDigests({ timezone: 'Asia/Irkutsk', at });
    expect(again.sent).toBe(0);
    const keys = await harness.db.query(
      `SELECT idempotency_key, headers FROM mail_outbox WHERE idempotency_key LIKE $1`,
      [`digest/${personId}/%`],
    );
    expect(keys.rows).toHaveLength(1);
    expect(keys.rows[0].headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');

    const letter = await eventually<CaughtMail>('the digest', async () =>
      (await mail().list()).find(
        (m) => m.to.some((t) => t.address === email) && m.subject.startsWith('Ориентир: сводка'),
      ),
    );
    const full = letter;
    expect(full.text).toContain('Просрочено:');
    expect(full.text).toContain('№ 3. Самодиагностика ШНОР');
    expect(full.text).toContain('№ 7. Методический десант');
    expect(full.text).toContain('Что ожидается (показатель): Не менее 5 методических десантов');
    expect(full.text).toContain('Форма отчета: Протокол');
    expect(full.text.match(/http:\/\/orientir\.test\/m\/orm_\S+/g)).toHaveLength(2);
    expect(full.headers['list-unsubscribe']).toMatch(
      /^<http:\/\/orientir\.test\/api\/notifications\/unsubscribe\?token=orm_/,
    );
    expect(full.attachments?.map((a) => a.fileName ?? a.generatedFileName)).toContain('srok.ics');

    // Sunday: no digest at all.
    const sunday = await digests.sendDigests({ timezone: 'Asia/Irkutsk', at: '2026-11-29T01:00:00.000Z' });
    expect(sunday).toEqual({ localDate: '2026-11-29', workingDay: false, sent: 0, skipped: 0 });
  });
});

describe('the digest Schedule of a time zone', () => {
  it('fires every day at 09:00 local time and is created idempotently', async () => {
    const connection = await Connection.connect({ address: testEnv('temporalAddress') });
    try {
      const client = new Client({ connection });
      const queue = `digest-schedule-${randomUUID()}`;
      expect(await ensureDigestSchedule(client, queue, 'Asia/Irkutsk', { hour: 9, minute: 0 })).toBe('created');
      expect(await ensureDigestSchedule(client, queue, 'Asia/Irkutsk', { hour: 9, minute: 0 })).toBe('updated');
      const handle = client.schedule.getHandle(digestScheduleId(queue, 'Asia/Irkutsk'));
      const described = await handle.describe();
      expect(described.spec.timezone).toBe('Asia/Irkutsk');
      const next = described.info.nextActionTimes;
      expect(next.length).toBeGreaterThanOrEqual(3);
      // 09:00 in Irkutsk is 01:00 UTC, one day apart.
      for (const at of next) expect([at.getUTCHours(), at.getUTCMinutes()]).toEqual([1, 0]);
      expect(next[1].getTime() - next[0].getTime()).toBe(DAY);
      await handle.delete();
    } finally {
      await connection.close();
    }
  });
});

/** 09:00 Irkutsk on the next Monday–Thursday from today (never a Russian holiday in those weeks we hit). */
function nextWorkingMorning(): string {
  const d = new Date();
  d.setUTCHours(1, 0, 0, 0);
  while (![1, 2, 3, 4].includes(d.getUTCDay())) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString();
}
