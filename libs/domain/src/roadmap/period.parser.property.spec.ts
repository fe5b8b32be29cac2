// Property-based tests: the parser never throws, its output is always consistent, and
// periods rendered into Russian text by a small independent renderer parse back exactly.
import fc from 'fast-check';
import { parsePeriod } from './period.parser';
import type { PeriodContext, RoadmapPeriod } from './roadmap.model';

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** Independent of the parser's calendar code: uses the JS Date in UTC. */
function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function iso(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function isRealDate(value: string): boolean {
  if (!ISO.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number);
  return m >= 1 && m <= 12 && d >= 1 && d <= lastDay(y, m);
}

function expectConsistent(p: RoadmapPeriod): void {
  if (p.start === null || p.end === null) {
    expect(p.start).toBeNull();
    expect(p.end).toBeNull();
    expect(p.occurrences).toEqual([]);
    return;
  }
  expect(isRealDate(p.start)).toBe(true);
  expect(isRealDate(p.end)).toBe(true);
  expect(p.start <= p.end).toBe(true);
  expect(p.occurrences.length).toBeGreaterThan(0);
  for (const o of p.occurrences) {
    expect(isRealDate(o.start) && isRealDate(o.end)).toBe(true);
    expect(o.start <= o.end).toBe(true);
    expect(o.start >= p.start && o.end <= p.end).toBe(true);
  }
}

const contextArb: fc.Arbitrary<PeriodContext> = fc.oneof(
  fc.integer({ min: 2000, max: 2050 }).map((year) => ({ year })),
  fc.integer({ min: 2000, max: 2050 }).map((year) => ({ year, academicYearStart: year })),
);

// Fragments of real period cells, so random strings hit the interesting code paths.
const fragmentArb = fc.constantFrom(
  'май',
  'Июнь',
  'сентября',
  'дек.',
  'I',
  'IV',
  'квартал',
  'полугодие',
  'четверть',
  '2023',
  '2024 года',
  '2020-2021',
  'уч. год',
  'гг.',
  '-',
  '–',
  '/',
  ',',
  ';',
  ' и ',
  'с',
  'по',
  'до',
  'конца',
  '17.10',
  '31.02.2023',
  '29.02.2024',
  '01.09.23',
  '15',
  'числа',
  'каждого месяца',
  'в течение года',
  'ежемесячно',
  'По графику',
  '\n',
  '  ',
  '(',
  ')',
  'ё',
  '99.99',
);

describe('parsePeriod properties', () => {
  it('never throws and is consistent on arbitrary strings', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' })),
        contextArb,
        (text, ctx) => {
          const { period, warnings } = parsePeriod(text, ctx);
          expectConsistent(period);
          expect(period.text).toBe(text.trim());
          expect(Array.isArray(warnings)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('never throws and is consistent on shuffled fragments of real cells', () => {
    fc.assert(
      fc.property(fc.array(fragmentArb, { maxLength: 12 }), contextArb, (parts, ctx) => {
        const { period } = parsePeriod(parts.join(' '), ctx);
        expectConsistent(period);
      }),
      { numRuns: 1000 },
    );
  });

  it('a cell without dates always comes with a warning', () => {
    fc.assert(
      fc.property(fc.array(fragmentArb, { maxLength: 8 }), contextArb, (parts, ctx) => {
        const { period, warnings } = parsePeriod(parts.join(' '), ctx);
        if (period.start === null) expect(warnings.length).toBeGreaterThan(0);
      }),
    );
  });
});

// ---------- round trip ----------

const MONTH_FORMS: ReadonlyArray<readonly string[]> = [
  ['январь', 'января', 'январе', 'янв.'],
  ['февраль', 'февраля', 'феврале', 'фев.'],
  ['март', 'марта', 'марте', 'мар.'],
  ['апрель', 'апреля', 'апреле', 'апр.'],
  ['май', 'мая', 'мае', 'мая'],
  ['июнь', 'июня', 'июне', 'июн.'],
  ['июль', 'июля', 'июле', 'июл.'],
  ['август', 'августа', 'августе', 'авг.'],
  ['сентябрь', 'сентября', 'сентябре', 'сент.'],
  ['октябрь', 'октября', 'октябре', 'окт.'],
  ['ноябрь', 'ноября', 'ноябре', 'нояб.'],
  ['декабрь', 'декабря', 'декабре', 'дек.'],
];

type Casing = 'lower' | 'title' | 'upper';

function applyCase(word: string, casing: Casing): string {
  if (casing === 'upper') return word.toUpperCase();
  if (casing === 'title') return word[0].toUpperCase() + word.slice(1);
  return word;
}

const casingArb = fc.constantFrom<Casing>('lower', 'title', 'upper');
const yearArb = fc.integer({ min: 2015, max: 2035 });
const yearSuffixArb = fc.constantFrom('', ' г.', ' года', 'г.', ' год', '\nгода');
const rangeSepArb = fc.constantFrom('-', ' - ', ' – ', '—', ' / ', ' по ');
const listSepArb = fc.constantFrom(', ', ',\n', '; ', ' и ', '\n');

interface Expected {
  start: string;
  end: string;
}

interface Case {
  text: string;
  expected: Expected[];
}

const monthCaseArb = fc
  .record({
    month: fc.integer({ min: 1, max: 12 }),
    year: yearArb,
    form: fc.integer({ min: 0, max: 3 }),
    casing: casingArb,
    suffix: yearSuffixArb,
  })
  .map(({ month, year, form, casing, suffix }): Case => ({
    text: `${applyCase(MONTH_FORMS[month - 1][form], casing)} ${year}${suffix}`,
    expected: [{ start: iso(year, month, 1), end: iso(year, month, lastDay(year, month)) }],
  }));

const monthRangeArb = fc
  .record({
    from: fc.integer({ min: 1, max: 12 }),
    length: fc.integer({ min: 0, max: 14 }),
    year: yearArb,
    sep: rangeSepArb,
    casing: casingArb,
    yearsOn: fc.constantFrom('both', 'end', 'start'),
  })
  .map(({ from, length, year, sep, casing, yearsOn }): Case => {
    const endIndex = from - 1 + length;
    const toMonth = (endIndex % 12) + 1;
    const toYear = year + Math.floor(endIndex / 12);
    // With one year only, the span must be shorter than a year (the other year is implied).
    const both = yearsOn === 'both' || length >= 12;
    const first = `${applyCase(MONTH_FORMS[from - 1][0], casing)}${both || yearsOn === 'start' ? ` ${year}` : ''}`;
    const second = `${MONTH_FORMS[toMonth - 1][0]}${both || yearsOn === 'end' ? ` ${toYear} года` : ''}`;
    return {
      text: `${first}${sep}${second}`,
      expected: [{ start: iso(year, from, 1), end: iso(toYear, toMonth, lastDay(toYear, toMonth)) }],
    };
  });

const dayArb = fc
  .record({
    year: yearArb,
    month: fc.integer({ min: 1, max: 12 }),
    dayRatio: fc.double({ min: 0, max: 0.999, noNaN: true }),
  })
  .map(({ year, month, dayRatio }) => ({ year, month, day: 1 + Math.floor(dayRatio * lastDay(year, month)) }));

function renderDay(d: { year: number; month: number; day: number }, style: number): string {
  const dd = String(d.day).padStart(2, '0');
  const mm = String(d.month).padStart(2, '0');
  switch (style) {
    case 0:
      return `${dd}.${mm}.${d.year}`;
    case 1:
      return `${dd}.${mm}.${String(d.year).slice(2)}`;
    case 2:
      return `${d.day} ${MONTH_FORMS[d.month - 1][1]} ${d.year} года`;
    default:
      return `${dd}.${mm}.${d.year}г.`;
  }
}

const dayCaseArb = fc
  .record({
    a: dayArb,
    b: dayArb,
    styleA: fc.integer({ min: 0, max: 3 }),
    styleB: fc.integer({ min: 0, max: 3 }),
    withFrom: fc.boolean(),
    single: fc.boolean(),
  })
  .map(({ a, b, styleA, styleB, withFrom, single }): Case => {
    const key = (d: { year: number; month: number; day: number }) => iso(d.year, d.month, d.day);
    if (single) return { text: renderDay(a, styleA), expected: [{ start: key(a), end: key(a) }] };
    const [lo, hi] = key(a) <= key(b) ? [a, b] : [b, a];
    const text = withFrom
      ? `с ${renderDay(lo, styleA)} по ${renderDay(hi, styleB)}`
      : `${renderDay(lo, styleA)} - ${renderDay(hi, styleB)}`;
    return { text, expected: [{ start: key(lo), end: key(hi) }] };
  });

const ROMAN = ['I', 'II', 'III', 'IV'];

const quarterCaseArb = fc
  .record({
    q: fc.integer({ min: 1, max: 4 }),
    year: yearArb,
    roman: fc.boolean(),
    word: fc.constantFrom('квартал', 'кв.', 'квартале'),
  })
  .map(({ q, year, roman, word }): Case => ({
    text: `${roman ? ROMAN[q - 1] : String(q)} ${word} ${year} года`,
    expected: [{ start: iso(year, q * 3 - 2, 1), end: iso(year, q * 3, lastDay(year, q * 3)) }],
  }));

const listCaseArb = fc
  .array(fc.record({ month: fc.integer({ min: 1, max: 12 }), year: yearArb }), { minLength: 2, maxLength: 4 })
  .chain((entries) =>
    fc.tuple(fc.constant(entries), fc.array(listSepArb, { minLength: entries.length, maxLength: entries.length })),
  )
  .map(([entries, seps]): Case => ({
    text: entries.map((e, i) => `${i > 0 ? seps[i] : ''}${MONTH_FORMS[e.month - 1][0]} ${e.year} года`).join(''),
    expected: entries.map((e) => ({
      start: iso(e.year, e.month, 1),
      end: iso(e.year, e.month, lastDay(e.year, e.month)),
    })),
  }));

function normaliseExpected(expected: readonly Expected[]): Expected[] {
  const unique = new Map(expected.map((e) => [`${e.start}/${e.end}`, e]));
  return [...unique.values()].sort((x, y) =>
    x.start === y.start ? (x.end < y.end ? -1 : 1) : x.start < y.start ? -1 : 1,
  );
}

describe('parsePeriod round trip', () => {
  it.each([
    ['single months', monthCaseArb],
    ['month ranges', monthRangeArb],
    ['dates and date ranges', dayCaseArb],
    ['quarters', quarterCaseArb],
    ['lists of months', listCaseArb],
  ] as const)('%s parse back to what was rendered', (_name, arbitrary) => {
    fc.assert(
      fc.property(arbitrary, contextArb, (generated, ctx) => {
        const { period } = parsePeriod(generated.text, ctx);
        const expected = normaliseExpected(generated.expected);
        expect(period.occurrences).toEqual(expected);
        expect(period.start).toBe(expected[0].start);
        expect(period.end).toBe(
          expected
            .map((e) => e.end)
            .sort()
            .at(-1),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('months without a year follow ctx.year, or the academic rule', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 2000, max: 2050 }),
        fc.boolean(),
        (month, year, academic) => {
          const ctx: PeriodContext = academic ? { year, academicYearStart: year } : { year };
          const expectedYear = academic && month < 9 ? year + 1 : year;
          const { period } = parsePeriod(MONTH_FORMS[month - 1][0], ctx);
          expect(period.start).toBe(iso(expectedYear, month, 1));
          expect(period.end).toBe(iso(expectedYear, month, lastDay(expectedYear, month)));
        },
      ),
    );
  });
});
