import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCurators, parseRoadmap, parseSchools } from '../roadmap.importer';
import { extractSchoolLists } from './school-list.extractor';

const GENERATED = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'roadmaps', 'generated');

describe('schools and curators', () => {
  it('reads schools from an XLSX sheet: category, municipality, several e-mails', async () => {
    const { schools, warnings } = await parseSchools({
      fileName: 'participants.xlsx',
      bytes: readFileSync(join(GENERATED, 'participants.xlsx')),
    });
    expect(schools).toEqual([
      {
        name: 'МБОУ «СОШ № 1»',
        category: 'shnor',
        municipality: 'Усть-Илимский район',
        emails: ['school1@example.ru'],
      },
      {
        name: 'МОУ «Невонская СОШ»',
        category: 'risk_zone',
        municipality: 'Усть-Илимский район',
        emails: ['nevon@example.ru', 'director@example.ru'],
      },
      { name: 'МБОУ «Ершовская СОШ»', category: 'shnsu', municipality: 'Усть-Илимский район', emails: [] },
    ]);
    expect(warnings).toEqual([]);
  });

  it('reads curators from an XLSX sheet with several assigned schools in one cell', async () => {
    const { curators } = await parseCurators({
      fileName: 'participants.xlsx',
      bytes: readFileSync(join(GENERATED, 'participants.xlsx')),
    });
    expect(curators).toEqual([
      {
        name: 'Иванова Мария Петровна',
        position: 'заместитель директора по УВР',
        workplace: 'МБОУ «СОШ № 7»',
        email: 'ivanova@example.ru',
        schools: ['МБОУ «СОШ № 1»', 'МОУ «Невонская СОШ»'],
      },
      {
        name: 'Петров Олег Ильич',
        position: 'директор',
        workplace: 'МБОУ «Лицей № 2»',
        email: 'petrov@example.ru',
        schools: ['МБОУ «Ершовская СОШ»'],
      },
    ]);
  });

  it('reads a CSV of schools, warning about a category it cannot place', async () => {
    const csv =
      '\ufeffШкола;МО;Категория (ШНОР / зона риска / ШНСУ);Электронная почта\nМКОУ СОШ № 3;Тулунский район;школа с низкими результатами;s3@example.ru\nМКОУ СОШ № 4;Тулунский район;резерв;\n';
    const { schools, warnings } = await parseSchools({ fileName: 'школы.csv', bytes: Buffer.from(csv) });
    expect(schools.map((school) => [school.name, school.category, school.municipality])).toEqual([
      ['МКОУ СОШ № 3', 'shnor', 'Тулунский район'],
      ['МКОУ СОШ № 4', 'shnor', 'Тулунский район'],
    ]);
    expect(warnings).toEqual([
      expect.objectContaining({ row: '3', text: 'резерв', message: expect.stringContaining('не распознана') }),
    ]);
  });

  it('adds the schools and curators of a roadmap document to the roadmap', async () => {
    const text = [
      'Дорожная карта на 2024 год',
      '№\tМероприятие\tСроки\tИсполнители\tПоказатель',
      '1\tСамодиагностика\tМарт\tШколы\t100% ШНОР',
      '',
      'ФИО куратора\tДолжность\tМесто работы\tE-mail\tЗакрепленные ОО',
      'Сидорова Анна\tдиректор\tМОУ СОШ № 9\tsid@example.ru\tМОУ СОШ № 2; МОУ СОШ № 5',
      '',
      'Школы с низкими образовательными результатами: МОУ СОШ № 2, 5 (2 организации)',
    ].join('\n');
    const roadmap = await parseRoadmap({ text });
    expect(roadmap.events).toHaveLength(1);
    expect(roadmap.curators).toEqual([
      {
        name: 'Сидорова Анна',
        position: 'директор',
        workplace: 'МОУ СОШ № 9',
        email: 'sid@example.ru',
        schools: ['МОУ СОШ № 2', 'МОУ СОШ № 5'],
      },
    ]);
    expect(roadmap.schools.map((school) => `${school.category}:${school.name}`)).toEqual([
      'shnor:МОУ СОШ № 2',
      'shnor:МОУ СОШ № 5',
    ]);
  });
});

describe('school lists in an order text', () => {
  it('expands "СОШ № 18, 22" into schools and takes the category from the lead-in', () => {
    const schools = extractSchoolLists([
      'Участники проекта с низкими образовательными результатами: МБОУ СОШ № 8, МБОУ СОШ № 18, 22, МАОУ «Лицей № 1». (4 организации)',
      'ОО, находящиеся в зоне риска по низким результатам: МКОУ «Школа № 3» и МКОУ ООШ № 7.',
      'Отв. исп.: Иванова И.И.',
    ]);
    expect(schools.map((school) => [school.category, school.name])).toEqual([
      ['shnor', 'МБОУ СОШ № 8'],
      ['shnor', 'МБОУ СОШ № 18'],
      ['shnor', 'МБОУ СОШ № 22'],
      ['shnor', 'МАОУ «Лицей № 1»'],
      ['risk_zone', 'МКОУ «Школа № 3»'],
      ['risk_zone', 'МКОУ ООШ № 7'],
    ]);
  });

  it('ignores an order paragraph that merely mentions low results', () => {
    expect(
      extractSchoolLists([
        'Об утверждении дорожной карты по сопровождению ШНОР, ПРИКАЗЫВАЮ: 1. Утвердить дорожную карту.',
      ]),
    ).toEqual([]);
  });
});
