import { useHarness } from '../support/test-harness';
import { clientWith } from '../support/auth-clients';
import { launchCompleted } from '../support/launch.util';
import { eventually } from '../support/poll.util';

const DAY = 24 * 60 * 60 * 1000;

interface ListBody {
  total: number;
  page: number;
  pageSize: number;
  items: {
    id: string;
    name: string;
    stage: string;
    round: number;
    overdue: boolean;
    dueAt: string | null;
    curators: string[];
    municipality: string | null;
  }[];
  byStage: { stage: string; schools: number; overdue: number }[];
  byMunicipality: {
    municipality: string | null;
    schools: number;
    overdue: number;
    stages: { stage: string; schools: number }[];
  }[];
}

/** GET /api/cycles/:id/schools answers from PostgreSQL: filters, paging, sorting, aggregates, scope. */
describe('cycle school list (read model)', () => {
  const harness = useHarness();
  let cycleId = '';
  let schools: { id: string; name: string }[] = [];

  beforeAll(async () => {
    const now = Date.now();
    const names = ['СОШ № 1', 'СОШ № 2', 'СОШ № 3', 'Гимназия № 4', 'Лицей № 5', 'СОШ № 16'];
    const created = await harness.admin
      .post('/api/cycles')
      .send({
        title: `Список школ ${now}`,
        year: new Date(now).getUTCFullYear(),
        timezone: 'Asia/Irkutsk',
        schools: names.map((name, i) => ({
          name,
          category: i % 2 ? 'risk_zone' : 'shnor',
          municipality: i < 4 ? 'г. Иркутск' : 'г. Ангарск',
        })),
        events: [
          {
            number: '1',
            title: 'Самодиагностика',
            opensAt: new Date(now + 5 * DAY).toISOString(),
            deadline: new Date(now + 30 * DAY).toISOString(),
            executors: [{ name: 'МКУ «ИМЦРО»' }],
          },
        ],
        curators: [{ name: 'Петрова Анна Ивановна', schools: ['СОШ № 1', 'Лицей № 5'] }],
      })
      .expect(201);
    cycleId = created.body.id;
    schools = created.body.schools;
    await launchCompleted(harness.admin, cycleId);
    await eventually('every school projected', async () => {
      const r = await harness.db.query('SELECT count(*)::int AS n FROM school_progress WHERE cycle_id = $1', [cycleId]);
      return r.rows[0].n === 6 ? true : undefined;
    });
    // What the school workflow projects later in its year: a stage, a round, a due date (two are past it).
    const byName = new Map(schools.map((s) => [s.name, s.id]));
    await harness.db.query(
      `UPDATE school_progress SET stage = 'expertise', round = 3, due_at = now() - interval '2 days' WHERE school_id = $1`,
      [byName.get('СОШ № 2')],
    );
    await harness.db.query(`UPDATE school_progress SET due_at = now() - interval '1 day' WHERE school_id = $1`, [
      byName.get('Лицей № 5'),
    ]);
    await harness.db.query(
      `UPDATE school_progress SET stage = 'completed', due_at = now() - interval '1 day' WHERE school_id = $1`,
      [byName.get('СОШ № 16')],
    );
    await harness.db.query(`UPDATE school_progress SET due_at = now() + interval '9 days' WHERE school_id = $1`, [
      byName.get('СОШ № 1'),
    ]);
  });

  const list = async (query: string, client = harness.admin): Promise<ListBody> =>
    (await client.get(`/api/cycles/${cycleId}/schools${query}`).expect(200)).body as ListBody;

  it('pages and sorts, and counts per stage and municipality over every match', async () => {
    const first = await list('?pageSize=4&sort=name');
    expect(first.total).toBe(6);
    expect(first.items.map((s) => s.name)).toEqual(['Гимназия № 4', 'Лицей № 5', 'СОШ № 1', 'СОШ № 2']);
    const second = await list('?pageSize=4&page=2&sort=name');
    // Numbers sort as numbers: «№ 16» after «№ 3».
    expect(second.items.map((s) => s.name)).toEqual(['СОШ № 3', 'СОШ № 16']);
    const byStage = await list('?sort=stage&direction=desc&pageSize=2');
    expect(byStage.items.map((s) => s.stage)).toEqual(['completed', 'expertise']);
    expect(byStage.byStage).toEqual([
      { stage: 'risk_profile', schools: 4, overdue: 1 },
      { stage: 'expertise', schools: 1, overdue: 1 },
      { stage: 'completed', schools: 1, overdue: 0 },
    ]);
    const irkutsk = byStage.byMunicipality.find((m) => m.municipality === 'г. Иркутск')!;
    expect(irkutsk).toMatchObject({ schools: 4, overdue: 1 });
    expect(irkutsk.stages).toEqual([
      { stage: 'risk_profile', schools: 3, overdue: 0 },
      { stage: 'expertise', schools: 1, overdue: 1 },
    ]);
    const round = await list('?sort=round&direction=desc&pageSize=1');
    expect(round.items[0]).toMatchObject({ name: 'СОШ № 2', round: 3, overdue: true });
  });

  it('filters by municipality, stage, category, overdue, curator and name', async () => {
    expect((await list('?municipality=г. Ангарск')).items.map((s) => s.name).sort()).toEqual(['Лицей № 5', 'СОШ № 16']);
    expect((await list('?stage=expertise&stage=completed')).total).toBe(2);
    expect((await list('?category=risk_zone')).items.map((s) => s.name).sort()).toEqual([
      'Гимназия № 4',
      'СОШ № 16',
      'СОШ № 2',
    ]);
    const overdue = await list('?overdue=true');
    expect(overdue.items.map((s) => s.name).sort()).toEqual(['Лицей № 5', 'СОШ № 2']);
    expect(overdue.items.every((s) => s.dueAt !== null)).toBe(true);
    expect((await list('?overdue=false')).total).toBe(4);
    const curated = await list('?curator=Петрова Анна Ивановна');
    expect(curated.items.map((s) => s.name).sort()).toEqual(['Лицей № 5', 'СОШ № 1']);
    expect(curated.items[0]!.curators).toEqual(['Петрова Анна Ивановна']);
    expect((await list('?search=сош')).total).toBe(4);
    expect((await list('?search=100%25')).total).toBe(0); // a % is a character, not a wildcard
    expect((await list('?search=сош&overdue=true&municipality=г. Иркутск')).items.map((s) => s.name)).toEqual([
      'СОШ № 2',
    ]);
  });

  it('shows a school team only its school, and refuses bad parameters in Russian naming the field', async () => {
    const team = await clientWith(harness.apps, [
      { role: 'school_team', scopeKind: 'school', scopeValue: schools[0]!.id },
    ]);
    const own = await list('', team);
    expect(own.total).toBe(1);
    expect(own.items[0]!.id).toBe(schools[0]!.id);
    const bad = await harness.admin
      .get(`/api/cycles/${cycleId}/schools?sort=color&pageSize=501&stage=done`)
      .expect(400);
    expect(bad.body.error).toBe('VALIDATION_FAILED');
    expect(bad.body.details.join('\n')).toMatch(/sort: поле «sort» должно быть одним из: name, municipality/);
    expect(bad.body.details.join('\n')).toMatch(/pageSize: поле «pageSize» вне допустимого диапазона \(получено 501\)/);
    expect(bad.body.details.join('\n')).toMatch(/stage: поле «stage» должно быть одним из: not_started/);
    await harness.admin.get(`/api/cycles/00000000-0000-4000-8000-000000000000/schools`).expect(404);
  });
});
