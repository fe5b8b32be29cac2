// XLSX: every sheet is a table. Merged cells matter: a section heading is one cell merged across
// the row, and a merged "Исполнители" cell belongs to every row it covers.

import ExcelJS from 'exceljs';
import { corrupted } from './input-format.detector';
import { normalizeWhitespace } from './html-remnants.util';
import { emptyDocument, RawDocument, RawRow, RawTable } from './raw-table.model';

export async function readXlsx(fileName: string, bytes: Buffer): Promise<RawDocument> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (error: unknown) {
    throw corrupted(fileName, 'xlsx', error);
  }
  const document = emptyDocument();
  workbook.eachSheet((sheet) => {
    const table = readSheet(sheet);
    if (table.rows.length > 0) document.tables.push(table);
  });
  return document;
}

function readSheet(sheet: ExcelJS.Worksheet): RawTable {
  const width = sheet.actualColumnCount > 0 ? sheet.columnCount : 0;
  const rows: RawRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowIndex) => {
    const cells: string[] = [];
    const masters = new Set<string>();
    for (let column = 1; column <= width; column += 1) {
      const cell = row.getCell(column);
      masters.add(cell.isMerged ? cell.master.address : cell.address);
      cells.push(cellText(cell));
    }
    const filled = cells.filter((cell) => cell !== '');
    if (filled.length === 0) return;
    const merged = width > 1 && masters.size === 1;
    rows.push({
      rowNumber: `${sheet.name}!${rowIndex}`,
      cells: merged ? [filled[0]] : cells,
      ...(merged ? { merged: true } : {}),
    });
  });
  return { name: sheet.name, rows };
}

/** The text the coordinator sees; a merged cell's slaves show the master's value, as Excel does. */
function cellText(cell: ExcelJS.Cell): string {
  const source = cell.isMerged ? cell.master : cell;
  const value = source.value;
  let text: string;
  if (value instanceof Date) text = value.toISOString().slice(0, 10).split('-').reverse().join('.');
  else if (value !== null && typeof value === 'object' && 'richText' in value)
    text = value.richText.map((part) => part.text).join('');
  else if (value !== null && typeof value === 'object' && 'text' in value) text = String(value.text);
  else if (value !== null && typeof value === 'object' && 'result' in value)
    text = value.result === undefined ? '' : String(value.result);
  else text = value === null || value === undefined ? '' : String(value);
  return normalizeWhitespace(text)
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}
