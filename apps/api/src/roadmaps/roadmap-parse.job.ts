// What a roadmap-parsing worker thread does with one upload. Plain functions over bytes, so the same
// code runs in the worker (roadmap-parse.worker.ts) and nowhere else.
import type { CanonicalRoadmap } from '@orientir/domain';
import {
  parseCurators,
  parseRoadmap,
  parseSchools,
  RoadmapImportErrorCode,
  RoadmapImportException,
} from '@orientir/roadmap-import';

/** Rows of a roadmap table: real ones have about 300; a bigger table is refused, not previewed. */
export const MAX_TABLE_ROWS = 5000;

export interface ParseFile {
  fileName: string;
  bytes: Uint8Array;
}

export interface ParseRequest {
  file: ParseFile;
  participants?: ParseFile;
  options: { year?: number; timezone?: string };
}

export async function runParseJob({ file, participants, options }: ParseRequest): Promise<CanonicalRoadmap> {
  let roadmap = await parseRoadmap(
    { fileName: file.fileName, bytes: Buffer.from(file.bytes) },
    {
      ...options,
      // Called first with the table's size, before any row is assembled.
      onProgress: (_done, total) => {
        if (total > MAX_TABLE_ROWS) throw tooManyRows(file.fileName, total);
      },
    },
  );
  if (participants) roadmap = await withParticipants(roadmap, participants);
  return roadmap;
}

/** A separate schools/curators table replaces what the roadmap text listed; its warnings are marked. */
async function withParticipants(roadmap: CanonicalRoadmap, file: ParseFile): Promise<CanonicalRoadmap> {
  const input = { fileName: file.fileName, bytes: Buffer.from(file.bytes) };
  const [{ schools, warnings: schoolWarnings }, { curators, warnings: curatorWarnings }] = await Promise.all([
    parseSchools(input),
    parseCurators(input),
  ]);
  if (schools.length + curators.length > MAX_TABLE_ROWS)
    throw tooManyRows(file.fileName, schools.length + curators.length);
  const marked = [...schoolWarnings, ...curatorWarnings].map((w) => ({ ...w, row: `${input.fileName}: ${w.row}` }));
  return {
    ...roadmap,
    schools: schools.length ? schools : roadmap.schools,
    curators: curators.length ? curators : roadmap.curators,
    warnings: [...roadmap.warnings, ...marked],
  };
}

function tooManyRows(fileName: string, rows: number): RoadmapImportException {
  return new RoadmapImportException(
    RoadmapImportErrorCode.FILE_TOO_LARGE,
    `В файле «${fileName}» ${rows} строк при допустимых ${MAX_TABLE_ROWS}. ` +
      'Дорожная карта обычно содержит несколько сотен мероприятий: проверьте, что загружена нужная таблица.',
    { value: String(rows) },
  );
}
