// Issue 13 follow-up: in a region-wide cycle the chain's «муниципальный координатор» step reaches the
// municipal coordinators of the school's municipality (school letters) or of the executor
// organisation's municipality (event letters); a municipality without any falls back as the chain
// says (the regional coordinators, at once and only once), or, with no later step, to nobody. The real
// activities over PostgreSQL and the outbox; the workflows only call them (see escalation-chain).
import { randomUUID } from 'node:crypto';
import { MockActivityEnvironment } from '@temporalio/testing';
import { eventWorkflowId, schoolWorkflowId, type SchoolNoticeInput } from '@orientir/contracts';
import { escalationKey } from '@orientir/domain';
import { DirectoryStore } from '@orientir/persistence';
import { clientWith, type ApiClient } from '../support/auth-clients';
import { useHarness } from '../support/test-harness';
import { workerActivities } from '../support/worker-activities.util';

describe('a region-wide cycle escalates to the municipal coordinators of the item’s municipality', () => {
  const harness = useHarness();
  const tag = randomUUID().slice(0, 8);
  const A = `Район с координатором ${tag}`;
  const B = `Район без координатора ${tag}`;
  let coordinatorA: ApiClient;
  let regional: ApiClient;
  let cycleId: string;
  let eventA: string;
  let eventB: string;
  let schoolA: string;
  let schoolB: string;
  let activities: ReturnType<typeof workerActivities>;
  const run = new MockActivityEnvironment();

  const letters = async (keyPrefix: string) =>
    (
      await harness.db.query<{ to: string; key: string; kind: string; text: string }>(
        `SELECT recipients[1] AS "to", idempotency_key AS key, kind, text_body AS text FROM mail_outbox
          WHERE idempotency_key LIKE $1 ORDER BY idempotency_key`,
        [`${keyPrefix}%`],
      )
    ).rows;
  const email = (client: ApiClient) => client.account!.email.toLowerCase();

  beforeAll(async () => {
    coordinatorA = await clientWith(harness.apps, [
      { role: 'municipal_coordinator', scopeKind: 'municipality', scopeValue: A },
    ]);
    regional = await clientWith(harness.apps, [
      { role: 'regional_coordinator', scopeKind: 'region', scopeValue: harness.apps.config.region },
    ]);
    const directory = harness.apps.api.get(DirectoryStore);
    const idA = (await directory.ensureMunicipality(A)).row.id;
    const idB = (await directory.ensureMunicipality(B)).row.id;
    const orgA = (await directory.ensureOrganisation(idA, `МКУ «ИМЦРО» ${tag}`)).row;
    const orgB = (await directory.ensureOrganisation(idB, `МБУ «ЦРО» ${tag}`)).row;
    const event = (number: string, org: { id: string; name: string }) => ({
      number,
      title: `Методический десант № ${number}`,
      opensAt: '2026-02-01',
      deadline: '2026-02-27',
      executors: [{ name: org.name, organisationId: org.id }],
    });
    const created = await regional
      .post('/api/cycles')
      .send({
        title: `Региональный цикл ${tag}`,
        year: 2026,
        timezone: 'Asia/Irkutsk',
        schools: [
          { name: `МБОУ «СОШ № 1» ${tag}`, category: 'shnor', municipality: A },
          { name: `МБОУ «СОШ № 2» ${tag}`, category: 'shnor', municipality: B },
        ],
        events: [event('1', orgA), event('2', orgB)],
      })
      .expect(201);
    expect(created.body.municipality).toBeNull();
    cycleId = created.body.id;
    [eventA, eventB] = created.body.events.map((e: { id: string }) => e.id);
    [schoolA, schoolB] = created.body.schools.map((s: { id: string }) => s.id);
    activities = workerActivities(harness.apps);
  });

  const escalateEvent = (eventId: string, level: 'municipal_coordinator' | 'regional_coordinator', occurrence = 0) =>
    run.run(activities.sendEventEscalation, {
      cycleId,
      eventId,
      workflowId: eventWorkflowId(cycleId, eventId),
      occurrenceIndex: occurrence,
      level,
      deadline: '2026-02-27T15:59:59.999Z',
      sentAt: new Date().toISOString(),
    });

  it('event letters: the executor’s municipal coordinators; none there → the regional ones once', async () => {
    await escalateEvent(eventA, 'municipal_coordinator');
    const toA = await letters(`${eventWorkflowId(cycleId, eventA)}/overdue/0/`);
    expect(toA).toEqual([
      expect.objectContaining({
        to: email(coordinatorA),
        key: `${eventWorkflowId(cycleId, eventA)}/overdue/0/municipal_coordinator/${email(coordinatorA)}`,
        kind: 'event-escalation',
      }),
    ]);

    // Municipality B has no coordinator: the chain's next step (regional) is told now, under its own key.
    const workflowB = eventWorkflowId(cycleId, eventB);
    await escalateEvent(eventB, 'municipal_coordinator');
    const fallback = await letters(`${workflowB}/overdue/0/`);
    expect(fallback.some((l) => l.to === email(coordinatorA))).toBe(false);
    expect(fallback.every((l) => l.key.startsWith(`${workflowB}/overdue/0/regional_coordinator/`))).toBe(true);
    expect(fallback.filter((l) => l.to === email(regional))).toHaveLength(1);
    // The regional step itself, days later, tells nobody a second time.
    await escalateEvent(eventB, 'regional_coordinator');
    expect((await letters(`${workflowB}/overdue/0/`)).filter((l) => l.to === email(regional))).toHaveLength(1);
  });

  it('school letters: the school’s municipal coordinators; none there → the regional ones, saying why', async () => {
    const notice = (schoolId: string): SchoolNoticeInput => ({
      workflowId: schoolWorkflowId(cycleId, schoolId),
      cycleId,
      schoolId,
      kind: 'overdue',
      audience: ['coordinator'],
      key: escalationKey('2026-05-31T15:59:59.999Z', 'municipal_coordinator'),
      stage: 'self_diagnosis',
      round: 1,
      dueAt: '2026-05-31T15:59:59.999Z',
      documentKey: null,
      remarks:
        'Письмо направлено по цепочке эскалации цикла (муниципальный координатор): просим проконтролировать выполнение.',
      curator: null,
      experts: [],
    });
    await run.run(activities.sendSchoolNotice, notice(schoolA));
    const toA = await letters(`${schoolWorkflowId(cycleId, schoolA)}/`);
    expect(toA.map((l) => [l.to, l.key])).toEqual([
      [
        email(coordinatorA),
        `${schoolWorkflowId(cycleId, schoolA)}/2026-05-31T15:59:59.999Z/escalation/municipal_coordinator/${email(coordinatorA)}`,
      ],
    ]);

    const workflowB = schoolWorkflowId(cycleId, schoolB);
    await run.run(activities.sendSchoolNotice, notice(schoolB));
    const toB = await letters(`${workflowB}/`);
    expect(toB.some((l) => l.to === email(coordinatorA))).toBe(false);
    const regionalLetter = toB.filter((l) => l.to === email(regional));
    expect(regionalLetter).toEqual([
      expect.objectContaining({
        key: `${workflowB}/2026-05-31T15:59:59.999Z/escalation/regional_coordinator/${email(regional)}`,
        kind: 'school-overdue',
        text: expect.stringContaining('нет муниципального координатора'),
      }),
    ]);
  });

  it('a chain without a later step after the municipal one tells nobody in place of a missing coordinator', async () => {
    await regional
      .request('put', `/api/cycles/${cycleId}/escalation-chain`)
      .send({
        steps: [
          { level: 'executor', afterWorkingDays: 1 },
          { level: 'municipal_coordinator', afterWorkingDays: 3 },
        ],
      })
      .expect(200);
    await escalateEvent(eventB, 'municipal_coordinator', 1);
    expect(await letters(`${eventWorkflowId(cycleId, eventB)}/overdue/1/`)).toEqual([]);
    // Municipality A still has its coordinator.
    await escalateEvent(eventA, 'municipal_coordinator', 1);
    expect((await letters(`${eventWorkflowId(cycleId, eventA)}/overdue/1/`)).map((l) => l.to)).toEqual([
      email(coordinatorA),
    ]);
  });
});
