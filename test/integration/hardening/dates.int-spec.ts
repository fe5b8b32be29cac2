import { RoadmapStore } from '@orientir/persistence';
import type { CanonicalRoadmap } from '@orientir/domain';
import path from 'node:path';
import { useHarness } from '../../support/test-harness';

const SEED = path.resolve(__dirname, '../../fixtures/roadmaps/irkutsk-city-2023.txt');

function cycleBody(events: { opensAt: string; deadline: string }[]) {
  return {
    title: 'Цикл с датами',
    year: 2026,
    timezone: 'Asia/Irkutsk',
    municipality: 'г. Иркутск',
    schools: [{ name: 'Школа', category: 'shnor' }],
    events: events.map((e, i) => ({ number: String(i + 1), title: 'Мероприятие', executors: [], ...e })),
  };
}

describe('dates: the cycle’s time zone, the cycle’s year, stored roadmaps checked, one validation for both paths', () => {
  const harness = useHarness();
  let seed: CanonicalRoadmap;
  const count = async (table: string) =>
    (await harness.db.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n as number;

  beforeAll(async () => {
    seed = (await harness.admin.post('/api/roadmaps/import').attach('file', SEED).expect(201)).body.roadmap;
  });

  it('reads dates without an offset in the cycle’s zone; a date-only deadline is the end of that local day', async () => {
    const created = await harness.admin
      .post('/api/cycles')
      .send(
        cycleBody([
          { opensAt: '2026-12-01', deadline: '2026-12-20' },
          { opensAt: '2026-12-01T09:00:00', deadline: '2026-12-20T18:00:00+03:00' },
        ]),
      )
      .expect(201);
    const byNumber = [...created.body.events].sort((a: { number: string }, b: { number: string }) =>
      a.number.localeCompare(b.number),
    );
    expect(byNumber.map((e: { opensAt: string; deadline: string }) => [e.opensAt, e.deadline])).toEqual([
      ['2026-11-30T16:00:00.000Z', '2026-12-20T15:59:59.999Z'],
      ['2026-12-01T01:00:00.000Z', '2026-12-20T15:00:00.000Z'],
    ]);
  });

  it('refuses events dated far outside the cycle’s year, naming them, and stores nothing', async () => {
    const before = await count('cycles');
    const res = await harness.admin
      .post('/api/cycles')
      .send(
        cycleBody([
          { opensAt: '1900-01-01', deadline: '1900-01-02' },
          { opensAt: '2026-05-01', deadline: '9999-12-31T23:59:59Z' },
        ]),
      )
      .expect(400);
    expect(res.body.error).toBe('INVALID_EVENT_PERIOD');
    expect(res.body.details).toEqual([
      'events[0] (№ 1).opensAt: дата «1900-01-01» вне цикла 2026 года (допустимо с 2025 по 2027 год)',
      'events[0] (№ 1).deadline: дата «1900-01-02» вне цикла 2026 года (допустимо с 2025 по 2027 год)',
      'events[1] (№ 2).deadline: дата «9999-12-31T23:59:59Z» вне цикла 2026 года (допустимо с 2025 по 2027 год)',
    ]);
    expect(await count('cycles')).toBe(before);
  });

  it('refuses a stored roadmap with an impossible date or an unknown zone, naming the field', async () => {
    const before = await count('roadmaps');
    const badDate = structuredClone(seed);
    badDate.events[0].period.start = '2023-13-45';
    const res = await harness.admin.post('/api/roadmaps').send(badDate).expect(400);
    expect(res.body.details).toEqual([
      expect.stringMatching(/^events\[0\] \(№ 1\)\.period\.start: даты «2023-13-45» не существует/),
    ]);
    const mars = await harness.admin
      .post('/api/roadmaps')
      .send({ ...seed, timezone: 'Mars/Olympus' })
      .expect(400);
    expect(mars.body.details).toEqual([expect.stringMatching(/^timezone: «Mars\/Olympus»/)]);
    expect(await count('roadmaps')).toBe(before);
  });

  it('a cycle from a stored roadmap passes the field rules of POST /api/cycles, and an old bad roadmap answers 400, not 500', async () => {
    const store = harness.apps.api.get(RoadmapStore);
    const broken = structuredClone(seed);
    broken.events[0].number = '7'.repeat(600);
    broken.schools = [
      { ...(broken.schools[0] ?? { name: 'Школа', category: 'shnor', municipality: null }), emails: ['не-почта'] },
    ];
    const stored = await store.save(broken, null, null);
    const before = await count('cycles');
    const res = await harness.admin.post(`/api/roadmaps/${stored.id}/cycles`).send({}).expect(400);
    expect(res.body.details).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^events\[0\]\.number: .*длиннее допустимого/),
        expect.stringMatching(/^schools\[0\]\.emails: .*только адреса электронной почты/),
      ]),
    );
    const legacy = await store.save({ ...seed, timezone: 'Mars/Olympus', year: 1900 }, null, null);
    const old = await harness.admin.post(`/api/roadmaps/${legacy.id}/cycles`).send({}).expect(400);
    expect(old.body.details).toEqual([
      expect.stringMatching(/^timezone: /),
      expect.stringMatching(/^year: 1900 вне допустимого диапазона/),
    ]);
    expect(await count('cycles')).toBe(before);
  });
});
