// Reads tables out of HTML: the HTML mammoth makes of a DOCX, or a table pasted from a web page.
// Merged cells are resolved here: a cell spanning the whole row is a section heading; a cell
// spanning several rows (one executor for two events) is repeated in each row it covers.

import { HTMLElement, Node, NodeType, parse } from 'node-html-parser';
import { decodeEntities, normalizeWhitespace } from './html-remnants.util';
import { emptyDocument, RawDocument, RawRow, RawTable } from './raw-table.model';

export function readHtmlTables(html: string): RawDocument {
  const document = emptyDocument();
  const root = parse(html, { blockTextElements: { script: false, style: false } });
  let seenTable = false;
  for (const element of blockElements(root)) {
    if (element.tagName === 'TABLE') {
      if (hasOwnRows(element)) {
        document.tables.push(readTable(element, document.tables.length + 1));
        seenTable = true;
      }
      continue;
    }
    const text = cellText(element)
      .replace(/\s*\n\s*/g, ' ')
      .trim();
    if (text === '') continue;
    (seenTable ? document.trailer : document.preamble).push(text);
  }
  return document;
}

/** Top-level paragraphs and tables in document order (tables nested in tables stay inside cells). */
function blockElements(root: HTMLElement): HTMLElement[] {
  const result: HTMLElement[] = [];
  const visit = (node: HTMLElement): void => {
    for (const child of node.childNodes) {
      if (!(child instanceof HTMLElement)) continue;
      if (child.tagName === 'TABLE' || /^(P|H[1-6]|LI)$/.test(child.tagName)) result.push(child);
      else visit(child);
    }
  };
  visit(root);
  return result;
}

function hasOwnRows(table: HTMLElement): boolean {
  return ownRows(table).length > 0;
}

function ownRows(table: HTMLElement): HTMLElement[] {
  const rows: HTMLElement[] = [];
  for (const child of table.childNodes) {
    if (!(child instanceof HTMLElement)) continue;
    if (child.tagName === 'TR') rows.push(child);
    else if (/^(THEAD|TBODY|TFOOT)$/.test(child.tagName)) rows.push(...child.childNodes.filter(isRow));
  }
  return rows;
}

function isRow(node: Node): node is HTMLElement {
  return node instanceof HTMLElement && node.tagName === 'TR';
}

interface Carry {
  text: string;
  rowsLeft: number;
}

function readTable(table: HTMLElement, position: number): RawTable {
  const rows = ownRows(table);
  const carries: (Carry | undefined)[] = [];
  const raw: RawRow[] = [];
  const widths: number[] = [];
  rows.forEach((row, rowIndex) => {
    const cells: string[] = [];
    let column = 0;
    const takeCarried = (): void => {
      for (let carry = carries[column]; carry && carry.rowsLeft > 0; carry = carries[column]) {
        cells[column] = carry.text;
        carry.rowsLeft -= 1;
        column += 1;
      }
    };
    const spans: number[] = [];
    for (const cell of row.childNodes.filter(isCell)) {
      takeCarried();
      const text = cellText(cell);
      const colspan = positiveInt(cell.getAttribute('colspan'));
      const rowspan = positiveInt(cell.getAttribute('rowspan'));
      spans.push(colspan);
      for (let offset = 0; offset < colspan; offset += 1) {
        cells[column + offset] = offset === 0 ? text : '';
        if (rowspan > 1) carries[column + offset] = { text: offset === 0 ? text : '', rowsLeft: rowspan - 1 };
      }
      column += colspan;
    }
    takeCarried();
    widths.push(cells.length);
    raw.push({ rowNumber: String(rowIndex + 1), cells: Array.from(cells, (cell) => cell ?? '') });
    if (isMergedHeading(spans, cells)) raw[raw.length - 1] = { ...raw[raw.length - 1], merged: true };
  });
  const width = Math.max(0, ...widths);
  for (const row of raw) {
    if (row.merged) {
      row.cells = [row.cells.filter((cell) => cell !== '').join(' ')];
      continue;
    }
    while (row.cells.length < width) row.cells.push('');
  }
  return { name: `Таблица ${position}`, rows: raw };
}

/** One cell across the row, or a short number ("1.", "II") followed by one cell across the rest. */
function isMergedHeading(spans: number[], cells: string[]): boolean {
  if (spans.length === 1) return spans[0] > 1;
  return spans.length === 2 && spans[1] > 2 && /^([\dIVX]{1,4}\.?)?$/.test((cells[0] ?? '').trim());
}

function isCell(node: Node): node is HTMLElement {
  return node instanceof HTMLElement && (node.tagName === 'TD' || node.tagName === 'TH');
}

function positiveInt(value: string | undefined): number {
  const parsed = Number.parseInt(value ?? '1', 10);
  return Number.isFinite(parsed) && parsed > 0 ? parsed : 1;
}

/** Cell text with its paragraphs and <br> as line breaks: executors are often one per paragraph. */
export function cellText(element: HTMLElement): string {
  const parts: string[] = [];
  const visit = (node: Node): void => {
    if (node.nodeType === NodeType.TEXT_NODE) {
      parts.push(decodeEntities(node.rawText));
      return;
    }
    if (!(node instanceof HTMLElement)) return;
    if (node.tagName === 'BR') {
      parts.push('\n');
      return;
    }
    const block = /^(P|DIV|LI|H[1-6]|TR|TABLE)$/.test(node.tagName);
    if (block) parts.push('\n');
    node.childNodes.forEach(visit);
    if (node.tagName === 'TD' || node.tagName === 'TH') parts.push(' ');
    if (block) parts.push('\n');
  };
  element.childNodes.forEach(visit);
  return normalizeWhitespace(parts.join(''))
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}
