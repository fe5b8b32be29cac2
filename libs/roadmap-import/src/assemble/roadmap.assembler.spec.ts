// How a roadmap table is understood beyond the seeds: odd rows, extra columns, options.

import { parseRoadmap } from '../roadmap.importer';

const table = (...rows: string[][]): string => rows.map((row) => row.join('\t')).join('\n');
const HEADER = ['№ п/п', 'Наименование мероприятия', 'Срок', 'Ответственный', 'Ожидаемый результат', 'Примечание'];

describe('roadmap assembly', () => {
  it('skips the column-number row and repeated headers, joins a broken row, warns about unknown columns', async () => {
    const text =
      'План мероприятий («дорожная карта») на 2024 год\n' +
      table(
        HEADER,
        ['1', '2', '3', '4', '5', '6'],
        ['1', 'Совещание с руководителями', 'Февраль', 'Отдел образования', 'Протокол', 'перенесено'],
        HEADER,
        ['', '', '', 'ИМЦ', '', ''],
        ['', 'Семинар для кураторов', 'Март', 'ИМЦ', 'Не менее 1 семинара', ''],
      );
    const roadmap = await parseRoadmap({ text }, { now: new Date('2030-01-01') });
    expect(roadmap.title).toBe('План мероприятий («дорожная карта») на 2024 год');
    expect(roadmap.year).toBe(2024);
    expect(roadmap.events.map((event) => [event.number, event.title, event.executors])).toEqual([
      ['1', 'Совещание с руководителями', ['Отдел образования', 'ИМЦ']],
      ['2', 'Семинар для кураторов', ['ИМЦ']],
    ]);
    expect(roadmap.events[1].period).toMatchObject({ start: '2024-03-01', end: '2024-03-31' });
    expect(roadmap.warnings.map((warning) => [warning.row, warning.text, warning.message])).toEqual(
      expect.arrayContaining([
        // Line 1 is the title, so the header is on line 2 and the rows follow from line 3.
        ['2', 'Примечание', expect.stringContaining('Столбец «Примечание» не распознан')],
        ['4', 'перенесено', 'Значение столбца «Примечание» не импортировано: столбец не распознан'],
        ['6', 'ИМЦ', 'Строка без номера и наименования присоединена к предыдущему мероприятию'],
        ['7', 'Семинар для кураторов', 'У мероприятия нет номера; присвоен номер 2 по порядку'],
      ]),
    );
  });

  it('reads numbered section rows ("1.", "2.") as headings of the rows numbered under them', async () => {
    const text =
      'Дорожная карта на 2024-2025 учебный год\n' +
      table(
        ['№ п/п', 'Описание действий', 'Дата реализации', 'Ответственный', 'Ожидаемый результат'],
        ['1.', 'Организационное сопровождение', '', '', ''],
        ['1.1', 'Совещание с руководителями ШНОР', 'сентябрь 2024', 'Комитет по образованию', 'Протокол'],
        ['1.2', 'Анализ результатов ВПР', 'октябрь-ноябрь', 'ЦРО', 'Аналитическая справка'],
        ['2.', 'Работа с педагогами', '', '', ''],
        ['2.1', 'Курсы повышения квалификации', 'январь – март 2025 г.', 'ИРО', 'Охват не менее 80% педагогов'],
        ['3', 'Итоговое совещание', 'июнь', 'Комитет по образованию', 'Приказ'],
      );
    const roadmap = await parseRoadmap({ text });
    expect(roadmap.events.map((event) => [event.number, event.section, event.period.start])).toEqual([
      ['1.1', 'Организационное сопровождение', '2024-09-01'],
      ['1.2', 'Организационное сопровождение', '2024-10-01'],
      ['2.1', 'Работа с педагогами', '2025-01-01'],
      // A numbered row with content of its own stays an event, even with nothing under it.
      ['3', null, '2025-06-01'],
    ]);
  });

  it('reports a period it cannot place and an empty title with the row and text', async () => {
    const text = table(
      ['№', 'Событие', 'Сроки', 'Исполнители', 'Показатель'],
      ['1', '', 'когда-нибудь', 'ДО', 'Справка'],
    );
    const roadmap = await parseRoadmap({ text }, { year: 2024 });
    expect(roadmap.events[0].period.start).toBeNull();
    expect(roadmap.warnings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: '2', message: 'Не указано наименование мероприятия' }),
        expect.objectContaining({ row: '2', text: 'когда-нибудь' }),
      ]),
    );
  });

  it('takes the year and time zone from the options over the document, and reports progress per row', async () => {
    const text =
      'Дорожная карта на 2023 год\n' +
      table(
        ['№', 'Мероприятие', 'Сроки', 'Исполнители'],
        ['1', 'Совещание', 'Май', 'ДО'],
        ['2', 'Семинар', 'Июнь', 'ИМЦ'],
      );
    const progress: [number, number][] = [];
    const roadmap = await parseRoadmap(
      { text },
      { year: 2025, timezone: 'Asia/Krasnoyarsk', onProgress: (done, total) => progress.push([done, total]) },
    );
    expect(roadmap.year).toBe(2025);
    expect(roadmap.timezone).toBe('Asia/Krasnoyarsk');
    expect(roadmap.events[0].period).toMatchObject({ start: '2025-05-01', end: '2025-05-31' });
    expect(progress).toEqual([
      [1, 2],
      [2, 2],
    ]);
  });

  it('falls back to the current year when neither the options nor the document name one', async () => {
    const text = table(['№', 'Мероприятие', 'Сроки', 'Исполнители'], ['1', 'Совещание', 'Май', 'ДО']);
    const roadmap = await parseRoadmap({ text }, { now: new Date('2031-06-15T12:00:00Z') });
    expect(roadmap.year).toBe(2031);
    expect(roadmap.title).toBe('Дорожная карта');
  });

  it('reads a cell-per-line copy whose unnumbered rows sit under numbered headings and whose dates break over lines', async () => {
    const text = [
      'Дорожная карта на 2024 год',
      '',
      '\tМероприятие',
      '\tСроки',
      '\tОтветственные',
      '\tПоказатель реализации',
      '',
      '\t1. Мероприятия, направленные на улучшение материально-технических условий',
      '',
      '\tАнализ материально-технической базы ШНОР',
      '\tМарт',
      '',
      '2024 года',
      '\tУправление образования',
      '\t100% ШНОР',
      '',
      '\tПроведение методических десантов',
      '\tФевраль - ноябрь 2024 года',
      '\tИМЦ',
      '\tне менее 5 методических десантов',
      '',
    ].join('\n');
    const roadmap = await parseRoadmap({ text }, { now: new Date('2030-01-01') });
    expect(
      roadmap.events.map((event) => [event.number, event.section, event.title, event.period.start, event.period.end]),
    ).toEqual([
      [
        '1',
        '1. Мероприятия, направленные на улучшение материально-технических условий',
        'Анализ материально-технической базы ШНОР',
        '2024-03-01',
        '2024-03-31',
      ],
      [
        '2',
        '1. Мероприятия, направленные на улучшение материально-технических условий',
        'Проведение методических десантов',
        '2024-02-01',
        '2024-11-30',
      ],
    ]);
    expect(roadmap.events[0].confidence).toEqual({ title: 1, period: 1, executors: 1, indicator: 1 });
  });

  it('keeps the plan-graph, sets the control points and mechanisms aside with a note, and never fails on them', async () => {
    const text = [
      'Дорожная карта на 2024 год',
      table(['№', 'Контрольная точка', 'Ответственный', 'Срок'], ['1', 'Программы утверждены', 'УО', '01.04.2024']),
      '',
      table(
        ['Мероприятие', 'Сроки', 'Ответственные', 'Показатель реализации', 'Формы отчетных документов'],
        ['Анализ базы ШНОР', 'Март 2024', 'Управление образования', '100% ШНОР', 'Справка'],
      ),
      '',
      table(['№', 'Механизм', 'Содержание'], ['1', 'Нормативный', 'Издание приказов']),
    ].join('\n');
    const roadmap = await parseRoadmap({ text }, { now: new Date('2030-01-01') });
    expect(roadmap.events.map((event) => event.title)).toEqual(['Анализ базы ШНОР']);
    expect(roadmap.events[0].reportForm).toBe('Справка');
    const notes = roadmap.warnings.map((warning) => warning.message);
    expect(notes).toEqual(
      expect.arrayContaining([
        expect.stringContaining('Таблица «контрольные точки» (1 строк) не импортирована'),
        expect.stringContaining('Таблица «механизмы реализации» (1 строк) не импортирована'),
      ]),
    );
  });

  it('carries a period merged over rows down to the rows a text copy left empty, with a warning and low confidence', async () => {
    const text = table(
      ['№', 'Мероприятие', 'Сроки', 'Исполнители', 'Показатель'],
      ['1', 'Утверждение состава рабочей группы', 'Январь 2024', 'УО', 'Приказ'],
      ['2', 'Утверждение плана работы группы', '', 'УО', 'План работы'],
    );
    const roadmap = await parseRoadmap({ text }, { now: new Date('2030-01-01') });
    expect(roadmap.events[1].period).toMatchObject({ start: '2024-01-01', end: '2024-01-31' });
    expect(roadmap.events[1].confidence?.period).toBeLessThan(0.7);
    expect(roadmap.warnings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: '3', message: expect.stringContaining('принято значение строки 2') }),
      ]),
    );
  });
});
