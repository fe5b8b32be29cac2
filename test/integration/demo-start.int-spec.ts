import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { CycleStore } from '@orientir/persistence';
import { launchDemoWithUsers } from '../../infra/demo/demo-users';
import { useHarness } from '../support/test-harness';

const ROOT = path.resolve(__dirname, '../..');
/** The contact people of the demo's people file, one per executor organisation of the seed. */
const CONTACTS = {
  'ДО г. Иркутска': 'kravtsova@demo.orientir.local',
  'МКУ «ИМЦРО»': 'lebedev@demo.orientir.local',
};
/** An executor of the seed that is the cycle's ШНОР schools, not an organisation. */
const SHNOR_TEAMS = 'Управленческие команды ШНОР';

describe('the demo start: a cycle from the seed roadmap and the demo participants and people files', () => {
  // Counts whole tables: its own database.
  const harness = useHarness({ ownDatabase: true });
  const stateFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'orientir-demo-')), 'demo-cycle.json');
  let apiUrl: string;
  let cycleId: string;
  const launch = () =>
    launchDemoWithUsers({ root: ROOT, apiUrl, stateFile, databaseUrl: harness.apps.config.database.url });
  const counts = async () =>
    (
      await harness.db.query(
        `SELECT (SELECT count(*) FROM cycles)::int AS cycles, (SELECT count(*) FROM roadmaps)::int AS roadmaps,
                (SELECT count(*) FROM directory_schools)::int AS schools, (SELECT count(*) FROM organisations)::int AS organisations,
                (SELECT count(*) FROM people)::int AS people, (SELECT count(*) FROM curator_assignments)::int AS curators,
                (SELECT count(*) FROM users)::int AS users`,
      )
    ).rows[0] as Record<string, number>;

  beforeAll(async () => {
    await harness.apps.api.listen(0, '127.0.0.1');
    apiUrl = `http://127.0.0.1:${(harness.apps.api.getHttpServer().address() as AddressInfo).port}`;
  });

  it('imports the files through the API before the launch, so every executor reaches the person the file names', async () => {
    const demo = await launch();
    cycleId = demo.cycleId;
    const cycle = (await harness.admin.get(`/api/cycles/${cycleId}`).expect(200)).body as {
      schools: { name: string; directorySchoolId: string | null }[];
      unmatchedExecutors: string[];
      executorsWithoutAddressee: string[];
    };
    expect([cycle.unmatchedExecutors, cycle.executorsWithoutAddressee]).toEqual([[], []]);
    expect(cycle.schools).toHaveLength(43);
    expect(cycle.schools.filter((s) => !s.directorySchoolId)).toEqual([]);
    // Nobody but the files' people: schools' addresses, two curators and one contact per executor.
    const people = await harness.db.query<{ email: string; organisation: string }>(
      `SELECT p.email, o.name AS organisation FROM people p LEFT JOIN organisations o ON o.id = p.organisation_id`,
    );
    expect(people.rows).toHaveLength(43 + 2 + 2);
    for (const [organisation, email] of Object.entries(CONTACTS)) {
      expect(people.rows).toContainEqual({ email, organisation });
    }
    expect(people.rows.filter((p) => !p.email.endsWith('@demo.orientir.local'))).toEqual([]);
    const curated = await harness.db.query(`SELECT 1 FROM curator_assignments WHERE cycle_id = $1`, [cycleId]);
    expect(curated.rows).toHaveLength(5);

    // Each event's reminders reach its executors' people from the files (the worker's own lookup): the
    // organisations' contacts, and for «Управленческие команды ШНОР» the ШНОР schools (never a risk-zone one).
    const stored = (await harness.apps.api.get(CycleStore).find(cycleId))!;
    const schoolEmails = await harness.db.query<{ category: string; email: string }>(
      `SELECT s.category, d.email FROM schools s JOIN directory_schools d ON d.id = s.directory_school_id
        WHERE s.cycle_id = $1 AND d.email IS NOT NULL`,
      [cycleId],
    );
    const emailsOf = (category: string) => schoolEmails.rows.filter((s) => s.category === category).map((s) => s.email);
    expect(emailsOf('shnor')).toHaveLength(8);
    for (const event of stored.events) {
      const found = await harness.apps.api.get(CycleStore).findEventForReminder(event.id);
      const got = found?.recipients.map((r) => r.email) ?? [];
      const organisations = event.executors.flatMap((x) => CONTACTS[x.name as keyof typeof CONTACTS] ?? []);
      expect([event.number, got.filter((e) => !emailsOf('shnor').includes(e)).sort()]).toEqual([
        event.number,
        organisations.sort(),
      ]);
      const teams = event.executors.some((x) => x.name === SHNOR_TEAMS);
      expect([event.number, emailsOf('shnor').filter((e) => !got.includes(e))]).toEqual([
        event.number,
        teams ? [] : emailsOf('shnor'),
      ]);
      expect(got.filter((e) => emailsOf('risk_zone').includes(e))).toEqual([]);
    }
    expect(stored.events.some((e) => e.executors.some((x) => x.name === SHNOR_TEAMS))).toBe(true);
  });

  it('a second start finds the same cycle and adds nothing', async () => {
    const before = await counts();
    const again = await launch();
    expect(again.cycleId).toBe(cycleId);
    expect(await counts()).toEqual(before);
    expect(before).toMatchObject({ cycles: 1, roadmaps: 1, schools: 43, people: 47, curators: 5 });
  });
});
