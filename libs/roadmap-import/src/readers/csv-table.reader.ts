// CSV as Excel and 1C save it in Russia: ";" is the usual delimiter (the comma is the decimal
// separator), but "," and tab occur; the delimiter is taken from the first lines.

import { parse } from 'csv-parse/sync';
import { RoadmapImportErrorCode, RoadmapImportException } from '../roadmap-import.exception';
import { emptyDocument, RawDocument } from './raw-table.model';

const DELIMITERS = [';', '\t', ','] as const;

export function readCsv(text: string, fileName: string): RawDocument {
  const delimiter = detectDelimiter(text);
  let records: string[][];
  try {
    records = parse(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      bom: true,
    });
  } catch (error: unknown) {
    throw new RoadmapImportException(
      RoadmapImportErrorCode.CORRUPTED_FILE,
      `Файл «${fileName}» не удалось прочитать как таблицу CSV: ${error instanceof Error ? error.message : String(error)}`,
      { value: fileName },
      { cause: error },
    );
  }
  const document = emptyDocument();
  const width = Math.max(0, ...records.map((record) => record.length));
  const rows = records
    .map((record, index) => ({ record: record.map((cell) => cell.trim()), line: index + 1 }))
    .filter(({ record }) => record.some((cell) => cell !== ''))
    .map(({ record, line }) => {
      const filled = record.filter((cell) => cell !== '');
      // A heading written into the first cell with the rest empty: a merged row in the original.
      const merged = width > 2 && filled.length === 1 && record[0] !== '' && !/^\d/.test(record[0]);
      return merged
        ? { rowNumber: String(line), cells: [record[0]], merged: true }
        : { rowNumber: String(line), cells: [...record, ...Array<string>(width - record.length).fill('')] };
    });
  document.tables.push({ rows });
  return document;
}

/** The candidate that splits the first lines into the same number (>1) of fields most often. */
export function detectDelimiter(text: string): string {
  const lines = text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .slice(0, 20);
  let best: string = DELIMITERS[0];
  let bestScore = -1;
  for (const delimiter of DELIMITERS) {
    const counts = lines.map((line) => countOutsideQuotes(line, delimiter));
    const positive = counts.filter((count) => count > 0);
    const score = positive.length === 0 ? 0 : positive.length * 10 + Math.min(...positive);
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let inQuotes = false;
  let count = 0;
  for (const char of line) {
    if (char === '"') inQuotes = !inQuotes;
    else if (char === delimiter && !inQuotes) count += 1;
  }
  return count;
}
