import { randomUUID } from 'node:crypto';
import { CycleStore, DirectoryStore } from '@orientir/persistence';
import { clientWith, type ApiClient } from '../support/auth-clients';
import { useHarness } from '../support/test-harness';

/** A municipality of this test alone, so other tests' rows never count. */
const M = `г. Справочный-${randomUUID().slice(0, 8)}`;
const OTHER = `г. Соседний-${randomUUID().slice(0, 8)}`;
const tag = randomUUID().slice(0, 6);
const code = (n: number) => `${Date.now() % 1_000_000}${n}`.padStart(10, '7');

interface School {
  id: string;
  fullName: string;
  shortName: string | null;
  officialCode: string | null;
  director: string | null;
  email: string | null;
  address: string | null;
  active: boolean;
}
interface Person {
  id: string;
  fullName: string;
  position: string | null;
  email: string | null;
  phone: string | null;
  organisationId: string | null;
  active: boolean;
}

describe('directory: school details, people import, editing and deactivation', () => {
  const harness = useHarness();
  let coordinator: ApiClient;
  let neighbour: ApiClient;
  const codes = [code(1), code(2)];

  beforeAll(async () => {
    coordinator = await clientWith(harness.apps, [
      { role: 'municipal_coordinator', scopeKind: 'municipality', scopeValue: M },
    ]);
    neighbour = await clientWith(harness.apps, [
      { role: 'municipal_coordinator', scopeKind: 'municipality', scopeValue: OTHER },
    ]);
  });

  const schoolsCsv = (director: string) =>
    Buffer.from(
      '\ufeffПолное наименование;Краткое наименование;ИНН;Категория;Директор;E-mail;Адрес\n' +
        `Муниципальное бюджетное общеобразовательное учреждение «СОШ № 1 ${tag}»;СОШ № 1;${codes[0]};ШНОР;${director};s1-${tag}@example.ru;ул. Ленина, 1\n` +
        `МБОУ «СОШ № 2 ${tag}»;;${codes[1]};зона риска;;;\n`,
    );

  async function importSchools(director: string) {
    const preview = (
      await coordinator
        .post('/api/directory/import')
        .field('municipality', M)
        .attach('file', schoolsCsv(director), 'школы.csv')
        .expect(201)
    ).body as { schools: (Record<string, unknown> & { status: string })[]; curators: unknown[]; problems: unknown[] };
    return preview;
  }

  const mySchools = async () =>
    ((await coordinator.get('/api/directory/schools').expect(200)).body as School[]).filter((s) =>
      s.fullName.includes(tag),
    );

  it('imports schools with short name, official code, director, e-mail and address; a re-import updates, never duplicates', async () => {
    const preview = await importSchools('Кузнецова Анна Петровна');
    expect(preview.problems).toEqual([]);
    expect(preview.schools[0]).toMatchObject({
      shortName: 'СОШ № 1',
      officialCode: codes[0],
      director: 'Кузнецова Анна Петровна',
      address: 'ул. Ленина, 1',
      status: 'new',
    });
    const body = { municipality: M, schools: preview.schools, curators: [] };
    const first = (await coordinator.post('/api/directory/import/confirm').send(body).expect(201)).body;
    expect(first.created.schools).toBe(2);
    expect((await mySchools()).map((s) => [s.shortName, s.officialCode, s.director, s.address])).toEqual([
      [null, codes[1], null, null],
      ['СОШ № 1', codes[0], 'Кузнецова Анна Петровна', 'ул. Ленина, 1'],
    ]);

    // The director changed: the preview says which school changes, the confirm updates it in place.
    const again = await importSchools('Орлова Ирина Юрьевна');
    expect(again.schools.map((s) => s.status)).toEqual(['changed', 'known']);
    const second = (
      await coordinator
        .post('/api/directory/import/confirm')
        .send({ ...body, schools: again.schools })
        .expect(201)
    ).body;
    expect(second.created.schools).toBe(0);
    expect(second.updated.schools).toBe(1);
    const after = await mySchools();
    expect(after).toHaveLength(2);
    expect(after.find((s) => s.officialCode === codes[0])?.director).toBe('Орлова Ирина Юрьевна');

    const bad = await coordinator
      .post('/api/directory/import/confirm')
      .send({ ...body, schools: [{ ...again.schools[0], officialCode: 'ИНН 12' }] })
      .expect(400);
    expect(bad.body.details).toEqual([expect.stringMatching(/^schools\[0\]\.officialCode: /)]);
  });

  it('imports people with a preview naming each bad cell by row and column; a re-import updates the known people', async () => {
    const csv = (position: string) =>
      Buffer.from(
        '\ufeffФИО;Должность;E-mail;Телефон;Организация\n' +
          `Смирнов Петр Ильич;${position};smirnov-${tag}@example.ru;+7 (39145) 5-12-34;Отдел образования ${tag}\n` +
          `Орлова Ольга;;orlova-${tag}@example.ru;;Отдел образования ${tag}\n` +
          `Иванов Иван;учитель;ivanov@;12;СОШ № 1\n` +
          `;директор;d-${tag}@example.ru;;СОШ № 2\n`,
      );
    const preview = async (position: string) =>
      (
        await coordinator
          .post('/api/directory/people-import')
          .field('municipality', M)
          .attach('file', csv(position), 'люди.csv')
          .expect(201)
      ).body as {
        people: (Record<string, unknown> & { status: string; organisationStatus: string })[];
        problems: { row: string; column: string | null; message: string }[];
      };
    const first = await preview('методист');
    expect(first.problems).toEqual([
      { row: 'строка 4', column: 'E-mail', message: '«ivanov@» не адрес электронной почты' },
      { row: 'строка 4', column: 'Телефон', message: '«12» не похоже на номер телефона (цифр: 2)' },
      { row: 'строка 5', column: 'ФИО', message: 'не заполнено' },
    ]);
    expect(first.people.map((p) => [p.fullName, p.status, p.organisationStatus])).toEqual([
      ['Смирнов Петр Ильич', 'new', 'new'],
      ['Орлова Ольга', 'new', 'new'],
    ]);
    const people = async () =>
      (
        await harness.db.query(`SELECT full_name, position FROM people WHERE email = ANY($1) ORDER BY email`, [
          [`smirnov-${tag}@example.ru`, `orlova-${tag}@example.ru`],
        ])
      ).rows;
    expect(await people()).toEqual([]);

    const stored = (
      await coordinator
        .post('/api/directory/people-import/confirm')
        .send({ municipality: M, people: first.people })
        .expect(201)
    ).body;
    expect(stored).toEqual({
      created: { people: 2, organisations: 1 },
      updated: { people: 0, organisations: 0 },
      unchanged: { people: 0, organisations: 0 },
    });

    const second = await preview('старший методист');
    expect(second.people.map((p) => [p.status, p.organisationStatus])).toEqual([
      ['changed', 'known'],
      ['known', 'known'],
    ]);
    const again = (
      await coordinator
        .post('/api/directory/people-import/confirm')
        .send({ municipality: M, people: second.people })
        .expect(201)
    ).body;
    expect(again.created).toEqual({ people: 0, organisations: 0 });
    expect(again.updated.people).toBe(1);
    expect(await people()).toEqual([
      { full_name: 'Орлова Ольга', position: null },
      { full_name: 'Смирнов Петр Ильич', position: 'старший методист' },
    ]);

    // Another municipality's coordinator may not import into this one.
    await neighbour
      .post('/api/directory/people-import/confirm')
      .send({ municipality: M, people: second.people })
      .expect(403);
    const duplicate = await coordinator
      .post('/api/directory/people-import/confirm')
      .send({ municipality: M, people: [second.people[0], second.people[0]] })
      .expect(400);
    expect(duplicate.body.details).toEqual([expect.stringMatching(/^people\[1\]\.email: /)]);
  });

  it('edits schools and people with Russian errors naming the field, deactivates them, and audits every change', async () => {
    const [school2, school1] = await mySchools();
    const invalid = await coordinator
      .request('patch', `/api/directory/schools/${school1.id}`)
      .send({ fullName: '', email: 'не почта', officialCode: '12' })
      .expect(400);
    expect(invalid.body.details).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^fullName: .*не должно быть пустым/),
        expect.stringMatching(/^email: .*адресом электронной почты/),
        expect.stringMatching(/^officialCode: .*ИНН/),
      ]),
    );
    const taken = await coordinator
      .request('patch', `/api/directory/schools/${school1.id}`)
      .send({ officialCode: school2.officialCode })
      .expect(409);
    expect(taken.body).toMatchObject({
      error: 'DIRECTORY_VALUE_TAKEN',
      details: [expect.stringMatching(/^officialCode: /)],
    });

    const edited = (
      await coordinator
        .request('patch', `/api/directory/schools/${school1.id}`)
        .send({ shortName: 'Школа № 1', address: null, director: 'Орлова Ирина Юрьевна' })
        .expect(200)
    ).body as School;
    expect(edited).toMatchObject({ shortName: 'Школа № 1', address: null, officialCode: codes[0], active: true });
    await neighbour.request('patch', `/api/directory/schools/${school1.id}`).send({ shortName: 'чужая' }).expect(404);

    const smirnov = ((await coordinator.get('/api/directory/people').expect(200)).body as Person[]).find(
      (p) => p.email === `smirnov-${tag}@example.ru`,
    ) as Person;
    const badPhone = await coordinator
      .request('patch', `/api/directory/people/${smirnov.id}`)
      .send({ phone: 'звонить секретарю' })
      .expect(400);
    expect(badPhone.body.details).toEqual([expect.stringMatching(/^phone: .*номером телефона/)]);
    const emailTaken = await coordinator
      .request('patch', `/api/directory/people/${smirnov.id}`)
      .send({ email: `orlova-${tag}@example.ru` })
      .expect(409);
    expect(emailTaken.body.details).toEqual([expect.stringMatching(/^email: /)]);

    const recipients = () =>
      harness.apps.api
        .get(DirectoryStore)
        .reminderRecipients({
          id: randomUUID(),
          cycleId: randomUUID(),
          executors: [{ name: 'Отдел образования', organisationId: smirnov.organisationId }],
        })
        .then((r) => r.map((x) => x.email).sort());
    expect(await recipients()).toEqual([`orlova-${tag}@example.ru`, `smirnov-${tag}@example.ru`]);
    const invitation = (
      await coordinator
        .post(`/api/directory/people/${smirnov.id}/invitation`)
        .send({ grants: [{ role: 'executor', scopeKind: 'organisation', scopeValue: smirnov.organisationId }] })
        .expect(201)
    ).body as { userId: string };
    const left = (
      await coordinator
        .request('patch', `/api/directory/people/${smirnov.id}`)
        .send({ active: false, position: 'ведущий методист' })
        .expect(200)
    ).body as Person;
    // Who left keeps no access: the account ends with the directory entry (audited as the account's switch-off).
    expect(left).toMatchObject({ active: false, position: 'ведущий методист', account: 'deactivated' });
    const switchedOff = await harness.db.query(`SELECT action FROM audit_log WHERE target_id = $1 ORDER BY at`, [
      invitation.userId,
    ]);
    expect(switchedOff.rows.map((r) => r.action)).toContain('user.deactivate');
    // Someone who left gets no reminders.
    expect(await recipients()).toEqual([`orlova-${tag}@example.ru`]);

    await coordinator.request('patch', `/api/directory/schools/${school2.id}`).send({ active: false }).expect(200);
    expect((await mySchools()).find((s) => s.id === school2.id)?.active).toBe(false);

    const audit = await harness.db.query(
      `SELECT action, details FROM audit_log WHERE target_id = ANY($1) ORDER BY at`,
      [[school1.id, school2.id, smirnov.id]],
    );
    expect(audit.rows.map((r) => r.action)).toEqual([
      'directory.school.update',
      'directory.person.deactivate',
      'directory.school.deactivate',
    ]);
    expect(audit.rows[0].details).toEqual({
      shortName: { before: 'СОШ № 1', after: 'Школа № 1' },
      address: { before: 'ул. Ленина, 1', after: null },
    });
  });

  it("links an executor the cycle lists as unmatched to an organisation: its reminders go to that organisation's people", async () => {
    const DAY = 24 * 3600 * 1000;
    const created = (
      await coordinator
        .post('/api/cycles')
        .send({
          title: `Цикл ${tag}`,
          year: new Date(Date.now() + 30 * DAY).getUTCFullYear(),
          timezone: 'Asia/Krasnoyarsk',
          municipality: M,
          schools: [{ name: `МБОУ «СОШ № 2 ${tag}»`, category: 'shnor', emails: [] }],
          events: [
            {
              number: '1',
              title: 'Самодиагностика',
              opensAt: new Date(Date.now() + 30 * DAY).toISOString(),
              deadline: new Date(Date.now() + 60 * DAY).toISOString(),
              executors: [{ name: 'Отдел образования' }],
            },
          ],
        })
        .expect(201)
    ).body as { id: string; unmatchedExecutors: string[]; events: { id: string }[] };
    // «Отдел образования» is only like the directory's «Отдел образования …»: unmatched until someone links it.
    expect(created.unmatchedExecutors).toEqual(['Отдел образования']);
    const office = (
      (await coordinator.get('/api/directory/organisations').expect(200)).body as { id: string; name: string }[]
    ).find((o) => o.name === `Отдел образования ${tag}`);
    const link = { cycleId: created.id, name: 'Отдел образования', organisationId: office?.id };

    await neighbour.post('/api/directory/executor-links').send(link).expect(404);
    const unknown = await coordinator
      .post('/api/directory/executor-links')
      .send({ ...link, name: 'Нет такого' })
      .expect(422);
    expect(unknown.body.details).toEqual([expect.stringMatching(/^name: /)]);
    const linked = (await coordinator.post('/api/directory/executor-links').send(link).expect(201)).body;
    expect(linked).toEqual({ events: 1, alias: 'added' });

    const view = (await coordinator.get(`/api/cycles/${created.id}`).expect(200)).body as {
      unmatchedExecutors: string[];
      events: { executorLinks: { organisationId: string | null; addressee: string }[] }[];
    };
    expect(view.unmatchedExecutors).toEqual([]);
    expect(view.events[0].executorLinks).toEqual([
      expect.objectContaining({ organisationId: office?.id, addressee: 'ok' }),
    ]);
    // The next reminder goes to the organisation's active people (Smirnov left, see above).
    const reminder = await harness.apps.api.get(CycleStore).findEventForReminder(created.events[0].id);
    expect(reminder?.recipients.map((r) => r.email)).toEqual([`orlova-${tag}@example.ru`]);
    const audit = await harness.db.query(
      `SELECT details FROM audit_log WHERE action = 'cycle.executor.link' AND target_id = $1`,
      [created.id],
    );
    expect(audit.rows).toEqual([{ details: expect.objectContaining({ name: 'Отдел образования', events: 1 }) }]);
  });
  it('merges a spelling by hand, lists it with the organisation, and undoes the merge (audited, scoped)', async () => {
    type Organisation = { id: string; name: string; aliases: string[] };
    const organisations = async () =>
      ((await coordinator.get('/api/directory/organisations').expect(200)).body as Organisation[]).filter((o) =>
        o.name.includes(tag),
      );
    const school = (await organisations()).find((o) => o.name.includes('СОШ № 2'));
    expect(school).toBeTruthy();
    const spelling = `Вторая школа ${tag}`;
    const matchOf = async () =>
      (
        (
          await coordinator
            .post('/api/directory/executor-matches')
            .send({ municipality: M, names: [spelling] })
            .expect(200)
        ).body as { match: string }[]
      )[0].match;

    await coordinator.post(`/api/directory/organisations/${school?.id}/aliases`).send({ alias: spelling }).expect(201);
    expect((await organisations()).find((o) => o.id === school?.id)?.aliases).toEqual([spelling]);
    expect(await matchOf()).toBe('alias');

    // Another municipality's coordinator cannot undo it: the organisation is not theirs to see.
    await neighbour
      .request('delete', `/api/directory/organisations/${school?.id}/aliases`)
      .query({ alias: spelling })
      .expect(404);
    const undone = (
      await coordinator
        .request('delete', `/api/directory/organisations/${school?.id}/aliases`)
        .query({ alias: spelling })
        .expect(200)
    ).body as Organisation;
    expect(undone.aliases).toEqual([]);
    expect(await matchOf()).not.toBe('alias');
    const again = await coordinator
      .request('delete', `/api/directory/organisations/${school?.id}/aliases`)
      .query({ alias: spelling })
      .expect(404);
    expect(again.body).toMatchObject({ error: 'ALIAS_NOT_FOUND', details: [expect.stringMatching(/^alias: /)] });
    await coordinator.request('delete', `/api/directory/organisations/${school?.id}/aliases`).expect(400);
    const audit = await harness.db.query(
      `SELECT action FROM audit_log WHERE target_id = $1 AND action LIKE 'directory.alias.%' ORDER BY at`,
      [school?.id],
    );
    expect(audit.rows.map((r) => r.action)).toEqual(['directory.alias.add', 'directory.alias.remove']);
  });
});
