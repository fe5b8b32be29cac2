import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import ExcelJS from 'exceljs';
import { detectContentType } from './content-type.util';
import { HEAD_BYTES } from './local-disk.file-storage';
import { contentTypesXml, storedZip } from './stored-zip.fixture';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'orientir-detect-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function detect(bytes: Buffer) {
  const file = path.join(dir, `f-${Math.random()}`);
  fs.writeFileSync(file, bytes);
  return detectContentType(bytes.subarray(0, HEAD_BYTES), file);
}

describe('detectContentType: from the bytes, whatever the name', () => {
  it('tells a real DOCX and a real XLSX apart (both are ZIP containers)', async () => {
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Концепция')] }] }));
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Лист').addRow(['Показатель', 1]);
    const xlsx = Buffer.from(await book.xlsx.writeBuffer());
    expect(await detect(docx)).toMatchObject({ kind: 'docx', label: 'DOCX' });
    expect(await detect(xlsx)).toMatchObject({ kind: 'xlsx', label: 'XLSX' });
  });

  it('reads ODF by its mimetype entry: ODT is accepted kind, ODS is named but not a known kind', async () => {
    const odt = storedZip([
      ['mimetype', 'application/vnd.oasis.opendocument.text'],
      ['content.xml', '<office:document-content/>'],
    ]);
    const ods = storedZip([['mimetype', 'application/vnd.oasis.opendocument.spreadsheet']]);
    expect(await detect(odt)).toMatchObject({ kind: 'odt', mime: 'application/vnd.oasis.opendocument.text' });
    expect(await detect(ods)).toMatchObject({ kind: null, label: 'ODS' });
  });

  it('does not take a macro-enabled Word file, a presentation or a plain ZIP for a document', async () => {
    const docm = storedZip([
      ['[Content_Types].xml', contentTypesXml('application/vnd.ms-word.document.macroEnabled.main+xml')],
    ]);
    const pptx = storedZip([
      [
        '[Content_Types].xml',
        contentTypesXml('application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml'),
      ],
    ]);
    const zip = storedZip([['readme.txt', 'привет']]);
    expect(await detect(docm)).toMatchObject({ kind: null, label: 'DOCM (с макросами)' });
    expect(await detect(pptx)).toMatchObject({ kind: null, label: 'PPTX' });
    expect(await detect(zip)).toMatchObject({ kind: null, mime: 'application/zip' });
  });

  it('recognises PDF, PNG, JPEG, old binary Office, text and a broken ZIP', async () => {
    expect(await detect(Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF'))).toMatchObject({ kind: 'pdf' });
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
    expect(await detect(png)).toMatchObject({ kind: 'png', mime: 'image/png' });
    expect(await detect(Buffer.from('ffd8ffe000104a46494600010100000100010000', 'hex'))).toMatchObject({
      kind: 'jpeg',
    });
    const doc = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(512)]);
    expect(await detect(doc)).toMatchObject({ kind: null, mime: 'application/x-cfb' });
    expect(await detect(Buffer.from('Просто текст, а не документ'))).toMatchObject({
      kind: null,
      label: 'текстовый файл',
    });
    const broken = Buffer.concat([Buffer.from('504b0304', 'hex'), Buffer.alloc(64, 1)]);
    expect(await detect(broken)).toMatchObject({ kind: null, label: 'повреждённый ZIP-архив' });
  });

  it('names other binary types by their signature', async () => {
    const gzip = Buffer.from('1f8b0800000000000003', 'hex');
    const detected = await detect(gzip);
    expect(detected.kind).toBeNull();
    expect(detected.mime).toMatch(/gzip/);
  });
});
