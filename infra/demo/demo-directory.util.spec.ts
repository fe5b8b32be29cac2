import fs from 'node:fs';
import path from 'node:path';
import { directoryKey, executorGroupOf, planCycleFromRoadmap } from '@orientir/domain';
import { parseCurators, parsePeople, parseRoadmap, parseSchools } from '@orientir/roadmap-import';
import { DEMO_PARTICIPANTS_FILE, DEMO_PEOPLE_FILE } from './demo-directory.util';

const ROOT = path.resolve(__dirname, '../..');
const read = (file: string) => ({ fileName: path.basename(file), bytes: fs.readFileSync(path.join(ROOT, file)) });

describe('the demo directory files cover the seed roadmap', () => {
  const seed = async () =>
    planCycleFromRoadmap(
      await parseRoadmap(
        { text: fs.readFileSync(path.join(ROOT, 'test/fixtures/roadmaps/irkutsk-city-2023.txt'), 'utf8') },
        { timezone: 'Asia/Irkutsk' },
      ),
    );

  it('lists every school of the annex with its category and an e-mail, in one municipality', async () => {
    const { schools, warnings } = await parseSchools(read(DEMO_PARTICIPANTS_FILE));
    expect(warnings).toEqual([]);
    const plan = await seed();
    expect(schools.map((s) => [s.name, s.category])).toEqual(plan.schools.map((s) => [s.name, s.category]));
    expect(schools.filter((s) => s.emails.length !== 1)).toEqual([]);
    expect(new Set(schools.map((s) => s.municipality))).toEqual(new Set(['г. Иркутск']));
  });

  it('names curators with e-mails, curating schools of the file', async () => {
    const [{ curators, warnings }, { schools }] = await Promise.all([
      parseCurators(read(DEMO_PARTICIPANTS_FILE)),
      parseSchools(read(DEMO_PARTICIPANTS_FILE)),
    ]);
    expect(warnings).toEqual([]);
    expect(curators.length).toBeGreaterThanOrEqual(2);
    const names = new Set(schools.map((s) => directoryKey(s.name)));
    for (const c of curators) {
      expect(c.email).toMatch(/@demo\.orientir\.local$/);
      expect(c.schools.filter((s) => !names.has(directoryKey(s)))).toEqual([]);
    }
  });

  it('gives every executor organisation of the seed a contact person with an e-mail, named as the roadmap names it', async () => {
    const { people, problems } = await parsePeople(read(DEMO_PEOPLE_FILE));
    expect(problems).toEqual([]);
    const names = new Set((await seed()).events.flatMap((e) => e.executors.map((x) => x.name)));
    // «Управленческие команды ШНОР» are the cycle's ШНОР schools (their e-mails are in the participants file), no organisation.
    const organisations = [...names].filter((x) => !executorGroupOf(x));
    const reached = new Set(people.filter((p) => p.email).map((p) => p.organisation));
    expect(organisations.filter((x) => !reached.has(x))).toEqual([]);
    expect(organisations.length).toBeGreaterThan(0);
    expect(names.size).toBeGreaterThan(organisations.length);
    expect(people.filter((p) => executorGroupOf(p.organisation ?? ''))).toEqual([]);
  });
});
