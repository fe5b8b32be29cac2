// DOCX: mammoth reads the package (including merged cells: gridSpan → colspan, vMerge → rowspan)
// and gives HTML, which the HTML table reader turns into rows.

import mammoth from 'mammoth';
import { corrupted } from './input-format.detector';
import { readHtmlTables } from './html-table.reader';
import { RawDocument } from './raw-table.model';

export async function readDocx(fileName: string, bytes: Buffer): Promise<RawDocument> {
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: bytes },
      // Images are dropped: a roadmap's meaning is in its text, and data URIs would bloat the HTML.
      { convertImage: mammoth.images.imgElement(async () => ({ src: '' })) },
    );
    html = result.value;
  } catch (error: unknown) {
    throw corrupted(fileName, 'docx', error);
  }
  return readHtmlTables(html);
}
