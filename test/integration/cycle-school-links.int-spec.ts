import { DataSource, type EntityManager } from 'typeorm';
import { directoryKey } from '@orientir/domain';
import { CycleStore, DirectoryStore, type NewCycle } from '@orientir/persistence';
import { useHarness } from '../support/test-harness';

/**
 * Storing a cycle links its schools to the directory in set-based statements. These tests check the
 * result against the per-school find-or-create it replaced (ensureMunicipality, ensureSchool,
 * ensureOrganisation, ensurePerson in draft order), on a directory that already holds some of the
 * entries in every state that changes the outcome, and at the scale of a 1,000-school launch.
 */
describe('cycle schools linked to the directory, set-based', () => {
  // Counts and compares whole directory tables: its own database.
  const harness = useHarness({ ownDatabase: true });
  let dataSource: DataSource;
  let directory: DirectoryStore;
  let cycles: CycleStore;

  const OWNER = 'г. Тестовск';
  const DISTRICTS = [OWNER, 'Заречный район', 'Новый район'];
  const SCHOOLS = 1000;

  /** 1,000 schools over three municipalities (some by the owner), with shared and repeated e-mails and the edge cases below. */
  function drafts(): NewCycle['schools'] {
    const generated = Array.from({ length: SCHOOLS - 10 }, (_, i) => ({
      name: `МБОУ «СОШ № ${i + 1}»`,
      category: 'shnor' as const,
      municipality: i % 4 === 3 ? null : DISTRICTS[i % 3],
      emails:
        i % 5 === 0 ? [] : i % 7 === 0 ? [`school${i}@test.local`, 'shared@test.local'] : [`school${i}@test.local`],
    }));
    return [
      ...generated,
      // Two spellings of one name (the same directory key): one directory school, the second e-mail only fills a gap.
      { name: 'Школа «Ромашка»', category: 'risk_zone', municipality: OWNER, emails: [] },
      { name: 'Школа "Ромашка"', category: 'risk_zone', municipality: OWNER, emails: ['romashka@test.local'] },
      // Known to the directory without an e-mail, and with one (kept).
      { name: 'Гимназия № 2', category: 'shnor', municipality: OWNER, emails: ['gym2-new@test.local'] },
      { name: 'Лицей № 3', category: 'shnor', municipality: OWNER, emails: ['lyceum3-new@test.local'] },
      // Its name is an alias of an organisation in the municipality.
      { name: 'Школа-интернат № 4', category: 'shnor', municipality: 'Заречный район', emails: [] },
      // Named exactly like a regional organisation: taken where the municipality has no similar name…
      { name: 'Центр образования Кванториум', category: 'shnor', municipality: 'Новый район', emails: [] },
      // …and not where it has one.
      { name: 'Центр цифрового образования IT-куб', category: 'shnor', municipality: OWNER, emails: [] },
      // People already known: one without an organisation (gains it), one with (keeps it); an account's e-mail.
      { name: 'СОШ № 900 бис', category: 'shnor', municipality: OWNER, emails: ['orphan@test.local'] },
      { name: 'СОШ № 901 бис', category: 'shnor', municipality: OWNER, emails: ['placed@test.local'] },
      { name: 'СОШ № 902 бис', category: 'shnor', municipality: null, emails: ['Account@Test.local'] },
    ];
  }

  /** The directory before the cycle: entries in the states the drafts above meet. */
  async function seed(): Promise<void> {
    const m = dataSource.manager;
    const owner = (await directory.ensureMunicipality(OWNER, m)).row.id;
    const zarechny = (await directory.ensureMunicipality('Заречный район', m)).row.id;
    await directory.ensureSchool({ municipalityId: owner, fullName: 'Гимназия № 2' }, m);
    await directory.ensureSchool({ municipalityId: owner, fullName: 'Лицей № 3', email: 'lyceum3@test.local' }, m);
    const boarding = await directory.ensureOrganisation(zarechny, 'МБОУ «Школа-интернат № 4 г. Заречного»', m);
    expect(await directory.addAlias(boarding.row.id, 'Школа-интернат № 4', m)).toBe('added');
    await directory.ensureOrganisation(null, 'Центр образования Кванториум', m);
    await directory.ensureOrganisation(null, 'Центр цифрового образования IT-куб', m);
    await directory.ensureOrganisation(owner, 'Центр цифрового образования IT-куб филиал', m);
    const other = await directory.ensureOrganisation(owner, 'Отдел образования', m);
    await directory.ensurePerson({ fullName: 'Без места', email: 'orphan@test.local', organisationId: null }, m);
    await directory.ensurePerson({ fullName: 'На месте', email: 'placed@test.local', organisationId: other.row.id }, m);
    await m.query(`INSERT INTO users (email, display_name) VALUES ('account@test.local', 'Учетная запись')`);
  }

  /** The directory by content, not ids: what a person would see, and which entry each draft landed on. */
  async function snapshot(m: EntityManager, links: { school: string; municipality: string | null }[]) {
    // Arrays, not strings: a failure then shows only the rows that differ.
    const q = async (sql: string) => (await m.query(sql)) as Record<string, unknown>[];
    return {
      municipalities: await q(`SELECT name, name_key FROM municipalities ORDER BY name_key`),
      schools: await q(
        `SELECT m.name AS municipality, d.full_name, d.name_key, d.email FROM directory_schools d
           LEFT JOIN municipalities m ON m.id = d.municipality_id ORDER BY m.name, d.name_key`,
      ),
      organisations: await q(
        `SELECT m.name AS municipality, o.name, o.name_key, o.kind, d.full_name AS school FROM organisations o
           LEFT JOIN municipalities m ON m.id = o.municipality_id LEFT JOIN directory_schools d ON d.id = o.school_id
          ORDER BY m.name, o.name_key`,
      ),
      people: await q(
        `SELECT p.full_name, p.email, o.name AS organisation, u.email AS account, p.is_contact, p.active FROM people p
           LEFT JOIN organisations o ON o.id = p.organisation_id LEFT JOIN users u ON u.id = p.user_id ORDER BY p.email`,
      ),
      links,
    };
  }

  async function namesOf(m: EntityManager, schoolIds: string[], municipalityIds: (string | null)[]) {
    const schools = new Map(
      ((await m.query(`SELECT id, full_name FROM directory_schools`)) as { id: string; full_name: string }[]).map(
        (r) => [r.id, r.full_name],
      ),
    );
    const municipalities = new Map(
      ((await m.query(`SELECT id, name FROM municipalities`)) as { id: string; name: string }[]).map((r) => [
        r.id,
        r.name,
      ]),
    );
    return schoolIds.map((id, i) => ({
      school: schools.get(id)!,
      municipality: municipalityIds[i] ? municipalities.get(municipalityIds[i]!)! : null,
    }));
  }

  /** Runs the work in a transaction, takes the snapshot and rolls everything back. */
  async function inRollback<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    const rollback = new Error('rollback');
    let result: T | undefined;
    await dataSource
      .transaction(async (m) => {
        result = await work(m);
        throw rollback;
      })
      .catch((e: unknown) => {
        if (e !== rollback) throw e;
      });
    return result as T;
  }

  beforeAll(async () => {
    dataSource = harness.apps.api.get(DataSource);
    directory = harness.apps.api.get(DirectoryStore);
    cycles = harness.apps.api.get(CycleStore);
    await seed();
  });

  it('stores the same directory entries and links as the per-school find-or-create, for 1,000 schools', async () => {
    const schools = drafts();
    expect(directoryKey(schools[SCHOOLS - 10].name)).toBe(directoryKey(schools[SCHOOLS - 9].name));
    const owner = (await directory.findMunicipality(OWNER))!.id;

    const perSchool = await inRollback(async (m) => {
      const schoolIds: string[] = [];
      const municipalityIds: (string | null)[] = [];
      for (const s of schools) {
        const municipalityId = s.municipality ? (await directory.ensureMunicipality(s.municipality, m)).row.id : owner;
        const { row } = await directory.ensureSchool(
          { municipalityId, fullName: s.name, email: s.emails[0] ?? null },
          m,
        );
        const organisation = await directory.ensureOrganisation(municipalityId, row.fullName, m, row.id);
        for (const email of s.emails) {
          await directory.ensurePerson({ fullName: email, email, organisationId: organisation.row.id }, m);
        }
        schoolIds.push(row.id);
        municipalityIds.push(municipalityId);
      }
      return snapshot(m, await namesOf(m, schoolIds, municipalityIds));
    });
    const setBased = await inRollback(async (m) => {
      const links = await directory.linkCycleSchools(owner, schools, m);
      return snapshot(
        m,
        await namesOf(
          m,
          links.map((l) => l.directorySchoolId),
          links.map((l) => l.municipalityId),
        ),
      );
    });

    expect(setBased.municipalities).toEqual(perSchool.municipalities);
    expect(setBased.schools).toEqual(perSchool.schools);
    expect(setBased.organisations).toEqual(perSchool.organisations);
    expect(setBased.people).toEqual(perSchool.people);
    expect(setBased.links).toEqual(perSchool.links);
    // The cases above really happened: the regional organisation was taken once and the alias was followed.
    const people = setBased.people as {
      email: string;
      organisation: string | null;
      account: string | null;
    }[];
    expect(people.find((p) => p.email === 'orphan@test.local')?.organisation).toBe('СОШ № 900 бис');
    expect(people.find((p) => p.email === 'placed@test.local')?.organisation).toBe('Отдел образования');
    expect(people.find((p) => p.email === 'account@test.local')?.account).toBe('account@test.local');
    expect(people.find((p) => p.email === 'shared@test.local')?.organisation).toBe('МБОУ «СОШ № 8»');
    const organisations = setBased.organisations as { name: string; school: string | null }[];
    expect(organisations.filter((o) => o.name === 'Центр образования Кванториум').map((o) => o.school)).toEqual([null]);
    expect(
      organisations
        .filter((o) => o.name === 'Центр цифрового образования IT-куб')
        .map((o) => o.school)
        .sort(),
    ).toEqual([null, 'Центр цифрового образования IT-куб']);
    expect(organisations.some((o) => o.name === 'Школа-интернат № 4')).toBe(false);
  }, 600_000);

  it('a 1,000-school cycle stores every link; a second cycle with the same schools adds no directory entry', async () => {
    const schools = drafts();
    const count = async () =>
      (
        (await harness.db.query(
          `SELECT (SELECT count(*) FROM municipalities)::int AS municipalities,
                  (SELECT count(*) FROM directory_schools)::int AS schools,
                  (SELECT count(*) FROM organisations)::int AS organisations,
                  (SELECT count(*) FROM people)::int AS people`,
        )) as { rows: Record<string, number>[] }
      ).rows[0];
    const before = await count();
    const cycle = (n: number): NewCycle => ({
      title: `Цикл ${n}`,
      year: 2026,
      timezone: 'Asia/Irkutsk',
      municipality: null,
      schools,
      events: [],
    });

    const first = await cycles.create(cycle(1));
    const afterFirst = await count();
    const distinctKeys = new Set(schools.map((s) => `${s.municipality ?? ''}|${directoryKey(s.name)}`)).size;
    const distinctEmails = new Set(schools.flatMap((s) => s.emails.map((e) => e.toLowerCase())));
    // Directory schools are made for every name not seeded (two seeded; two drafts share a key).
    expect(afterFirst.schools - before.schools).toBe(distinctKeys - 2);
    expect(afterFirst.municipalities - before.municipalities).toBe(1); // «Новый район»
    // Every new school brings its organisation, except the one that takes the regional organisation and the alias's.
    expect(afterFirst.organisations - before.organisations).toBe(distinctKeys - 2 - 2);
    // Known: orphan, placed, none else.
    expect(afterFirst.people - before.people).toBe(distinctEmails.size - 2);
    expect(first.schools).toHaveLength(SCHOOLS);
    expect(first.schools.every((s) => s.directorySchoolId)).toBe(true);

    const second = await cycles.create(cycle(2));
    expect(await count()).toEqual(afterFirst);
    const dup = await harness.db.query(
      `SELECT (SELECT count(*) FROM (SELECT 1 FROM directory_schools GROUP BY coalesce(municipality_id::text, ''), name_key HAVING count(*) > 1) d)::int AS schools,
              (SELECT count(*) FROM (SELECT 1 FROM people WHERE email IS NOT NULL GROUP BY email HAVING count(*) > 1) p)::int AS people`,
    );
    expect(dup.rows[0]).toEqual({ schools: 0, people: 0 });
    const byName = new Map(first.schools.map((s) => [s.name, s.directorySchoolId]));
    expect(second.schools.map((s) => [s.name, s.directorySchoolId])).toEqual(
      second.schools.map((s) => [s.name, byName.get(s.name)]),
    );
  }, 600_000);
});
