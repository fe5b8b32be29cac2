// What the web app needs from the API beyond the original routes: lists, launch options, the
// actions a caller may take, account administration, and the app itself served at /.
import path from 'node:path';
import { createAccount, sessionClient } from '../support/auth-clients';
import { eventually } from '../support/poll.util';
import { useHarness } from '../support/test-harness';

const SEED = path.resolve(__dirname, '../fixtures/roadmaps/irkutsk-city-2023.txt');

interface EventView {
  number: string;
  opensAt: string;
  deadline: string;
  executors: string[];
}

describe('API for the web app', () => {
  const harness = useHarness();

  it('lists stored roadmaps and launches one with edited schools, hand-set dates and events waiting for dates', async () => {
    const admin = harness.admin;
    const preview = await admin
      .post('/api/roadmaps/import')
      .attach('file', SEED)
      .field('timezone', 'Asia/Irkutsk')
      .expect(201);
    const roadmap = preview.body.roadmap;
    for (const i of [4, 5]) {
      roadmap.events[i].period = {
        ...roadmap.events[i].period,
        start: null,
        end: null,
        occurrences: [],
        toBeScheduled: true,
        text: 'По графику',
      };
    }
    const stored = await admin.post('/api/roadmaps').query({ fileName: 'irkutsk.txt' }).send(roadmap).expect(201);

    const list = await admin.get('/api/roadmaps').expect(200);
    expect(list.body[0]).toMatchObject({
      id: stored.body.id,
      events: 23,
      schools: roadmap.schools.length,
      sourceFileName: 'irkutsk.txt',
    });
    expect(list.body[0]).not.toHaveProperty('roadmap');

    // A number that is not an undated event is refused by name, and nothing is stored.
    const cyclesBefore = (await harness.db.query('SELECT count(*)::int AS n FROM cycles')).rows[0].n;
    const bad = await admin
      .post(`/api/roadmaps/${stored.body.id}/cycles`)
      .send({ dates: [{ number: '1', opensAt: '2023-09-01T00:00:00+08:00', deadline: '2023-09-30T23:59:59+08:00' }] })
      .expect(400);
    expect(bad.body.details).toEqual(['dates: мероприятие № 1 не найдено среди мероприятий без дат']);
    expect((await harness.db.query('SELECT count(*)::int AS n FROM cycles')).rows[0].n).toBe(cyclesBefore);

    const cycle = await admin
      .post(`/api/roadmaps/${stored.body.id}/cycles`)
      .send({
        title: 'Цикл с правками',
        timezone: 'Asia/Irkutsk',
        schools: [
          { name: 'МБОУ СОШ № 1', category: 'shnor', municipality: 'г. Иркутск' },
          { name: 'МБОУ СОШ № 2', category: 'risk_zone', municipality: 'г. Иркутск' },
        ],
        dates: [
          {
            number: roadmap.events[4].number,
            opensAt: '2023-09-01T00:00:00+08:00',
            deadline: '2023-09-30T23:59:59+08:00',
          },
        ],
      })
      .expect(201);
    expect(cycle.body.schools.map((s: { name: string }) => s.name)).toEqual(['МБОУ СОШ № 1', 'МБОУ СОШ № 2']);
    expect(cycle.body.events).toHaveLength(23);
    const handDated = cycle.body.events.find((e: EventView) => e.number === roadmap.events[4].number);
    expect(handDated).toMatchObject({ opensAt: '2023-08-31T16:00:00.000Z', deadline: '2023-09-30T15:59:59.000Z' });
    expect(handDated.executors).toEqual(roadmap.events[4].executors);
    expect(cycle.body.awaitingScheduleEvents).toEqual([
      { number: roadmap.events[5].number, reason: expect.stringContaining('По графику') },
    ]);

    const cycles = await admin.get('/api/cycles').expect(200);
    expect(cycles.body[0]).toMatchObject({ id: cycle.body.id, title: 'Цикл с правками', schools: 2, events: 23 });
    // The list says what needs a decision: workflows not reporting yet, events overdue (all of 2023 is
    // past) but the one still waiting for its dates.
    await eventually('every workflow reported and every dated 2023 event overdue', async () => {
      const row = (await admin.get('/api/cycles').expect(200)).body[0];
      return row.pendingWorkflows === 0 && row.overdueEvents === 22 ? row : undefined;
    });
  });

  it('tells each caller which stage actions it may take, and lists only cycles in its scope', async () => {
    const created = await harness.admin
      .post('/api/cycles')
      .send({
        title: 'Цикл для ролей',
        year: 2026,
        timezone: 'Asia/Irkutsk',
        municipality: 'г. Братск',
        schools: [
          { name: 'Школа А', category: 'shnor' },
          { name: 'Школа Б', category: 'shnor' },
        ],
        events: [
          {
            number: '1',
            title: 'Событие',
            opensAt: '2026-05-01T00:00:00+08:00',
            deadline: '2026-05-31T23:59:59+08:00',
            executors: [],
          },
        ],
      })
      .expect(201);
    const [a, b] = created.body.schools as { id: string; name: string }[];
    const team = await sessionClient(
      harness.apps,
      await createAccount(harness.apps, [{ role: 'school_team', scopeKind: 'school', scopeValue: a.id }]),
    );
    const supervisor = await sessionClient(
      harness.apps,
      await createAccount(harness.apps, [{ role: 'supervisor', scopeKind: 'global', scopeValue: null }]),
    );

    // The workflow reports its first stage (the coordinator's risk profile): the team has nothing to act on yet.
    let teamView = await team.get(`/api/cycles/${created.body.id}`).expect(200);
    for (let i = 0; i < 100 && teamView.body.schools[0].stage !== 'risk_profile'; i++) {
      await new Promise((r) => setTimeout(r, 200));
      teamView = await team.get(`/api/cycles/${created.body.id}`).expect(200);
    }
    expect(teamView.body.schools).toEqual([expect.objectContaining({ id: a.id, actions: [] })]);
    // The coordinator is offered what the school-year rule takes at the risk profile (libs/domain).
    const adminView = await harness.admin.get(`/api/cycles/${created.body.id}`).expect(200);
    expect(adminView.body.schools.find((s: { id: string }) => s.id === a.id).actions).toEqual([
      'setRiskProfile',
      'extendDeadline',
      'changeCurator',
      'withdrawSchool',
    ]);
    // After the profile, the team is offered its self-diagnosis and the coordinator no longer the profile.
    await harness.admin
      .post(`/api/schools/${a.id}/risk-profile`)
      .send({ flaggedDirections: ['low_motivation'] })
      .expect(200);
    teamView = await team.get(`/api/cycles/${created.body.id}`).expect(200);
    expect(teamView.body.schools[0].actions).toEqual(['submitSelfDiagnosis']);
    expect((await team.get(`/api/schools/${a.id}`).expect(200)).body.actions).toEqual(['submitSelfDiagnosis']);
    await createAccount(harness.apps, [{ role: 'curator', scopeKind: 'school', scopeValue: b.id }]);
    const supView = await supervisor.get(`/api/cycles/${created.body.id}`).expect(200);
    expect(supView.body.schools.map((s: { actions: string[] }) => s.actions)).toEqual([[], []]);
    // The curator granted a school is named on it (the dashboard filters by curator).
    expect(supView.body.schools.find((s: { id: string }) => s.id === b.id).curators).toEqual(['Тест curator']);
    expect(supView.body.schools.find((s: { id: string }) => s.id === a.id).curators).toEqual([]);
    expect(supView.body.schools.map((s: { id: string }) => s.id).sort()).toEqual([a.id, b.id].sort());

    const teamCycles = await team.get('/api/cycles').expect(200);
    expect(teamCycles.body).toEqual([expect.objectContaining({ id: created.body.id, schools: 1 })]);
  });

  it('lets an administrator list accounts and replace their grants, audited; others are refused', async () => {
    const person = await createAccount(harness.apps, [
      { role: 'curator', scopeKind: 'school', scopeValue: '00000000-0000-4000-8000-000000000001' },
    ]);
    const list = await harness.admin.get('/api/users').expect(200);
    expect(list.body).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: person.userId, email: person.email })]),
    );

    const updated = await harness.admin
      .request('put', `/api/users/${person.userId}`)
      .send({ displayName: 'Петрова Анна', grants: [{ role: 'supervisor', scopeKind: 'global' }] })
      .expect(200);
    expect(updated.body).toMatchObject({
      displayName: 'Петрова Анна',
      grants: [{ role: 'supervisor', scopeKind: 'global', scopeValue: null }],
    });
    const audit = await harness.db.query(
      "SELECT details FROM audit_log WHERE action = 'user.update' AND target_id = $1",
      [person.userId],
    );
    expect(audit.rows[0].details.after).toEqual([{ role: 'supervisor', scopeKind: 'global', scopeValue: null }]);

    const invalid = await harness.admin
      .request('put', `/api/users/${person.userId}`)
      .send({ grants: [{ role: 'curator', scopeKind: 'global' }] })
      .expect(400);
    expect(invalid.body.details[0]).toMatch(/^grants\[0\]: /);
    const unchanged = await harness.admin.get('/api/users').expect(200);
    expect(unchanged.body.find((u: { id: string }) => u.id === person.userId).grants).toEqual(updated.body.grants);

    await harness.admin
      .request('put', '/api/users/00000000-0000-4000-8000-00000000abcd')
      .send({ grants: [{ role: 'supervisor', scopeKind: 'global' }] })
      .expect(404);
    const curator = await sessionClient(
      harness.apps,
      await createAccount(harness.apps, [
        { role: 'regional_coordinator', scopeKind: 'region', scopeValue: 'Иркутская область' },
      ]),
    );
    await curator.get('/api/users').expect(403);
  });

  it('serves the web app at / with a fallback for its own paths, but never for /api', async () => {
    const http = () => harness.admin;
    const page = await http().get('/cycles/1/events/2').expect(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toContain('<div id="root">');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const reset = await http().get('/reset-password?token=abc').expect(200);
    expect(reset.text).toContain('<div id="root">');
    const api = await http().get('/api/no-such-route').expect(404);
    expect(api.headers['content-type']).toMatch(/json/);
  });
});
