// The same roadmap as text, as a Word table and as an Excel sheet gives the same events.
// The DOCX/XLSX files were generated from the seeds by scripts/generate-fixtures.ts with the
// docx and exceljs libraries (section headings as merged rows).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CanonicalRoadmap, RoadmapEvent } from '@orientir/domain';
// eslint-disable-next-line @nx/enforce-module-boundaries -- hand-written fixture data, not a project dependency
import { irkutskCity2023, lesosibirsk20202021, ustIlimskDistrict20232024 } from '../../../test/fixtures/roadmaps';
import { parseRoadmap } from './roadmap.importer';

const FIXTURES = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'roadmaps');
const NOW = new Date('2030-01-01T00:00:00Z');

async function importFile(path: string): Promise<CanonicalRoadmap> {
  return parseRoadmap({ fileName: path.split('/').pop() ?? path, bytes: readFileSync(path) }, { now: NOW });
}

/** Row positions differ by nature (text line vs table row vs sheet row); everything else must not. */
function withoutSource(events: RoadmapEvent[]): Omit<RoadmapEvent, 'sourceRow'>[] {
  return events.map(({ sourceRow: _sourceRow, ...rest }) => rest);
}

describe.each(
  [irkutskCity2023, lesosibirsk20202021, ustIlimskDistrict20232024].map(
    (seed) => [seed.file.replace(/\.txt$/, ''), seed] as const,
  ),
)('%s as text, DOCX and XLSX', (name, expected) => {
  let text: CanonicalRoadmap;
  let docx: CanonicalRoadmap;
  let xlsx: CanonicalRoadmap;

  beforeAll(async () => {
    text = await importFile(join(FIXTURES, `${name}.txt`));
    docx = await importFile(join(FIXTURES, 'generated', `${name}.docx`));
    xlsx = await importFile(join(FIXTURES, 'generated', `${name}.xlsx`));
  });

  it('gives the hand-counted number of events in every form', () => {
    expect([text.events.length, docx.events.length, xlsx.events.length]).toEqual(Array(3).fill(expected.events.length));
  });

  it('DOCX gives the same events as the text', () => {
    expect(withoutSource(docx.events)).toEqual(withoutSource(text.events));
  });

  it('XLSX gives the same events as the text', () => {
    expect(withoutSource(xlsx.events)).toEqual(withoutSource(text.events));
  });

  it('every form finds the same title, year, executors and schools', () => {
    for (const other of [docx, xlsx]) {
      expect(other.title).toBe(expected.title);
      expect(other.year).toBe(expected.year);
      expect(other.executorEntities).toEqual(text.executorEntities);
      expect(other.schools).toEqual(text.schools);
    }
  });

  it('keeps the section headings of the merged rows', () => {
    const sections = (roadmap: CanonicalRoadmap): (string | null)[] => [
      ...new Set(roadmap.events.map((event) => event.section)),
    ];
    expect(sections(docx)).toEqual(sections(text));
    expect(sections(docx).length).toBe(new Set(expected.events.map((event) => event.sectionStart)).size);
  });
});
