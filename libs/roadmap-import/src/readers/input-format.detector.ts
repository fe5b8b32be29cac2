// Decides how to read a file from its bytes first and its name second: coordinators rename files,
// and a ".docx" that is really a PDF must get a clear message, not a parser stack trace.

import { RoadmapImportErrorCode, RoadmapImportException } from '../roadmap-import.exception';

export type InputFormat = 'docx' | 'xlsx' | 'csv' | 'text' | 'canonical';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF = [0x25, 0x50, 0x44, 0x46];
const RTF = [0x7b, 0x5c, 0x72, 0x74, 0x66];

export function extensionOf(fileName: string): string {
  const match = /\.([a-z0-9]+)$/i.exec(fileName);
  return match ? match[1].toLowerCase() : '';
}

export function detectFormat(fileName: string, bytes: Buffer): InputFormat {
  const extension = extensionOf(fileName);
  if (startsWith(bytes, ZIP) || startsWith(bytes, EMPTY_ZIP)) return zipFormat(fileName, bytes, extension);
  if (startsWith(bytes, OLE)) throw legacyOffice(fileName, extension);
  if (startsWith(bytes, PDF)) throw unsupported(fileName, 'PDF');
  if (startsWith(bytes, RTF)) throw unsupported(fileName, 'RTF');
  if (extension === 'docx' || extension === 'xlsx') throw corrupted(fileName, extension);
  if (extension === 'csv' || extension === 'tsv') return 'csv';
  if (extension === 'json' || extension === 'yaml' || extension === 'yml') return 'canonical';
  return 'text';
}

/** DOCX and XLSX are ZIP packages; the part names tell which (the file name may lie). */
function zipFormat(fileName: string, bytes: Buffer, extension: string): InputFormat {
  const head = bytes.toString('latin1');
  if (head.includes('word/')) return 'docx';
  if (head.includes('xl/')) return 'xlsx';
  if (extension === 'docx' || extension === 'xlsx') return extension;
  if (head.includes('content.xml') || head.includes('mimetypeapplication/vnd.oasis'))
    throw unsupported(fileName, 'OpenDocument (ODT/ODS)');
  throw unsupported(fileName, 'ZIP-архив');
}

function startsWith(bytes: Buffer, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, index) => bytes[index] === byte);
}

function unsupported(fileName: string, what: string): RoadmapImportException {
  return new RoadmapImportException(
    RoadmapImportErrorCode.UNSUPPORTED_FORMAT,
    `Формат файла «${fileName}» (${what}) не поддерживается. Сохраните дорожную карту как DOCX, XLSX, CSV или TXT.`,
    { value: fileName },
  );
}

function legacyOffice(fileName: string, extension: string): RoadmapImportException {
  const hint = extension === 'xls' ? 'XLSX' : 'DOCX';
  return new RoadmapImportException(
    RoadmapImportErrorCode.UNSUPPORTED_FORMAT,
    `Файл «${fileName}» сохранён в старом формате Microsoft Office (DOC/XLS). Откройте его и сохраните как ${hint}.`,
    { value: fileName },
  );
}

export function corrupted(fileName: string, extension: string, cause?: unknown): RoadmapImportException {
  const kind = extension === 'xlsx' ? 'книгой Excel (XLSX)' : 'документом Word (DOCX)';
  return new RoadmapImportException(
    RoadmapImportErrorCode.CORRUPTED_FILE,
    `Файл «${fileName}» повреждён или не является ${kind}: его не удалось открыть.`,
    { value: fileName },
    { cause },
  );
}
