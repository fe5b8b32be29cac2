// Turns the bytes of a text-like file (TXT, CSV) into a string. Coordinators' files come from
// Word, Excel and 1C on Windows, so UTF-8 with or without BOM, UTF-16 with BOM and cp1251 all occur.

import { RoadmapImportErrorCode, RoadmapImportException } from '../roadmap-import.exception';

const UTF8_BOM = [0xef, 0xbb, 0xbf];

export function decodeText(bytes: Buffer, fileName: string): string {
  if (startsWith(bytes, UTF8_BOM)) return bytes.subarray(3).toString('utf8');
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  assertNotBinary(bytes, fileName);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Not valid UTF-8: a Russian text saved by Windows tools is almost always cp1251.
    return new TextDecoder('windows-1251').decode(bytes);
  }
}

function startsWith(bytes: Buffer, prefix: number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

/** A NUL byte or many control characters mean this is not text, whatever its name says. */
export function assertNotBinary(bytes: Buffer, fileName: string): void {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) throw binaryFile(fileName);
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20)) control += 1;
  }
  if (sample.length > 0 && control / sample.length > 0.05) throw binaryFile(fileName);
}

function binaryFile(fileName: string): RoadmapImportException {
  return new RoadmapImportException(
    RoadmapImportErrorCode.BINARY_FILE,
    `Файл «${fileName}» не является текстовым документом: в нём двоичные данные. ` +
      'Загрузите дорожную карту в формате DOCX, XLSX, CSV или TXT.',
    { value: fileName },
  );
}
