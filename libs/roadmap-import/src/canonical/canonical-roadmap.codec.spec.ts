import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { CanonicalRoadmap, RoadmapEvent, RoadmapPeriod } from '@orientir/domain';
import { parseRoadmap } from '../roadmap.importer';
import { RoadmapImportErrorCode, RoadmapImportException } from '../roadmap-import.exception';
import schemaFile from '../schema/roadmap.schema.json';
import { exportRoadmap, importCanonical } from './canonical-roadmap.codec';

const FIXTURES = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'roadmaps');

const isoDate = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));
const text = fc.string({ unit: 'grapheme', maxLength: 40 });
const nullableText = fc.option(text, { nil: null });

const period: fc.Arbitrary<RoadmapPeriod> = fc.record({
  start: fc.option(isoDate, { nil: null }),
  end: fc.option(isoDate, { nil: null }),
  occurrences: fc.array(fc.record({ start: isoDate, end: isoDate }), { maxLength: 3 }),
  recurrence: fc.constantFrom('weekly' as const, 'monthly' as const, 'quarterly' as const, null),
  wholeCycle: fc.boolean(),
  toBeScheduled: fc.boolean(),
  text,
});

const event: fc.Arbitrary<RoadmapEvent> = fc.record({
  number: fc.stringMatching(/^\d{1,3}(\.\d{1,2})?$/),
  section: nullableText,
  title: text,
  period,
  executors: fc.array(text, { maxLength: 3 }),
  indicator: fc.record({
    kind: fc.constantFrom('count' as const, 'coverage' as const, 'document' as const, 'text' as const),
    min: fc.option(fc.integer({ min: 0, max: 1000 }), { nil: null }),
    per: fc.constantFrom('month' as const, 'week' as const, 'quarter' as const, 'year' as const, null),
    unit: nullableText,
    text,
  }),
  reportForm: nullableText,
  executionNote: nullableText,
  stage: fc.constantFrom(
    'self_diagnosis' as const,
    'concept_documents' as const,
    'expertise' as const,
    'monitoring' as const,
    'report' as const,
    null,
  ),
  sourceRow: fc.stringMatching(/^[0-9A-Za-zА-я!]{1,8}$/),
});

const roadmap: fc.Arbitrary<CanonicalRoadmap> = fc.record({
  title: text,
  year: fc.integer({ min: 2000, max: 2100 }),
  timezone: fc.constantFrom('Asia/Irkutsk', 'Europe/Moscow', 'Asia/Krasnoyarsk'),
  events: fc.array(event, { maxLength: 5 }),
  executorEntities: fc.array(fc.record({ key: text, name: text, aliases: fc.array(text, { maxLength: 3 }) }), {
    maxLength: 3,
  }),
  schools: fc.array(
    fc.record({
      name: text.filter((name) => name.length > 0),
      category: fc.constantFrom('shnor' as const, 'risk_zone' as const, 'shnsu' as const),
      municipality: nullableText,
      emails: fc.array(fc.emailAddress(), { maxLength: 2 }),
    }),
    { maxLength: 3 },
  ),
  curators: fc.array(
    fc.record({
      name: text.filter((name) => name.length > 0),
      position: nullableText,
      workplace: nullableText,
      email: fc.option(fc.emailAddress(), { nil: null }),
      schools: fc.array(text, { maxLength: 3 }),
    }),
    { maxLength: 2 },
  ),
  warnings: fc.array(fc.record({ row: text, text, message: text }), { maxLength: 3 }),
});

function invalid(source: string): RoadmapImportException {
  try {
    importCanonical(source);
  } catch (error: unknown) {
    if (error instanceof RoadmapImportException) return error;
    throw error;
  }
  throw new Error('expected the canonical import to fail');
}

describe('canonical roadmap codec', () => {
  it('publishes a draft 2020-12 JSON Schema', () => {
    expect(schemaFile.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schemaFile.required).toEqual([
      'title',
      'year',
      'timezone',
      'events',
      'executorEntities',
      'schools',
      'curators',
      'warnings',
    ]);
  });

  it.each(['json', 'yaml'] as const)('round-trips a generated roadmap through %s without loss', (format) => {
    fc.assert(
      fc.property(roadmap, (original) => {
        expect(importCanonical(exportRoadmap(original, format))).toEqual(original);
      }),
      { numRuns: 150 },
    );
  });

  it.each(['json', 'yaml'] as const)('round-trips the imported Irkutsk roadmap through %s', async (format) => {
    const imported = await parseRoadmap({
      fileName: 'irkutsk-city-2023.txt',
      bytes: readFileSync(join(FIXTURES, 'irkutsk-city-2023.txt')),
    });
    const exported = exportRoadmap(imported, format);
    expect(importCanonical(exported)).toEqual(imported);
    // The same file can be handed back to the importer as a document.
    const again = await parseRoadmap({ fileName: `карта.${format}`, bytes: Buffer.from(exported) });
    expect(again).toEqual(imported);
  });

  it('writes YAML a person can read and edit: keys in model order, Cyrillic unescaped', () => {
    const yaml = exportRoadmap(
      {
        title: 'Дорожная карта',
        year: 2023,
        timezone: 'Asia/Irkutsk',
        events: [],
        executorEntities: [],
        schools: [],
        curators: [],
        warnings: [],
      },
      'yaml',
    );
    expect(yaml.split('\n').slice(0, 3)).toEqual(['title: Дорожная карта', 'year: 2023', 'timezone: Asia/Irkutsk']);
  });

  it('names the missing field of an edited file', () => {
    const error = invalid(
      JSON.stringify({
        title: 'x',
        year: 2023,
        timezone: 'Asia/Irkutsk',
        events: [],
        executorEntities: [],
        schools: [],
        curators: [],
      }),
    );
    expect(error.code).toBe(RoadmapImportErrorCode.INVALID_CANONICAL);
    expect(error.message).toBe(
      'Файл дорожной карты не соответствует схеме roadmap.schema.json: поле «/warnings» обязательно, но отсутствует.',
    );
    expect(error.details.field).toBe('/warnings');
  });

  it('names a wrong value with its path', () => {
    const error = invalid(
      'title: x\nyear: 2023\ntimezone: Asia/Irkutsk\nevents: []\nexecutorEntities: []\nschools:\n  - name: СОШ № 1\n    category: лучшая\n    municipality: null\n    emails: []\ncurators: []\nwarnings: []\n',
    );
    expect(error.message).toContain('поле «/schools/0/category» должно быть одним из: "shnor", "risk_zone", "shnsu"');
    expect(error.details.value).toBe('"лучшая"');
  });

  it('reports broken JSON as broken', () => {
    expect(invalid('{"title": ').message).toMatch(/^Файл дорожной карты в формате JSON повреждён/);
  });
});
