import { fitOf, inferEventColumns, realignCells } from './column-content.util';
import { classifyHeader } from './table-kind.classifier';
import { segmentTable } from './table-segments.util';

const row = (cells: string[], merged = false) => ({ rowNumber: cells[0] ?? '', cells, ...(merged ? { merged } : {}) });

describe('column roles from content', () => {
  it.each([
    ['Март – апрель 2024 г.', 'period'],
    ['В течение года', 'period'],
    ['не менее 60% педагогов ШНОР', 'indicator'],
    ['Не менее 5 методических десантов', 'indicator'],
    ['Управление образования, руководители ШНОР', 'executors'],
    ['МКУ «Ангарский ИМЦ»', 'executors'],
    ['Аналитическая справка', 'reportForm'],
    ['Выполнено', 'executionNote'],
    ['Проведение муниципальной олимпиады', 'title'],
    ['2.3', 'number'],
  ])('«%s» fits %s best', (text, role) => {
    const fit = fitOf(text);
    const best = Object.entries(fit).sort((a, b) => b[1] - a[1])[0]?.[0];
    expect(best).toBe(role);
  });

  it('completes a header that names little from what its columns hold', () => {
    const columns = inferEventColumns(
      ['№', 'Направление работы', 'Время', 'Ответственные лица', 'Итог'],
      [
        ['1', 'Проведение самодиагностики', 'Январь - февраль', 'Комитет по образованию', '100% ШНОР'],
        ['2', 'Разработка антирисковых программ', 'Март', 'Руководители ШНОР', 'Не менее 2 программ'],
        ['3', 'Родительские собрания', 'Ноябрь, апрель', 'Руководители ШНОР', 'Протоколы собраний'],
      ].map((cells) => row(cells)),
    );
    expect(columns.indexOf).toEqual({ number: 0, title: 1, period: 2, executors: 3, indicator: 4 });
    expect(columns.byContent.sort()).toEqual(['indicator', 'period', 'title']);
    expect(columns.unknown).toEqual([]);
  });

  it('moves the cells of a row whose empty cell was dropped back under their headers', () => {
    const roles = ['number', 'title', 'period', 'executors', 'indicator', 'executionNote'] as const;
    expect(
      realignCells(
        ['6', 'Методические десанты в ШНОР', 'Февраль – декабрь 2023 г.', 'не менее 5 методических десантов', '', ''],
        [...roles],
      ),
    ).toEqual([
      '6',
      'Методические десанты в ШНОР',
      'Февраль – декабрь 2023 г.',
      '',
      'не менее 5 методических десантов',
      '',
    ]);
    // A row in its place is left alone.
    expect(realignCells(['1', 'Совещание', 'Март', 'Отдел образования', 'Протокол', ''], [...roles])).toBeNull();
  });
});

describe('table kinds and segments', () => {
  it('tells control points, mechanisms and approvals from events', () => {
    expect(classifyHeader(['№', 'Контрольная точка', 'Ответственный', 'Срок'])?.kind).toBe('controlPoints');
    expect(classifyHeader(['№', 'Механизм', 'Содержание'])?.kind).toBe('mechanisms');
    expect(classifyHeader(['СОГЛАСОВАНО', 'УТВЕРЖДАЮ', '', '', ''])?.kind).toBe('signatures');
    expect(classifyHeader(['Мероприятие', 'Сроки', 'Ответственные', 'Показатель реализации'])?.kind).toBe('events');
  });

  it('cuts a sheet holding several tables at each header, wherever it is', () => {
    const segments = segmentTable({
      name: 'Лист1',
      rows: [
        row(['Дорожная карта на 2024 год'], true),
        row(['№', 'Контрольная точка', 'Ответственный', 'Срок', '']),
        row(['1', 'Утверждены программы', 'Управление образования', '01.04.2024', '']),
        row(['2. План-график'], true),
        row(['Мероприятие', 'Сроки', 'Ответственные', 'Показатель реализации', 'Формы отчетных документов']),
        row(['Анализ базы ШНОР', 'Март 2024', 'Управление образования', '100% ШНОР', 'Справка']),
        row(['Мероприятие', 'Сроки', 'Ответственные', 'Показатель реализации', 'Формы отчетных документов']),
        row(['Курсы для педагогов', 'В течение года', 'ИМЦ', 'не менее 60% педагогов', 'Реестр']),
        row(['Согласовано', 'Утверждаю', '', '', '']),
      ],
    });
    expect(segments.map(({ kind, table }) => [kind, table.rows.length])).toEqual([
      ['controlPoints', 3],
      // The repeated header stays inside (the event reader skips it).
      ['events', 4],
      ['signatures', 1],
    ]);
    expect(segments[0].above.map((r) => r.cells[0])).toEqual(['Дорожная карта на 2024 год']);
  });

  it('finds by content the header of a table whose headers name nothing it knows', () => {
    const [segment] = segmentTable({
      rows: [
        row(['№', 'Что делаем', 'Когда-то', 'Кто', 'Итог']),
        row(['1', 'Проведение самодиагностики школ', 'Март 2024', 'Руководители ШНОР', '100% ШНОР']),
        row(['2', 'Разработка антирисковых программ', 'Апрель 2024', 'Руководители ШНОР', 'не менее 2 программ']),
      ],
    });
    expect(segment).toMatchObject({ kind: 'events', inferred: true });
    expect(segment.table.rows).toHaveLength(3);
  });
});
