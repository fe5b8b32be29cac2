import ExcelJS from 'exceljs';
import { DEFAULT_RISK_DIRECTIONS } from '@orientir/domain';
import { parseRiskProfiles } from '../roadmap.importer';
import { matchDirection, riskMark } from './risk-profile-table.parser';

const directions = DEFAULT_RISK_DIRECTIONS.map((d) => ({ ...d }));
const csv = (text: string) => ({ fileName: 'профили.csv', bytes: Buffer.from(`\ufeff${text}`) });

describe('risk-profile table', () => {
  it('reads the marks as coordinators write them', () => {
    expect(['да', 'Да', '1', '+', 'х', 'Yes'].map(riskMark)).toEqual([true, true, true, true, true, true]);
    expect(['нет', '0', '-', '—', '', 'Нет.'].map(riskMark)).toEqual([false, false, false, false, false, false]);
    expect(riskMark('может быть')).toBeNull();
  });

  it('matches a direction by id, by title, and by a shortened title, but not an unrelated header', () => {
    expect(matchDirection('teacher_shortage', directions)).toBe('teacher_shortage');
    expect(matchDirection('Дефицит педагогических кадров', directions)).toBe('teacher_shortage');
    expect(matchDirection('Низкий уровень оснащения', directions)).toBe('low_equipment');
    expect(matchDirection('Низкая учебная мотивация', directions)).toBe('low_motivation');
    expect(matchDirection('Наименование ОО', directions)).toBeNull();
    expect(matchDirection('Примечание', directions)).toBeNull();
  });

  it('finds the header under a title, reads each school, and names every bad row and value', async () => {
    const result = await parseRiskProfiles(
      csv(
        'Рисковые профили ШНОР 2026\n' +
          '№;Наименование ОО;ИНН;Дефицит педагогических кадров;Низкий уровень оснащения школы;Низкая учебная мотивация обучающихся;Примечание\n' +
          '1;СОШ № 1;3801000001;да;нет;+;\n' +
          '2;СОШ № 2;;0;1;;проверить\n' +
          '3;СОШ № 3;;может быть;да;;\n' +
          '4;;;да;;;\n' +
          '5;СОШ № 5;;нет;нет;нет;\n' +
          ';;;;;;\n',
      ),
      directions,
    );
    expect(result.profiles).toEqual([
      {
        row: '3',
        schoolName: 'СОШ № 1',
        schoolCode: '3801000001',
        flaggedDirections: ['teacher_shortage', 'low_motivation'],
      },
      { row: '4', schoolName: 'СОШ № 2', schoolCode: null, flaggedDirections: ['low_equipment'] },
    ]);
    expect(result.problems).toEqual([
      {
        row: 'строка 5',
        column: 'Дефицит педагогических кадров',
        message: '«может быть» — не отметка: напишите «да» или «нет» (также 1/0, +/−)',
      },
      { row: 'строка 6', column: null, message: 'не указана школа: заполните наименование или код школы' },
      {
        row: 'строка 7',
        column: null,
        message: 'у школы «СОШ № 5» не отмечено ни одного направления рисков: отметьте хотя бы одно «да»',
      },
    ]);
    expect(result.ignoredColumns).toEqual(['Примечание']);
    expect(result.missingDirections).toHaveLength(7);
  });

  it('reads an XLSX sheet whose header names directions by id', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Профили');
    sheet.addRow(['Код школы', 'teacher_shortage', 'parent_involvement']);
    sheet.addRow(['0000123', 1, 1]);
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    const result = await parseRiskProfiles({ fileName: 'профили.xlsx', bytes }, directions);
    expect(result.problems).toEqual([]);
    expect(result.profiles).toEqual([
      {
        row: expect.stringContaining('2'),
        schoolName: '',
        schoolCode: '0000123',
        flaggedDirections: ['teacher_shortage', 'parent_involvement'],
      },
    ]);
  });

  it('says so when no table has a school column and a direction column', async () => {
    const result = await parseRiskProfiles(csv('ФИО;Должность\nИванов;директор\n'), directions);
    expect(result.profiles).toEqual([]);
    expect(result.problems[0].message).toMatch(/не найдена таблица рисковых профилей/);
  });
});
