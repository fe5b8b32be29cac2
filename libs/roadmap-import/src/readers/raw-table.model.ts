// The reader-neutral picture of a document: the tables it holds and the text around them.
// Every reader (DOCX, XLSX, CSV, text) produces this; everything after works on it alone.

export interface RawRow {
  /** Where the row is in the source, as the coordinator would find it (line, row, sheet!row). */
  rowNumber: string;
  cells: string[];
  /** One cell spanning the whole row: a section heading in a roadmap table. */
  merged?: boolean;
}

export interface RawTable {
  /** Sheet name or table position, for messages. */
  name?: string;
  rows: RawRow[];
}

export interface RawDocument {
  /** Paragraphs before the first table: the heading, often an order (приказ) text. */
  preamble: string[];
  tables: RawTable[];
  /** Paragraphs after the first table: participant lists, signatures. */
  trailer: string[];
  /** What a reader had to guess (e.g. an unreadable row number), reported with the roadmap. */
  notes: RawNote[];
}

export interface RawNote {
  row: string;
  text: string;
  message: string;
}

export function emptyDocument(): RawDocument {
  return { preamble: [], tables: [], trailer: [], notes: [] };
}
