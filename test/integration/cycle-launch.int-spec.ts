import { Client, Connection } from '@temporalio/client';
import { schoolWorkflowId } from '@orientir/contracts';
import { useHarness } from '../support/test-harness';
import { launchCompleted } from '../support/launch.util';
import { eventually } from '../support/poll.util';

const DAY = 24 * 60 * 60 * 1000;

function cycleBody(title: string) {
  const now = Date.now();
  return {
    title,
    year: new Date(now).getUTCFullYear(),
    timezone: 'Asia/Irkutsk',
    schools: ['МБОУ СОШ № 11', 'МБОУ СОШ № 12', 'МБОУ СОШ № 13'].map((name) => ({ name, category: 'shnor' })),
    events: ['1', '2'].map((number) => ({
      number,
      title: `Мероприятие ${number}`,
      opensAt: new Date(now + 10 * DAY).toISOString(),
      deadline: new Date(now + 40 * DAY).toISOString(),
      executors: [{ name: 'МКУ «ИМЦРО»' }],
    })),
  };
}

/** The durable launch over HTTP: progress N of M, relaunch restarts only what failed or was terminated. */
describe('cycle launch and relaunch', () => {
  const harness = useHarness();
  let temporal: Client;

  beforeAll(async () => {
    const { address, namespace } = harness.apps.config.temporal;
    temporal = new Client({ connection: await Connection.connect({ address }), namespace });
  });
  afterAll(async () => {
    await temporal?.connection.close();
  });

  const runs = async (workflowId: string) => {
    let n = 0;
    for await (const _ of temporal.workflow.list({ query: `WorkflowId = "${workflowId}"` })) n += 1;
    return n;
  };

  it('answers at once with the launch, reports N of M, and a relaunch restarts a terminated school only', async () => {
    const created = await harness.admin
      .post('/api/cycles')
      .send(cycleBody(`Перезапуск ${Date.now()}`))
      .expect(201);
    const cycleId: string = created.body.id;
    expect(created.body.launch.status).toBe('pending');
    const first = await launchCompleted(harness.admin, cycleId);
    expect(first).toMatchObject({ total: 5, done: 5, started: 5, existing: 0, failed: 0 });
    const rows = await harness.db.query('SELECT status, total, started FROM cycle_launches WHERE cycle_id = $1', [
      cycleId,
    ]);
    expect(rows.rows).toEqual([{ status: 'completed', total: 5, started: 5 }]);

    // A school's workflow terminated by hand (or failed) is what a relaunch is for.
    const [victim] = created.body.schools as { id: string }[];
    const victimId = schoolWorkflowId(cycleId, victim!.id);
    await eventually('the school projected', async () =>
      (await harness.db.query('SELECT 1 FROM school_progress WHERE school_id = $1', [victim!.id])).rowCount
        ? true
        : undefined,
    );
    await temporal.workflow.getHandle(victimId).terminate('проверка перезапуска');
    await harness.db.query(`UPDATE school_progress SET stage = 'expertise' WHERE school_id = $1`, [victim!.id]);

    const relaunch = await harness.admin.post(`/api/cycles/${cycleId}/launch`).expect(202);
    const second = await launchCompleted(harness.admin, cycleId, relaunch.body.id);
    expect(second).toMatchObject({ total: 5, started: 1, existing: 4, failed: 0 });
    // The restarted run projects from sequence 1 again, and its first snapshot lands.
    await eventually('the restarted school projected', async () => {
      const r = await harness.db.query('SELECT stage FROM school_progress WHERE school_id = $1', [victim!.id]);
      return r.rows[0]?.stage === 'risk_profile' ? true : undefined;
    });
    await eventually('two runs of the terminated school, one of every other', async () => {
      const counts = await Promise.all(
        (created.body.schools as { id: string }[]).map((s) => runs(schoolWorkflowId(cycleId, s.id))),
      );
      return counts[0] === 2 && counts[1] === 1 && counts[2] === 1 ? true : undefined;
    });
    const audit = await harness.db.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'cycle.launch' AND target_id = $1`,
      [cycleId],
    );
    expect(audit.rows[0].n).toBe(1);
  });

  it('adds a school to a running cycle: stored, its workflow started once, listed; a second copy is refused', async () => {
    const created = await harness.admin
      .post('/api/cycles')
      .send(cycleBody(`Добавление школы ${Date.now()}`))
      .expect(201);
    const cycleId: string = created.body.id;
    await launchCompleted(harness.admin, cycleId);
    const added = await harness.admin
      .post(`/api/cycles/${cycleId}/schools`)
      .send({ name: 'МБОУ СОШ № 14', category: 'risk_zone', curators: [{ name: 'Сидорова Ольга Петровна' }] })
      .expect(201);
    expect(added.body).toMatchObject({ name: 'МБОУ СОШ № 14', started: true });
    expect(added.body.workflowId).toBe(schoolWorkflowId(cycleId, added.body.id));
    await eventually('the added school projected', async () => {
      const r = await harness.db.query('SELECT stage FROM school_progress WHERE school_id = $1', [added.body.id]);
      return r.rows[0]?.stage === 'risk_profile' ? true : undefined;
    });
    const listed = await harness.admin.get(`/api/cycles/${cycleId}/schools?search=14`).expect(200);
    expect(listed.body.items).toEqual([
      expect.objectContaining({ id: added.body.id, stage: 'risk_profile', curators: ['Сидорова Ольга Петровна'] }),
    ]);
    const again = await harness.admin
      .post(`/api/cycles/${cycleId}/schools`)
      .send({ name: 'мбоу  сош № 14', category: 'shnor' })
      .expect(400);
    expect(again.body).toMatchObject({
      error: 'DUPLICATE_ROW',
      message: 'Школа «мбоу  сош № 14» уже участвует в цикле',
    });
    // A relaunch finds it running: nothing is started twice.
    const relaunch = await harness.admin.post(`/api/cycles/${cycleId}/launch`).expect(202);
    expect(await launchCompleted(harness.admin, cycleId, relaunch.body.id)).toMatchObject({
      total: 6,
      started: 0,
      existing: 6,
    });
    expect(await runs(added.body.workflowId)).toBe(1);
  });

  it('never runs two launches of a cycle at once: while one is under way a relaunch answers that one', async () => {
    const created = await harness.admin
      .post('/api/cycles')
      .send(cycleBody(`Двойной запуск ${Date.now()}`))
      .expect(201);
    const cycleId: string = created.body.id;
    await launchCompleted(harness.admin, cycleId);
    // With no worker polling, a new launch stays pending or running: every relaunch meanwhile gets it.
    await harness.apps.worker.close();
    const answers = await Promise.all(
      [1, 2, 3].map(() => harness.admin.post(`/api/cycles/${cycleId}/launch`).expect(202)),
    );
    const ids = new Set(answers.map((a) => a.body.id as string));
    expect(ids.size).toBe(1);
    expect(['pending', 'running']).toContain(answers[0]!.body.status);
    const active = await harness.db.query(
      `SELECT count(*)::int AS n FROM cycle_launches WHERE cycle_id = $1 AND status IN ('pending', 'running')`,
      [cycleId],
    );
    expect(active.rows[0].n).toBe(1);
  });
});
