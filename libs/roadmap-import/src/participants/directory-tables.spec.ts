import ExcelJS from 'exceljs';
import { parsePeople, parseRoadmap, parseSchools } from '../roadmap.importer';
import { phoneProblem } from './people-table.parser';

const csv = (text: string, fileName = 'таблица.csv') => ({ fileName, bytes: Buffer.from(`\ufeff${text}`) });

describe('directory school table', () => {
  it('reads the directory fields: short name, official code, director, e-mail and address', async () => {
    const { schools, warnings } = await parseSchools(
      csv(
        'Полное наименование;Краткое наименование;ИНН;Муниципалитет;Категория;Директор;E-mail;Адрес\n' +
          'Муниципальное бюджетное общеобразовательное учреждение «Средняя школа № 6»;МБОУ «СШ № 6»;2454012345;г. Лесосибирск;ШНОР;Кузнецова Анна Петровна;sh6@lesosibirsk.test;г. Лесосибирск, ул. Победы, 10\n' +
          'МБОУ «СОШ № 9»;;;г. Лесосибирск;зона риска;;;\n',
      ),
    );
    expect(warnings).toEqual([]);
    expect(schools).toEqual([
      {
        name: 'Муниципальное бюджетное общеобразовательное учреждение «Средняя школа № 6»',
        shortName: 'МБОУ «СШ № 6»',
        officialCode: '2454012345',
        category: 'shnor',
        municipality: 'г. Лесосибирск',
        director: 'Кузнецова Анна Петровна',
        emails: ['sh6@lesosibirsk.test'],
        address: 'г. Лесосибирск, ул. Победы, 10',
      },
      { name: 'МБОУ «СОШ № 9»', category: 'risk_zone', municipality: 'г. Лесосибирск', emails: [] },
    ]);
  });

  it('takes a ФИС ФРДО code header, and keeps the directory fields out of a roadmap', async () => {
    const { schools } = await parseSchools(
      csv('Наименование ОО;Код ФИС ФРДО;Адрес электронной почты\nСОШ № 1;0000123;s1@example.ru\n'),
    );
    expect(schools).toEqual([
      expect.objectContaining({ name: 'СОШ № 1', officialCode: '0000123', emails: ['s1@example.ru'] }),
    ]);
    expect(schools[0]).not.toHaveProperty('address');

    const roadmap = await parseRoadmap(
      csv(
        '№;Мероприятие;Срок;Исполнители;Показатель\n1;Самодиагностика;Май 2023;ОО;100% ШНОР\n\n' +
          'Наименование ОО;ИНН;Адрес\nСОШ № 1;2454000001;ул. Мира, 1\n',
      ),
      { year: 2023 },
    );
    for (const school of roadmap.schools)
      expect(Object.keys(school).sort()).toEqual(['category', 'emails', 'municipality', 'name']);
  });
});

describe('people table', () => {
  it('reads people with their organisations from CSV', async () => {
    const { people, problems } = await parsePeople(
      csv(
        'ФИО;Должность;E-mail;Телефон;Организация\n' +
          'Смирнов Петр Ильич;методист;Smirnov@Lesosibirsk.test;+7 (39145) 5-12-34;МБУ «МИМЦ»\n' +
          'Орлова Ольга Юрьевна;;;;Отдел образования\n',
      ),
    );
    expect(problems).toEqual([]);
    expect(people).toEqual([
      {
        row: '2',
        fullName: 'Смирнов Петр Ильич',
        position: 'методист',
        email: 'smirnov@lesosibirsk.test',
        phone: '+7 (39145) 5-12-34',
        organisation: 'МБУ «МИМЦ»',
      },
      {
        row: '3',
        fullName: 'Орлова Ольга Юрьевна',
        position: null,
        email: null,
        phone: null,
        organisation: 'Отдел образования',
      },
    ]);
  });

  it('names every bad cell by its row and the column header as written, and leaves those rows out', async () => {
    const { people, problems } = await parsePeople(
      csv(
        'Ф.И.О.;Должность;Эл. почта;Тел.;Место работы\n' +
          'Иванов Иван;учитель;ivanov@;12;СОШ № 1\n' +
          ';директор;d@example.ru;;СОШ № 2\n' +
          'Петрова Анна;;;;\n' +
          'Сидоров Олег;;s@example.ru;8 800 555-35-35 доб. 12;СОШ № 3\n',
      ),
    );
    expect(people.map((p) => p.fullName)).toEqual(['Сидоров Олег']);
    expect(problems).toEqual([
      { row: 'строка 2', column: 'Эл. почта', message: '«ivanov@» не адрес электронной почты' },
      { row: 'строка 2', column: 'Тел.', message: '«12» не похоже на номер телефона (цифр: 2)' },
      { row: 'строка 3', column: 'Ф.И.О.', message: 'не заполнено' },
      {
        row: 'строка 4',
        column: 'Место работы',
        message: 'не заполнено: укажите организацию, где работает человек',
      },
    ]);
  });

  it('reads an XLSX sheet with a title above the header', async () => {
    const book = new ExcelJS.Workbook();
    book
      .addWorksheet('Люди')
      .addRows([
        ['Сотрудники управления образования'],
        [],
        ['ФИО', 'Должность', 'E-mail', 'Телефон', 'Организация'],
        ['Кузнецова Анна Петровна', 'начальник отдела', 'kuz@example.ru', '83914551234', 'Отдел образования'],
      ]);
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    const { people, problems } = await parsePeople({ fileName: 'люди.xlsx', bytes });
    expect(problems).toEqual([]);
    expect(people).toEqual([
      expect.objectContaining({
        row: 'Люди!4',
        fullName: 'Кузнецова Анна Петровна',
        organisation: 'Отдел образования',
      }),
    ]);
  });

  it('says so when the file has no people table, or no organisation column', async () => {
    expect((await parsePeople(csv('Школа;Категория\nСОШ № 1;ШНОР\n'))).problems).toEqual([
      expect.objectContaining({ column: null, message: expect.stringMatching(/^не найдена таблица людей/) }),
    ]);
    expect((await parsePeople(csv('ФИО;E-mail\nИванов;i@example.ru\n'))).problems).toEqual([
      expect.objectContaining({ row: 'строка 1', message: expect.stringContaining('нет столбца «Организация»') }),
    ]);
  });

  it('checks phones by their digits', () => {
    expect(phoneProblem('+7 (3952) 20-11-22')).toBeNull();
    expect(phoneProblem('8 800 555-35-35 доб. 12')).toBeNull();
    expect(phoneProblem('звонить секретарю')).toMatch(/не похоже/);
    expect(phoneProblem('1234567890123456')).toMatch(/цифр: 16/);
  });
});
