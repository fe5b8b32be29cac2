import request from 'supertest';
import { useHarness } from '../../support/test-harness';

/** A cycle body that passes every check except, where asked, one field. */
function cycleBody(schools = 1, overrides: Record<string, unknown> = {}) {
  return {
    title: 'Цикл для проверки границ',
    year: 2026,
    timezone: 'Asia/Irkutsk',
    municipality: 'г. Иркутск',
    schools: Array.from({ length: schools }, (_, i) => ({
      name: `Муниципальное бюджетное общеобразовательное учреждение г. Иркутска средняя общеобразовательная школа № ${i + 1}`,
      category: 'shnor',
      emails: [`school${i + 1}@example.ru`],
    })),
    events: [
      {
        number: '1',
        title: 'Самодиагностика',
        opensAt: '2026-05-01T00:00:00+08:00',
        deadline: '2026-05-31T23:59:59+08:00',
        executors: [{ name: 'МКУ «ИМЦРО»' }],
      },
    ],
    ...overrides,
  };
}

describe('request edge: body size, depth, control characters, Russian errors', () => {
  const harness = useHarness();
  const anonymous = () => request(harness.apps.api.getHttpServer());
  const count = async (table: string) =>
    (await harness.db.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n as number;

  it('answers 400, not 500, to JSON nested 5,000 levels deep, even without login', async () => {
    const deep = `{"email":${'['.repeat(5000)}${']'.repeat(5000)},"password":"x"}`;
    for (const path of ['/api/auth/login', '/api/auth/password-reset']) {
      const res = await anonymous().post(path).set('Content-Type', 'application/json').send(deep).expect(400);
      expect(res.body.message).toBe('Слишком глубокая вложенность JSON: допустимо не более 32 уровней');
    }
    await harness.admin.post('/api/cycles').set('Content-Type', 'application/json').send(deep).expect(400);
  });

  it('takes a cycle of 3,000 schools × 60 events in one request (16 MB on the cycle routes) and refuses an oversized body in Russian', async () => {
    // Year out of range, so the 3,000 schools are validated but nothing is stored or launched.
    const events = Array.from({ length: 60 }, (_, i) => ({
      number: `${i + 1}`,
      title: `Мероприятие дорожной карты № ${i + 1}: ${'методическое сопровождение ШНОР '.repeat(20)}`,
      opensAt: '2026-05-01T00:00:00+08:00',
      deadline: '2026-05-31T23:59:59+08:00',
      executors: [{ name: 'МКУ «ИМЦРО»' }, { name: 'Отдел образования' }],
    }));
    const body = cycleBody(3000, { year: 1900, events });
    expect(Buffer.byteLength(JSON.stringify(body))).toBeGreaterThan(800 * 1024);
    const big = await harness.admin.post('/api/cycles').send(body).expect(400);
    expect(big.body.details).toEqual(['year: поле «year» вне допустимого диапазона (получено 1900)']);

    const huge = await harness.admin
      .post('/api/cycles')
      .send(cycleBody(1, { title: 'я'.repeat(9 * 1024 * 1024) }))
      .expect(413);
    expect(huge.body).toEqual({
      error: 'PAYLOAD_TOO_LARGE',
      message: 'Тело запроса слишком большое: допустимо не более 16 МБ',
      details: [],
    });
    // Every other route keeps 4 MB.
    const elsewhere = await harness.admin
      .post('/api/roadmaps')
      .send({ title: 'я'.repeat(3 * 1024 * 1024) })
      .expect(413);
    expect(elsewhere.body.message).toBe('Тело запроса слишком большое: допустимо не более 4 МБ');
  });

  it('says broken JSON, unknown fields, nested-list and type errors in Russian', async () => {
    const broken = await anonymous()
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"email": "a@b.ru", "password": ')
      .expect(400);
    expect(broken.body).toEqual({
      error: 'MALFORMED_BODY',
      message: 'Тело запроса не является корректным JSON',
      details: [],
    });

    const typed = await harness.admin
      .post('/api/cycles')
      .send(cycleBody(1, { title: 12345, extra: true, schools: 'не список' }))
      .expect(400);
    expect(typed.body.details).toEqual(
      expect.arrayContaining([
        'title: ошибка типа: поле «title» должно быть строкой',
        'extra: неизвестное поле',
        'schools: ошибка типа: поле «schools» должно быть списком',
      ]),
    );
    expect(JSON.stringify(typed.body)).not.toMatch(/длиннее допустимого|should not exist|must be/);

    const nested = await harness.admin
      .post('/api/cycles')
      .send(cycleBody(1, { schools: [42] }))
      .expect(400);
    expect(JSON.stringify(nested.body)).not.toMatch(/[a-z]{4,} (must|should|each)/);
  });

  it('caps the listed errors of a request with 10,000 bad list items', async () => {
    const res = await harness.admin
      .post('/api/cycles')
      .send(cycleBody(1, { schools: Array.from({ length: 10_000 }, () => ({ name: 1 })) }))
      .expect(400);
    expect(res.body.details.length).toBeLessThanOrEqual(51);
    expect(res.body.details.at(-1)).toMatch(/^… и еще \d+ ошибок$/);
    expect(JSON.stringify(res.body).length).toBeLessThan(20_000);
  });

  it('caps domain error lists too: 1,000 backwards events give a small answer', async () => {
    const events = Array.from({ length: 1000 }, (_, i) => ({
      number: String(i + 1),
      title: 'Мероприятие',
      opensAt: '2026-05-31T00:00:00+08:00',
      deadline: '2026-05-01T00:00:00+08:00',
      executors: [],
    }));
    const res = await harness.admin.post('/api/cycles').send(cycleBody(1, { events })).expect(400);
    expect(res.body.error).toBe('INVALID_EVENT_PERIOD');
    expect(res.body.details).toHaveLength(51);
    expect(res.body.details[50]).toBe('… и еще 950 ошибок');
  });

  it('refuses a NUL in any text field with 400 naming the field, and stores nothing', async () => {
    const before = { cycles: await count('cycles'), users: await count('users'), roadmaps: await count('roadmaps') };
    const nul = 'Школа\u0000№ 1';
    const probes: [string, string, unknown][] = [
      ['post', '/api/cycles', cycleBody(1, { title: nul })],
      ['post', '/api/cycles', { ...cycleBody(1), schools: [{ name: nul, category: 'shnor' }] }],
      [
        'post',
        '/api/users',
        { email: 'nul@example.ru', displayName: nul, grants: [{ role: 'admin', scopeKind: 'global' }] },
      ],
      [
        'post',
        '/api/users',
        {
          email: 'nul2@example.ru',
          displayName: 'Имя',
          grants: [{ role: 'municipal_coordinator', scopeKind: 'municipality', scopeValue: nul }],
        },
      ],
      ['post', '/api/auth/tokens', { name: nul }],
      ['post', '/api/roadmaps', { title: nul }],
    ];
    for (const [, path, body] of probes) {
      const res = await harness.admin.post(path).send(body as object);
      expect({ path, status: res.status }).toEqual({ path, status: 400 });
      expect(res.body.message).toBe('Текст содержит недопустимые управляющие символы (например, NUL)');
      expect(res.body.details[0]).toMatch(/: недопустимый управляющий символ$/);
    }
    const audit = await harness.admin.get('/api/audit').query({ action: 'a\u0000b' }).expect(400);
    expect(audit.body.details).toEqual(['параметр action: недопустимый управляющий символ']);
    expect({ cycles: await count('cycles'), users: await count('users'), roadmaps: await count('roadmaps') }).toEqual(
      before,
    );
  });

  it('bounds the audit paging parameters', async () => {
    const res = await harness.admin.get('/api/audit').query({ offset: '1e21' }).expect(400);
    expect(res.body.details).toEqual(['offset: поле «offset» вне допустимого диапазона (получено 1e+21)']);
    await harness.admin.get('/api/audit').query({ offset: '10' }).expect(200);
  });
});
