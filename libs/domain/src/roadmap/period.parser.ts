// Russian period cells («Май, Июнь», «с 17.10 по 20.10.2023г.», «I квартал 2024 года»,
// «В течение года», «По графику») → RoadmapPeriod. Steps: cut out non-date phrases,
// tokenise, build atoms and connectors, group them into items (one per occurrence),
// give every item a year, convert to ISO dates. Never throws: an unknown cell yields
// null dates and a warning for the coordinator.
import type { IsoDate, PeriodContext, PeriodOccurrence, RoadmapPeriod } from './roadmap.model';
import {
  isIsoDate,
  isValidDay,
  maxIso,
  minIso,
  monthEnd,
  monthStart,
  parseIsoDate,
  previousDay,
  toIsoDate,
} from './iso-date.util';
import { normalizeRussian } from './russian-text.util';
import { extractPeriodPhrases, finestRecurrence } from './period-phrases.util';
import { tokenizePeriod } from './period.tokenizer';
import { buildPeriodElements, type PartUnit, type PeriodAtom, type PeriodElement } from './period-elements.builder';

type ItemMode = 'span' | 'from' | 'until';

interface PeriodItem {
  from: PeriodAtom;
  to: PeriodAtom | null;
  mode: ItemMode;
  inclusive: boolean;
  /** A lone year that only supplies the year of its neighbours. */
  contextOnly: boolean;
}

interface YearedItem {
  item: PeriodItem;
  fromYear: number;
  toYear: number;
}

interface Cycle {
  start: IsoDate;
  end: IsoDate;
}

export function parsePeriod(text: string, ctx: PeriodContext): { period: RoadmapPeriod; warnings: string[] } {
  const original = typeof text === 'string' ? text.trim() : '';
  try {
    return parseTrimmed(original, ctx);
  } catch {
    // Defensive: the importer must never fail on one odd cell.
    return unplaced(original, false, [`Срок «${original}» не распознан: укажите даты вручную`]);
  }
}

function parseTrimmed(original: string, ctx: PeriodContext): { period: RoadmapPeriod; warnings: string[] } {
  if (original === '') return unplaced(original, false, ['Срок не указан: укажите даты вручную']);
  const cycle = resolveCycle(ctx);
  if (cycle === null)
    return unplaced(original, false, [`Срок «${original}»: год документа не задан, укажите даты вручную`]);

  const phrases = extractPeriodPhrases(normalizeRussian(original));
  const { elements, warnings } = buildPeriodElements(tokenizePeriod(phrases.rest));
  const items = markContextYears(groupItems(elements));
  const yeared = assignYears(items, ctx);
  const occurrences = sortUnique(
    yeared.flatMap((entry) => {
      const occurrence = toOccurrence(entry, ctx, cycle, original, warnings);
      return occurrence === null ? [] : [occurrence];
    }),
  );
  const recurrence = finestRecurrence(phrases.recurrences);
  if (phrases.recurrences.length > 1) {
    warnings.push(`Срок «${original}» задаёт несколько периодичностей: выбрана самая частая`);
  }

  if (occurrences.length > 0) {
    const bounds = phrases.wholeCycle ? [...occurrences, cycle] : occurrences;
    return {
      period: {
        start: bounds.map((o) => o.start).reduce(minIso),
        end: bounds.map((o) => o.end).reduce(maxIso),
        occurrences,
        recurrence,
        wholeCycle: phrases.wholeCycle,
        toBeScheduled: false,
        text: original,
      },
      warnings,
    };
  }
  if (phrases.wholeCycle || recurrence !== null) {
    // «В течение года», «ежемесячно» without dates: the whole cycle.
    const period: RoadmapPeriod = {
      start: cycle.start,
      end: cycle.end,
      occurrences: [{ start: cycle.start, end: cycle.end }],
      recurrence,
      wholeCycle: true,
      toBeScheduled: false,
      text: original,
    };
    return { period, warnings };
  }
  const message = phrases.toBeScheduled
    ? `Срок «${original}» не задаёт дат: укажите даты вручную`
    : `Срок «${original}» не распознан: укажите даты вручную`;
  return unplaced(original, phrases.toBeScheduled, [...warnings, message]);
}

function unplaced(
  text: string,
  toBeScheduled: boolean,
  warnings: string[],
): { period: RoadmapPeriod; warnings: string[] } {
  return {
    period: { start: null, end: null, occurrences: [], recurrence: null, wholeCycle: false, toBeScheduled, text },
    warnings,
  };
}

/** ctx.cycle when valid; otherwise the academic year (1 Sep – 31 Aug) or the calendar year. */
function resolveCycle(ctx: PeriodContext): Cycle | null {
  const cycle = ctx.cycle;
  if (cycle && isIsoDate(cycle.start) && isIsoDate(cycle.end) && cycle.start <= cycle.end) return cycle;
  const academic = ctx.academicYearStart;
  if (academic !== undefined && isSupportedYear(academic)) {
    return { start: toIsoDate(academic, 9, 1), end: toIsoDate(academic + 1, 8, 31) };
  }
  if (!isSupportedYear(ctx.year)) return null;
  return { start: toIsoDate(ctx.year, 1, 1), end: toIsoDate(ctx.year, 12, 31) };
}

function isSupportedYear(year: number): boolean {
  return Number.isInteger(year) && year >= 1000 && year <= 9000;
}

function isAcademicContext(ctx: PeriodContext): ctx is PeriodContext & { academicYearStart: number } {
  return ctx.academicYearStart !== undefined && isSupportedYear(ctx.academicYearStart);
}

// ---------- grouping ----------

/** Atoms joined by a range connector form one item; lists and adjacency start new items. */
function groupItems(elements: readonly PeriodElement[]): PeriodItem[] {
  const items: PeriodItem[] = [];
  let current: PeriodItem | null = null;
  let rangePending = false;
  let flag: { mode: ItemMode; inclusive: boolean } | null = null;
  for (const element of elements) {
    switch (element.kind) {
      case 'atom':
        if (current !== null && rangePending && current.mode !== 'until') {
          current.to = element.atom;
          current.mode = 'span';
        } else {
          if (current !== null) items.push(current);
          current = {
            from: element.atom,
            to: null,
            mode: flag?.mode ?? 'span',
            inclusive: flag?.inclusive ?? false,
            contextOnly: false,
          };
        }
        rangePending = false;
        flag = null;
        break;
      case 'range':
        rangePending = current !== null;
        break;
      case 'list':
        rangePending = false;
        break;
      case 'from':
        flag = { mode: 'from', inclusive: false };
        rangePending = false;
        break;
      case 'until':
        flag = { mode: 'until', inclusive: element.inclusive };
        rangePending = false;
        break;
    }
  }
  if (current !== null) items.push(current);
  return items;
}

function isYearAtom(atom: PeriodAtom): boolean {
  return atom.kind === 'year' || atom.kind === 'yearSpan';
}

function isBareYearItem(item: PeriodItem): boolean {
  return item.mode === 'span' && item.to === null && isYearAtom(item.from);
}

/**
 * «2023 год: март, май» or «сентябрь, 2020 г.»: a lone year next to months only tells their year;
 * it is an occurrence of its own only when nothing else is given («2021 год»).
 */
function markContextYears(items: readonly PeriodItem[]): PeriodItem[] {
  const hasDates = items.some((item) => !isBareYearItem(item));
  return items.map((item) => ({ ...item, contextOnly: hasDates && isBareYearItem(item) }));
}

// ---------- years ----------

/** Month span of an atom (for ordering and the academic rule). */
function atomMonths(atom: PeriodAtom, academicHalves: boolean): [number, number] {
  switch (atom.kind) {
    case 'day':
    case 'month':
      return [atom.month, atom.month];
    case 'part':
      return partMonths(atom.unit, atom.index, academicHalves && atom.year === null);
    case 'year':
      return [1, 12];
    case 'yearSpan':
      return atom.academic ? [9, 8] : [1, 12];
  }
}

function partMonths(unit: PartUnit, index: number, academic: boolean): [number, number] {
  switch (unit) {
    case 'quarter':
      return [index * 3 - 2, index * 3];
    case 'half':
      // In an academic-year roadmap «I полугодие» is September–December.
      if (academic) return index === 1 ? [9, 12] : [1, 8];
      return index === 1 ? [1, 6] : [7, 12];
    case 'term':
      return (
        [
          [9, 10],
          [11, 12],
          [1, 3],
          [4, 5],
        ] as const
      )[index - 1] as [number, number];
  }
}

/** Position inside a year for ordering: month*100 + day. */
function position(atom: PeriodAtom, academicHalves: boolean): number {
  return atomMonths(atom, academicHalves)[0] * 100 + (atom.kind === 'day' ? atom.day : 0);
}

function explicitYear(atom: PeriodAtom): number | null {
  switch (atom.kind) {
    case 'day':
    case 'month':
    case 'part':
      return atom.year;
    case 'year':
      return atom.year;
    case 'yearSpan':
      return atom.from;
  }
}

/** Year of the end atom of a span whose start is in `fromYear`: a span never runs backwards. */
function followYear(from: PeriodAtom, to: PeriodAtom, fromYear: number, academic: boolean): number {
  return position(to, academic) >= position(from, academic) ? fromYear : fromYear + 1;
}

function precedeYear(from: PeriodAtom, to: PeriodAtom, toYear: number, academic: boolean): number {
  return position(from, academic) <= position(to, academic) ? toYear : toYear - 1;
}

/** Years stated in the item itself, completing one side of a range from the other. */
function ownYears(item: PeriodItem, academic: boolean): { fromYear: number; toYear: number } | null {
  const to = item.to ?? item.from;
  const fromExplicit = explicitYear(item.from);
  const toExplicit = item.to === null ? fromExplicit : explicitYear(to);
  if (fromExplicit !== null && toExplicit !== null)
    return { fromYear: fromExplicit, toYear: yearSpanEnd(to, toExplicit) };
  if (toExplicit !== null) return { fromYear: precedeYear(item.from, to, toExplicit, academic), toYear: toExplicit };
  if (fromExplicit !== null)
    return { fromYear: fromExplicit, toYear: followYear(item.from, to, fromExplicit, academic) };
  return null;
}

/** A year span's end year is its own «to», not its start. */
function yearSpanEnd(atom: PeriodAtom, year: number): number {
  return atom.kind === 'yearSpan' ? atom.to : year;
}

function assignYears(items: readonly PeriodItem[], ctx: PeriodContext): YearedItem[] {
  const academic = isAcademicContext(ctx);
  const own = items.map((item) => ownYears(item, academic));
  return items.map((item, index) => {
    const years = own[index] ?? borrowYears(items, own, index, academic) ?? contextYears(item, ctx);
    return { item, ...years };
  });
}

/**
 * A list item without a year takes it from the nearest later item that has one
 * («Апрель, сентябрь 2023»), else from the nearest earlier one («май 2023, сентябрь»).
 */
function borrowYears(
  items: readonly PeriodItem[],
  own: ReadonlyArray<{ fromYear: number; toYear: number } | null>,
  index: number,
  academic: boolean,
): { fromYear: number; toYear: number } | null {
  const item = items[index];
  const last = item.to ?? item.from;
  for (let next = index + 1; next < items.length; next += 1) {
    const years = own[next];
    if (years === null) continue;
    const anchor = items[next].from;
    if (isYearAtom(anchor)) return yearsFromContextYear(item, anchor, academic);
    const toYear = precedeYear(last, anchor, years.fromYear, academic);
    return { fromYear: precedeYear(item.from, last, toYear, academic), toYear };
  }
  for (let previous = index - 1; previous >= 0; previous -= 1) {
    const years = own[previous];
    if (years === null) continue;
    const anchor = items[previous].to ?? items[previous].from;
    if (isYearAtom(anchor)) return yearsFromContextYear(item, anchor, academic);
    const fromYear = followYear(anchor, item.from, years.toYear, academic);
    return { fromYear, toYear: followYear(item.from, last, fromYear, academic) };
  }
  return null;
}

function yearsFromContextYear(
  item: PeriodItem,
  anchor: PeriodAtom,
  academic: boolean,
): { fromYear: number; toYear: number } {
  const start =
    anchor.kind === 'yearSpan' && anchor.academic
      ? academicYearOf(atomMonths(item.from, academic)[0], anchor.from)
      : (explicitYear(anchor) ?? 0);
  return { fromYear: start, toYear: followYear(item.from, item.to ?? item.from, start, academic) };
}

function academicYearOf(month: number, academicYearStart: number): number {
  return month >= 9 ? academicYearStart : academicYearStart + 1;
}

/**
 * No year anywhere: ctx.year, or for academic-year roadmaps Sep–Dec → academicYearStart,
 * Jan–Aug → the next year. A summer-to-autumn span («август - сентябрь») is the run-up
 * to the school year, so it stays in academicYearStart.
 */
function contextYears(item: PeriodItem, ctx: PeriodContext): { fromYear: number; toYear: number } {
  const to = item.to ?? item.from;
  if (!isAcademicContext(ctx)) return { fromYear: ctx.year, toYear: followYear(item.from, to, ctx.year, false) };
  const startMonth = atomMonths(item.from, true)[0];
  const endMonth = atomMonths(to, true)[0];
  const crossesIntoSchoolYear = item.to !== null && startMonth <= 8 && endMonth >= 9;
  const fromYear = crossesIntoSchoolYear ? ctx.academicYearStart : academicYearOf(startMonth, ctx.academicYearStart);
  return { fromYear, toYear: followYear(item.from, to, fromYear, true) };
}

// ---------- dates ----------

function atomBounds(atom: PeriodAtom, year: number, academic: boolean): Cycle | null {
  switch (atom.kind) {
    case 'day': {
      if (!isValidDay(year, atom.month, atom.day)) return null;
      const date = toIsoDate(year, atom.month, atom.day);
      return { start: date, end: date };
    }
    case 'month':
      return { start: monthStart(year, atom.month), end: monthEnd(year, atom.month) };
    case 'part': {
      const [first, last] = atomMonths(atom, academic);
      return { start: monthStart(year, first), end: monthEnd(year, last) };
    }
    case 'year':
      return { start: monthStart(year, 1), end: monthEnd(year, 12) };
    case 'yearSpan':
      return atom.academic
        ? { start: monthStart(atom.from, 9), end: monthEnd(atom.to, 8) }
        : { start: monthStart(atom.from, 1), end: monthEnd(atom.to, 12) };
  }
}

function isInside(date: IsoDate, cycle: Cycle): boolean {
  return cycle.start <= date && date <= cycle.end;
}

function compareIso(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function describeAtom(atom: PeriodAtom, year: number): string {
  return atom.kind === 'day'
    ? `${String(atom.day).padStart(2, '0')}.${String(atom.month).padStart(2, '0')}.${year}`
    : String(year);
}

function toOccurrence(
  entry: YearedItem,
  ctx: PeriodContext,
  cycle: Cycle,
  original: string,
  warnings: string[],
): PeriodOccurrence | null {
  const { item, fromYear, toYear } = entry;
  if (item.contextOnly) return null;
  const academic = isAcademicContext(ctx);
  const from = atomBounds(item.from, fromYear, academic);
  if (from === null) {
    warnings.push(`Дата «${describeAtom(item.from, fromYear)}» не существует: она пропущена`);
    return null;
  }
  switch (item.mode) {
    case 'from': {
      // «с 01.09.2023» without an end: until the end of the cycle; when the start lies outside
      // the cycle, until the end of the start's month.
      const { year, month } = parseIsoDate(from.start);
      return {
        start: from.start,
        end: isInside(from.start, cycle) ? cycle.end : maxIso(from.end, monthEnd(year, month)),
      };
    }
    case 'until': {
      // «до 01.09.2023»: a deadline. Work may start with the cycle, so the window opens at the
      // cycle start when the deadline lies inside the cycle, otherwise at the first day of the
      // deadline's month. «до мая» excludes May; «по май», «до конца мая», «до 15.05» include it.
      const end = item.inclusive || item.from.kind === 'day' ? from.end : previousDay(from.start);
      const { year, month } = parseIsoDate(end);
      return { start: isInside(end, cycle) ? cycle.start : monthStart(year, month), end };
    }
    case 'span': {
      const toAtom = item.to ?? item.from;
      const to = item.to === null ? from : atomBounds(toAtom, toYear, academic);
      if (to === null) {
        warnings.push(`Дата «${describeAtom(toAtom, toYear)}» не существует: она пропущена`);
        return from;
      }
      if (to.end < from.start) {
        warnings.push(`Срок «${original}»: начало позже окончания, даты переставлены`);
        return { start: minIso(from.start, to.start), end: maxIso(from.end, to.end) };
      }
      return { start: from.start, end: to.end };
    }
  }
}

function sortUnique(occurrences: readonly PeriodOccurrence[]): PeriodOccurrence[] {
  const seen = new Set<string>();
  return [...occurrences]
    .sort((a, b) => compareIso(a.start, b.start) || compareIso(a.end, b.end))
    .filter((occurrence) => {
      const key = `${occurrence.start}/${occurrence.end}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
