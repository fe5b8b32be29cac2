// The corpus of roadmap variants (test/fixtures/roadmaps/corpus): every document read from its
// text copy, DOCX and XLSX and scored against expectations written by hand from the document.
// CI fails here when the importer falls below the targets or the three forms stop agreeing.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CanonicalRoadmap } from '@orientir/domain';
// eslint-disable-next-line @nx/enforce-module-boundaries -- hand-written fixture data, not a project dependency
import { ROADMAP_CORPUS } from '../../../test/fixtures/roadmaps/corpus';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the scorer lives beside the corpus it scores
import * as corpusScorer from '../../../test/fixtures/roadmaps/corpus/corpus.scorer';
import { parseRoadmap } from './roadmap.importer';

const { CORPUS_FORMATS, CORPUS_TARGETS, formatScoreTable, ratesOf, scoreCorpus, sumCounts } = corpusScorer;

const CORPUS = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'roadmaps', 'corpus');
const NOW = new Date('2030-01-01T00:00:00Z');

describe('roadmap corpus', () => {
  let scores: corpusScorer.CorpusDocumentScore[];

  beforeAll(async () => {
    scores = await scoreCorpus(parseRoadmap);
  }, 60_000);

  it('holds at least 12 documents, each in three forms', () => {
    expect(ROADMAP_CORPUS.length).toBeGreaterThanOrEqual(12);
    expect(scores).toHaveLength(ROADMAP_CORPUS.length * CORPUS_FORMATS.length);
  });

  it('imports every document in every form without an error', () => {
    expect(
      scores.filter((score) => score.error).map((score) => `${score.name}.${score.format}: ${score.error}`),
    ).toEqual([]);
  });

  it.each(Object.entries(CORPUS_TARGETS))('meets the %s target (%s) over the whole corpus', (metric, target) => {
    const rates = ratesOf(sumCounts(scores));
    const value = rates[metric as keyof typeof rates];
    if (value < target) process.stdout.write(`${formatScoreTable(scores)}\n`);
    expect(value).toBeGreaterThanOrEqual(target);
  });
});

describe.each(ROADMAP_CORPUS.map(({ expected }) => expected))('corpus $name', (expected) => {
  const read: Partial<Record<(typeof CORPUS_FORMATS)[number], CanonicalRoadmap>> = {};

  beforeAll(async () => {
    for (const format of CORPUS_FORMATS) {
      const fileName = `${expected.name}.${format}`;
      read[format] = await parseRoadmap({ fileName, bytes: readFileSync(join(CORPUS, fileName)) }, { now: NOW });
    }
  });

  const summary = (roadmap: CanonicalRoadmap | undefined): string[] =>
    (roadmap?.events ?? []).map(
      (event) =>
        `${event.title.replace(/\s+/g, ' ')} | ${event.period.start}..${event.period.end} | ${event.indicator.kind} ${event.indicator.min}`,
    );

  it('gives the same events from the text copy, the DOCX and the XLSX', () => {
    expect(summary(read.docx)).toEqual(summary(read.txt));
    expect(summary(read.xlsx)).toEqual(summary(read.txt));
  });

  it('reads the document year', () => {
    for (const format of CORPUS_FORMATS) expect(read[format]?.year).toBe(expected.year);
  });

  it('gives every event a confidence per field', () => {
    for (const event of read.docx?.events ?? []) {
      expect(event.confidence).toBeDefined();
      for (const value of Object.values(event.confidence ?? {})) {
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(1);
      }
    }
  });

  it('names every table it set aside', () => {
    const names: Record<string, string> = {
      controlPoints: 'контрольные точки',
      mechanisms: 'механизмы реализации',
      signatures: 'подписи и согласования',
    };
    for (const format of CORPUS_FORMATS) {
      for (const kind of expected.setAside ?? []) {
        expect(read[format]?.warnings.some((warning) => warning.message.includes(`«${names[kind]}»`))).toBe(true);
      }
    }
  });

  const schools = expected.schools;
  if (schools !== undefined) {
    it('lists the participant schools of the appendix', () => {
      for (const format of CORPUS_FORMATS) expect(read[format]?.schools).toHaveLength(schools);
    });
  }
});
