// Plain text: decides which text shape it is (HTML pasted as text, tab-separated cells,
// or running text from a PDF) and hands it to the reader for that shape.

import { readFlowingText } from './flowing-text.reader';
import { hasHtmlRemnants, normalizeWhitespace, stripHtmlRemnants } from './html-remnants.util';
import { readHtmlTables } from './html-table.reader';
import { RawDocument } from './raw-table.model';
import { looksTabbed, readTabbedText } from './tabbed-text.reader';
import { toLines } from './text-lines.util';

export function readText(text: string): RawDocument {
  if (/<table[\s>]/i.test(text)) {
    const fromHtml = readHtmlTables(text);
    if (fromHtml.tables.length > 0) return fromHtml;
  }
  const clean = normalizeWhitespace(hasHtmlRemnants(text) ? stripHtmlRemnants(text) : text);
  const lines = toLines(clean);
  return looksTabbed(lines) ? readTabbedText(lines) : readFlowingText(lines);
}
