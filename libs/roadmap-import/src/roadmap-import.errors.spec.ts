// Bad input gets a RoadmapImportException with a stable code and a Russian message naming the problem.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseRoadmap } from './roadmap.importer';
import { RoadmapImportErrorCode, RoadmapImportException } from './roadmap-import.exception';

const FIXTURES = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'roadmaps');
const seed = (name: string): Buffer => readFileSync(join(FIXTURES, name));

async function failure(promise: Promise<unknown>): Promise<RoadmapImportException> {
  try {
    await promise;
  } catch (error: unknown) {
    if (error instanceof RoadmapImportException) return error;
    throw error;
  }
  throw new Error('expected the import to fail');
}

describe('import errors', () => {
  it('refuses a 50 MB file by its size, before looking at its bytes', async () => {
    // Zeros would be reported as a binary file if the importer read them.
    const error = await failure(parseRoadmap({ fileName: 'огромный.docx', bytes: Buffer.alloc(50 * 1024 * 1024) }));
    expect(error.code).toBe(RoadmapImportErrorCode.FILE_TOO_LARGE);
    expect(error.message).toMatch(/«огромный\.docx» слишком большой: 50,0 МБ при допустимых 20,0 МБ/);
  });

  it('takes the size limit from the options', async () => {
    const error = await failure(
      parseRoadmap({ fileName: 'irkutsk.txt', bytes: seed('irkutsk-city-2023.txt') }, { maxFileSizeBytes: 1024 }),
    );
    expect(error.code).toBe(RoadmapImportErrorCode.FILE_TOO_LARGE);
  });

  it('says a binary file is not a document', async () => {
    const bytes = Buffer.from([0x00, 0x13, 0x88, 0xff, 0x00, 0x42, 0x07, 0x01, 0x02, 0x03]);
    const error = await failure(parseRoadmap({ fileName: 'карта.txt', bytes }));
    expect(error.code).toBe(RoadmapImportErrorCode.BINARY_FILE);
    expect(error.message).toContain('не является текстовым документом');
  });

  it('says a truncated DOCX is corrupted', async () => {
    const docx = seed('generated/irkutsk-city-2023.docx');
    const error = await failure(
      parseRoadmap({ fileName: 'карта.docx', bytes: docx.subarray(0, Math.floor(docx.length / 2)) }),
    );
    expect(error.code).toBe(RoadmapImportErrorCode.CORRUPTED_FILE);
    expect(error.message).toBe(
      'Файл «карта.docx» повреждён или не является документом Word (DOCX): его не удалось открыть.',
    );
  });

  it('says a truncated XLSX is corrupted', async () => {
    const xlsx = seed('generated/irkutsk-city-2023.xlsx');
    const error = await failure(
      parseRoadmap({ fileName: 'карта.xlsx', bytes: xlsx.subarray(0, Math.floor(xlsx.length / 2)) }),
    );
    expect(error.code).toBe(RoadmapImportErrorCode.CORRUPTED_FILE);
    expect(error.message).toContain('книгой Excel (XLSX)');
  });

  it('says a text renamed to .docx is not a Word document', async () => {
    const error = await failure(parseRoadmap({ fileName: 'карта.docx', bytes: Buffer.from('просто текст') }));
    expect(error.code).toBe(RoadmapImportErrorCode.CORRUPTED_FILE);
  });

  it('asks for DOCX when given an old .doc, and names PDF as unsupported', async () => {
    const doc = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(64)]);
    const legacy = await failure(parseRoadmap({ fileName: 'карта.doc', bytes: doc }));
    expect(legacy.code).toBe(RoadmapImportErrorCode.UNSUPPORTED_FORMAT);
    expect(legacy.message).toContain('сохраните как DOCX');
    const pdf = await failure(parseRoadmap({ fileName: 'карта.pdf', bytes: Buffer.from('%PDF-1.7\n...') }));
    expect(pdf.code).toBe(RoadmapImportErrorCode.UNSUPPORTED_FORMAT);
    expect(pdf.message).toContain('(PDF) не поддерживается');
  });

  it('says a text without a roadmap table is not a roadmap', async () => {
    const error = await failure(parseRoadmap({ text: 'Уважаемые коллеги!\n\nНапоминаем о совещании в пятницу.\n' }));
    expect(error.code).toBe(RoadmapImportErrorCode.NOT_A_ROADMAP);
    expect(error.message).toContain('не найдена таблица дорожной карты');
  });

  it('says a workbook with only a school list is not a roadmap, naming what it holds', async () => {
    const error = await failure(
      parseRoadmap({
        fileName: 'school.csv',
        bytes: Buffer.from('Наименование ОО;Категория;E-mail\nМБОУ СОШ № 1;ШНОР;a@b.ru\n'),
      }),
    );
    expect(error.code).toBe(RoadmapImportErrorCode.NOT_A_ROADMAP);
    expect(error.message).toContain('Найдено: список школ');
  });

  it('says a table with a header and no events is empty, naming the header row', async () => {
    const error = await failure(
      parseRoadmap({ text: 'Дорожная карта на 2024 год\n\n№\tМероприятие\tСроки\tИсполнители\tПоказатель\n\n\n' }),
    );
    expect(error.code).toBe(RoadmapImportErrorCode.EMPTY_TABLE);
    expect(error.message).toContain('под заголовком (строка 3) нет ни одного мероприятия');
    expect(error.details.row).toBe('3');
  });

  it('says an empty file is empty', async () => {
    const error = await failure(parseRoadmap({ fileName: 'пусто.txt', bytes: Buffer.alloc(0) }));
    expect(error.code).toBe(RoadmapImportErrorCode.EMPTY_FILE);
    expect(error.message).toBe('Файл «пусто.txt» пуст.');
  });
});
