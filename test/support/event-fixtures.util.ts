// Shared pieces of the roadmap-event tests: the seed with a «По графику» event, an evidence record,
// and reading a binary download (the official report) with supertest.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Response } from 'superagent';
import type { EvidenceInput } from '@orientir/contracts';

export const IRKUTSK_SEED = path.resolve(__dirname, '../fixtures/roadmaps/irkutsk-city-2023.txt');

/** The Irkutsk seed as text, with event 5 («Назначение кураторов…», May) turned into a «По графику» event. */
export function irkutskSeedWithScheduledByPlan(): Buffer {
  const text = readFileSync(IRKUTSK_SEED, 'utf8');
  const changed = text.replace(/(Назначение кураторов ШНОР[^\n]*\n\t)Май/, '$1По графику');
  if (changed === text) throw new Error('the Irkutsk seed no longer has event 5 as the event tests expect');
  return Buffer.from(changed, 'utf8');
}

/** An evidence record as the API would send it, from a coordinator unless `over` says otherwise. */
export function evidenceRecord(over: Partial<EvidenceInput> & Pick<EvidenceInput, 'evidenceId'>): EvidenceInput {
  return {
    executorKey: 'coordinator',
    executorName: 'Координатор',
    organisationId: null,
    asCoordinator: true,
    recordedBy: null,
    recordedByName: null,
    occurrenceIndex: null,
    heldOn: null,
    heldOnStart: null,
    heldOnEnd: null,
    count: 1,
    link: null,
    schoolIds: [],
    comment: null,
    files: [],
    lateReason: null,
    ...over,
  };
}

/** For supertest's `.parse()`: the body as one Buffer (DOCX, XLSX). */
export function binaryBody(res: Response, done: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}
