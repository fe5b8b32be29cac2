// DOCX and XLSX are zip archives. A small file can unpack to gigabytes ("zip bomb"), and the readers
// (mammoth, exceljs) inflate everything into memory, so the archive is measured before they run.

import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { RoadmapImportErrorCode, RoadmapImportException } from '../roadmap-import.exception';
import { corrupted } from './input-format.detector';

/** A real roadmap unpacks to a few megabytes; 64 MB leaves room for embedded pictures. */
export const MAX_UNPACKED_BYTES = 64 * 1024 * 1024;
/** A DOCX has about 20 parts, an XLSX a few per sheet. */
export const MAX_ARCHIVE_ENTRIES = 2000;

export interface ArchiveLimits {
  maxUnpackedBytes?: number;
  maxEntries?: number;
}

/**
 * Reads the central directory: refuses too many entries or too large a declared unpacked size,
 * then inflates each entry into nothing, so an entry that inflates beyond what it declares (a lying
 * directory) is refused too. Memory stays at one inflate window; nothing is kept.
 */
export async function assertArchiveWithinLimits(
  fileName: string,
  extension: 'docx' | 'xlsx',
  bytes: Buffer,
  limits: ArchiveLimits = {},
): Promise<void> {
  const maxBytes = limits.maxUnpackedBytes ?? MAX_UNPACKED_BYTES;
  const maxEntries = limits.maxEntries ?? MAX_ARCHIVE_ENTRIES;
  const zip = await new Promise<ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true }, (error, opened) =>
      error ? reject(corrupted(fileName, extension, error)) : resolve(opened),
    ),
  );
  if (zip.entryCount > maxEntries) {
    zip.close();
    throw tooLarge(fileName, `${zip.entryCount} частей при допустимых ${maxEntries}`);
  }
  let declared = 0;
  await new Promise<void>((resolve, reject) => {
    const fail = (error: unknown) => {
      zip.close();
      reject(error);
    };
    zip.on('error', (error: unknown) => fail(corrupted(fileName, extension, error)));
    zip.on('end', () => resolve());
    zip.on('entry', (entry: Entry) => {
      declared += entry.uncompressedSize;
      if (declared > maxBytes) {
        fail(tooLarge(fileName, `более ${megabytes(maxBytes)} МБ в распакованном виде`));
        return;
      }
      if (entry.fileName.endsWith('/')) return zip.readEntry();
      zip.openReadStream(entry, (error, stream) => {
        if (error) return fail(corrupted(fileName, extension, error));
        stream.on('error', (streamError: unknown) => fail(corrupted(fileName, extension, streamError)));
        stream.on('end', () => zip.readEntry());
        stream.resume();
      });
    });
    zip.readEntry();
  });
}

function tooLarge(fileName: string, what: string): RoadmapImportException {
  return new RoadmapImportException(
    RoadmapImportErrorCode.FILE_TOO_LARGE,
    `Файл «${fileName}» слишком велик после распаковки: ${what}. ` +
      'Сохраните таблицу дорожной карты отдельным документом без изображений.',
    { value: fileName },
  );
}

function megabytes(size: number): string {
  return String(Math.round(size / (1024 * 1024)));
}
