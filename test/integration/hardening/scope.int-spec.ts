import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { clientWith, createAccount, sessionClient, type ApiClient } from '../../support/auth-clients';
import { useHarness } from '../../support/test-harness';

const SEED = path.resolve(__dirname, '../../fixtures/roadmaps/irkutsk-city-2023.txt');
const suffix = randomUUID().slice(0, 8);
const A = `г. Иркутск ${suffix}`;
const B = `г. Ангарск ${suffix}`;

function cycleBody(title: string, municipality: string, schools: string[]) {
  return {
    title,
    year: 2026,
    timezone: 'Asia/Irkutsk',
    municipality,
    schools: schools.map((name) => ({ name, category: 'shnor' })),
    events: [
      {
        number: '1',
        title: 'Самодиагностика',
        opensAt: '2026-11-01T00:00:00+08:00',
        deadline: '2026-12-20T23:59:59+08:00',
        executors: [{ name: 'МКУ «ИМЦРО»' }],
      },
    ],
  };
}

describe('scope and disclosure: nothing outside the scope shows, names compared one way, regions and roadmaps scoped', () => {
  const harness = useHarness();
  let coordA: ApiClient;
  let coordB: ApiClient;

  beforeAll(async () => {
    coordA = await clientWith(harness.apps, [
      { role: 'municipal_coordinator', scopeKind: 'municipality', scopeValue: A },
    ]);
    coordB = await clientWith(harness.apps, [
      { role: 'municipal_coordinator', scopeKind: 'municipality', scopeValue: B },
    ]);
  });

  it('a school action answers out of scope exactly as for a school that does not exist', async () => {
    const cycle = (
      await coordA
        .post('/api/cycles')
        .send(cycleBody('Секретный цикл', A, ['Школа Секретная', 'Школа Вторая']))
        .expect(201)
    ).body as { id: string; schools: { id: string; name: string }[] };
    const [secret, second] = cycle.schools;
    const outsider = await clientWith(harness.apps, [
      { role: 'school_team', scopeKind: 'school', scopeValue: randomUUID() },
    ]);
    const neighbour = await clientWith(harness.apps, [
      { role: 'school_team', scopeKind: 'school', scopeValue: second.id },
    ]);
    const stage = (schoolId: string) => `/api/schools/${schoolId}/self-diagnosis`;
    const body = { answers: [{ directionId: 'low_motivation', confirmed: false, justification: 'нет', measures: '' }] };

    const ghost = randomUUID();
    const hidden = await outsider.post(stage(secret.id)).send(body).expect(404);
    const missing = await outsider.post(stage(ghost)).send(body).expect(404);
    expect(hidden.body).toEqual({ ...missing.body, message: missing.body.message.replace(ghost, secret.id) });

    const ghostSchool = randomUUID();
    const otherSchool = await neighbour.post(stage(secret.id)).send(body).expect(404);
    const noSchool = await neighbour.post(stage(ghostSchool)).send(body).expect(404);
    expect(otherSchool.body).toEqual({
      ...noSchool.body,
      message: noSchool.body.message.replace(ghostSchool, secret.id),
    });
    for (const res of [hidden, otherSchool]) {
      expect(JSON.stringify(res.body)).not.toMatch(/Секретн|Вторая/);
    }
  });

  it('a municipality spelled «  Г.  ИРКУТСК  » is the coordinator’s own, stored tidied, and its audit rows stay visible', async () => {
    const shouted = `  ${A.toUpperCase().replace(' ', '  ')}  `;
    const cycle = await coordA
      .post('/api/cycles')
      .send(cycleBody('Цикл с кривым названием', shouted, ['Школа']))
      .expect(201);
    expect(cycle.body.municipality).toBe(A.toUpperCase());
    const audit = await coordA.get('/api/audit').query({ action: 'cycle.create', targetId: cycle.body.id }).expect(200);
    expect(audit.body.items).toHaveLength(1);
    const foreign = await coordB.get('/api/audit').query({ targetId: cycle.body.id }).expect(200);
    expect(foreign.body.items).toHaveLength(0);
  });

  it('a regional grant counts only for the installation’s region', async () => {
    const refused = await harness.admin
      .post('/api/users')
      .send({
        email: `mars-${suffix}@example.ru`,
        displayName: 'Марсианин',
        grants: [{ role: 'regional_coordinator', scopeKind: 'region', scopeValue: 'Марсианская область' }],
      })
      .expect(400);
    expect(refused.body.details).toEqual([expect.stringContaining('регион «Марсианская область» не обслуживается')]);
    // One made before this rule (straight in the database) gives nothing.
    const mars = await sessionClient(
      harness.apps,
      await createAccount(harness.apps, [
        { role: 'regional_coordinator', scopeKind: 'region', scopeValue: 'Марсианская область' },
      ]),
    );
    await mars
      .post('/api/cycles')
      .send(cycleBody('Марс', A, []))
      .expect(403);
    await mars.get('/api/audit').expect(403);
    const irkutsk = await clientWith(harness.apps, [
      { role: 'regional_coordinator', scopeKind: 'region', scopeValue: 'иркутская  область' },
    ]);
    await irkutsk.get('/api/audit').expect(200);
  });

  it('roadmaps belong to a municipality: reads outside it look like a missing roadmap, writes are audited', async () => {
    const preview = await coordA.post('/api/roadmaps/import').attach('file', SEED).expect(201);
    const stored = await coordA.post('/api/roadmaps').send(preview.body.roadmap).expect(201);
    expect(stored.body.municipality).toBe(A);
    const id: string = stored.body.id;
    const ghost = randomUUID();
    const missing = await coordB.get(`/api/roadmaps/${ghost}`).expect(404);
    const hidden = await coordB.get(`/api/roadmaps/${id}`).expect(404);
    expect(hidden.body).toEqual({ ...missing.body, message: missing.body.message.replace(ghost, id) });
    await coordB.get(`/api/roadmaps/${id}/export`).expect(404);
    await coordB.post(`/api/roadmaps/${id}/cycles`).send({}).expect(404);
    await coordB.post('/api/roadmaps').query({ municipality: A }).send(preview.body.roadmap).expect(403);

    const supervisorB = await clientWith(harness.apps, [
      { role: 'supervisor', scopeKind: 'municipality', scopeValue: B },
    ]);
    await supervisorB.get(`/api/roadmaps/${id}`).expect(404);
    const supervisorA = await clientWith(harness.apps, [
      { role: 'supervisor', scopeKind: 'municipality', scopeValue: A },
    ]);
    await supervisorA.get(`/api/roadmaps/${id}/export`).expect(200);
    await coordA.get(`/api/roadmaps/${id}`).expect(200);

    const audit = await coordA.get('/api/audit').query({ action: 'roadmap.create', targetId: id }).expect(200);
    expect(audit.body.items).toEqual([expect.objectContaining({ outcome: 'success', municipality: A })]);
    const denied = await harness.admin
      .get('/api/audit')
      .query({ outcome: 'denied', actorEmail: coordB.account!.email })
      .expect(200);
    expect(denied.body.items.map((i: { action: string }) => i.action)).toContain('GET /api/roadmaps/:id');
  });
});
