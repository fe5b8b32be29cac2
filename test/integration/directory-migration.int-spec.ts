import { runMigrations } from '@orientir/persistence';
import { useDatabaseBefore } from '../support/migration-database.util';

/**
 * The directory migration on a database filled the way the code before it wrote rows: per-cycle
 * schools, executor names in JSON, grants on one cycle's school row and on an organisation name.
 */
describe('directory migration on a database filled by the previous code', () => {
  const { url, db } = useDatabaseBefore('Directory1795380000000');

  it('turns schools and executor names into directory entries and keeps progress, workflow IDs and grants', async () => {
    // What CycleStore.create, the projections and AccountsService wrote before the directory.
    const cycle = await one(
      `INSERT INTO cycles (title, year, timezone, municipality) VALUES ('ДК 2023', 2023, 'Asia/Krasnoyarsk', 'г. Лесосибирск') RETURNING id`,
    );
    const other = await one(
      `INSERT INTO cycles (title, year, timezone, municipality) VALUES ('ДК Иркутска', 2023, 'Asia/Irkutsk', 'г. Иркутск') RETURNING id`,
    );
    const school1 = await one(
      `INSERT INTO schools (cycle_id, name, category, municipality, emails) VALUES ($1, 'МБОУ «СОШ № 1»', 'shnor', NULL, '{school1@example.ru}') RETURNING id`,
      [cycle],
    );
    const school2 = await one(
      `INSERT INTO schools (cycle_id, name, category, municipality, emails) VALUES ($1, 'МБОУ "СОШ № 2"', 'risk_zone', 'г. Лесосибирск', '{}') RETURNING id`,
      [cycle],
    );
    const event = await one(
      `INSERT INTO roadmap_events (cycle_id, number, title, opens_at, deadline, executors)
       VALUES ($1, '1', 'Самодиагностика', '2023-05-01T00:00:00Z', '2023-05-31T00:00:00Z', $2::jsonb) RETURNING id`,
      [
        cycle,
        JSON.stringify([
          { name: 'Отдел образования', email: 'OO@Example.ru'.toLowerCase() },
          { name: 'МКУ «ИМЦРО»', email: null },
        ]),
      ],
    );
    const otherEvent = await one(
      `INSERT INTO roadmap_events (cycle_id, number, title, opens_at, deadline, executors)
       VALUES ($1, '1', 'Самодиагностика', '2023-05-01T00:00:00Z', '2023-05-31T00:00:00Z', $2::jsonb) RETURNING id`,
      [other, JSON.stringify([{ name: 'Отдел образования', email: null }])],
    );
    await db.query(
      `INSERT INTO school_progress (school_id, cycle_id, workflow_id, stage, round, sequence, changed_at)
       VALUES ($1, $2, $3, 'expertise', 2, 7, now())`,
      [school1, cycle, `cycle/${cycle}/school/${school1}`],
    );
    await db.query(
      `INSERT INTO event_progress (event_id, cycle_id, workflow_id, status, reminders_sent, sequence, changed_at)
       VALUES ($1, $2, $3, 'open', 1, 3, now())`,
      [event, cycle, `cycle/${cycle}/event/${event}`],
    );
    const curator = await one(
      `INSERT INTO users (email, display_name) VALUES ('curator@example.ru', 'Куратор') RETURNING id`,
    );
    const executor = await one(
      `INSERT INTO users (email, display_name) VALUES ('oo@example.ru', 'Исполнитель') RETURNING id`,
    );
    await db.query(
      `INSERT INTO role_grants (user_id, role, scope_kind, scope_value) VALUES ($1, 'curator', 'school', $2)`,
      [curator, school1],
    );
    await db.query(
      `INSERT INTO role_grants (user_id, role, scope_kind, scope_value) VALUES ($1, 'executor', 'organisation', 'мку «имцро»')`,
      [executor],
    );

    // The directory and every later migration run; the directory's comes first.
    expect((await runMigrations(url))[0]).toBe('Directory1795380000000');

    // Participation rows, their progress and workflow IDs are untouched; each has its directory school.
    const schools = await db.query(
      `SELECT s.id, s.category, d.full_name, d.email, m.name AS municipality
         FROM schools s JOIN directory_schools d ON d.id = s.directory_school_id
         LEFT JOIN municipalities m ON m.id = d.municipality_id ORDER BY d.name_key`,
    );
    expect(schools.rows).toEqual([
      {
        id: school1,
        category: 'shnor',
        full_name: 'МБОУ «СОШ № 1»',
        email: 'school1@example.ru',
        municipality: 'г. Лесосибирск',
      },
      { id: school2, category: 'risk_zone', full_name: 'МБОУ "СОШ № 2"', email: null, municipality: 'г. Лесосибирск' },
    ]);
    const progress = await db.query(`SELECT workflow_id, stage, round, sequence FROM school_progress`);
    expect(progress.rows).toEqual([
      { workflow_id: `cycle/${cycle}/school/${school1}`, stage: 'expertise', round: 2, sequence: 7 },
    ]);
    const eventProgress = await db.query(`SELECT event_id, workflow_id, reminders_sent FROM event_progress`);
    expect(eventProgress.rows).toEqual([
      { event_id: event, workflow_id: `cycle/${cycle}/event/${event}`, reminders_sent: 1 },
    ]);

    // One municipality per name; cycles point at theirs.
    const municipalities = await db.query(`SELECT name FROM municipalities ORDER BY name`);
    expect(municipalities.rows.map((r) => r.name)).toEqual(['г. Иркутск', 'г. Лесосибирск']);
    const cycles = await db.query(
      `SELECT c.id, m.name FROM cycles c JOIN municipalities m ON m.id = c.municipality_id ORDER BY m.name`,
    );
    expect(cycles.rows).toEqual([
      { id: other, name: 'г. Иркутск' },
      { id: cycle, name: 'г. Лесосибирск' },
    ]);

    // Executors carry organisations of their own municipality: the two «Отдел образования» are two.
    const executors = await db.query(
      `SELECT e.id, x->>'name' AS name, o.name AS organisation, m.name AS municipality
         FROM roadmap_events e, jsonb_array_elements(e.executors) x
         JOIN organisations o ON o.id = (x->>'organisationId')::uuid
         JOIN municipalities m ON m.id = o.municipality_id ORDER BY m.name, x->>'name'`,
    );
    expect(executors.rows).toEqual([
      { id: otherEvent, name: 'Отдел образования', organisation: 'Отдел образования', municipality: 'г. Иркутск' },
      { id: event, name: 'МКУ «ИМЦРО»', organisation: 'МКУ «ИМЦРО»', municipality: 'г. Лесосибирск' },
      { id: event, name: 'Отдел образования', organisation: 'Отдел образования', municipality: 'г. Лесосибирск' },
    ]);

    // E-mails became people of their organisation; the one with an account is linked to it.
    const people = await db.query(
      `SELECT p.email, o.name AS organisation, p.user_id FROM people p JOIN organisations o ON o.id = p.organisation_id ORDER BY p.email`,
    );
    expect(people.rows).toEqual([
      { email: 'oo@example.ru', organisation: 'Отдел образования', user_id: executor },
      { email: 'school1@example.ru', organisation: 'МБОУ «СОШ № 1»', user_id: null },
    ]);

    // Grants name directory entries now, so they hold in the next cycle too.
    const grants = await db.query(
      `SELECT g.role, coalesce(d.full_name, o.name) AS target FROM role_grants g
         LEFT JOIN directory_schools d ON g.scope_kind = 'school' AND d.id::text = g.scope_value
         LEFT JOIN organisations o ON g.scope_kind = 'organisation' AND o.id::text = g.scope_value ORDER BY g.role`,
    );
    expect(grants.rows).toEqual([
      { role: 'curator', target: 'МБОУ «СОШ № 1»' },
      { role: 'executor', target: 'МКУ «ИМЦРО»' },
    ]);
  });

  async function one(sql: string, params: unknown[] = []): Promise<string> {
    const result = await db.query(sql, params);
    return result.rows[0].id as string;
  }
});
