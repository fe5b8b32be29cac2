// Generates the text copy, DOCX and XLSX of every corpus roadmap from its single source
// (test/fixtures/roadmaps/corpus/*.source.ts), with real libraries (docx, exceljs), so the
// importer is scored on the three forms coordinators hold.
//
//   node -r ./infra/register.js libs/roadmap-import/scripts/generate-corpus.ts
//
// The files are committed beside the sources; rerun after changing a source.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  AlignmentType,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalMergeType,
  WidthType,
} from 'docx';
import ExcelJS from 'exceljs';
// eslint-disable-next-line @nx/enforce-module-boundaries -- fixture sources, not a project dependency
import {
  CorpusBlock,
  CorpusRow,
  CorpusSource,
  MERGED_ABOVE,
  ROADMAP_CORPUS,
} from '../../../test/fixtures/roadmaps/corpus';

const OUTPUT = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'roadmaps', 'corpus');

async function main(): Promise<void> {
  for (const { source } of ROADMAP_CORPUS) {
    writeFileSync(join(OUTPUT, `${source.name}.txt`), toText(source));
    writeFileSync(join(OUTPUT, `${source.name}.docx`), await toDocx(source));
    writeFileSync(join(OUTPUT, `${source.name}.xlsx`), await toXlsx(source));
    process.stdout.write(`${source.name}: .txt (${source.textStyle}), .docx, .xlsx (${source.xlsxLayout})\n`);
  }
}

type TableBlock = Extract<CorpusBlock, { table: CorpusRow[] }>;

function isTable(block: CorpusBlock): block is TableBlock {
  return 'table' in block;
}

function widthOf(rows: CorpusRow[]): number {
  return Math.max(1, ...rows.map((row) => (Array.isArray(row) ? row.length : 1)));
}

function cellParagraphs(cell: string): string[] {
  return cell === MERGED_ABOVE ? [''] : cell.split('\n');
}

// ---------- text copy ----------

function toText(source: CorpusSource): string {
  const lines: string[] = [];
  for (const block of source.blocks) {
    if (!isTable(block)) lines.push(...block.paragraphs, '');
    else if (source.textStyle === 'cell-per-line') lines.push(...cellPerLine(block.table));
    else lines.push(...rowPerLine(block.table, source.textStyle === 'row-per-line-html'), '');
  }
  return `${lines.map(wordNoise).join('\n')}\r\n`.replace(/\n/g, '\r\n');
}

/**
 * What Word's copy leaves in the text, deterministically: a trailing space after every third line,
 * a non-breaking space after «№» and in «г. », a doubled space here and there.
 */
function wordNoise(line: string, index: number): string {
  let noisy = line.replace(/№ /g, '№\u00a0').replace(/ г\. /g, ' г.\u00a0');
  if (index % 5 === 2) noisy = noisy.replace(/ (\p{L}{4,})/u, '  $1');
  return index % 3 === 0 && noisy.trim() !== '' ? `${noisy} ` : noisy;
}

/** Word's "save as text": a tab before every cell, a cell's further paragraphs on their own lines. */
function cellPerLine(rows: CorpusRow[]): string[] {
  const lines: string[] = [];
  for (const row of rows) {
    if (!Array.isArray(row)) lines.push(`\t${row.merged}`);
    else
      for (const cell of row) {
        const [first, ...rest] = cellParagraphs(cell);
        lines.push(`\t${first}`, ...rest);
      }
    lines.push('');
  }
  return lines;
}

/** Cells separated by tabs; a cell's paragraphs break the row. From a web page: <p>, <i>, no empty cells. */
function rowPerLine(rows: CorpusRow[], html: boolean): string[] {
  return rows.map((row, rowIndex) => {
    if (!Array.isArray(row)) return html ? `<p><i>${row.merged}</i></p>` : row.merged;
    const cells = row.map((cell) => (cell === MERGED_ABOVE ? '' : cell));
    if (!html) return cells.join('\t');
    return cells
      .filter((cell) => rowIndex === 0 || cell !== '')
      .map((cell, index) => {
        const paragraphs = cell.split('\n');
        const italic = (text: string): string => (index === 2 && rowIndex > 0 ? `<i>${text}</i>` : text);
        return paragraphs.length > 1 ? paragraphs.map((text) => `<p>${italic(text)}</p>`).join('') : italic(cell);
      })
      .join('\t');
  });
}

// ---------- DOCX ----------

async function toDocx(source: CorpusSource): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [];
  for (const block of source.blocks) {
    if (isTable(block)) {
      children.push(docxTable(block.table), new Paragraph({ children: [] }));
      continue;
    }
    for (const text of block.paragraphs) {
      const [left, right] = text.split('\t');
      children.push(
        new Paragraph({
          alignment: right === undefined && /дорожн|план/i.test(text) ? AlignmentType.CENTER : AlignmentType.LEFT,
          children: right === undefined ? [new TextRun(left)] : [new TextRun(left), new TextRun({ text: right })],
        }),
      );
    }
  }
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

function docxTable(rows: CorpusRow[]): Table {
  const width = widthOf(rows);
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map((row, rowIndex) => {
      if (!Array.isArray(row)) {
        return new TableRow({
          children: [
            new TableCell({
              columnSpan: width,
              children: [new Paragraph({ children: [new TextRun({ text: row.merged, bold: true })] })],
            }),
          ],
        });
      }
      return new TableRow({
        tableHeader: rowIndex === 0,
        children: row.map((cell, column) => {
          const below = rows[rowIndex + 1];
          const startsMerge = Array.isArray(below) && below[column] === MERGED_ABOVE && cell !== MERGED_ABOVE;
          return new TableCell({
            ...(cell === MERGED_ABOVE
              ? { verticalMerge: VerticalMergeType.CONTINUE }
              : startsMerge
                ? { verticalMerge: VerticalMergeType.RESTART }
                : {}),
            children: cellParagraphs(cell).map(
              (text) => new Paragraph({ children: [new TextRun({ text, bold: rowIndex === 0 })] }),
            ),
          });
        }),
      });
    }),
  });
}

// ---------- XLSX ----------

async function toXlsx(source: CorpusSource): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const width = Math.max(...source.blocks.filter(isTable).map((block) => widthOf(block.table)));
  let sheet: ExcelJS.Worksheet | null = null;
  let waiting: string[] = [];
  for (const block of source.blocks) {
    if (!isTable(block)) {
      if (sheet && source.xlsxLayout === 'one-sheet')
        for (const text of block.paragraphs) mergedRow(sheet, text, width);
      else waiting.push(...block.paragraphs);
      continue;
    }
    if (sheet === null || source.xlsxLayout === 'sheet-per-table') {
      sheet = workbook.addWorksheet(block.sheet ?? `Лист${workbook.worksheets.length + 1}`);
    }
    for (const text of waiting) mergedRow(sheet, text, width);
    waiting = [];
    if (sheet.rowCount > 0) sheet.addRow([]);
    writeTable(sheet, block.table, width);
  }
  if (sheet) for (const text of waiting) mergedRow(sheet, text, width);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function writeTable(sheet: ExcelJS.Worksheet, rows: CorpusRow[], width: number): void {
  const firstRow = sheet.rowCount + 1;
  rows.forEach((row, rowIndex) => {
    if (!Array.isArray(row)) {
      mergedRow(sheet, row.merged, width);
      return;
    }
    const added = sheet.addRow(
      row.map((cell) => (cell === MERGED_ABOVE ? null : /^\d+$/.test(cell) ? Number(cell) : cell)),
    );
    added.alignment = { wrapText: true, vertical: 'top' };
    row.forEach((cell, column) => {
      if (cell !== MERGED_ABOVE) return;
      // Merge up to the first cell above that holds the text.
      let top = rowIndex - 1;
      while (top > 0 && Array.isArray(rows[top]) && (rows[top] as string[])[column] === MERGED_ABOVE) top -= 1;
      const topRow = firstRow + top;
      const cellAbove = sheet.getCell(topRow, column + 1);
      if (cellAbove.isMerged) sheet.unMergeCells(topRow, column + 1, added.number - 1, column + 1);
      sheet.mergeCells(topRow, column + 1, added.number, column + 1);
    });
  });
}

function mergedRow(sheet: ExcelJS.Worksheet, text: string, width: number): void {
  const row = sheet.addRow([text.replace(/\t/g, ' ')]);
  if (width > 1) sheet.mergeCells(row.number, 1, row.number, width);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
