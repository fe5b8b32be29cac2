// The shapes a roadmap arrives in, each read into the same table model.

import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, VerticalMergeType } from 'docx';
import { readCsv } from './csv-table.reader';
import { readDocx } from './docx-table.reader';
import { decodeText } from './text-decoding.util';
import { readText } from './text-table.reader';

const cellsOf = (text: string): string[][] => readText(text).tables[0].rows.map((row) => row.cells);

describe('plain-text readers', () => {
  it('starts a new row where a web copy dropped the empty cells of the row above, and keeps a heading between short rows', () => {
    const text = [
      '№\tМероприятие\tСроки\tИсполнители\tПоказатель\tИнформация об исполнении',
      '1\t<p>Самодиагностика ШНОР</p><p>по рисковому профилю</p>\tМарт 2023 г.\tРуководители ШНОР\t100% ШНОР',
      '2\tПовышение квалификации\tВ течение года\tЦРО\tне менее 60%\tОбучено 64%',
      '<p>Методическая поддержка</p>',
      'Консультации кураторов\tМарт - май\tКураторы\tне менее 2 консультаций',
      'Семинар для заместителей\tАпрель\tЦРО\tне менее 1 семинара',
    ].join('\n');
    expect(readText(text).tables[0].rows.map((row) => row.cells)).toEqual([
      ['№', 'Мероприятие', 'Сроки', 'Исполнители', 'Показатель', 'Информация об исполнении'],
      ['1', 'Самодиагностика ШНОР\nпо рисковому профилю', 'Март 2023 г.', 'Руководители ШНОР', '100% ШНОР', ''],
      ['2', 'Повышение квалификации', 'В течение года', 'ЦРО', 'не менее 60%', 'Обучено 64%'],
      ['Методическая поддержка'],
      ['Консультации кураторов', 'Март - май', 'Кураторы', 'не менее 2 консультаций', '', ''],
      ['Семинар для заместителей', 'Апрель', 'ЦРО', 'не менее 1 семинара', '', ''],
    ]);
  });

  it('reads tab-separated rows, one row per line, with a header broken over two lines', () => {
    const text = [
      'План мероприятий на 2024 год',
      '№\tМероприятие\tСроки',
      'реализации\tОтветственные\tРезультат',
      '1\tСовещание\tМарт\tОтдел образования\tПротокол',
      '2\tСеминар для\tАпрель\tИМЦ\tНе менее 2 семинаров',
      'заместителей директоров',
    ].join('\n');
    const document = readText(text);
    expect(document.preamble).toEqual(['План мероприятий на 2024 год']);
    expect(cellsOf(text)).toEqual([
      ['№', 'Мероприятие', 'Сроки реализации', 'Ответственные', 'Результат'],
      ['1', 'Совещание', 'Март', 'Отдел образования', 'Протокол'],
      ['2', 'Семинар для', 'Апрель', 'ИМЦ', 'Не менее 2 семинаров\nзаместителей директоров'],
    ]);
  });

  it('rejoins a row broken inside a cell and takes a tab-less line between rows as a section heading', () => {
    const text = [
      '№\tМероприятие\tСроки\tИсполнители\tПоказатель',
      'Раздел 1. Организационные мероприятия',
      '1\tСоздание рабочей',
      'группы\tМай\tДО\tПриказ',
    ].join('\n');
    const rows = readText(text).tables[0].rows;
    expect(rows[1]).toEqual({ rowNumber: '2', cells: ['Раздел 1. Организационные мероприятия'], merged: true });
    expect(rows[2].cells).toEqual(['1', 'Создание рабочей\nгруппы', 'Май', 'ДО', 'Приказ']);
  });

  it('turns HTML remnants back into text: <br> into a line break, &nbsp; into a space, tags away', () => {
    const text =
      '<b>Дорожная карта</b>\n№\tСобытие\tСроки\tИсполнители\tПоказатель\n1\tВебинар&nbsp;для<br>кураторов\tМай,&nbsp;июнь\tМКУ&nbsp;&laquo;ИМЦРО&raquo;\tНе менее 1';
    const document = readText(text);
    expect(document.preamble).toEqual(['Дорожная карта']);
    expect(document.tables[0].rows[1].cells).toEqual([
      '1',
      'Вебинар для\nкураторов',
      'Май, июнь',
      'МКУ «ИМЦРО»',
      'Не менее 1',
    ]);
  });

  it('reads an HTML table pasted as text, with a merged section row', () => {
    const html =
      '<p>Дорожная карта</p><table><tr><td>№</td><td>Мероприятие</td><td>Сроки</td><td>Исполнители</td></tr>' +
      '<tr><td colspan="4">Раздел I</td></tr><tr><td>1</td><td>Вебинар</td><td>Май</td><td>ИМЦ</td></tr></table>';
    const rows = readText(html).tables[0].rows;
    expect(rows[1]).toEqual({ rowNumber: '2', cells: ['Раздел I'], merged: true });
    expect(rows[2].cells).toEqual(['1', 'Вебинар', 'Май', 'ИМЦ']);
  });
});

describe('text decoding', () => {
  it('reads UTF-8 with and without BOM, and cp1251', () => {
    const utf8 = Buffer.from('Сроки;Исполнители', 'utf8');
    expect(decodeText(utf8, 'a.csv')).toBe('Сроки;Исполнители');
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]), 'a.csv')).toBe('Сроки;Исполнители');
    // "Сроки" in cp1251.
    expect(decodeText(Buffer.from([0xd1, 0xf0, 0xee, 0xea, 0xe8]), 'a.csv')).toBe('Сроки');
  });
});

describe('CSV reader', () => {
  it.each([
    [';', '№;Мероприятие;Сроки;Исполнители\n1;"Совещание; выездное";Май;ДО\n'],
    [',', '№,Мероприятие,Сроки,Исполнители\n1,"Совещание; выездное",Май,ДО\n'],
    ['tab', '№\tМероприятие\tСроки\tИсполнители\n1\tСовещание; выездное\tМай\tДО\n'],
  ])('detects the %s delimiter', (_name, text) => {
    expect(readCsv(text, 'a.csv').tables[0].rows.map((row) => row.cells)).toEqual([
      ['№', 'Мероприятие', 'Сроки', 'Исполнители'],
      ['1', 'Совещание; выездное', 'Май', 'ДО'],
    ]);
  });

  it('keeps line breaks inside quoted cells and marks a lone heading as a merged row', () => {
    const rows = readCsv('№;Мероприятие;Сроки;Исполнители\nРаздел 2;;;\n1;Совещание;Май;"ДО\nИМЦ"\n', 'a.csv').tables[0]
      .rows;
    expect(rows[1]).toEqual({ rowNumber: '2', cells: ['Раздел 2'], merged: true });
    expect(rows[2].cells[3]).toBe('ДО\nИМЦ');
  });
});

describe('DOCX reader', () => {
  it('repeats a vertically merged cell in every row it covers and keeps a numbered section row merged', async () => {
    const cell = (text: string, extra: Partial<ConstructorParameters<typeof TableCell>[0]> = {}): TableCell =>
      new TableCell({ children: text.split('\n').map((line) => new Paragraph(line)), ...extra });
    const bytes = await Packer.toBuffer(
      new Document({
        sections: [
          {
            children: [
              new Paragraph({ text: 'Дорожная карта на 2024 год', alignment: AlignmentType.CENTER }),
              new Table({
                rows: [
                  new TableRow({ children: ['№', 'Мероприятие', 'Сроки', 'Исполнители'].map((text) => cell(text)) }),
                  new TableRow({ children: [cell('1.'), cell('Организационные мероприятия', { columnSpan: 3 })] }),
                  new TableRow({
                    children: [
                      cell('1'),
                      cell('Совещание'),
                      cell('Май'),
                      cell('ДО\nИМЦ', { verticalMerge: VerticalMergeType.RESTART }),
                    ],
                  }),
                  new TableRow({
                    children: [
                      cell('2'),
                      cell('Семинар'),
                      cell('Июнь'),
                      cell('', { verticalMerge: VerticalMergeType.CONTINUE }),
                    ],
                  }),
                ],
              }),
              new Paragraph('Начальник отдела'),
            ],
          },
        ],
      }),
    );
    const document = await readDocx('карта.docx', bytes);
    expect(document.preamble).toEqual(['Дорожная карта на 2024 год']);
    expect(document.trailer).toEqual(['Начальник отдела']);
    expect(document.tables[0].rows.map(({ cells, merged }) => ({ cells, merged: merged === true }))).toEqual([
      { cells: ['№', 'Мероприятие', 'Сроки', 'Исполнители'], merged: false },
      { cells: ['1. Организационные мероприятия'], merged: true },
      { cells: ['1', 'Совещание', 'Май', 'ДО\nИМЦ'], merged: false },
      { cells: ['2', 'Семинар', 'Июнь', 'ДО\nИМЦ'], merged: false },
    ]);
  });
});
