import { detectDocumentYear } from './document-year.detector';

describe('detectDocumentYear', () => {
  it.each([
    ['по сопровождению школ с низкими образовательными результатами в 2023 году', { year: 2023 }],
    ['Дорожная карта на 2020-2021 учебный год.', { year: 2020, academicYearStart: 2020 }],
    ['план на 2021/22 уч. год', { year: 2021, academicYearStart: 2021 }],
    ['на 2022-2023 у. г.', { year: 2022, academicYearStart: 2022 }],
    ['на территории района в 2023-2024 гг.', { year: 2023 }],
    ['на 2024 год', { year: 2024 }],
    ['ПРИКАЗ От 12.04.2023 г. № 73', { year: 2023 }],
    ['от 12.04,2023 № 73', { year: 2023 }],
  ])('%j', (text, expected) => {
    expect(detectDocumentYear(text)).toEqual(expected);
  });

  it('prefers the academic year over dates and other years', () => {
    expect(detectDocumentYear('Приказ от 01.09.2019. Дорожная карта на 2020-2021 учебный год')).toEqual({
      year: 2020,
      academicYearStart: 2020,
    });
  });

  it('prefers a stated year over a date', () => {
    expect(detectDocumentYear('Приказ от 28.12.2022 № 5. Дорожная карта в 2023 году')).toEqual({ year: 2023 });
  });

  it('returns null when there is no year', () => {
    expect(detectDocumentYear('Дорожная карта')).toBeNull();
    expect(detectDocumentYear('№ 73, 55 школ')).toBeNull();
  });
});
