import { mapColumns, matchCuratorColumn, matchEventColumn, matchSchoolColumn } from './header.matcher';
import { classifyHeader } from './table-kind.classifier';

describe('header matcher', () => {
  it.each([
    ['№', 'number'],
    ['№ п/п', 'number'],
    ['Событие', 'title'],
    ['Наименование мероприятия (краткое содержание)', 'title'],
    ['Мероприятие', 'title'],
    ['Описание действий', 'title'],
    ['Содержание', 'title'],
    ['Сроки', 'period'],
    ['Сроки \nреализации', 'period'],
    ['СРОКИ  ИСПОЛНЕНИЯ', 'period'],
    ['Дата реализации', 'period'],
    ['Срок', 'period'],
    ['Исполнители', 'executors'],
    ['Ответственный', 'executors'],
    ['Ответственный исполнитель', 'executors'],
    ['Ответственные', 'executors'],
    ['Показатель реализации', 'indicator'],
    ['Ожидаемый результат', 'indicator'],
    ['Результат', 'indicator'],
    ['Индикатор', 'indicator'],
    ['Формы отчетных документов', 'reportForm'],
    ['Форма отчёта', 'reportForm'],
    ['Информация об исполнении', 'executionNote'],
    ['Отметка об исполнении', 'executionNote'],
  ])('reads «%s» as %s', (header, column) => {
    expect(matchEventColumn(header)).toBe(column);
  });

  it('keeps an unknown column as unknown, not as an error', () => {
    const columns = mapColumns(['№', 'Мероприятие', 'Сроки', 'Примечание'], matchEventColumn);
    expect(columns.indexOf).toEqual({ number: 0, title: 1, period: 2 });
    expect(columns.unknown).toEqual([{ index: 3, header: 'Примечание' }]);
  });

  it('tells roadmap, school and curator tables apart by their headers', () => {
    expect(classifyHeader(['№', 'Событие', 'Сроки реализации', 'Исполнители', 'Показатель реализации'])?.kind).toBe(
      'events',
    );
    expect(classifyHeader(['Наименование ОО', 'Категория', 'МО', 'Электронная почта'])?.kind).toBe('schools');
    expect(classifyHeader(['ФИО куратора', 'Должность', 'Место работы', 'E-mail', 'Закрепленные ОО'])?.kind).toBe(
      'curators',
    );
    expect(classifyHeader(['1', 'Создание рабочей группы', 'Май', 'ДО', 'Приказ'])).toBeNull();
  });

  it('reads school and curator headers by stems', () => {
    expect(['Школа', 'Категория (ШНОР / зона риска / ШНСУ)', 'Муниципалитет', 'E-mail'].map(matchSchoolColumn)).toEqual(
      ['schoolName', 'category', 'municipality', 'email'],
    );
    expect(
      ['ФИО куратора', 'Должность', 'Место работы', 'Эл. почта', 'Закреплённые ОО'].map(matchCuratorColumn),
    ).toEqual(['curatorName', 'position', 'workplace', 'email', 'curatorSchools']);
  });
});
