// Reads a table that was copied out of Word as plain text. Two shapes occur:
//  - "cell per line": every cell starts on its own line with a tab; a cell's further lines have no tab
//    (what Word's "save as text" and many converters produce);
//  - "row per line": cells of a row separated by tabs on one line; a cell with several paragraphs
//    breaks the row over several lines.
// In both, section headings are single cells (a merged row), and the text around the table is kept.

import { classifyHeader } from '../table/table-kind.classifier';
import { isNumberHeader, isRowNumber, normalizeRowNumber } from '../table/row-number.util';
import { emptyDocument, RawDocument, RawRow, RawTable } from './raw-table.model';
import { collapse, isBlank, paragraphs, TextLine } from './text-lines.util';

type Layout = 'cell-per-line' | 'row-per-line';

type PieceKind =
  /** A cell that starts at a tab. */
  | 'cell'
  /** Row-per-line: the text before the first tab of a line; a new row or the rest of a broken cell. */
  | 'line-head'
  /** A line without tabs right after a non-blank line: more text of the cell above. */
  | 'continuation'
  /** A line without tabs after a blank line: a section heading, a broken cell or text after the table. */
  | 'loose';

interface Piece {
  kind: PieceKind;
  text: string;
  line: number;
  afterBlank: boolean;
  /** Cell-per-line: how many cells the run of lines up to the next blank line holds. */
  groupCells?: number;
  /** Row-per-line: how many tab-separated cells follow the line head on its line. */
  lineCells?: number;
}

export function looksTabbed(lines: TextLine[]): boolean {
  // A header and one row are already a table.
  return lines.filter((line) => line.text.includes('\t') && line.text.trim() !== '').length >= 2;
}

export function readTabbedText(lines: TextLine[]): RawDocument {
  const layout = detectLayout(lines);
  const pieces = toPieces(lines, layout);
  return new TabbedTableBuilder(pieces, lines, layout).build();
}

function detectLayout(lines: TextLine[]): Layout {
  const tabbed = lines.filter((line) => line.text.includes('\t') && line.text.trim() !== '');
  const leading = tabbed.filter((line) => line.text.startsWith('\t') && line.text.split('\t').length === 2);
  return leading.length / tabbed.length >= 0.6 ? 'cell-per-line' : 'row-per-line';
}

function toPieces(lines: TextLine[], layout: Layout): Piece[] {
  const pieces: Piece[] = [];
  let afterBlank = false;
  let previousBlank = true;
  for (const line of lines) {
    if (isBlank(line.text)) {
      afterBlank = true;
      previousBlank = true;
      continue;
    }
    const [head, ...cells] = line.text.split('\t');
    if (cells.length === 0) {
      pieces.push({ kind: previousBlank ? 'loose' : 'continuation', text: head.trim(), line: line.number, afterBlank });
    } else {
      if (layout === 'row-per-line')
        pieces.push({ kind: 'line-head', text: head.trim(), line: line.number, afterBlank, lineCells: cells.length });
      else if (head.trim() !== '')
        pieces.push({ kind: 'continuation', text: head.trim(), line: line.number, afterBlank });
      cells.forEach((cell, index) =>
        pieces.push({
          kind: 'cell',
          text: cell.trim(),
          line: line.number,
          afterBlank: afterBlank && index === 0 && layout === 'cell-per-line',
        }),
      );
    }
    afterBlank = false;
    previousBlank = false;
  }
  if (layout === 'cell-per-line') countGroupCells(pieces);
  return pieces;
}

/** A blank line closes a row in a cell-per-line copy: a run of one cell is a heading, of several a row. */
function countGroupCells(pieces: Piece[]): void {
  let group: Piece[] = [];
  const close = (): void => {
    const cells = group.filter((piece) => piece.kind === 'cell').length;
    for (const piece of group) piece.groupCells = cells;
    group = [];
  };
  for (const piece of pieces) {
    if (piece.afterBlank) close();
    group.push(piece);
  }
  close();
}

interface OpenRow {
  line: number;
  cells: string[];
}

class TabbedTableBuilder {
  private readonly document: RawDocument = emptyDocument();
  private table: RawTable | null = null;
  private width = 0;
  private row: OpenRow | null = null;
  /** Pieces met where a row should start: section headings, or the text after the table. */
  private pending: Piece[] = [];
  private tailLines: string[] = [];

  constructor(
    private readonly pieces: Piece[],
    private readonly lines: TextLine[],
    private readonly layout: Layout,
  ) {}

  build(): RawDocument {
    let index = this.findHeader(0);
    // Headers that name little («Время», «Итог»): the first row of cells is taken as the header and
    // the assembler recognises the columns by their content.
    if (index < 0) index = this.firstRowOfCells();
    if (index < 0) {
      this.document.preamble = paragraphs(this.lines);
      return this.document;
    }
    this.document.preamble = paragraphs(this.lines.filter((line) => line.number < this.pieces[index].line));
    index = this.openTable(index);
    for (; index < this.pieces.length; index += 1) {
      const nextHeader = this.rowExpected() ? this.headerStartingAt(index) : null;
      if (nextHeader && this.isCurrentHeader(nextHeader.cells)) {
        // Long tables repeat their header on every page.
        index = nextHeader.end - 1;
        continue;
      }
      if (nextHeader) {
        this.closeTable();
        index = this.openTable(index) - 1;
        continue;
      }
      this.take(this.pieces[index], this.pieces[index + 1]);
    }
    this.closeTable();
    this.document.trailer.push(...this.tailLines);
    return this.document;
  }

  private isCurrentHeader(cells: string[]): boolean {
    const header = this.table?.rows[0]?.cells ?? [];
    return cells.length === header.length && cells.every((cell, index) => collapse(cell) === header[index]);
  }

  private rowExpected(): boolean {
    return this.row === null || this.row.cells.length >= this.width;
  }

  private firstRowOfCells(): number {
    return this.pieces.findIndex((piece, index) => {
      if (piece.kind === 'loose' || piece.kind === 'continuation' || isRowNumber(piece.text)) return false;
      return this.headerBlock(index).cells.filter((cell) => cell.trim() !== '').length >= 3;
    });
  }

  /** The first piece from which a header block starts, or -1. */
  private findHeader(from: number): number {
    for (let index = from; index < this.pieces.length; index += 1) {
      if (this.headerStartingAt(index)) return index;
    }
    return -1;
  }

  private headerStartingAt(index: number): { cells: string[]; end: number } | null {
    const first = this.pieces[index];
    // A header starts where a tabbed line does; text without tabs above it is the heading.
    if (first.kind === 'loose' || first.kind === 'continuation' || isRowNumber(first.text)) return null;
    const block = this.headerBlock(index);
    return block.cells.length >= 2 && classifyHeader(block.cells) ? block : null;
  }

  /** Header cells: from index up to a blank line or a row number; broken header cells are rejoined. */
  private headerBlock(index: number): { cells: string[]; end: number } {
    const cells: string[] = [];
    let end = index;
    for (; end < this.pieces.length; end += 1) {
      const piece = this.pieces[end];
      if (end > index && piece.afterBlank) break;
      if (end > index && isRowNumber(piece.text) && piece.kind !== 'continuation') break;
      if (piece.kind === 'loose' && end > index) break;
      const joinsPrevious = piece.kind === 'continuation' || (piece.kind === 'line-head' && end > index);
      if (joinsPrevious && cells.length > 0) {
        // "Сроки \nреализации" goes on in lower case; a capitalised line under the header is a heading.
        if (/^\p{Lu}/u.test(piece.text)) break;
        // A line that opens with a tab starts a new row (its number cell is empty).
        if (piece.kind === 'line-head' && piece.text === '') break;
        if (piece.text !== '') cells[cells.length - 1] = `${cells[cells.length - 1]} ${piece.text}`;
      } else cells.push(piece.text);
      if (cells.length > 40) break;
    }
    return { cells, end };
  }

  private openTable(index: number): number {
    const header = this.headerBlock(index);
    this.flushPendingAsTrailer();
    this.table = { rows: [{ rowNumber: String(this.pieces[index].line), cells: header.cells.map(collapse) }] };
    this.width = header.cells.length;
    this.row = null;
    return header.end;
  }

  private take(piece: Piece, next: Piece | undefined): void {
    switch (piece.kind) {
      case 'continuation':
        // Row per line: a one-cell line between two rows (the next one could not continue the
        // open row) is a section heading, however short the row above came out.
        if (
          this.layout === 'row-per-line' &&
          this.row !== null &&
          this.row.cells.length >= 4 &&
          /^\p{Lu}/u.test(piece.text) &&
          next?.kind === 'line-head' &&
          this.startsNextRow(next)
        ) {
          this.closeRow();
          this.pending.push(piece);
          return;
        }
        // Row per line: a line without tabs under a complete row is a heading when it starts like one.
        if (this.layout === 'row-per-line' && this.rowExpected() && /^[\p{Lu}\dIVX]/u.test(piece.text)) {
          this.pending.push(piece);
          return;
        }
        return this.appendToOpenCell(piece);
      case 'loose':
        // Row per line: text in capitals after a blank line under a row well under way is what
        // follows the table (a list, a signature), not the rest of a cell.
        if (this.layout === 'row-per-line' && this.row && this.row.cells.length >= 4 && /^\p{Lu}/u.test(piece.text)) {
          this.closeRow();
          this.pending.push(piece);
          return;
        }
        if (this.row && !this.rowExpected()) return this.appendToOpenCell(piece);
        this.pending.push(piece);
        return;
      case 'line-head':
        if (this.row && !this.rowExpected()) {
          if (this.startsNextRow(piece)) return this.startRow(piece);
          if (piece.text !== '') this.appendToOpenCell(piece);
          return;
        }
        return this.startRow(piece);
      case 'cell':
        return this.takeCell(piece);
    }
  }

  /**
   * Row per line: a line starts the next row even when the row above came out short (a copy from
   * a web page drops empty cells) when it opens with another row number, or when it could not
   * continue the open row without giving it more cells than the header has.
   */
  private startsNextRow(piece: Piece): boolean {
    const row = this.row;
    if (row === null || piece.text === '') return false;
    if (row.cells.length + (piece.lineCells ?? 0) > this.width && row.cells.length >= 3) return true;
    if (row.cells.length < 3 || !isRowNumber(piece.text) || !isRowNumber(row.cells[0])) return false;
    return normalizeRowNumber(piece.text) !== normalizeRowNumber(row.cells[0]);
  }

  /** Cell per line, in a table without a «№» column: a run of several cells after a blank line is a row. */
  private startsUnnumberedRow(piece: Piece): boolean {
    if (this.layout !== 'cell-per-line' || !piece.afterBlank) return false;
    const first = this.table?.rows[0]?.cells[0] ?? '';
    return !isNumberHeader(first) && (piece.groupCells ?? 0) >= 2;
  }

  private takeCell(piece: Piece): void {
    if (this.rowExpected()) {
      if (isRowNumber(piece.text) || piece.text === '' || this.startsUnnumberedRow(piece)) return this.startRow(piece);
      this.pending.push(piece);
      return;
    }
    const row = this.row as OpenRow;
    // A numbered cell after a blank line, in a row already half filled, is the next row whose
    // trailing empty cells were lost in the copy.
    if (isRowNumber(piece.text) && piece.afterBlank && row.cells.length >= 2) {
      this.closeRow();
      return this.startRow(piece);
    }
    row.cells.push(piece.text);
  }

  private startRow(piece: Piece): void {
    this.closeRow();
    this.flushPendingAsSections();
    this.row = { line: piece.line, cells: [piece.text] };
  }

  private appendToOpenCell(piece: Piece): void {
    // Text under a heading or after the table belongs to it, not to the last row.
    const lastPending = this.pending[this.pending.length - 1];
    if (lastPending && piece.kind === 'continuation') {
      lastPending.text = `${lastPending.text}\n${piece.text}`;
      return;
    }
    if (this.row === null) {
      this.pending.push(piece);
      return;
    }
    const cells = this.row.cells;
    cells[cells.length - 1] = cells[cells.length - 1] === '' ? piece.text : `${cells[cells.length - 1]}\n${piece.text}`;
  }

  private closeRow(): void {
    if (this.row === null || this.table === null) return;
    const cells = [...this.row.cells];
    while (cells.length < this.width) cells.push('');
    this.table.rows.push({ rowNumber: String(this.row.line), cells });
    this.row = null;
  }

  private flushPendingAsSections(): void {
    if (this.table === null) return;
    const rows: RawRow[] = this.pending
      .filter((piece) => piece.text.trim() !== '')
      .map((piece) => ({ rowNumber: String(piece.line), cells: [collapse(piece.text)], merged: true }));
    this.table.rows.push(...rows);
    this.pending = [];
  }

  private flushPendingAsTrailer(): void {
    this.tailLines.push(...groupTrailer(this.pending));
    this.pending = [];
  }

  private closeTable(): void {
    this.closeRow();
    if (this.table) this.document.tables.push(this.table);
    this.table = null;
    this.flushPendingAsTrailer();
  }
}

/** Trailer pieces become paragraphs: a blank line in the source separates them. */
function groupTrailer(pieces: Piece[]): string[] {
  const result: string[] = [];
  for (const piece of pieces) {
    if (piece.text.trim() === '') continue;
    piece.text.split('\n').forEach((line, index) => {
      // A numbered list («1. МКОУ …», «2. …») keeps one paragraph per item.
      const starts = (index === 0 && (piece.afterBlank || piece.kind === 'cell')) || /^\s*\d{1,3}[.)]\s/.test(line);
      if (starts || result.length === 0) result.push(collapse(line));
      else result[result.length - 1] = collapse(`${result[result.length - 1]} ${line}`);
    });
  }
  return result;
}
