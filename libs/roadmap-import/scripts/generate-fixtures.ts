// Generates DOCX and XLSX versions of the seed roadmaps from their table model, with real
// libraries (docx, exceljs), so the importer can be shown to read the same roadmap from the
// forms coordinators actually hold. Section headings become a merged row, as in Word.
//
//   node -r ./infra/register.js libs/roadmap-import/scripts/generate-fixtures.ts
//
// The files are committed under test/fixtures/roadmaps/generated/; rerun after changing a seed.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import ExcelJS from 'exceljs';
import { RawDocument, RawRow, readRawDocument } from '../src';

const FIXTURES = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'roadmaps');
const OUTPUT = join(FIXTURES, 'generated');
const SEEDS = ['irkutsk-city-2023', 'lesosibirsk-2020-2021', 'ust-ilimsk-district-2023-2024'];

async function main(): Promise<void> {
  mkdirSync(OUTPUT, { recursive: true });
  for (const seed of SEEDS) {
    const document = await readRawDocument({
      fileName: `${seed}.txt`,
      bytes: readFileSync(join(FIXTURES, `${seed}.txt`)),
    });
    writeFileSync(join(OUTPUT, `${seed}.docx`), await toDocx(document));
    writeFileSync(join(OUTPUT, `${seed}.xlsx`), await toXlsx(document));
    process.stdout.write(`${seed}: ${document.tables[0]?.rows.length ?? 0} rows → .docx, .xlsx\n`);
  }
  writeFileSync(join(OUTPUT, 'participants.xlsx'), await participantsWorkbook());
  process.stdout.write('participants.xlsx\n');
}

function widthOf(document: RawDocument): number {
  return Math.max(...document.tables.flatMap((table) => table.rows.map((row) => row.cells.length)));
}

async function toDocx(document: RawDocument): Promise<Buffer> {
  const width = widthOf(document);
  const children: (Paragraph | Table)[] = [
    ...document.preamble.map((text, index) =>
      index === document.preamble.length - 1
        ? new Paragraph({
            heading: HeadingLevel.HEADING_1,
            alignment: AlignmentType.CENTER,
            children: [new TextRun(text)],
          })
        : new Paragraph({ children: [new TextRun(text)] }),
    ),
    ...document.tables.map(
      (table) =>
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: table.rows.map((row, index) => docxRow(row, width, index === 0)),
        }),
    ),
    ...document.trailer.map((text) => new Paragraph({ children: [new TextRun(text)] })),
  ];
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

function docxRow(row: RawRow, width: number, header: boolean): TableRow {
  if (row.merged) {
    return new TableRow({
      children: [
        new TableCell({
          columnSpan: width,
          children: [new Paragraph({ children: [new TextRun({ text: row.cells[0], bold: true })] })],
        }),
      ],
    });
  }
  return new TableRow({
    tableHeader: header,
    children: row.cells.map(
      (cell) =>
        new TableCell({
          // One paragraph per line: executors are often written one per paragraph.
          children: (cell === '' ? [''] : cell.split('\n')).map(
            (line) => new Paragraph({ children: [new TextRun({ text: line, bold: header })] }),
          ),
        }),
    ),
  });
}

async function toXlsx(document: RawDocument): Promise<Buffer> {
  const width = widthOf(document);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Дорожная карта');
  // The heading above the table goes into merged rows over it, as coordinators lay sheets out.
  for (const text of document.preamble) mergedRow(sheet, text, width);
  for (const table of document.tables) {
    for (const row of table.rows) {
      if (row.merged) mergedRow(sheet, row.cells[0], width);
      else {
        const added = sheet.addRow(row.cells);
        added.alignment = { wrapText: true, vertical: 'top' };
      }
    }
  }
  for (const text of document.trailer) mergedRow(sheet, text, width);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function mergedRow(sheet: ExcelJS.Worksheet, text: string, width: number): void {
  const row = sheet.addRow([text]);
  sheet.mergeCells(row.number, 1, row.number, width);
}

/** Schools and curators as a municipality keeps them: one sheet each. */
async function participantsWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const schools = workbook.addWorksheet('Школы');
  schools.addRow(['№', 'Наименование ОО', 'Категория', 'Муниципалитет', 'E-mail']);
  schools.addRow([1, 'МБОУ «СОШ № 1»', 'ШНОР', 'Усть-Илимский район', 'school1@example.ru']);
  schools.addRow([
    2,
    'МОУ «Невонская СОШ»',
    'зона риска',
    'Усть-Илимский район',
    'nevon@example.ru; director@example.ru',
  ]);
  schools.addRow([3, 'МБОУ «Ершовская СОШ»', 'ШНСУ', 'Усть-Илимский район', '']);
  const curators = workbook.addWorksheet('Кураторы');
  curators.addRow(['ФИО куратора', 'Должность', 'Место работы', 'Электронная почта', 'Закрепленные ОО']);
  curators.addRow([
    'Иванова Мария Петровна',
    'заместитель директора по УВР',
    'МБОУ «СОШ № 7»',
    'ivanova@example.ru',
    'МБОУ «СОШ № 1»;\nМОУ «Невонская СОШ»',
  ]);
  curators.addRow(['Петров Олег Ильич', 'директор', 'МБОУ «Лицей № 2»', 'petrov@example.ru', 'МБОУ «Ершовская СОШ»']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
