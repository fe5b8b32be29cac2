import { parsePeriod } from './period.parser';
import type { PeriodContext, RoadmapPeriod } from './roadmap.model';

const Y2023: PeriodContext = { year: 2023 };
const ACADEMIC_2020: PeriodContext = { year: 2020, academicYearStart: 2020 };

function period(text: string, ctx: PeriodContext = Y2023): RoadmapPeriod {
  return parsePeriod(text, ctx).period;
}

function spans(p: RoadmapPeriod): string[] {
  return p.occurrences.map((o) => `${o.start}..${o.end}`);
}

describe('parsePeriod: months', () => {
  it.each([
    ['Май', '2023-05-01', '2023-05-31'],
    ['мАрт', '2023-03-01', '2023-03-31'],
    ['ФЕВРАЛЬ 2024', '2024-02-01', '2024-02-29'],
    ['в январе', '2023-01-01', '2023-01-31'],
    ['сент.', '2023-09-01', '2023-09-30'],
    ['Мaй', '2023-05-01', '2023-05-31'], // Latin «a» inside a Cyrillic word
    ['  Июнь  \n', '2023-06-01', '2023-06-30'],
  ])('%j is one month of ctx.year', (text, start, end) => {
    const p = period(text);
    expect([p.start, p.end]).toEqual([start, end]);
    expect(spans(p)).toEqual([`${start}..${end}`]);
    expect(p.recurrence).toBeNull();
    expect(p.wholeCycle).toBe(false);
    expect(p.toBeScheduled).toBe(false);
  });

  it('keeps the original trimmed text', () => {
    expect(period('  Май \n').text).toBe('Май');
  });

  it('lists months as separate occurrences', () => {
    const p = period('Май, \nИюнь   ');
    expect(spans(p)).toEqual(['2023-05-01..2023-05-31', '2023-06-01..2023-06-30']);
    expect([p.start, p.end]).toEqual(['2023-05-01', '2023-06-30']);
  });

  it('treats a line break between months as a list', () => {
    expect(spans(period('Май\nИюнь'))).toEqual(['2023-05-01..2023-05-31', '2023-06-01..2023-06-30']);
  });

  it('lists with «и» and «;»', () => {
    expect(spans(period('март и октябрь; декабрь'))).toEqual([
      '2023-03-01..2023-03-31',
      '2023-10-01..2023-10-31',
      '2023-12-01..2023-12-31',
    ]);
  });

  it.each([
    ['Сентябрь /Октябрь', '2023-09-01', '2023-10-31'],
    ['Март-декабрь', '2023-03-01', '2023-12-31'],
    ['март – апрель 2023г.', '2023-03-01', '2023-04-30'],
    ['июль - август 2020 года', '2020-07-01', '2020-08-31'],
    ['Октябрь-ноябрь 2020', '2020-10-01', '2020-11-30'],
    ['августа — сентября', '2023-08-01', '2023-09-30'],
    ['Март 2023 - май 2024', '2023-03-01', '2024-05-31'],
    ['Март 2023 - \nмай 2024', '2023-03-01', '2024-05-31'],
    ['декабрь 2020 - январь 2021', '2020-12-01', '2021-01-31'],
    ['Июнь-август\n2023', '2023-06-01', '2023-08-31'],
    ['с сентября 2020 года по май 2021 года', '2020-09-01', '2021-05-31'],
    ['января-февраля 2021 г.', '2021-01-01', '2021-02-28'],
  ])('%j is one span', (text, start, end) => {
    const p = period(text);
    expect(spans(p)).toEqual([`${start}..${end}`]);
    expect([p.start, p.end]).toEqual([start, end]);
  });

  it('a span whose end month is before its start month crosses into the next year', () => {
    expect(spans(period('декабрь-февраль'))).toEqual(['2023-12-01..2024-02-29']);
    expect(spans(period('ноябрь – январь 2021'))).toEqual(['2020-11-01..2021-01-31']);
  });

  it('an explicit year on one month of a list applies to the earlier months', () => {
    expect(spans(period('Апрель, \nсентябрь 2023', { year: 2030 }))).toEqual([
      '2023-04-01..2023-04-30',
      '2023-09-01..2023-09-30',
    ]);
    expect(spans(period('Декабрь, январь 2021'))).toEqual(['2020-12-01..2020-12-31', '2021-01-01..2021-01-31']);
  });

  it('an explicit year carries forward to later months', () => {
    expect(spans(period('ноябрь 2020, февраль'))).toEqual(['2020-11-01..2020-11-30', '2021-02-01..2021-02-28']);
  });

  it('each month keeps its own year', () => {
    const p = period('Июнь 2024 года, декабрь 2024 года');
    expect(spans(p)).toEqual(['2024-06-01..2024-06-30', '2024-12-01..2024-12-31']);
    expect(spans(period('май 2023, май 2024'))).toEqual(['2023-05-01..2023-05-31', '2024-05-01..2024-05-31']);
  });

  it('reads a year on the next line', () => {
    expect(spans(period('сентябрь\n2020 года'))).toEqual(['2020-09-01..2020-09-30']);
  });
});

describe('parsePeriod: academic-year roadmaps', () => {
  it('Sep–Dec fall in academicYearStart, Jan–Aug in the next year', () => {
    expect(spans(period('Сентябрь, Декабрь', ACADEMIC_2020))).toEqual([
      '2020-09-01..2020-09-30',
      '2020-12-01..2020-12-31',
    ]);
    expect(spans(period('Май', ACADEMIC_2020))).toEqual(['2021-05-01..2021-05-31']);
    expect(spans(period('Декабрь, январь', ACADEMIC_2020))).toEqual([
      '2020-12-01..2020-12-31',
      '2021-01-01..2021-01-31',
    ]);
  });

  it('a span across the new year', () => {
    expect(spans(period('ноябрь – январь', ACADEMIC_2020))).toEqual(['2020-11-01..2021-01-31']);
  });

  it('«август - сентябрь» is the run-up to the school year', () => {
    expect(spans(period('август - сентябрь', ACADEMIC_2020))).toEqual(['2020-08-01..2020-09-30']);
  });

  it('explicit years win over the academic rule', () => {
    expect(spans(period('январь - февраль 2021 года', ACADEMIC_2020))).toEqual(['2021-01-01..2021-02-28']);
    expect(spans(period('июль - август 2020 года', ACADEMIC_2020))).toEqual(['2020-07-01..2020-08-31']);
  });

  it('«В течение года» is the academic year', () => {
    const p = period('В течение года', ACADEMIC_2020);
    expect([p.start, p.end, p.wholeCycle]).toEqual(['2020-09-01', '2021-08-31', true]);
  });

  it('«первое полугодие» of a school year is September–December', () => {
    expect(spans(period('первое полугодие', ACADEMIC_2020))).toEqual(['2020-09-01..2020-12-31']);
    expect(spans(period('II полугодие', ACADEMIC_2020))).toEqual(['2021-01-01..2021-08-31']);
  });
});

describe('parsePeriod: dates', () => {
  it.each([
    ['31.05.2023г.', '2023-05-31', '2023-05-31'],
    ['10.11.23', '2023-11-10', '2023-11-10'],
    ['29.02.2024', '2024-02-29', '2024-02-29'],
    ['15 мая 2021 года', '2021-05-15', '2021-05-15'],
    ['с 17.10 по 20.10.2023г.', '2023-10-17', '2023-10-20'],
    ['01.09.2023 - 30.09.2023', '2023-09-01', '2023-09-30'],
    ['с 01.09 до 15.09', '2023-09-01', '2023-09-15'],
    ['с 15 мая по 20 июня 2023 года', '2023-05-15', '2023-06-20'],
    ['с 1 по 15 сентября', '2023-09-01', '2023-09-15'],
    ['1-15 сентября 2022 г.', '2022-09-01', '2022-09-15'],
    ['28.12.2023 – 10.01.2024', '2023-12-28', '2024-01-10'],
    ['с 25.12 по 10.01.2024', '2023-12-25', '2024-01-10'],
  ])('%j', (text, start, end) => {
    const p = period(text);
    expect(spans(p)).toEqual([`${start}..${end}`]);
  });

  it('a day without a year takes the academic rule', () => {
    expect(spans(period('15.03', ACADEMIC_2020))).toEqual(['2021-03-15..2021-03-15']);
    expect(spans(period('15.10', ACADEMIC_2020))).toEqual(['2020-10-15..2020-10-15']);
  });

  it('drops a date that does not exist and says so', () => {
    const { period: p, warnings } = parsePeriod('29.02.2023', Y2023);
    expect(p.start).toBeNull();
    expect(warnings.some((w) => w.includes('29.02.2023') && w.includes('не существует'))).toBe(true);
  });

  it('swaps a reversed span with a warning', () => {
    const { period: p, warnings } = parsePeriod('Май 2024 - март 2023', Y2023);
    expect([p.start, p.end]).toEqual(['2023-03-01', '2024-05-31']);
    expect(warnings).toHaveLength(1);
  });
});

describe('parsePeriod: deadlines and open starts', () => {
  it('«до 01.09.2023» runs from the cycle start to the deadline', () => {
    expect(spans(period('до 01.09.2023'))).toEqual(['2023-01-01..2023-09-01']);
    expect(spans(period('в срок до 25.12.2023'))).toEqual(['2023-01-01..2023-12-25']);
    expect(spans(period('не позднее 15 мая'))).toEqual(['2023-01-01..2023-05-15']);
    expect(spans(period('по 20.10.2023'))).toEqual(['2023-01-01..2023-10-20']);
  });

  it('a deadline outside the cycle opens at its own month start', () => {
    expect(spans(period('до 20.03.2025'))).toEqual(['2025-03-01..2025-03-20']);
  });

  it('«до мая» excludes May; «до конца мая» includes it', () => {
    expect(period('до мая').end).toBe('2023-04-30');
    expect(period('до конца мая').end).toBe('2023-05-31');
  });

  it('uses ctx.cycle for the open start', () => {
    const ctx: PeriodContext = { year: 2023, cycle: { start: '2023-04-12', end: '2024-05-31' } };
    expect(spans(period('до 01.09.2023', ctx))).toEqual(['2023-04-12..2023-09-01']);
    expect(spans(period('с 01.09.2023', ctx))).toEqual(['2023-09-01..2024-05-31']);
  });
});

describe('parsePeriod: quarters, halves, years', () => {
  it.each([
    ['I квартал 2024 года', '2024-01-01', '2024-03-31'],
    ['1 квартал', '2023-01-01', '2023-03-31'],
    ['3 кв. 2023 г.', '2023-07-01', '2023-09-30'],
    ['IV кв.', '2023-10-01', '2023-12-31'],
    ['второй квартал', '2023-04-01', '2023-06-30'],
    ['II-III квартал 2024', '2024-04-01', '2024-09-30'],
    ['I полугодие 2024', '2024-01-01', '2024-06-30'],
    ['2021 год', '2021-01-01', '2021-12-31'],
    ['В течение \n2023 года', '2023-01-01', '2023-12-31'],
    ['в течение 2023-2024 гг.', '2023-01-01', '2024-12-31'],
    ['2023-2024 уч. год', '2023-09-01', '2024-08-31'],
    ['2021-2022 у. г.', '2021-09-01', '2022-08-31'],
    ['2023/2024 учебный год', '2023-09-01', '2024-08-31'],
  ])('%j', (text, start, end) => {
    expect(spans(period(text))).toEqual([`${start}..${end}`]);
  });

  it('lists quarters', () => {
    expect(spans(period('I и III квартал 2024'))).toEqual(['2024-01-01..2024-03-31', '2024-07-01..2024-09-30']);
  });
});

describe('parsePeriod: whole cycle and recurrence', () => {
  it.each([
    'В течение года',
    'в течение учебного года',
    'постоянно',
    'ежегодно',
    'в течение всего периода',
    'Весь период',
  ])('%j spans the whole cycle', (text) => {
    const p = period(text);
    expect(p).toMatchObject({
      start: '2023-01-01',
      end: '2023-12-31',
      wholeCycle: true,
      toBeScheduled: false,
      recurrence: null,
    });
    expect(spans(p)).toEqual(['2023-01-01..2023-12-31']);
  });

  it('uses ctx.cycle when given', () => {
    const ctx: PeriodContext = { year: 2023, cycle: { start: '2023-03-01', end: '2024-05-31' } };
    expect(period('в течение года', ctx)).toMatchObject({ start: '2023-03-01', end: '2024-05-31', wholeCycle: true });
  });

  it.each([
    ['1 раз в месяц', 'monthly'],
    ['2 раза в месяц', 'monthly'],
    ['ежемесячно', 'monthly'],
    ['до 15 числа каждого месяца', 'monthly'],
    ['еженедельно', 'weekly'],
    ['раз в неделю', 'weekly'],
    ['еженедельно по пятницам', 'weekly'],
    ['ежеквартально', 'quarterly'],
    ['1 раз в квартал', 'quarterly'],
    ['раз в четверть', 'quarterly'],
  ])('%j recurs %s over the whole cycle', (text, recurrence) => {
    const p = period(text);
    expect(p).toMatchObject({ recurrence, start: '2023-01-01', end: '2023-12-31', wholeCycle: true });
  });

  it('«в течение года (еженедельно, ежемесячно)» takes the finest frequency', () => {
    const p = period('в течение года (еженедельно, ежемесячно)');
    expect(p).toMatchObject({ recurrence: 'weekly', wholeCycle: true, start: '2023-01-01', end: '2023-12-31' });
  });

  it('recurrence with dates keeps the dates', () => {
    const p = period('ежемесячно, март-май 2023');
    expect(p).toMatchObject({ recurrence: 'monthly', start: '2023-03-01', end: '2023-05-31', wholeCycle: false });
  });
});

describe('parsePeriod: no dates', () => {
  it.each(['По графику', 'по утвержденному графику', 'по плану работы', 'по мере необходимости', 'Сроки уточняются'])(
    '%j is to be scheduled, with a warning',
    (text) => {
      const { period: p, warnings } = parsePeriod(text, Y2023);
      expect(p).toMatchObject({ start: null, end: null, occurrences: [], toBeScheduled: true, wholeCycle: false });
      expect(warnings).toEqual([`Срок «${text}» не задаёт дат: укажите даты вручную`]);
    },
  );

  it('an unknown text gives nulls and a warning, not an exception', () => {
    const { period: p, warnings } = parsePeriod('абракадабра', Y2023);
    expect(p).toMatchObject({ start: null, end: null, occurrences: [], toBeScheduled: false });
    expect(warnings[0]).toContain('не распознан');
  });

  it('an empty cell asks for dates', () => {
    const { period: p, warnings } = parsePeriod('   ', Y2023);
    expect(p.start).toBeNull();
    expect(p.text).toBe('');
    expect(warnings).toEqual(['Срок не указан: укажите даты вручную']);
  });

  it('dates win over «по графику»', () => {
    expect(period('май (по графику)')).toMatchObject({ start: '2023-05-01', end: '2023-05-31', toBeScheduled: false });
  });
});

describe('parsePeriod: the seed roadmaps', () => {
  it('Irkutsk 2023', () => {
    expect(spans(period('Май, \nИюнь   '))).toHaveLength(2);
    expect(period('Сентябрь, \nДекабрь ')).toMatchObject({ start: '2023-09-01', end: '2023-12-31' });
  });

  it('Lesosibirsk 2020-2021 (academic)', () => {
    expect(period('январь – май 2021\nгода', ACADEMIC_2020)).toMatchObject({ start: '2021-01-01', end: '2021-05-31' });
    expect(period(' 2021 год', ACADEMIC_2020)).toMatchObject({ start: '2021-01-01', end: '2021-12-31' });
    expect(period('март – апрель 2021', ACADEMIC_2020)).toMatchObject({ start: '2021-03-01', end: '2021-04-30' });
  });

  it('Ust-Ilimsk 2023-2024', () => {
    expect(period('Март-апрель')).toMatchObject({ start: '2023-03-01', end: '2023-04-30' });
    expect(period('Май - июнь\n2023')).toMatchObject({ start: '2023-05-01', end: '2023-06-30' });
    expect(period('Сентябрь- \nноябрь 2023')).toMatchObject({ start: '2023-09-01', end: '2023-11-30' });
  });
});
