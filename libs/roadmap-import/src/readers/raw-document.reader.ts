// The table model of a file, before any interpretation: for the fixture generator and for tooling
// that wants to show the coordinator what was read.

import { RoadmapImportErrorCode, RoadmapImportException } from '../roadmap-import.exception';
import { RoadmapInput } from '../roadmap-import.options';
import { readInput } from './document.reader';
import { RawDocument } from './raw-table.model';

export async function readRawDocument(input: RoadmapInput, maxFileSizeBytes?: number): Promise<RawDocument> {
  const read = await readInput(input, maxFileSizeBytes);
  if (read.kind === 'canonical') {
    throw new RoadmapImportException(
      RoadmapImportErrorCode.UNSUPPORTED_FORMAT,
      'Файл уже содержит дорожную карту в формате Orientir: таблицы в нём нет.',
    );
  }
  return read.document;
}
