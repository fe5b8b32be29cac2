// Cuts what a reader gave as one table into the tables the document holds: a sheet often carries
// the control points, the plan-graph and the signatures one under another, each with its own
// header. The header is found wherever it is; a table with no recognisable header is read as
// events when its rows look like events (an event text and a period in most rows).

import { RawRow, RawTable } from '../readers/raw-table.model';
import { looksLikeEventRows } from './column-content.util';
import { isColumnNumberRow } from './row-number.util';
import { classifyHeader, TableKind } from './table-kind.classifier';

export interface TableSegment {
  /** The header row first, then the body. */
  table: RawTable;
  kind: TableKind;
  /** Found by content, not by the header's words. */
  inferred: boolean;
  /** Rows before the header in the source table (a title, an order's text). */
  above: RawRow[];
}

export function segmentTable(table: RawTable): TableSegment[] {
  const segments: TableSegment[] = [];
  let current: { header: RawRow; kind: TableKind; rows: RawRow[]; above: RawRow[] } | null = null;
  let loose: RawRow[] = [];
  const close = (): void => {
    if (current) segments.push(segmentOf(table, current.header, current.rows, current.kind, false, current.above));
    current = null;
  };
  for (const row of table.rows) {
    const verdict = row.merged ? null : classifyHeader(row.cells);
    const repeated = current !== null && verdict !== null && sameCells(current.header.cells, row.cells);
    if (verdict && !repeated) {
      close();
      current = { header: row, kind: verdict.kind, rows: [], above: loose };
      loose = [];
      continue;
    }
    if (current) current.rows.push(row);
    else loose.push(row);
  }
  close();
  if (segments.length > 0) return segments;
  const inferred = inferHeader(loose);
  if (inferred < 0) return [];
  return [segmentOf(table, loose[inferred], loose.slice(inferred + 1), 'events', true, loose.slice(0, inferred))];
}

function segmentOf(
  table: RawTable,
  header: RawRow,
  rows: RawRow[],
  kind: TableKind,
  inferred: boolean,
  above: RawRow[],
): TableSegment {
  return { table: { name: table.name, rows: [header, ...rows] }, kind, inferred, above };
}

function sameCells(a: string[], b: string[]): boolean {
  const norm = (cells: string[]): string => cells.map((cell) => cell.replace(/\s+/g, ' ').trim()).join('|');
  return norm(a) === norm(b);
}

/** The header of a table whose headers name little: the text row right above rows that read as events. */
function inferHeader(rows: RawRow[]): number {
  for (let index = 0; index < Math.min(rows.length - 2, 60); index += 1) {
    const row = rows[index];
    const filled = row.cells.filter((cell) => cell.trim() !== '');
    if (row.merged || filled.length < 3 || isColumnNumberRow(row.cells)) continue;
    if (filled.some((cell) => cell.length > 60)) continue;
    let bodyStart = index + 1;
    if (rows[bodyStart] && isColumnNumberRow(rows[bodyStart].cells)) bodyStart += 1;
    if (looksLikeEventRows(row.cells, rows.slice(bodyStart, bodyStart + 8))) return index;
  }
  return -1;
}
