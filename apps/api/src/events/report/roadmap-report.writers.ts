import {
  AlignmentType,
  Document,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import ExcelJS from 'exceljs';
import { REPORT_COLUMNS, type RoadmapReport } from './roadmap-report.builder';

const WIDTHS = [5, 28, 12, 15, 15, 25]; // percent of the page, the usual proportions of the paper form

function cell(text: string, bold = false, width?: number): TableCell {
  return new TableCell({
    ...(width ? { width: { size: width, type: WidthType.PERCENTAGE } } : {}),
    children: text
      .split('\n')
      .map((line) => new Paragraph({ children: [new TextRun({ text: line, bold, size: 20 })] })),
  });
}

/** DOCX, landscape, one table: section headings as full-width rows, like the documents sent up today. */
export async function writeReportDocx(report: RoadmapReport): Promise<Buffer> {
  const header = new TableRow({ tableHeader: true, children: REPORT_COLUMNS.map((c, i) => cell(c, true, WIDTHS[i])) });
  const rows: TableRow[] = [header];
  let section: string | null = null;
  for (const r of report.rows) {
    if (r.section && r.section !== section) {
      section = r.section;
      rows.push(
        new TableRow({
          children: [
            new TableCell({
              columnSpan: 6,
              children: [new Paragraph({ children: [new TextRun({ text: r.section, bold: true, size: 20 })] })],
            }),
          ],
        }),
      );
    }
    rows.push(
      new TableRow({
        children: [r.number, r.title, r.period, r.executors, r.indicator, r.execution].map((t) => cell(t)),
      }),
    );
  }
  const doc = new Document({
    creator: 'Orientir',
    title: report.title,
    sections: [
      {
        properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: report.title, bold: true, size: 28 })],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: report.subtitle, size: 24 })],
          }),
          new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** XLSX with the same columns; section headings as merged rows. */
export async function writeReportXlsx(report: RoadmapReport): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Orientir';
  const sheet = book.addWorksheet('Отчет', { pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1 } });
  sheet.columns = REPORT_COLUMNS.map((header, i) => ({ header, width: [6, 50, 18, 28, 30, 60][i] }));
  sheet.spliceRows(1, 0, [report.title], [report.subtitle]);
  sheet.mergeCells(1, 1, 1, 6);
  sheet.mergeCells(2, 1, 2, 6);
  sheet.getRow(1).font = { bold: true, size: 14 };
  sheet.getRow(3).font = { bold: true };
  let section: string | null = null;
  for (const r of report.rows) {
    if (r.section && r.section !== section) {
      section = r.section;
      const row = sheet.addRow([r.section]);
      sheet.mergeCells(row.number, 1, row.number, 6);
      row.font = { bold: true };
    }
    const row = sheet.addRow([r.number, r.title, r.period, r.executors, r.indicator, r.execution]);
    row.alignment = { wrapText: true, vertical: 'top' };
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
