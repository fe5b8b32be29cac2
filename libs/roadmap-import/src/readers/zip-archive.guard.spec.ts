import { crc32, deflateRawSync } from 'node:zlib';
import { parseRoadmap } from '../roadmap.importer';
import { RoadmapImportErrorCode } from '../roadmap-import.exception';
import { assertArchiveWithinLimits } from './zip-archive.guard';

interface ZipEntry {
  name: string;
  data: Buffer;
  /** What the directory claims; the real size by default (a bomb tells the truth, a liar does not). */
  declaredSize?: number;
}

/** A zip written by hand, because the guard must also see archives whose directory lies about sizes. */
function zipOf(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const packed = deflateRawSync(entry.data, { level: 9 });
    const size = entry.declaredSize ?? entry.data.length;
    const crc = crc32(entry.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const docxParts = (documentXml: Buffer): ZipEntry[] => [
  { name: '[Content_Types].xml', data: Buffer.from('<?xml version="1.0"?><Types/>') },
  { name: 'word/document.xml', data: documentXml },
];

describe('zip archive guard (DOCX/XLSX before any reader inflates them)', () => {
  it('refuses a DOCX that unpacks to hundreds of megabytes, before mammoth reads it', async () => {
    const bomb = zipOf(docxParts(Buffer.alloc(200 * 1024 * 1024, 0x20)));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const before = process.memoryUsage().rss;
    await expect(parseRoadmap({ fileName: 'бомба.docx', bytes: bomb })).rejects.toMatchObject({
      code: RoadmapImportErrorCode.FILE_TOO_LARGE,
      message: expect.stringContaining('слишком велик после распаковки'),
    });
    // The guard inflated nothing into memory (the reader would have held 200 MB and more).
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
  });

  it('refuses an archive whose directory lies about an entry’s size', async () => {
    const liar = zipOf([{ name: 'word/document.xml', data: Buffer.alloc(5 * 1024 * 1024, 0x20), declaredSize: 10 }]);
    await expect(assertArchiveWithinLimits('лжец.docx', 'docx', liar)).rejects.toMatchObject({
      code: RoadmapImportErrorCode.CORRUPTED_FILE,
    });
  });

  it('refuses too many entries, and lets a small honest archive through', async () => {
    const many = zipOf(Array.from({ length: 30 }, (_, i) => ({ name: `x/${i}.xml`, data: Buffer.from('<a/>') })));
    await expect(assertArchiveWithinLimits('много.xlsx', 'xlsx', many, { maxEntries: 20 })).rejects.toMatchObject({
      code: RoadmapImportErrorCode.FILE_TOO_LARGE,
      message: expect.stringContaining('30 частей'),
    });
    await expect(assertArchiveWithinLimits('мало.xlsx', 'xlsx', many)).resolves.toBeUndefined();
  });
});
