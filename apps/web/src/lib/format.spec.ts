import {
  formatDate,
  formatDateTime,
  formatIsoRange,
  formatMonth,
  isoDateToRu,
  localDayBounds,
  ruDateToIso,
  zoneName,
} from './format';
import { count, plural } from './plural';

describe('Russian dates', () => {
  it('writes a date the way people read it', () => {
    expect(formatDate('2026-11-29T03:00:00Z', 'Asia/Irkutsk')).toBe('29 ноября 2026 г.');
  });
  it('uses the cycle zone, not the browser zone', () => {
    // 23:30 UTC on 28 November is 07:30 on 29 November in Irkutsk.
    expect(formatDateTime('2026-11-28T23:30:00Z', 'Asia/Irkutsk')).toBe(
      '29 ноября 2026 г., 07:30 по иркутскому времени',
    );
    expect(zoneName('Europe/Berlin')).toBe('по времени Europe/Berlin');
  });
  it('writes ranges of whole months and of days', () => {
    expect(formatIsoRange('2023-05-01', '2023-06-30')).toBe('май – июнь 2023 г.');
    expect(formatIsoRange('2023-05-01', '2023-05-31')).toBe('май 2023 г.');
    expect(formatIsoRange('2023-05-01', '2023-05-15')).toBe('1 – 15 мая 2023 г.');
    expect(formatIsoRange('2023-09-01', '2024-05-31')).toBe('сентябрь 2023 г. – май 2024 г.');
    expect(formatIsoRange('2023-05-20', '2023-06-10')).toBe('20 мая – 10 июня 2023 г.');
  });
  it('names a month in the nominative for chart axes', () => {
    expect(formatMonth('2023-05')).toBe('май 2023');
    expect(formatMonth('2023-12')).toBe('декабрь 2023');
  });
  it('turns hand-set local days into instants with the zone offset', () => {
    expect(localDayBounds('2023-09-01', '2023-09-30', 'Asia/Irkutsk')).toEqual({
      opensAt: '2023-09-01T00:00:00+08:00',
      deadline: '2023-09-30T23:59:59+08:00',
    });
  });
});

describe('plural', () => {
  it.each([
    [1, 'школа'],
    [2, 'школы'],
    [5, 'школ'],
    [11, 'школ'],
    [21, 'школа'],
    [43, 'школы'],
    [112, 'школ'],
  ])('%i → %s', (n, form) => {
    expect(plural(n, ['школа', 'школы', 'школ'])).toBe(form);
  });
  it('formats thousands with a Russian separator', () => {
    expect(count(3000, ['школа', 'школы', 'школ'])).toBe('3\u00a0000 школ');
  });
});

describe('dates as people type them (ДД.ММ.ГГГГ)', () => {
  it('turns a real date both ways', () => {
    expect(ruDateToIso('31.03.2027')).toBe('2027-03-31');
    expect(isoDateToRu('2027-03-31')).toBe('31.03.2027');
    expect(ruDateToIso('29.02.2028')).toBe('2028-02-29');
  });

  it('refuses what is not a whole, real date', () => {
    for (const text of ['31.02.2027', '29.02.2027', '00.01.2027', '12.13.2027', '1.1.2027', '31.03.', '2027-03-31', ''])
      expect(ruDateToIso(text)).toBeNull();
    expect(isoDateToRu('')).toBe('');
  });
});
