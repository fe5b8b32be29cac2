import { randomUUID } from 'node:crypto';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { planCycleFromRoadmap, type CanonicalRoadmap } from '@orientir/domain';
import { DirectoryStore } from '@orientir/persistence';
import { MailCatcherClient, type CaughtMail } from '../../infra/stack/mail-catcher.service';
import { anonymousClient, sessionClient } from '../support/auth-clients';
import { eventually } from '../support/poll.util';
import { useHarness } from '../support/test-harness';
import { testEnv } from '../setup/test-infrastructure';

const SEED = path.join(__dirname, '../fixtures/roadmaps/lesosibirsk-2020-2021.txt');
const MUNICIPALITY = 'г. Лесосибирск';
const DAY = 24 * 3600 * 1000;

/** The participants file a department keeps: schools with municipality and category; curators and staff with their organisations. */
async function participantsWorkbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const schools = book.addWorksheet('Школы');
  schools.addRow(['№', 'Наименование ОО', 'Муниципалитет', 'Категория', 'E-mail']);
  schools.addRow([1, 'МБОУ «СОШ № 6»', MUNICIPALITY, 'ШНОР', 'school6@lesosibirsk.test']);
  schools.addRow([2, 'МБОУ «СОШ № 9»', MUNICIPALITY, 'зона риска', 'school9@lesosibirsk.test']);
  const people = book.addWorksheet('Кураторы');
  people.addRow(['ФИО', 'Должность', 'Место работы', 'E-mail', 'Закрепленные ОО']);
  people.addRow([
    'Сидорова Анна Ивановна',
    'заместитель директора',
    'МБОУ «Гимназия»',
    'sidorova@lesosibirsk.test',
    'МБОУ «СОШ № 6»',
  ]);
  people.addRow([
    'Кузнецова Ольга Петровна',
    'главный специалист',
    'Отдел образования администрации г. Лесосибирска',
    'oo@lesosibirsk.test',
    '',
  ]);
  people.addRow(['Смирнов Павел Андреевич', 'методист', 'МБУ «МИМЦ»', 'mimc@lesosibirsk.test', '']);
  return Buffer.from(await book.xlsx.writeBuffer());
}

interface Preview {
  schools: { name: string; municipality?: string; category: string; emails: string[]; status: string }[];
  curators: { name: string; email: string | null; workplace: string | null; schools: string[]; status: string }[];
  problems: { row: string; message: string }[];
}

interface CycleBody {
  id: string;
  schools: { id: string; name: string; category: string; directorySchoolId: string }[];
  events: { number: string; executorLinks: { name: string; organisationId: string | null; addressee: string }[] }[];
  unmatchedExecutors: string[];
  executorsWithoutAddressee: string[];
}

describe('directory: participants import, executors matched to organisations, reminders to real people, next year', () => {
  // Counts whole tables and matches against the whole directory: its own database.
  const harness = useHarness({ ownDatabase: true });
  const mail = () => new MailCatcherClient(testEnv('mailViewerUrl'));
  let preview: Preview;
  let cycleThisYear: CycleBody;

  it('previews a participants file without storing anything, then stores it once: a second import creates nothing', async () => {
    const file = await participantsWorkbook();
    const answer = await harness.admin
      .post('/api/directory/import')
      .field('municipality', MUNICIPALITY)
      .attach('file', file, 'участники.xlsx')
      .expect(201);
    preview = answer.body as Preview;
    expect(preview.problems).toEqual([]);
    expect(preview.schools.map((s) => [s.name, s.category, s.status])).toEqual([
      ['МБОУ «СОШ № 6»', 'shnor', 'new'],
      ['МБОУ «СОШ № 9»', 'risk_zone', 'new'],
    ]);
    expect(preview.curators.map((c) => [c.name, c.schools])).toEqual([
      ['Сидорова Анна Ивановна', ['МБОУ «СОШ № 6»']],
      ['Кузнецова Ольга Петровна', []],
      ['Смирнов Павел Андреевич', []],
    ]);
    const stored = async () =>
      (await harness.db.query(`SELECT count(*)::int AS n FROM directory_schools WHERE full_name LIKE 'МБОУ «СОШ № _»'`))
        .rows[0].n as number;
    expect(await stored()).toBe(0);

    const body = { municipality: MUNICIPALITY, schools: preview.schools, curators: preview.curators };
    const first = (await harness.admin.post('/api/directory/import/confirm').send(body).expect(201)).body;
    expect(first.created).toMatchObject({ schools: 2, people: 5 });
    expect(await stored()).toBe(2);

    const again = (await harness.admin.post('/api/directory/import/confirm').send(body).expect(201)).body;
    expect(again.created).toEqual({
      municipalities: 0,
      schools: 0,
      organisations: 0,
      people: 0,
      curatorAssignments: 0,
    });
    expect(again.matched).toMatchObject({ schools: 2, people: 5 });
    const reviewed = (
      await harness.admin
        .post('/api/directory/import')
        .field('municipality', MUNICIPALITY)
        .attach('file', file, 'участники.xlsx')
        .expect(201)
    ).body as Preview;
    expect(reviewed.schools.map((s) => s.status)).toEqual(['known', 'known']);
    expect(reviewed.curators.map((c) => c.status)).toEqual(['known', 'known', 'known']);
  });

  it('names each bad row with its reason and stores none of them', async () => {
    const answer = await harness.admin
      .post('/api/directory/import/confirm')
      .send({
        schools: [{ name: 'МБОУ «СОШ № 77»', category: 'shnor', emails: [] }],
        curators: [{ name: 'Без почты', schools: ['МБОУ «СОШ № 78»'] }],
      })
      .expect(422);
    expect(answer.body.error).toBe('INVALID_IMPORT_ROWS');
    expect(answer.body.details).toEqual([
      'куратор 1 «Без почты»: нет адреса электронной почты: напоминания и приглашение не дойдут',
      'куратор 1 «Без почты»: школа «МБОУ «СОШ № 78»» не найдена в таблице школ',
    ]);
    const stored = await harness.db.query(`SELECT 1 FROM directory_schools WHERE full_name = 'МБОУ «СОШ № 77»'`);
    expect(stored.rows).toEqual([]);
  });

  it('matches roadmap executors exactly, by alias or fuzzily with a question, and says who has no addressee', async () => {
    const matches = (
      await harness.admin
        .post('/api/directory/executor-matches')
        .send({ municipality: MUNICIPALITY, names: ['Отдел образования', 'МБУ «МИМЦ»', 'ГМС ОО'] })
        .expect(200)
    ).body as { name: string; match: string; question: string | null; addressee: string; organisationName: string }[];
    expect(matches.map((m) => [m.name, m.match, m.addressee])).toEqual([
      ['Отдел образования', 'fuzzy', 'unmatched'],
      ['МБУ «МИМЦ»', 'exact', 'ok'],
      ['ГМС ОО', 'none', 'unmatched'],
    ]);
    expect(matches[0].question).toBe('«Отдел образования» — это «Отдел образования администрации г. Лесосибирска»?');
  });

  it('a cycle from the Lesosibirsk roadmap and the participants file e-mails the real people of its executors', async () => {
    const imported = await harness.admin.post('/api/roadmaps/import').attach('file', SEED).expect(201);
    const stored = await harness.admin
      .post(`/api/roadmaps?municipality=${encodeURIComponent(MUNICIPALITY)}`)
      .send(imported.body.roadmap)
      .expect(201);
    // The stored roadmap lists its executors with their matches; the unmatched stay listed.
    const listed = (await harness.admin.get(`/api/roadmaps/${stored.body.id}`).expect(200)).body.executors as {
      name: string;
      match: string;
      addressee: string;
    }[];
    expect(listed.find((x) => x.name === 'Отдел образования')).toMatchObject({
      match: 'fuzzy',
      addressee: 'unmatched',
    });
    expect(listed.find((x) => x.name === 'МБУ «МИМЦ»')).toMatchObject({ match: 'exact', addressee: 'ok' });
    const planned = planCycleFromRoadmap(stored.body.roadmap as CanonicalRoadmap);
    // Plain windows over POST /api/cycles: undated events (a placeholder year) stay out.
    const plan = { ...planned, events: planned.events.filter((e) => !e.awaitingSchedule) };
    const officeId = (
      await harness.admin
        .post('/api/directory/executor-matches')
        .send({ municipality: MUNICIPALITY, names: ['Отдел образования'] })
        .expect(200)
    ).body[0].organisationId as string;
    // Dates move so that the first deadline is three days away: its 7-day reminder is due at once.
    const firstEnd = Math.min(...plan.events.map((e) => Date.parse(e.deadline)));
    const shift = Math.ceil((Date.now() + 3 * DAY - firstEnd) / DAY) * DAY;
    const moved = (iso: string) => new Date(Date.parse(iso) + shift).toISOString();
    // An academic-year roadmap spans two calendar years and a bit: the cycle year is its middle.
    const span = plan.events.flatMap((e) => [Date.parse(moved(e.opensAt)), Date.parse(moved(e.deadline))]);
    const year = new Date((Math.min(...span) + Math.max(...span)) / 2).getUTCFullYear();
    const payload = {
      title: plan.title,
      year,
      timezone: 'Asia/Krasnoyarsk',
      municipality: MUNICIPALITY,
      schools: preview.schools.map(({ name, category, emails }) => ({ name, category, emails })),
      curators: preview.curators
        .filter((c) => c.schools.length)
        .map(({ name, email, workplace, schools }) => ({ name, email, workplace, schools })),
      events: plan.events.map(({ details: _details, awaitingSchedule: _awaiting, sourceNumber: _source, ...e }) => ({
        ...e,
        opensAt: moved(e.opensAt),
        deadline: moved(e.deadline),
        // The coordinator confirmed «Отдел образования» in the preview.
        executors: e.executors.map((x) => (x.name === 'Отдел образования' ? { ...x, organisationId: officeId } : x)),
      })),
    };
    const created = await harness.admin.post('/api/cycles').send(payload);
    expect([created.status, created.body.details]).toEqual([201, undefined]);
    cycleThisYear = created.body as CycleBody;

    const first = cycleThisYear.events.find((e) => e.number === '1');
    expect(first?.executorLinks.map((x) => [x.name, x.addressee])).toEqual([
      ['Отдел образования', 'ok'],
      ['МБУ «МИМЦ»', 'ok'],
    ]);
    expect(cycleThisYear.executorsWithoutAddressee).toContain('ГМС ОО');
    expect(cycleThisYear.unmatchedExecutors).toEqual([]);
    for (const address of ['oo@lesosibirsk.test', 'mimc@lesosibirsk.test']) {
      const letter = await eventually<CaughtMail>(`the reminder to ${address}`, async () =>
        (await mail().list()).find((m) => m.to.some((t) => t.address === address) && /№ 1 /.test(m.subject)),
      );
      expect(letter.subject).toMatch(/^Напоминание: мероприятие № 1 — срок/);
    }
    // Per-event assignees replace the contact people for that event's reminders.
    const event2 = (
      await harness.db.query(`SELECT id FROM roadmap_events WHERE cycle_id = $1 AND number = '2'`, [cycleThisYear.id])
    ).rows[0].id as string;
    const smirnov = (
      (await harness.admin.get('/api/directory/people').expect(200)).body as { id: string; email: string }[]
    ).find((p) => p.email === 'mimc@lesosibirsk.test');
    await harness.admin
      .request('put', `/api/directory/events/${event2}/assignees`)
      .send({ personIds: [smirnov?.id] })
      .expect(204);
    const recipients = await harness.apps.api
      .get(DirectoryStore)
      .reminderRecipients({ id: event2, cycleId: randomUUID(), executors: [] });
    expect(recipients.map((r) => r.email)).toEqual(['mimc@lesosibirsk.test']);
    // The confirmed match taught the directory the spelling: next time it is an alias, not a guess.
    const again = (
      await harness.admin
        .post('/api/directory/executor-matches')
        .send({ municipality: MUNICIPALITY, names: ['Отдел образования'] })
        .expect(200)
    ).body[0];
    expect([again.match, again.organisationId]).toEqual(['alias', officeId]);
  });

  it('the next year cycle reuses this year schools and the curator account, who sees exactly their school', async () => {
    const sidorova = (
      (await harness.admin.get('/api/directory/people').expect(200)).body as { id: string; email: string }[]
    ).find((p) => p.email === 'sidorova@lesosibirsk.test');
    const school6 = cycleThisYear.schools.find((s) => s.name === 'МБОУ «СОШ № 6»');
    expect(sidorova && school6).toBeTruthy();
    const invitation = await harness.admin
      .post(`/api/directory/people/${sidorova?.id}/invitation`)
      .send({ grants: [{ role: 'curator', scopeKind: 'school', scopeValue: school6?.directorySchoolId }] })
      .expect(201);
    const letter = await eventually<CaughtMail>('the invitation', async () =>
      (await mail().list()).find(
        (m) => m.to.some((t) => t.address === 'sidorova@lesosibirsk.test') && /приглашение/.test(m.subject),
      ),
    );
    const token = /set-password\?token=([^\s"<]+)/.exec(letter.text)?.[1];
    expect(token).toBeTruthy();
    const password = 'Кураторский-пароль-2024';
    const anonymous = anonymousClient(harness.apps);
    await anonymous
      .post('/api/auth/password-reset/confirm')
      .send({ token: decodeURIComponent(token ?? ''), password })
      .expect(200);
    await anonymous
      .post('/api/auth/password-reset/confirm')
      .send({ token: decodeURIComponent(token ?? ''), password })
      .expect(400);
    await anonymous.post('/api/auth/login').send({ email: 'sidorova@lesosibirsk.test', password }).expect(200);

    const next = {
      title: 'Дорожная карта г. Лесосибирска на следующий год',
      year: new Date(Date.now() + 30 * DAY).getUTCFullYear() + 1,
      timezone: 'Asia/Krasnoyarsk',
      municipality: MUNICIPALITY,
      schools: [
        { name: 'МБОУ «СОШ № 6»', category: 'risk_zone', emails: [] },
        { name: 'МБОУ "СОШ № 9"', category: 'shnor', emails: [] },
      ],
      events: [
        {
          number: '1',
          title: 'Самодиагностика',
          opensAt: new Date(Date.now() + 30 * DAY).toISOString(),
          deadline: new Date(Date.now() + 60 * DAY).toISOString(),
          executors: [{ name: 'Отдел образования' }],
        },
      ],
    };
    const cycleNextYear = (await harness.admin.post('/api/cycles').send(next).expect(201)).body as CycleBody;
    const byName = (c: CycleBody) => new Map(c.schools.map((s) => [s.directorySchoolId, s.category]));
    expect([...byName(cycleNextYear).keys()].sort()).toEqual([...byName(cycleThisYear).keys()].sort());
    expect(byName(cycleNextYear).get(school6?.directorySchoolId ?? '')).toBe('risk_zone');
    expect(byName(cycleThisYear).get(school6?.directorySchoolId ?? '')).toBe('shnor');
    expect(cycleNextYear.events[0].executorLinks[0].addressee).toBe('ok');

    const curator = await sessionClient(harness.apps, {
      userId: invitation.body.userId as string,
      email: 'sidorova@lesosibirsk.test',
      password,
      grants: [],
    });
    for (const cycle of [cycleThisYear, cycleNextYear]) {
      const seen = (await curator.get(`/api/cycles/${cycle.id}`).expect(200)).body as CycleBody;
      expect(seen.schools.map((s) => s.name)).toEqual(['МБОУ «СОШ № 6»']);
    }
    // The school carries its history: both years, each with its own category, newest first.
    const nextRow = cycleNextYear.schools.find((s) => s.directorySchoolId === school6?.directorySchoolId);
    const history = (await curator.get(`/api/schools/${nextRow?.id}/cycles`).expect(200)).body as {
      cycles: { cycleId: string; schoolId: string; year: number; category: string; current: boolean }[];
    };
    expect(history.cycles.map((c) => [c.cycleId, c.schoolId, c.category, c.current])).toEqual([
      [cycleNextYear.id, nextRow?.id, 'risk_zone', true],
      [cycleThisYear.id, school6?.id, 'shnor', false],
    ]);
    // Another school of the cycle is not hers: it answers like a missing one.
    const school9 = cycleNextYear.schools.find((s) => s.name === 'МБОУ "СОШ № 9"');
    await curator.get(`/api/schools/${school9?.id}/cycles`).expect(404);

    // A school-team account made on this year's row stores the directory school, so next year it is the same school.
    const teamPassword = 'Командный-пароль-2024';
    const team = await harness.admin
      .post('/api/users')
      .send({
        email: 'team6@lesosibirsk.test',
        displayName: 'Команда СОШ № 6',
        password: teamPassword,
        grants: [{ role: 'school_team', scopeKind: 'school', scopeValue: school6?.id }],
      })
      .expect(201);
    expect(team.body.grants).toEqual([
      {
        role: 'school_team',
        scopeKind: 'school',
        scopeValue: school6?.directorySchoolId,
        scopeLabel: 'МБОУ «СОШ № 6»',
      },
    ]);
    const teamClient = await sessionClient(harness.apps, {
      userId: team.body.id as string,
      email: 'team6@lesosibirsk.test',
      password: teamPassword,
      grants: [],
    });
    for (const cycle of [cycleThisYear, cycleNextYear]) {
      const seen = (await teamClient.get(`/api/cycles/${cycle.id}`).expect(200)).body as CycleBody;
      expect(seen.schools.map((s) => [s.name, s.directorySchoolId])).toEqual([
        ['МБОУ «СОШ № 6»', school6?.directorySchoolId],
      ]);
    }
    // A municipal coordinator's grant names the municipality by id: it covers both years' cycles.
    const lesosibirsk = (
      (await harness.admin.get('/api/directory/municipalities').expect(200)).body as { id: string; name: string }[]
    ).find((m) => m.name === MUNICIPALITY);
    const coordinator = await harness.admin
      .post('/api/users')
      .send({
        email: 'coordinator@lesosibirsk.test',
        displayName: 'Координатор',
        password: teamPassword,
        grants: [{ role: 'municipal_coordinator', scopeKind: 'municipality', scopeValue: lesosibirsk?.id }],
      })
      .expect(201);
    const coordinatorClient = await sessionClient(harness.apps, {
      userId: coordinator.body.id as string,
      email: 'coordinator@lesosibirsk.test',
      password: teamPassword,
      grants: [],
    });
    const listed = (await coordinatorClient.get('/api/cycles').expect(200)).body as { id: string }[];
    expect(listed.map((c) => c.id)).toEqual(expect.arrayContaining([cycleThisYear.id, cycleNextYear.id]));
    // A grant naming nothing in the directory is refused, naming the field.
    const refused = await harness.admin
      .post('/api/users')
      .send({
        email: 'ghost@lesosibirsk.test',
        displayName: 'Призрак',
        grants: [{ role: 'curator', scopeKind: 'school', scopeValue: '00000000-0000-4000-8000-000000000001' }],
      })
      .expect(400);
    expect(refused.body.details).toEqual([expect.stringMatching(/^grants\[0\]\.scopeValue: школа .* не найден/)]);

    // Deactivation ends the session at once.
    await harness.admin.post(`/api/users/${invitation.body.userId}/deactivation`).expect(204);
    await curator.get(`/api/cycles/${cycleNextYear.id}`).expect(401);
    const audit = await harness.db.query(`SELECT action FROM audit_log WHERE target_id = $1 ORDER BY at`, [
      invitation.body.userId,
    ]);
    expect(audit.rows.map((r) => r.action)).toEqual(
      expect.arrayContaining(['person.invite', 'auth.password_reset.confirm', 'user.deactivate']),
    );
  });
});
