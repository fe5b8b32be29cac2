import { filetypeinfo } from 'magic-bytes.js';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { FILE_KINDS, type FileKind } from './file-kinds';

/** What the bytes are, whatever the name or the client said. `kind` is null for anything Orientir never accepts. */
export interface DetectedType {
  kind: FileKind | null;
  mime: string;
  /** In Russian, for the 415 message. */
  label: string;
}

const known = (kind: FileKind): DetectedType => ({ kind, mime: FILE_KINDS[kind].mime, label: FILE_KINDS[kind].label });
const other = (mime: string, label: string): DetectedType => ({ kind: null, mime, label });

const PDF = Buffer.from('%PDF-');
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const EMPTY_ZIP = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const CFB = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/**
 * Detects the type from the bytes: signatures by magic-bytes.js, and inside ZIP containers the part
 * that says what the document is (ODF's `mimetype` entry, OOXML's main part in `[Content_Types].xml`),
 * so a DOCX, an XLSX, an ODT and a plain ZIP are told apart, and macro-enabled Office files are not
 * taken for their plain kinds.
 */
export async function detectContentType(head: Buffer, file: string): Promise<DetectedType> {
  if (head.subarray(0, 1024).includes(PDF)) return known('pdf');
  if (head.subarray(0, 4).equals(ZIP)) return detectZipContainer(file);
  if (head.subarray(0, 4).equals(EMPTY_ZIP)) return other('application/zip', 'пустой ZIP-архив');
  if (head.subarray(0, 8).equals(CFB)) {
    return other('application/x-cfb', 'документ Microsoft Office старого формата (DOC, XLS или PPT)');
  }
  const [guess] = filetypeinfo(new Uint8Array(head));
  if (guess) {
    if (guess.typename === 'png') return known('png');
    if (guess.typename === 'jpg' || guess.mime === 'image/jpeg') return known('jpeg');
    return other(guess.mime ?? 'application/octet-stream', guess.typename.toUpperCase());
  }
  if (looksLikeText(head)) return other('text/plain', 'текстовый файл');
  return other('application/octet-stream', 'файл неизвестного формата');
}

const ODF: Record<string, DetectedType> = {
  'application/vnd.oasis.opendocument.text': known('odt'),
  'application/vnd.oasis.opendocument.spreadsheet': other('application/vnd.oasis.opendocument.spreadsheet', 'ODS'),
  'application/vnd.oasis.opendocument.presentation': other('application/vnd.oasis.opendocument.presentation', 'ODP'),
};

/** OOXML main parts ([Content_Types].xml overrides) and what they make the package. */
const OOXML_MAIN: [RegExp, DetectedType][] = [
  [/wordprocessingml\.document\.main\+xml/, known('docx')],
  [/spreadsheetml\.sheet\.main\+xml/, known('xlsx')],
  [/ms-word\.document\.macroEnabled/i, other('application/vnd.ms-word.document.macroEnabled.12', 'DOCM (с макросами)')],
  [/ms-excel\.sheet\.macroEnabled/i, other('application/vnd.ms-excel.sheet.macroEnabled.12', 'XLSM (с макросами)')],
  [
    /presentationml\.presentation\.main\+xml/,
    other('application/vnd.openxmlformats-officedocument.presentationml.presentation', 'PPTX'),
  ],
  [
    /wordprocessingml\.template\.main\+xml/,
    other('application/vnd.openxmlformats-officedocument.wordprocessingml.template', 'DOTX (шаблон)'),
  ],
];

// A container's directory is read, not its content: these bound what a hostile archive can cost.
const MAX_ENTRIES = 20_000;
const MAX_PART_BYTES = 256 * 1024;

async function detectZipContainer(file: string): Promise<DetectedType> {
  const zip = other('application/zip', 'ZIP-архив');
  let parts: { mimetype?: string; contentTypes?: string };
  try {
    parts = await readParts(file, ['mimetype', '[Content_Types].xml']).then((p) => ({
      mimetype: p.get('mimetype'),
      contentTypes: p.get('[Content_Types].xml'),
    }));
  } catch {
    return other('application/zip', 'повреждённый ZIP-архив');
  }
  if (parts.mimetype !== undefined) return ODF[parts.mimetype.trim()] ?? zip;
  if (parts.contentTypes !== undefined) {
    const main = OOXML_MAIN.find(([pattern]) => pattern.test(parts.contentTypes ?? ''));
    return main?.[1] ?? other('application/zip', 'документ Office неизвестного вида');
  }
  return zip;
}

/** The text of the named entries of a ZIP archive (those present), read from its central directory. */
function readParts(file: string, names: string[]): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, autoClose: true }, (openError, zipFile) => {
      if (openError || !zipFile) return reject(openError ?? new Error('zip'));
      const found = new Map<string, string>();
      let seen = 0;
      const fail = (error: Error) => {
        zipFile.close();
        reject(error);
      };
      zipFile.on('error', fail);
      zipFile.on('end', () => resolve(found));
      zipFile.on('entry', (entry: Entry) => {
        seen += 1;
        if (seen > MAX_ENTRIES) {
          zipFile.close();
          return resolve(found);
        }
        if (!names.includes(entry.fileName) || entry.uncompressedSize > MAX_PART_BYTES) return zipFile.readEntry();
        readEntry(zipFile, entry)
          .then((text) => {
            found.set(entry.fileName, text);
            if (found.size === names.length) {
              zipFile.close();
              resolve(found);
            } else zipFile.readEntry();
          })
          .catch(fail);
      });
      zipFile.readEntry();
    });
  });
}

function readEntry(zipFile: ZipFile, entry: Entry): Promise<string> {
  return new Promise((resolve, reject) => {
    zipFile.openReadStream(entry, (error, stream) => {
      if (error || !stream) return reject(error ?? new Error('zip entry'));
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_PART_BYTES) stream.destroy(new Error('zip entry too large'));
        else chunks.push(chunk);
      });
      stream.on('error', reject);
      stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    });
  });
}

function looksLikeText(head: Buffer): boolean {
  if (head.length === 0 || head.includes(0)) return false;
  try {
    // `stream: true` forgives a character cut in two at the end of the head.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return true;
  } catch {
    return false;
  }
}
