import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { useHarness } from '../support/test-harness';

const CYRILLIC = /[а-яё]/i;

/** Every failure leaves the API in one shape: { error, message (Russian), details }, status from one table. */
describe('one error model at the HTTP edge', () => {
  const harness = useHarness();

  const cycle = (events: { number: string; opensAt: string; deadline: string }[], schools: string[] = []) => ({
    title: 'Карта',
    year: 2023,
    timezone: 'Asia/Irkutsk',
    schools: schools.map((name) => ({ name, category: 'shnor' })),
    events: events.map((e) => ({ ...e, title: 'Событие', executors: [] })),
  });

  it('answers a missing roadmap with a roadmap error, not a cycle error', async () => {
    const res = await harness.admin.get(`/api/roadmaps/${randomUUID()}`).expect(404);
    expect(res.body).toEqual({ error: 'ROADMAP_NOT_FOUND', message: expect.stringMatching(/не найдена/), details: [] });
  });

  it('tells a backwards period from a repeated row', async () => {
    const period = { opensAt: '2023-05-01T00:00:00Z', deadline: '2023-05-31T00:00:00Z' };
    const backwards = await harness.admin
      .post('/api/cycles')
      .send(cycle([{ number: '1', opensAt: period.deadline, deadline: period.opensAt }]))
      .expect(400);
    expect(backwards.body.error).toBe('INVALID_EVENT_PERIOD');

    const repeated = await harness.admin
      .post('/api/cycles')
      .send(
        cycle(
          [
            { number: '1', ...period },
            { number: ' 1 ', ...period },
          ],
          ['СОШ № 1', 'сош № 1'],
        ),
      )
      .expect(400);
    expect(repeated.body.error).toBe('DUPLICATE_ROW');
    expect(repeated.body.details).toEqual([
      expect.stringMatching(/^events\.number\[1\]: « 1 » повторяется/),
      expect.stringMatching(/^schools\.name\[1\]: «сош № 1» повторяется/),
    ]);
  });

  it('answers framework errors (bad JSON, oversized body, unknown address, bad UUID) in the same shape and in Russian', async () => {
    const malformed = await harness.admin
      .post('/api/cycles')
      .set('Content-Type', 'application/json')
      .send('{"title": ')
      .expect(400);
    expect(malformed.body).toMatchObject({ error: 'MALFORMED_BODY', message: expect.stringMatching(CYRILLIC) });

    const huge = await harness.admin
      .post('/api/cycles')
      .set('Content-Type', 'application/json')
      // Over the 16 MB the cycle routes take (4 MB elsewhere).
      .send(JSON.stringify({ title: 'я'.repeat(9 * 1024 * 1024) }));
    expect({ status: huge.status, body: huge.body }).toMatchObject({
      status: 413,
      body: { error: 'PAYLOAD_TOO_LARGE', message: expect.stringMatching(CYRILLIC) },
    });

    const unknown = await request(harness.apps.api.getHttpServer()).get('/api/nowhere').expect(404);
    expect(unknown.body).toEqual({ error: 'ROUTE_NOT_FOUND', message: expect.stringMatching(CYRILLIC), details: [] });

    const badId = await harness.admin.get('/api/cycles/not-a-uuid').expect(400);
    expect(badId.body).toEqual({ error: 'VALIDATION_FAILED', message: expect.stringMatching(/UUID/), details: [] });
  });

  it('names the upload fields in Russian when a file comes in an unknown field', async () => {
    const res = await harness.admin
      .post('/api/roadmaps/import')
      .attach('roadmap', Buffer.from('1\tМероприятие\tМай'), 'roadmap.txt')
      .expect(400);
    expect(res.body).toMatchObject({
      error: 'VALIDATION_FAILED',
      message: expect.stringMatching(/«file».*«participants»/),
    });
  });

  it('answers a known address with an undeclared method with 405 and the methods it has', async () => {
    const res = await request(harness.apps.api.getHttpServer()).put('/api/cycles').expect(405);
    expect(res.headers.allow).toBe('GET, HEAD, POST');
    expect(res.body).toMatchObject({ error: 'METHOD_NOT_ALLOWED', message: expect.stringMatching(CYRILLIC) });
  });
});
