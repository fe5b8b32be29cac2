// Issue 11 follow-up: the assignment is the authority. A person the coordinator names as a document's
// expert reads that school (page, timeline, files) and reviews there without a grant of its own; not
// another school of the cycle; and no longer once the coordinator names someone else.
import { randomUUID } from 'node:crypto';
import { clientWith, createAccount, sessionClient, type ApiClient } from '../support/auth-clients';
import { eventually } from '../support/poll.util';
import { schoolToExpertise } from '../support/school-year.util';
import { useHarness } from '../support/test-harness';

const DAY = 24 * 60 * 60 * 1000;

describe('an assigned expert reads and reviews the school it is assigned, and only while assigned', () => {
  const harness = useHarness();
  const municipality = `г. Назначенск ${randomUUID().slice(0, 6)}`;
  let coordinator: ApiClient;
  let cycleId: string;
  let assigned: string;
  let other: string;

  const stageOf = async (schoolId: string) =>
    (await harness.db.query('SELECT stage FROM school_progress WHERE school_id = $1', [schoolId])).rows[0]?.stage as
      string | undefined;

  beforeAll(async () => {
    coordinator = await clientWith(harness.apps, [
      { role: 'municipal_coordinator', scopeKind: 'municipality', scopeValue: municipality },
    ]);
    const created = await coordinator
      .post('/api/cycles')
      .send({
        title: `Эксперт без доступа ${randomUUID().slice(0, 6)}`,
        year: new Date().getUTCFullYear(),
        timezone: 'Asia/Irkutsk',
        municipality,
        schools: [
          { name: 'МБОУ «СОШ № 7»', category: 'shnor' },
          { name: 'МБОУ «СОШ № 8»', category: 'shnor' },
        ],
        events: [
          {
            number: '1',
            title: 'Экспертиза концептуальных документов школ',
            opensAt: new Date(Date.now() + 5 * DAY).toISOString(),
            deadline: new Date(Date.now() + 60 * DAY).toISOString(),
            executors: [{ name: 'МКУ «ИМЦРО»' }],
          },
        ],
      })
      .expect(201);
    cycleId = created.body.id;
    [assigned, other] = created.body.schools.map((s: { id: string }) => s.id);
    // The launch runs in the background: both schools' workflows must have projected their first stage.
    for (const school of [assigned, other]) {
      await eventually(`school ${school} at the risk profile`, async () =>
        (await stageOf(school)) === 'risk_profile' ? true : undefined,
      );
    }
  });

  it('reads, downloads and reviews with the assignment alone; not another school; not after reassignment', async () => {
    await schoolToExpertise(harness.apps, coordinator, cycleId, assigned);
    await schoolToExpertise(harness.apps, coordinator, cycleId, other);
    const expertAccount = await createAccount(harness.apps, []);
    const expert = await sessionClient(harness.apps, expertAccount);

    // No grant, no assignment: nothing to see.
    await expert.get(`/api/schools/${assigned}`).expect(403);

    await coordinator
      .request('put', `/api/schools/${assigned}/documents/development_concept/expert`)
      .send({ expert: { userId: expertAccount.userId } })
      .expect(200);

    // The school's page, with the review it may take, its timeline and files.
    const page = await expert.get(`/api/schools/${assigned}`).expect(200);
    expect(page.body.actions).toContain('reviewDocument');
    // Only its own document: the other one stays the curator's.
    expect(page.body.reviewDocuments).toEqual(['development_concept']);
    await expert.get(`/api/schools/${assigned}/timeline`).expect(200);
    const files = await expert.get(`/api/cycles/${cycleId}/schools/${assigned}/files`).expect(200);
    const concept = files.body.find((f: { purpose: string }) => f.purpose === 'development_concept');
    expect(concept).toBeDefined();
    const content = await expert.get(`/api/files/${concept.id}/content`).expect(200);
    expect(content.headers['content-type']).toContain('application/pdf');
    // The cycle shows only that school, with the expert among its reviewers («На экспертизе»).
    const cycle = await expert.get(`/api/cycles/${cycleId}`).expect(200);
    expect(cycle.body.schools.map((s: { id: string }) => s.id)).toEqual([assigned]);
    expect(cycle.body.schools[0].reviewerUserIds).toContain(expertAccount.userId);
    expect(((await expert.get('/api/cycles').expect(200)).body as { id: string }[]).map((c) => c.id)).toContain(
      cycleId,
    );

    // Another school of the same cycle answers like a missing one, its files too.
    await expert.get(`/api/schools/${other}`).expect(404);
    await expert.get(`/api/cycles/${cycleId}/schools/${other}/files`).expect(404);
    const otherFiles = await coordinator.get(`/api/cycles/${cycleId}/schools/${other}/files`).expect(200);
    await expert.get(`/api/files/${otherFiles.body[0].id}/content`).expect(404);
    await expert
      .post(`/api/schools/${other}/documents/development_concept/review`)
      .send({ decision: 'approve' })
      .expect(404);

    // The review itself: the workflow takes it from the assigned expert.
    const reviewed = await expert
      .post(`/api/schools/${assigned}/documents/development_concept/review`)
      .send({ decision: 'return', remarks: 'Нет целевых показателей по направлениям риска' })
      .expect(200);
    const doc = reviewed.body.documents.find((d: { key: string }) => d.key === 'development_concept');
    expect(doc).toMatchObject({ status: 'returned' });
    expect(doc.reviews.at(-1)).toMatchObject({ decision: 'return', by: { userId: expertAccount.userId } });

    // The coordinator gives the document back to the curator: the expert's access ends with it.
    await coordinator
      .request('put', `/api/schools/${assigned}/documents/development_concept/expert`)
      .send({ expert: null })
      .expect(200);
    await expert.get(`/api/schools/${assigned}`).expect(403);
    await expert.get(`/api/cycles/${cycleId}/schools/${assigned}/files`).expect(403);
    await expert.get(`/api/files/${concept.id}/content`).expect(403);
  });
});
