// The three real roadmaps, imported from their text copies and checked event by event against
// expectations written by hand from the documents (test/fixtures/roadmaps/*.expected.ts).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CanonicalRoadmap } from '@orientir/domain';
// eslint-disable-next-line @nx/enforce-module-boundaries -- hand-written fixture data, not a project dependency
import {
  ExpectedRoadmap,
  irkutskCity2023,
  lesosibirsk20202021,
  ustIlimskDistrict20232024,
} from '../../../test/fixtures/roadmaps';
import { parseRoadmap } from './roadmap.importer';

const FIXTURES = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'roadmaps');
const NOW = new Date('2030-01-01T00:00:00Z');

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

describe.each<ExpectedRoadmap>([irkutskCity2023, lesosibirsk20202021, ustIlimskDistrict20232024])(
  'seed $file',
  (expected) => {
    let roadmap: CanonicalRoadmap;

    beforeAll(async () => {
      roadmap = await parseRoadmap(
        { fileName: expected.file, bytes: readFileSync(join(FIXTURES, expected.file)) },
        { now: NOW },
      );
    });

    it('reads the title above the table, the document year and the default time zone', () => {
      expect(roadmap.title).toBe(expected.title);
      expect(roadmap.year).toBe(expected.year);
      expect(roadmap.timezone).toBe('Asia/Irkutsk');
    });

    it('finds every event, in order', () => {
      expect(roadmap.events.map((event) => event.number)).toEqual(expected.events.map((event) => event.number));
    });

    it.each(expected.events.map((event) => [event.number, event] as const))('event %s', (_number, want) => {
      const got = roadmap.events.find((event) => event.number === want.number);
      expect(got).toBeDefined();
      if (!got) return;
      expect(collapse(got.title).startsWith(want.titleStart)).toBe(true);
      expect({ start: got.period.start, end: got.period.end }).toEqual({
        start: want.periodStart,
        end: want.periodEnd,
      });
      const kinds = Array.isArray(want.indicatorKind) ? want.indicatorKind : [want.indicatorKind];
      expect(kinds).toContain(got.indicator.kind);
      if (want.indicatorMin !== undefined) expect(got.indicator.min).toBe(want.indicatorMin);
      if (want.sectionStart === null) expect(got.section).toBeNull();
      else expect(collapse(got.section ?? '').startsWith(want.sectionStart)).toBe(true);
      if (want.executors) expect(got.executors).toEqual(want.executors);
      expect(got.sourceRow).not.toBe('');
    });

    it('finds the participant schools the document lists', () => {
      const count = (category: string): number =>
        roadmap.schools.filter((school) => school.category === category).length;
      expect({ shnor: count('shnor'), risk_zone: count('risk_zone'), shnsu: count('shnsu') }).toEqual({
        shnor: expected.schools.shnor,
        risk_zone: expected.schools.risk_zone,
        shnsu: expected.schools.shnsu,
      });
      for (const name of expected.schools.names ?? [])
        expect(roadmap.schools.map((school) => school.name)).toContain(name);
    });

    it('builds executor entities from the executors of the events', () => {
      const executors = new Set(roadmap.events.flatMap((event) => event.executors));
      const aliases = new Set(roadmap.executorEntities.flatMap((entity) => entity.aliases));
      for (const executor of executors) expect(aliases).toContain(executor);
    });
  },
);

describe('seed warnings', () => {
  it('reports the misread row number and the text under a section heading in the Ust-Ilimsk copy', async () => {
    const roadmap = await parseRoadmap(
      { fileName: ustIlimskDistrict20232024.file, bytes: readFileSync(join(FIXTURES, ustIlimskDistrict20232024.file)) },
      { now: NOW },
    );
    expect(roadmap.warnings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: '165', text: 'И', message: expect.stringContaining('принят номер 11') }),
        expect.objectContaining({ row: '175', text: expect.stringMatching(/^Цель\/задачи/) }),
      ]),
    );
  });
});

describe('seeds whose tabs were lost (a PDF copy)', () => {
  it.each([irkutskCity2023, lesosibirsk20202021].map((seed) => [seed.file, seed] as const))(
    '%s still gives every event with its number, title and period',
    async (file, expected) => {
      const text = readFileSync(join(FIXTURES, file), 'utf8').replace(/\t/g, '');
      const roadmap = await parseRoadmap({ text }, { now: NOW });
      expect(
        roadmap.events.map((event) => ({
          number: event.number,
          title: expected.events.find((want) => collapse(event.title).startsWith(want.titleStart))?.number ?? null,
          start: event.period.start,
          end: event.period.end,
        })),
      ).toEqual(
        expected.events.map((want) => ({
          number: want.number,
          title: want.number,
          start: want.periodStart,
          end: want.periodEnd,
        })),
      );
    },
  );
});
