import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { useHarness } from '../support/test-harness';
import { clientWith, type ApiClient } from '../support/auth-clients';
import { launchCompleted } from '../support/launch.util';
import { eventually } from '../support/poll.util';

const DAY = 24 * 60 * 60 * 1000;

interface PreviewBody {
  rows: {
    row: string;
    schoolId: string;
    schoolName: string;
    flaggedDirections: string[];
    status: string;
    reason: string | null;
  }[];
  problems: { row: string; column: string | null; message: string }[];
  ignoredColumns: string[];
  missingDirections: string[];
}

/**
 * Risk profiles from a table on a running cycle: the preview stores nothing and names each bad row and
 * value; confirm sends one risk-profile Update per school through its workflow, and a second confirm
 * changes nothing.
 */
describe('risk-profile import', () => {
  const harness = useHarness();
  const municipality = `г. Профильск ${randomUUID().slice(0, 6)}`;
  let coordinator: ApiClient;
  let cycleId = '';
  let ids = new Map<string, string>();

  const stageOf = async (name: string) =>
    (await harness.db.query('SELECT stage FROM school_progress WHERE school_id = $1', [ids.get(name)])).rows[0]?.stage;
  const profileSteps = async (name: string) =>
    (
      await harness.db.query(
        `SELECT count(*)::int AS n FROM school_timeline WHERE school_id = $1 AND action = 'risk_profile_set'`,
        [ids.get(name)],
      )
    ).rows[0].n as number;

  beforeAll(async () => {
    coordinator = await clientWith(harness.apps, [
      { role: 'municipal_coordinator', scopeKind: 'municipality', scopeValue: municipality },
    ]);
    const now = Date.now();
    const names = ['СОШ № 1', 'СОШ № 2', 'СОШ № 3', 'Гимназия № 4'];
    const created = await coordinator
      .post('/api/cycles')
      .send({
        title: `Профили ${now}`,
        year: new Date(now).getUTCFullYear(),
        timezone: 'Asia/Irkutsk',
        municipality,
        schools: names.map((name) => ({ name, category: 'shnor', municipality })),
        events: [
          {
            number: '1',
            title: 'Самодиагностика',
            opensAt: new Date(now + 5 * DAY).toISOString(),
            deadline: new Date(now + 30 * DAY).toISOString(),
            executors: [{ name: 'МКУ «ИМЦРО»' }],
          },
        ],
      })
      .expect(201);
    cycleId = created.body.id;
    ids = new Map((created.body.schools as { id: string; name: string }[]).map((s) => [s.name, s.id]));
    await launchCompleted(coordinator, cycleId);
    await eventually('every school at the risk profile', async () => {
      const r = await harness.db.query(
        `SELECT count(*)::int AS n FROM school_progress WHERE cycle_id = $1 AND stage = 'risk_profile'`,
        [cycleId],
      );
      return r.rows[0].n === 4 ? true : undefined;
    });
    // СОШ № 3 already has its profile, entered by hand.
    await coordinator
      .post(`/api/schools/${ids.get('СОШ № 3')}/risk-profile`)
      .send({ flaggedDirections: ['teacher_shortage'] })
      .expect(200);
  });

  const table =
    'Рисковые профили\n' +
    '№;Наименование ОО;Дефицит педагогических кадров;Низкая учебная мотивация обучающихся;Низкий уровень вовлеченности родителей;Примечание\n' +
    '1;СОШ № 1;да;+;нет;\n' +
    '2;СОШ № 2;да;может быть;;\n' +
    '3;СОШ № 3;нет;да;;\n' +
    '4;гимназия №4;1;0;1;\n' +
    '5;СОШ № 99;да;;;\n' +
    '6;СОШ № 1;нет;да;;\n';

  const preview = (client: ApiClient, bytes: Buffer, name = 'профили.csv') =>
    client.post(`/api/cycles/${cycleId}/risk-profiles/import`).attach('file', bytes, name);

  it('previews the table: each school matched, each bad row and value named, nothing stored', async () => {
    const res = await preview(coordinator, Buffer.from(`\ufeff${table}`)).expect(200);
    const body = res.body as PreviewBody;
    expect(body.rows.map((r) => [r.schoolName, r.flaggedDirections, r.status])).toEqual([
      ['СОШ № 1', ['teacher_shortage', 'low_motivation'], 'apply'],
      ['СОШ № 3', ['low_motivation'], 'refused'],
      ['Гимназия № 4', ['teacher_shortage', 'parent_involvement'], 'apply'],
    ]);
    expect(body.rows[1].reason).toMatch(/Самодиагностика/);
    expect(body.problems).toEqual([
      {
        row: 'строка 4',
        column: 'Низкая учебная мотивация обучающихся',
        message: '«может быть» — не отметка: напишите «да» или «нет» (также 1/0, +/−)',
      },
      { row: 'строка 7', column: null, message: 'школа «СОШ № 99» не участвует в этом цикле' },
      { row: 'строка 8', column: null, message: 'школа «СОШ № 1» уже указана в строке 3' },
    ]);
    expect(body.ignoredColumns).toEqual(['Примечание']);
    expect(body.missingDirections).toHaveLength(7);
    expect(await stageOf('СОШ № 1')).toBe('risk_profile');
    expect(await profileSteps('СОШ № 1')).toBe(0);
  });

  it('reads the same from XLSX, and names a file without a risk-profile table', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Профили');
    sheet.addRow(['Наименование ОО', 'Дефицит педагогических кадров']);
    sheet.addRow(['СОШ № 2', 'да']);
    const xlsx = await preview(coordinator, Buffer.from(await book.xlsx.writeBuffer()), 'профили.xlsx').expect(200);
    expect((xlsx.body as PreviewBody).rows).toEqual([
      expect.objectContaining({ schoolName: 'СОШ № 2', flaggedDirections: ['teacher_shortage'], status: 'apply' }),
    ]);
    const none = await preview(coordinator, Buffer.from('ФИО;Должность\nИванов;директор\n')).expect(200);
    expect((none.body as PreviewBody).problems[0].message).toMatch(/не найдена таблица рисковых профилей/);
  });

  it('confirm sends one Update per school; a second confirm changes nothing; a refused school keeps its profile', async () => {
    const profiles = [
      { schoolId: ids.get('СОШ № 1'), flaggedDirections: ['teacher_shortage', 'low_motivation'] },
      { schoolId: ids.get('Гимназия № 4'), flaggedDirections: ['teacher_shortage', 'parent_involvement'] },
      { schoolId: ids.get('СОШ № 3'), flaggedDirections: ['low_motivation'] },
    ];
    const first = await coordinator
      .post(`/api/cycles/${cycleId}/risk-profiles/import/confirm`)
      .send({ profiles })
      .expect(200);
    expect(first.body).toMatchObject({ applied: 2, unchanged: 0, refused: 1 });
    expect(first.body.results[2]).toMatchObject({
      outcome: 'refused',
      message: expect.stringMatching(/Рисковый профиль/),
    });
    // The Update answers after the projection: the read model shows it at once.
    expect(await stageOf('СОШ № 1')).toBe('self_diagnosis');
    expect(await stageOf('Гимназия № 4')).toBe('self_diagnosis');
    const school = await coordinator.get(`/api/schools/${ids.get('Гимназия № 4')}`).expect(200);
    expect(school.body.state.flaggedDirections).toEqual(['teacher_shortage', 'parent_involvement']);
    const kept = await coordinator.get(`/api/schools/${ids.get('СОШ № 3')}`).expect(200);
    expect(kept.body.state.flaggedDirections).toEqual(['teacher_shortage']);

    const again = await coordinator
      .post(`/api/cycles/${cycleId}/risk-profiles/import/confirm`)
      .send({ profiles: profiles.slice(0, 2) })
      .expect(200);
    expect(again.body).toMatchObject({ applied: 0, unchanged: 2, refused: 0 });
    expect(await profileSteps('СОШ № 1')).toBe(1);
    expect(await profileSteps('Гимназия № 4')).toBe(1);
  });

  it('refuses a bad confirm whole, naming each item, and hides the cycle from another municipality', async () => {
    const bad = await coordinator
      .post(`/api/cycles/${cycleId}/risk-profiles/import/confirm`)
      .send({
        profiles: [
          { schoolId: ids.get('СОШ № 2'), flaggedDirections: ['no_such_direction'] },
          { schoolId: randomUUID(), flaggedDirections: ['teacher_shortage'] },
        ],
      })
      .expect(400);
    expect(bad.body.details).toEqual([
      'profiles[0].flaggedDirections: «no_such_direction» — не направление рисков этого цикла',
      expect.stringMatching(/^profiles\[1\]\.schoolId: школа .* не участвует в этом цикле$/),
    ]);
    expect(await stageOf('СОШ № 2')).toBe('risk_profile');

    const stranger = await clientWith(harness.apps, [
      { role: 'municipal_coordinator', scopeKind: 'municipality', scopeValue: `г. Чужой ${randomUUID().slice(0, 6)}` },
    ]);
    expect((await preview(stranger, Buffer.from(table)).expect(404)).body.error).toBe('SCHOOL_YEAR_NOT_FOUND');
    const team = await clientWith(harness.apps, [
      { role: 'school_team', scopeKind: 'school', scopeValue: ids.get('СОШ № 2') as string },
    ]);
    expect((await preview(team, Buffer.from(table)).expect(403)).body.error).toBe('ROLE_NOT_ALLOWED');
  });
});
