import { randomUUID } from 'node:crypto';
import { Client as PgClient } from 'pg';
import { issueToken } from '@orientir/credentials';
import { CredentialStore } from '@orientir/persistence';
import { ADMIN, ApiClient, clientWith, createAccount, sessionClient } from '../support/auth-clients';
import { startOrientirApps, type OrientirApps } from '../support/orientir-apps';
import { eventually } from '../support/poll.util';
import { launchCompleted } from '../support/launch.util';
import { testEnv } from '../setup/test-infrastructure';

const DAY = 24 * 60 * 60 * 1000;
const A = `Муниципалитет А ${randomUUID().slice(0, 8)}`;
const B = `Муниципалитет Б ${randomUUID().slice(0, 8)}`;

function cyclePayload(
  title: string,
  municipality: string | undefined,
  schools: { name: string; municipality?: string }[],
) {
  const now = Date.now();
  return {
    title,
    year: 2026,
    timezone: 'Asia/Irkutsk',
    ...(municipality ? { municipality } : {}),
    schools: schools.map((s) => ({ ...s, category: 'shnor' })),
    events: [
      {
        number: '1',
        title: 'Самодиагностика',
        opensAt: new Date(now + 30 * DAY).toISOString(),
        deadline: new Date(now + 60 * DAY).toISOString(),
        executors: [{ name: 'МКУ «ИМЦРО»' }],
      },
      {
        number: '2',
        title: 'Методический десант',
        opensAt: new Date(now + 30 * DAY).toISOString(),
        deadline: new Date(now + 60 * DAY).toISOString(),
        executors: [{ name: 'Отдел образования' }],
      },
    ],
  };
}

interface CycleBody {
  id: string;
  municipality: string | null;
  schools: { id: string; name: string }[];
  events: { id: string; number: string; executorLinks: { name: string; organisationId: string | null }[] }[];
}

describe('access scope: municipality, school, curator, executor, supervisor', () => {
  let apps: OrientirApps;
  let db: PgClient;
  let admin: ApiClient;
  let coordA: ApiClient;
  let coordB: ApiClient;
  let cycleA: CycleBody;
  let cycleB: CycleBody;

  beforeAll(async () => {
    apps = await startOrientirApps();
    db = new PgClient({ connectionString: testEnv('databaseUrl') });
    await db.connect();
    admin = await clientWith(apps, ADMIN);
    coordA = await clientWith(apps, [{ role: 'municipal_coordinator', scopeKind: 'municipality', scopeValue: A }]);
    coordB = await clientWith(apps, [{ role: 'municipal_coordinator', scopeKind: 'municipality', scopeValue: B }]);
    cycleA = (
      await coordA
        .post('/api/cycles')
        .send(cyclePayload('Цикл А', A, [{ name: 'Школа А1' }, { name: 'Школа А2' }]))
        .expect(201)
    ).body as CycleBody;
    cycleB = (
      await coordB
        .post('/api/cycles')
        .send(cyclePayload('Цикл Б', B, [{ name: 'Школа Б1' }]))
        .expect(201)
    ).body as CycleBody;
  });

  afterAll(async () => {
    await db?.end();
    await apps?.close();
  });

  it("a municipal coordinator's session cannot read, launch or create another municipality's cycles", async () => {
    expect(
      (await coordA.get(`/api/cycles/${cycleA.id}`).expect(200)).body.schools.map((s: { name: string }) => s.name),
    ).toEqual(['Школа А1', 'Школа А2']);
    // Outside the scope a cycle looks as if it did not exist.
    const read = await coordA.get(`/api/cycles/${cycleB.id}`).expect(404);
    expect(read.body).toEqual({ error: 'CYCLE_NOT_FOUND', message: `Цикл ${cycleB.id} не найден`, details: [] });
    await coordA.post(`/api/cycles/${cycleB.id}/launch`).expect(404);
    await coordA
      .post('/api/cycles')
      .send(cyclePayload('Чужой', B, []))
      .expect(403);
    const region = await coordA
      .post('/api/cycles')
      .send(cyclePayload('Региональный', undefined, []))
      .expect(403);
    expect(region.body.error).toBe('OUT_OF_SCOPE');
  });

  it('a municipal coordinator may not slip a school of another municipality into its cycle', async () => {
    const res = await coordA
      .post('/api/cycles')
      .send(cyclePayload('Смешанный', A, [{ name: 'Школа', municipality: B }]))
      .expect(403);
    expect(res.body.details).toEqual([expect.stringMatching(/^schools\[0\]\.municipality: /)]);
  });

  it('in a region-wide cycle a municipal coordinator sees only its own schools and cannot launch', async () => {
    const regional = await clientWith(apps, [
      { role: 'regional_coordinator', scopeKind: 'region', scopeValue: 'Иркутская область' },
    ]);
    const cycle = (
      await regional
        .post('/api/cycles')
        .send(
          cyclePayload('Регион', undefined, [
            { name: 'Р-А', municipality: A },
            { name: 'Р-Б', municipality: B },
          ]),
        )
        .expect(201)
    ).body as CycleBody;
    const seen = (await coordA.get(`/api/cycles/${cycle.id}`).expect(200)).body as CycleBody;
    expect(seen.schools.map((s) => s.name)).toEqual(['Р-А']);
    await coordA.post(`/api/cycles/${cycle.id}/launch`).expect(403);
  });

  it('a school team sees only its school; a curator only its schools; an executor only its events', async () => {
    const [a1, a2] = cycleA.schools;
    const team = await clientWith(apps, [{ role: 'school_team', scopeKind: 'school', scopeValue: a1.id }]);
    const teamView = (await team.get(`/api/cycles/${cycleA.id}`).expect(200)).body as CycleBody;
    expect(teamView.schools.map((s) => s.id)).toEqual([a1.id]);
    await team.get(`/api/cycles/${cycleB.id}`).expect(404);

    const curator = await clientWith(apps, [
      { role: 'curator', scopeKind: 'school', scopeValue: a2.id },
      { role: 'curator', scopeKind: 'school', scopeValue: cycleB.schools[0].id },
    ]);
    expect(
      ((await curator.get(`/api/cycles/${cycleA.id}`).expect(200)).body as CycleBody).schools.map((s) => s.id),
    ).toEqual([a2.id]);
    expect(
      ((await curator.get(`/api/cycles/${cycleB.id}`).expect(200)).body as CycleBody).schools.map((s) => s.name),
    ).toEqual(['Школа Б1']);

    // An executor's grant names its directory organisation, never a name.
    const organisationOf = (cycle: CycleBody, number: string): string => {
      const id = cycle.events.find((e) => e.number === number)?.executorLinks[0]?.organisationId;
      if (!id) throw new Error(`event ${number} of «${cycle.id}» has no organisation`);
      return id;
    };
    const executor = await clientWith(apps, [
      { role: 'executor', scopeKind: 'organisation', scopeValue: organisationOf(cycleA, '1') },
    ]);
    const executorView = (await executor.get(`/api/cycles/${cycleA.id}`).expect(200)).body as CycleBody;
    expect(executorView.events.map((e) => e.number)).toEqual(['1']);
    expect(executorView.schools).toEqual([]);
  });

  it("an executor organisation named like another municipality's sees nothing of the other", async () => {
    const ownOffice = cycleA.events.find((e) => e.number === '2')?.executorLinks[0];
    const otherOffice = cycleB.events.find((e) => e.number === '2')?.executorLinks[0];
    expect(ownOffice?.name).toBe(otherOffice?.name);
    expect(ownOffice?.organisationId).toBeTruthy();
    expect(ownOffice?.organisationId).not.toBe(otherOffice?.organisationId);
    const executor = await clientWith(apps, [
      { role: 'executor', scopeKind: 'organisation', scopeValue: ownOffice?.organisationId ?? '' },
    ]);
    const own = (await executor.get(`/api/cycles/${cycleA.id}`).expect(200)).body as CycleBody;
    expect(own.events.map((e) => e.number)).toEqual(['2']);
    const other = await executor.get(`/api/cycles/${cycleB.id}`);
    expect([403, 404]).toContain(other.status);
    expect(JSON.stringify(other.body)).not.toContain('Методический десант');
  });

  it('a supervisor reads but cannot launch', async () => {
    const supervisor = await clientWith(apps, [{ role: 'supervisor', scopeKind: 'global', scopeValue: null }]);
    expect(((await supervisor.get(`/api/cycles/${cycleB.id}`).expect(200)).body as CycleBody).schools).toHaveLength(1);
    expect((await supervisor.post(`/api/cycles/${cycleA.id}/launch`).expect(403)).body.error).toBe('ROLE_NOT_ALLOWED');
  });

  it('school actions reach the workflow only after the API checked role and school; the workflow checks stage and actor', async () => {
    const [a1, a2] = cycleA.schools;
    const at = (schoolId: string, action: string) => `/api/schools/${schoolId}/${action}`;
    await eventually('school workflows projected', async () =>
      (await admin.get(`/api/cycles/${cycleA.id}`)).body.schools.every(
        (s: { stage: string }) => s.stage === 'risk_profile',
      )
        ? true
        : undefined,
    );
    const team = await clientWith(apps, [{ role: 'school_team', scopeKind: 'school', scopeValue: a1.id }]);
    const otherTeam = await clientWith(apps, [{ role: 'school_team', scopeKind: 'school', scopeValue: a2.id }]);
    const answers = [{ directionId: 'low_motivation', confirmed: true, justification: 'ВПР', measures: 'Кружки' }];

    expect((await otherTeam.post(at(a1.id, 'self-diagnosis')).send({ answers }).expect(404)).body.error).toBe(
      'SCHOOL_YEAR_NOT_FOUND',
    );
    expect(
      (
        await coordB
          .post(at(a1.id, 'risk-profile'))
          .send({ flaggedDirections: ['low_motivation'] })
          .expect(404)
      ).body.error,
    ).toBe('SCHOOL_YEAR_NOT_FOUND');
    // A school team may not enter the risk profile at all…
    expect(
      (
        await team
          .post(at(a1.id, 'risk-profile'))
          .send({ flaggedDirections: ['low_motivation'] })
          .expect(403)
      ).body.error,
    ).toBe('ROLE_NOT_ALLOWED');
    // …and its self-diagnosis is refused by the workflow while the school is still at the risk profile.
    const early = await team.post(at(a1.id, 'self-diagnosis')).send({ answers }).expect(409);
    expect(early.body).toMatchObject({
      error: 'SCHOOL_ACTION_REJECTED',
      message: expect.stringMatching(/Рисковый профиль/),
    });

    const profiled = await coordA
      .post(at(a1.id, 'risk-profile'))
      .send({ flaggedDirections: ['low_motivation'] })
      .expect(200);
    expect(profiled.body).toMatchObject({ stage: 'self_diagnosis', flaggedDirections: ['low_motivation'] });
    expect(
      (
        await team
          .post(at(a1.id, 'self-diagnosis'))
          .send({ answers: [{ directionId: 'low_motivation' }] })
          .expect(400)
      ).body.error,
    ).toBe('VALIDATION_FAILED');
    const submitted = await team.post(at(a1.id, 'self-diagnosis')).send({ answers }).expect(200);
    expect(submitted.body).toMatchObject({ stage: 'concept_documents', confirmedDirections: ['low_motivation'] });
    // The read model already shows it (the projection is written before the Update answers).
    expect((await team.get(`/api/schools/${a1.id}`).expect(200)).body.state.stage).toBe('concept_documents');
  });

  it('audit: each coordinator reads its own municipality only, and the table refuses UPDATE and DELETE', async () => {
    const mine = (await coordA.get('/api/audit').query({ action: 'cycle.create' }).expect(200)).body as {
      items: { targetId: string; municipality: string }[];
    };
    expect(mine.items.map((i) => i.targetId)).toContain(cycleA.id);
    expect(mine.items.every((i) => i.municipality === A)).toBe(true);
    const theirs = (await coordB.get('/api/audit').expect(200)).body as { items: { targetId: string }[] };
    expect(theirs.items.map((i) => i.targetId)).not.toContain(cycleA.id);
    const all = (await admin.get('/api/audit').query({ targetId: cycleA.id }).expect(200)).body as {
      items: { action: string; ip: string }[];
    };
    expect(all.items.map((i) => i.action)).toEqual(expect.arrayContaining(['cycle.create']));
    await coordA.get('/api/audit').query({ limit: 'много' }).expect(400);

    await expect(db.query(`UPDATE audit_log SET outcome = 'success' WHERE municipality = $1`, [A])).rejects.toThrow(
      /append-only/,
    );
    await expect(db.query(`DELETE FROM audit_log WHERE municipality = $1`, [A])).rejects.toThrow(/append-only/);
    await expect(db.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
  });

  it('records denials in the audit log', async () => {
    await coordA.get(`/api/cycles/${cycleB.id}`).expect(404);
    const denied = (
      await admin.get('/api/audit').query({ outcome: 'denied', actorEmail: coordA.account!.email }).expect(200)
    ).body as { items: { action: string }[] };
    expect(denied.items.map((i) => i.action)).toContain('GET /api/cycles/:id');
  });

  it('a cookie-authenticated write needs the CSRF header; a bearer token does not', async () => {
    const account = await createAccount(apps, [
      { role: 'municipal_coordinator', scopeKind: 'municipality', scopeValue: A },
    ]);
    const browser = await sessionClient(apps, account);
    const session = (browser as unknown as { headers: Record<string, string> }).headers.Cookie;
    const request = (await import('supertest')).default;
    const noHeader = await request(apps.api.getHttpServer())
      .post(`/api/cycles/${cycleA.id}/launch`)
      .set('Cookie', session)
      .expect(403);
    expect(noHeader.body.error).toBe('CSRF_FAILED');
    const wrong = await request(apps.api.getHttpServer())
      .post(`/api/cycles/${cycleA.id}/launch`)
      .set('Cookie', session)
      .set('X-CSRF-Token', issueToken('csrf').token);
    expect(wrong.status).toBe(403);
    // Reads need no CSRF token.
    await request(apps.api.getHttpServer()).get(`/api/cycles/${cycleA.id}`).set('Cookie', session).expect(200);

    const issued = issueToken('api');
    await apps.api.get(CredentialStore).createApiToken({
      userId: account.userId,
      name: 'скрипт',
      tokenHash: issued.hash,
      expiresAt: new Date(Date.now() + DAY),
    });
    const launched = await request(apps.api.getHttpServer())
      .post(`/api/cycles/${cycleA.id}/launch`)
      .set('Authorization', `Bearer ${issued.token}`)
      .expect(202);
    const relaunch = await launchCompleted(admin, cycleA.id, launched.body.id);
    expect(relaunch).toMatchObject({ started: 0, existing: 4 });
    await request(apps.api.getHttpServer())
      .post(`/api/cycles/${cycleB.id}/launch`)
      .set('Authorization', `Bearer ${issued.token}`)
      .expect(404);
  });
});
