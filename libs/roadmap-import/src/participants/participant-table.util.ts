// What reading a table of schools and a table of curators share: the header's column roles, a warning
// per column nobody knows, the data rows under the header (a repeated header row is skipped), cells.

import type { RoadmapWarning } from '@orientir/domain';
import type { RawRow, RawTable } from '../readers/raw-table.model';
import { mapColumns } from '../table/header.matcher';
import { classifyHeader } from '../table/table-kind.classifier';
import { isNumberHeader } from '../table/row-number.util';

export interface ParticipantTable<C extends string> {
  indexOf: Partial<Record<C, number>>;
  warnings: RoadmapWarning[];
  /** Rows under the header, merged heading rows included (they may carry a category). */
  rows: RawRow[];
}

export function readParticipantTable<C extends string>(
  table: RawTable,
  headerIndex: number,
  match: (header: string) => C | null,
  list: { kind: 'schools' | 'curators'; genitive: string },
): ParticipantTable<C> {
  const header = table.rows[headerIndex];
  const { indexOf, unknown } = mapColumns(header.cells, match);
  const warnings: RoadmapWarning[] = unknown
    .filter(({ header: name }) => !isNumberHeader(name))
    .map(({ header: name }) => ({
      row: header.rowNumber,
      text: name,
      message: `Столбец «${name}» в списке ${list.genitive} не распознан и не импортирован`,
    }));
  const rows = table.rows
    .slice(headerIndex + 1)
    .filter((row) => row.merged || classifyHeader(row.cells)?.kind !== list.kind);
  return { indexOf, warnings, rows };
}

/** The cell in a column (trimmed), or '' when the table has no such column. */
export function rawCell(row: RawRow, index: number | undefined): string {
  return index === undefined ? '' : (row.cells[index] ?? '').trim();
}

/** The cell on one line: runs of whitespace and line breaks become one space. */
export function flatCell(row: RawRow, index: number | undefined): string {
  return rawCell(row, index).replace(/\s+/g, ' ');
}

/** The e-mail addresses in a cell (separated by spaces, commas or semicolons; mailto: dropped). */
export function splitEmails(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((part) => part.trim().replace(/^mailto:/i, ''))
    .filter((part) => /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(part));
}
