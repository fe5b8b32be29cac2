// Reads any supported input into the reader-neutral document, or the canonical roadmap when the
// input is already one (JSON/YAML exported by Orientir).

import { CanonicalRoadmap } from '@orientir/domain';
import { importCanonical } from '../canonical/canonical-roadmap.codec';
import { RoadmapImportErrorCode, RoadmapImportException } from '../roadmap-import.exception';
import { DEFAULT_MAX_FILE_SIZE_BYTES, RoadmapInput } from '../roadmap-import.options';
import { readCsv } from './csv-table.reader';
import { readDocx } from './docx-table.reader';
import { detectFormat } from './input-format.detector';
import { RawDocument } from './raw-table.model';
import { decodeText } from './text-decoding.util';
import { readText } from './text-table.reader';
import { readXlsx } from './xlsx-table.reader';
import { assertArchiveWithinLimits } from './zip-archive.guard';

export type ReadResult =
  { kind: 'document'; document: RawDocument; fileName: string } | { kind: 'canonical'; roadmap: CanonicalRoadmap };

export async function readInput(
  input: RoadmapInput,
  maxFileSizeBytes = DEFAULT_MAX_FILE_SIZE_BYTES,
): Promise<ReadResult> {
  if ('text' in input) {
    const fileName = input.fileName ?? 'текст';
    assertFileSize(Buffer.byteLength(input.text, 'utf8'), fileName, maxFileSizeBytes);
    if (input.text.trim() === '') throw emptyFile(fileName);
    if (/^\s*\{/.test(input.text)) return { kind: 'canonical', roadmap: importCanonical(input.text) };
    return { kind: 'document', document: readText(input.text), fileName };
  }
  const { fileName, bytes } = input;
  assertFileSize(bytes.length, fileName, maxFileSizeBytes);
  if (bytes.length === 0) throw emptyFile(fileName);
  const format = detectFormat(fileName, bytes);
  switch (format) {
    case 'docx':
      await assertArchiveWithinLimits(fileName, 'docx', bytes);
      return { kind: 'document', document: await readDocx(fileName, bytes), fileName };
    case 'xlsx':
      await assertArchiveWithinLimits(fileName, 'xlsx', bytes);
      return { kind: 'document', document: await readXlsx(fileName, bytes), fileName };
    case 'csv':
      return { kind: 'document', document: readCsv(decodeText(bytes, fileName), fileName), fileName };
    case 'canonical':
      return { kind: 'canonical', roadmap: importCanonical(decodeText(bytes, fileName)) };
    case 'text': {
      const text = decodeText(bytes, fileName);
      if (text.trim() === '') throw emptyFile(fileName);
      return { kind: 'document', document: readText(text), fileName };
    }
  }
}

/** Refuses a file by its size alone, so a 50 MB upload is never read. Callers with a stat use it first. */
export function assertFileSize(size: number, fileName: string, maxFileSizeBytes = DEFAULT_MAX_FILE_SIZE_BYTES): void {
  if (size <= maxFileSizeBytes) return;
  throw new RoadmapImportException(
    RoadmapImportErrorCode.FILE_TOO_LARGE,
    `Файл «${fileName}» слишком большой: ${megabytes(size)} МБ при допустимых ${megabytes(maxFileSizeBytes)} МБ. ` +
      'Дорожная карта обычно занимает меньше мегабайта: удалите из документа изображения и лишние листы.',
    { value: String(size) },
  );
}

function megabytes(size: number): string {
  return (size / (1024 * 1024)).toFixed(1).replace('.', ',');
}

function emptyFile(fileName: string): RoadmapImportException {
  return new RoadmapImportException(RoadmapImportErrorCode.EMPTY_FILE, `Файл «${fileName}» пуст.`, { value: fileName });
}
