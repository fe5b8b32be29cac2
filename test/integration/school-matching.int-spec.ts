import { randomUUID } from 'node:crypto';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { DirectoryStore } from '@orientir/persistence';
import { clientWith } from '../support/auth-clients';
import { useHarness } from '../support/test-harness';

/** A municipality of this test alone, so other tests' schools never resemble ours. */
const M = `г. Сверочный-${randomUUID().slice(0, 8)}`;
const tag = randomUUID().slice(0, 6);
const DAY = 24 * 3600 * 1000;

interface SchoolRow {
  name: string;
  category: string;
  emails: string[];
  status: string;
  match: string;
  matchedSchoolId: string | null;
  matchedSchoolName: string | null;
  question: string | null;
  directorySchoolId?: string;
  asNew?: boolean;
}
interface CuratorRow {
  name: string;
  workplace: string | null;
  email: string | null;
  schools: string[];
  workplaceMatch?: string;
  workplaceMatchedId: string | null;
  workplaceQuestion: string | null;
  workplaceOrganisationId?: string;
}
interface Preview {
  schools: SchoolRow[];
  curators: CuratorRow[];
  problems: unknown[];
}

/** A participants file: schools and one curator, in this year's or next year's spelling. */
async function workbook(schools: [string, string][], curator: { workplace: string; school: string }): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Школы');
  sheet.addRow(['№', 'Наименование ОО', 'Муниципалитет', 'Категория']);
  schools.forEach(([name, category], i) => sheet.addRow([i + 1, name, M, category]));
  const people = book.addWorksheet('Кураторы');
  people.addRow(['ФИО', 'Должность', 'Место работы', 'E-mail', 'Закрепленные ОО']);
  people.addRow([
    'Петрова Мария Ивановна',
    'заместитель директора',
    curator.workplace,
    `petrova-${tag}@example.ru`,
    curator.school,
  ]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('directory: schools matched by name, confirmed spelling or a confirmed guess, never duplicated', () => {
  const harness = useHarness();
  const schoolsHere = async () =>
    (
      await harness.db.query(
        `SELECT d.id, d.full_name FROM directory_schools d JOIN municipalities m ON m.id = d.municipality_id
          WHERE m.name = $1 ORDER BY d.full_name`,
        [M],
      )
    ).rows as { id: string; full_name: string }[];
  const preview = async (file: Buffer) =>
    (
      await harness.admin
        .post('/api/directory/import')
        .field('municipality', M)
        .attach('file', file, 'участники.xlsx')
        .expect(201)
    ).body as Preview;
  const confirm = (p: Preview) =>
    harness.admin
      .post('/api/directory/import/confirm')
      .send({ municipality: M, schools: p.schools, curators: p.curators });

  const NEXT_YEAR: [string, string][] = [
    ['МБОУ СОШ № 18 г. Иркутска', 'ШНОР'],
    ['Лицей № 3 г. Иркутска', 'зона риска'],
    ['МБОУ СОШ № 40 г. Иркутска', 'ШНОР'],
  ];
  let school18: string;
  let lyceum: string;

  it('a second table with other spellings asks, refuses to guess, and after the answers adds only the new school', async () => {
    const first = await preview(
      await workbook(
        [
          ['МБОУ г. Иркутска СОШ № 18', 'ШНОР'],
          ['МБОУ «Лицей № 3» г. Иркутска', 'зона риска'],
        ],
        { workplace: 'МБОУ «Лицей № 3» г. Иркутска', school: 'МБОУ г. Иркутска СОШ № 18' },
      ),
    );
    expect(first.schools.map((s) => [s.match, s.status])).toEqual([
      ['none', 'new'],
      ['none', 'new'],
    ]);
    expect((await confirm(first).expect(201)).body.created.schools).toBe(2);
    const stored = await schoolsHere();
    school18 = stored.find((s) => s.full_name === 'МБОУ г. Иркутска СОШ № 18')!.id;
    lyceum = stored.find((s) => s.full_name === 'МБОУ «Лицей № 3» г. Иркутска')!.id;

    const file = await workbook(NEXT_YEAR, { workplace: 'Лицей № 3 г. Иркутска', school: 'МБОУ СОШ № 18 г. Иркутска' });
    const second = await preview(file);
    expect(second.schools.map((s) => [s.match, s.matchedSchoolId, s.status])).toEqual([
      ['fuzzy', school18, 'new'],
      ['fuzzy', lyceum, 'new'],
      ['none', null, 'new'],
    ]);
    expect(second.schools[0].question).toBe('«МБОУ СОШ № 18 г. Иркутска» — это «МБОУ г. Иркутска СОШ № 18»?');
    expect(second.curators[0]).toMatchObject({
      workplaceMatch: 'fuzzy',
      workplaceQuestion: '«Лицей № 3 г. Иркутска» — это «МБОУ «Лицей № 3» г. Иркутска»?',
    });

    // Unanswered guesses are never stored as new schools: 422 naming every row, and nothing stored.
    const unanswered = await confirm(second).expect(422);
    expect(unanswered.body.error).toBe('INVALID_IMPORT_ROWS');
    expect(unanswered.body.details).toEqual([
      expect.stringMatching(/^schools\[0\] «МБОУ СОШ № 18 г\. Иркутска»: похожа на «МБОУ г\. Иркутска СОШ № 18»/),
      expect.stringMatching(/^schools\[1\] «Лицей № 3 г\. Иркутска»: похожа на/),
      expect.stringMatching(/^curators\[0\] «Петрова Мария Ивановна»: место работы «Лицей № 3 г\. Иркутска» похоже на/),
    ]);
    expect(await schoolsHere()).toHaveLength(2);

    // A chosen id must be a directory school of the row's municipality.
    const answered = structuredClone(second);
    answered.schools[0].directorySchoolId = randomUUID();
    const unknown = await confirm(answered).expect(400);
    expect(unknown.body.details).toEqual([
      expect.stringMatching(/^schools\[0\]\.directorySchoolId: школа справочника .* не найдена$/),
    ]);
    answered.schools[0].directorySchoolId = 'не-идентификатор';
    expect((await confirm(answered).expect(400)).body.details).toEqual([
      expect.stringMatching(/^schools\[0\]\.directorySchoolId: .*UUID/),
    ]);
    answered.schools[0].asNew = true;
    answered.schools[0].directorySchoolId = school18;
    expect((await confirm(answered).expect(400)).body.details).toEqual([
      expect.stringMatching(/^schools\[0\]\.asNew: /),
    ]);

    // «Да» for the first; «Нет» for the second and the right school picked; the workplace confirmed.
    delete answered.schools[0].asNew;
    answered.schools[1].directorySchoolId = lyceum;
    answered.curators[0].workplaceOrganisationId = second.curators[0].workplaceMatchedId!;
    const saved = (await confirm(answered).expect(201)).body;
    expect([saved.created.schools, saved.matched.schools]).toEqual([1, 2]);
    expect((await schoolsHere()).map((s) => s.full_name).sort()).toEqual([
      'МБОУ «Лицей № 3» г. Иркутска',
      'МБОУ СОШ № 40 г. Иркутска',
      'МБОУ г. Иркутска СОШ № 18',
    ]);
    const audit = await harness.db.query(
      `SELECT details FROM audit_log WHERE action = 'directory.import' AND details->'aliases' @> $1::jsonb ORDER BY at DESC LIMIT 1`,
      [JSON.stringify([{ target: school18, alias: 'МБОУ СОШ № 18 г. Иркутска' }])],
    );
    // The workplace is the lyceum's own organisation: its spelling was taught once, by the school row.
    expect(audit.rows[0]?.details.aliases).toEqual([
      { target: school18, alias: 'МБОУ СОШ № 18 г. Иркутска' },
      { target: lyceum, alias: 'Лицей № 3 г. Иркутска' },
    ]);

    // The confirmed spellings are known now: the same file matches at once.
    const again = await preview(file);
    expect(again.schools.map((s) => [s.match, s.matchedSchoolId, s.status])).toEqual([
      ['alias', school18, 'known'],
      ['alias', lyceum, 'known'],
      ['exact', expect.any(String), 'known'],
    ]);
    expect(again.curators[0].workplaceMatch).toBe('alias');
    const repeated = (await confirm(again).expect(201)).body;
    expect(repeated.created.schools).toBe(0);
    expect(await schoolsHere()).toHaveLength(3);
  });

  it('a person may say a similar name is a new school', async () => {
    const p = await preview(
      await workbook([['Лицей № 3', 'ШНОР']], { workplace: 'МБОУ «Лицей № 3» г. Иркутска', school: 'Лицей № 3' }),
    );
    expect([p.schools[0].match, p.schools[0].matchedSchoolId]).toEqual(['fuzzy', lyceum]);
    p.schools[0].asNew = true;
    expect((await confirm(p).expect(201)).body.created.schools).toBe(1);
    expect(await schoolsHere()).toHaveLength(4);
  });

  it("a cycle naming a school by a confirmed spelling links the known school, and the school's grants still apply", async () => {
    const curator = await clientWith(harness.apps, [{ role: 'curator', scopeKind: 'school', scopeValue: school18 }]);
    const cycle = (
      await harness.admin
        .post('/api/cycles')
        .send({
          title: `Сверка ${tag}`,
          year: new Date(Date.now() + 30 * DAY).getUTCFullYear(),
          timezone: 'Asia/Irkutsk',
          municipality: M,
          schools: NEXT_YEAR.map(([name]) => ({ name, category: 'shnor', emails: [] })),
          events: [
            {
              number: '1',
              title: 'Самодиагностика',
              opensAt: new Date(Date.now() + 30 * DAY).toISOString(),
              deadline: new Date(Date.now() + 60 * DAY).toISOString(),
              executors: [],
            },
          ],
        })
        .expect(201)
    ).body as { id: string; schools: { name: string; directorySchoolId: string }[] };
    const linked = new Map(cycle.schools.map((s) => [s.name, s.directorySchoolId]));
    expect(linked.get('МБОУ СОШ № 18 г. Иркутска')).toBe(school18);
    expect(linked.get('Лицей № 3 г. Иркутска')).toBe(lyceum);
    expect(await schoolsHere()).toHaveLength(4);
    const seen = (await curator.get(`/api/cycles/${cycle.id}`).expect(200)).body as typeof cycle;
    expect(seen.schools.map((s) => s.name)).toEqual(['МБОУ СОШ № 18 г. Иркутска']);
  });
  it("the people import asks about an organisation merely like a known one, and learns the person's answer", async () => {
    const office = `Отдел образования администрации ${M}`;
    const people = async (organisation: string, email: string) =>
      (
        await harness.admin
          .post('/api/directory/people-import')
          .field('municipality', M)
          .attach(
            'file',
            Buffer.from(`\ufeffФИО;E-mail;Организация\nИванова Анна;${email};${organisation}\n`),
            'люди.csv',
          )
          .expect(201)
      ).body as {
        people: {
          organisationMatch: string;
          matchedOrganisationId: string | null;
          organisationQuestion: string | null;
        }[];
      };
    const save = (rows: unknown[]) =>
      harness.admin.post('/api/directory/people-import/confirm').send({ municipality: M, people: rows });
    const first = await people(office, `ivanova-${tag}@example.ru`);
    expect(first.people[0].organisationMatch).toBe('none');
    await save(first.people).expect(201);

    const second = await people('Отдел образования', `ivanova-${tag}@example.ru`);
    expect(second.people[0]).toMatchObject({
      organisationMatch: 'fuzzy',
      organisationQuestion: `«Отдел образования» — это «${office}»?`,
    });
    const refused = await save(second.people).expect(422);
    expect(refused.body.details).toEqual([
      expect.stringMatching(/^people\[0\] «Иванова Анна»: организация «Отдел образования» похожа на/),
    ]);
    expect((await save([{ ...second.people[0], organisationId: randomUUID() }]).expect(400)).body.details).toEqual([
      expect.stringMatching(/^people\[0\]\.organisationId: организация .* не найдена$/),
    ]);
    const organisationId = second.people[0].matchedOrganisationId!;
    expect((await save([{ ...second.people[0], organisationId }]).expect(201)).body.created.organisations).toBe(0);
    const offices = await harness.db.query(
      `SELECT count(*)::int AS n FROM organisations o JOIN municipalities m ON m.id = o.municipality_id
        WHERE m.name = $1 AND o.name LIKE 'Отдел образования%'`,
      [M],
    );
    expect(offices.rows[0].n).toBe(1);
    expect((await people('Отдел образования', `ivanova-${tag}@example.ru`)).people[0]).toMatchObject({
      organisationMatch: 'alias',
      matchedOrganisationId: organisationId,
    });
  });
  it('a launch from a roadmap whose annex spells a known school differently links the known school once confirmed', async () => {
    const M2 = `г. Аннексный-${tag}`;
    await harness.admin
      .post('/api/directory/import/confirm')
      .send({
        municipality: M2,
        schools: [{ name: 'МБОУ СОШ № 22 г. Иркутска', category: 'shnor', emails: [] }],
        curators: [],
      })
      .expect(201);
    const known = (
      await harness.db.query(
        `SELECT d.id FROM directory_schools d JOIN municipalities m ON m.id = d.municipality_id WHERE m.name = $1`,
        [M2],
      )
    ).rows[0].id as string;
    const seed = path.join(__dirname, '../fixtures/roadmaps/irkutsk-city-2023.txt');
    const imported = await harness.admin.post('/api/roadmaps/import').attach('file', seed).expect(201);
    const roadmap = imported.body.roadmap as { schools: { name: string; category: string; emails: string[] }[] };
    const roadmapId = (
      await harness.admin
        .post(`/api/roadmaps?municipality=${encodeURIComponent(M2)}`)
        .send(roadmap)
        .expect(201)
    ).body.id as string;
    const annex = roadmap.schools.map((s) => s.name);
    const i22 = annex.indexOf('МБОУ г. Иркутска СОШ № 22');
    expect(i22).toBeGreaterThanOrEqual(0);

    const matches = (
      await harness.admin
        .post('/api/directory/school-matches')
        .send({ municipality: M2, schools: annex.map((name) => ({ name })) })
        .expect(200)
    ).body as { name: string; match: string; directorySchoolId: string | null; question: string | null }[];
    expect(matches.map((m) => m.name)).toEqual(annex);
    expect(matches.filter((m) => m.match !== 'none')).toEqual([
      {
        name: 'МБОУ г. Иркутска СОШ № 22',
        municipality: M2,
        match: 'fuzzy',
        directorySchoolId: known,
        directorySchoolName: 'МБОУ СОШ № 22 г. Иркутска',
        question: '«МБОУ г. Иркутска СОШ № 22» — это «МБОУ СОШ № 22 г. Иркутска»?',
      },
    ]);

    const launch = (schools: object[]) =>
      harness.admin.post(`/api/roadmaps/${roadmapId}/cycles`).send({ municipality: M2, schools });
    const withChoice = (i: number, extra: object) => roadmap.schools.map((s, j) => (j === i ? { ...s, ...extra } : s));
    expect((await launch(withChoice(i22, { directorySchoolId: randomUUID() })).expect(400)).body.details).toEqual([
      expect.stringMatching(new RegExp(`^schools\\[${i22}\\]\\.directorySchoolId: школа справочника .* не найдена$`)),
    ]);
    const twice = withChoice(i22, { directorySchoolId: known }).map((s, j) =>
      j === 0 ? { ...s, directorySchoolId: known } : s,
    );
    expect((await launch(twice).expect(400)).body.details).toEqual([
      expect.stringMatching(new RegExp(`^schools\\[${i22}\\]\\.directorySchoolId: .* уже выбрана для schools\\[0\\]$`)),
    ]);

    const cycle = (await launch(withChoice(i22, { directorySchoolId: known })).expect(201)).body as {
      id: string;
      schools: { name: string; directorySchoolId: string }[];
    };
    expect(cycle.schools.find((s) => s.name === 'МБОУ г. Иркутска СОШ № 22')?.directorySchoolId).toBe(known);
    const inM2 = await harness.db.query(
      `SELECT count(*)::int AS n FROM directory_schools d JOIN municipalities m ON m.id = d.municipality_id WHERE m.name = $1`,
      [M2],
    );
    expect(inM2.rows[0].n).toBe(annex.length);
    const audit = await harness.db.query(
      `SELECT details FROM audit_log WHERE action = 'cycle.create' AND target_id = $1`,
      [cycle.id],
    );
    expect(audit.rows[0].details).toEqual({
      confirmedSchools: [{ name: 'МБОУ г. Иркутска СОШ № 22', directorySchoolId: known }],
      newSchoolsLikeKnown: [],
    });
    const [again] = (
      await harness.admin
        .post('/api/directory/school-matches')
        .send({ municipality: M2, schools: [{ name: 'МБОУ г. Иркутска СОШ № 22' }] })
        .expect(200)
    ).body as { match: string; directorySchoolId: string }[];
    expect([again.match, again.directorySchoolId]).toEqual(['alias', known]);
  });
  it('a school named like a regional organisation gets its own organisation for the spellings confirmed for it', async () => {
    const M3 = `г. Региональный-${tag}`;
    const name = `МБОУ «Школа Радуга ${tag}»`;
    // A region-wide organisation of the same name predates the school (a regional cycle's school).
    await harness.apps.api.get(DirectoryStore).ensureOrganisation(null, name);
    const row = (school: string, extra: object = {}) => ({ name: school, category: 'shnor', emails: [], ...extra });
    const save = (schools: object[]) =>
      harness.admin.post('/api/directory/import/confirm').send({ municipality: M3, schools, curators: [] });
    await save([row(name)]).expect(201);
    const id = (
      await harness.db.query(
        `SELECT d.id FROM directory_schools d JOIN municipalities m ON m.id = d.municipality_id WHERE m.name = $1`,
        [M3],
      )
    ).rows[0].id as string;
    const spelling = `Школа «Радуга ${tag}», МБОУ`;
    expect((await save([row(spelling, { directorySchoolId: id })]).expect(201)).body.created.schools).toBe(0);
    const [match] = (
      await harness.admin
        .post('/api/directory/school-matches')
        .send({ municipality: M3, schools: [{ name: spelling }] })
        .expect(200)
    ).body as { match: string; directorySchoolId: string }[];
    expect([match.match, match.directorySchoolId]).toEqual(['alias', id]);
  });
});
