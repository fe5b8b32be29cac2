// Second step of period parsing: turns tokens into date atoms («май 2023», «17.10», «I квартал»)
// and the connectors between them (range «-», list «,», «с», «до»). Unknown words are skipped,
// so free text around the dates («первая декада», «включительно») does not break parsing.
import { monthFromWord } from './russian-months.util';
import { ordinalWordValue } from './russian-numbers.util';
import type { PeriodToken } from './period.tokenizer';

export type PartUnit = 'quarter' | 'half' | 'term';

export type PeriodAtom =
  | { kind: 'day'; day: number; month: number; year: number | null }
  | { kind: 'month'; month: number; year: number | null }
  | { kind: 'part'; unit: PartUnit; index: number; year: number | null }
  | { kind: 'year'; year: number }
  | { kind: 'yearSpan'; from: number; to: number; academic: boolean };

export type PeriodElement =
  | { kind: 'atom'; atom: PeriodAtom }
  | { kind: 'range' }
  | { kind: 'list' }
  | { kind: 'from' }
  /** «до», «по», «к», «не позднее»; inclusive when the named month/year itself is included («по май», «до конца мая»). */
  | { kind: 'until'; inclusive: boolean };

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

const YEAR_MARKERS = new Set(['г', 'гг', 'год', 'года', 'году', 'годы', 'годов', 'годах', 'годом']);
/** Words that may stand between «с»/«до» and the date without cancelling it («до конца мая»). */
const FILLERS = new Set([
  'начала',
  'начало',
  'конца',
  'конец',
  'окончания',
  'середины',
  'середина',
  'первой',
  'второй',
  'третьей',
  'последней',
  'декады',
  'недели',
  'половины',
  'месяца',
  'числа',
  'включительно',
]);
const INCLUSIVE_FILLERS = new Set(['конца', 'конец', 'окончания', 'включительно']);
const PART_LIMITS: Readonly<Record<PartUnit, number>> = { quarter: 4, half: 2, term: 4 };

function partUnitOf(word: string): PartUnit | null {
  if (word.startsWith('квартал') || word === 'кв') return 'quarter';
  if (word.startsWith('полугод')) return 'half';
  if (/^четверт(ь|и|ью|ям|ях)$/.test(word)) return 'term';
  return null;
}

/** The year a 4-digit number token stands for, or null. */
function yearValue(token: PeriodToken | undefined): number | null {
  const isYear = token?.type === 'number' && token.digits === 4 && token.value >= MIN_YEAR && token.value <= MAX_YEAR;
  return isYear ? token.value : null;
}

function wordAt(tokens: readonly PeriodToken[], index: number): string | null {
  const token = tokens[index];
  return token?.type === 'word' ? token.value : null;
}

function monthAt(tokens: readonly PeriodToken[], index: number): number | null {
  const word = wordAt(tokens, index);
  return word === null ? null : monthFromWord(word);
}

function skipYearMarkers(tokens: readonly PeriodToken[], index: number): number {
  let next = index;
  while (next < tokens.length && YEAR_MARKERS.has(wordAt(tokens, next) ?? '')) next += 1;
  return next;
}

/** An optional year right after an atom: «май 2023 года». */
function readYear(tokens: readonly PeriodToken[], index: number): { year: number | null; next: number } {
  const year = yearValue(tokens[index]);
  if (year !== null) return { year, next: skipYearMarkers(tokens, index + 1) };
  return { year: null, next: index };
}

/** «2023-2024 уч. год», «2021-2022 у. г.», «учебный год 2023/2024». */
function isAcademicRange(tokens: readonly PeriodToken[], index: number): boolean {
  const after = [wordAt(tokens, index + 1), wordAt(tokens, index + 2)];
  const before = [wordAt(tokens, index - 1), wordAt(tokens, index - 2)];
  if (after[0]?.startsWith('уч') || (after[0] === 'у' && after[1] === 'г')) return true;
  return before.some((word) => word?.startsWith('учебн') ?? false);
}

interface Numeral {
  value: number;
  /** Connector between this numeral and the previous one. */
  connector: 'range' | 'list' | null;
}

class ElementSink {
  readonly elements: PeriodElement[] = [];
  readonly warnings: string[] = [];
  private numerals: Numeral[] = [];
  private numeralConnector: 'range' | 'list' | null = null;

  pushAtom(atom: PeriodAtom): void {
    this.dropNumerals();
    this.elements.push({ kind: 'atom', atom });
  }

  pushConnector(kind: 'range' | 'list'): void {
    if (this.numerals.length > 0) {
      this.numeralConnector = kind;
      return;
    }
    this.elements.push({ kind });
  }

  pushFlag(element: Extract<PeriodElement, { kind: 'from' | 'until' }>): void {
    this.dropNumerals();
    this.elements.push(element);
  }

  lastKind(): PeriodElement['kind'] | null {
    return this.elements.at(-1)?.kind ?? null;
  }

  /** «до конца мая»: the month is included. */
  makeLastUntilInclusive(): void {
    const last = this.elements.at(-1);
    if (last?.kind === 'until') last.inclusive = true;
  }

  /** Drops a «с»/«до» that is followed by unrelated words, e.g. «с учетом …». */
  cancelDanglingFlag(): void {
    const last = this.elements.at(-1);
    if (last?.kind === 'from' || last?.kind === 'until') this.elements.pop();
  }

  addNumeral(value: number): void {
    this.numerals.push({ value, connector: this.numerals.length > 0 ? (this.numeralConnector ?? 'list') : null });
    this.numeralConnector = null;
  }

  hasNumerals(): boolean {
    return this.numerals.length > 0;
  }

  /** «I-II квартал 2024»: every pending numeral becomes a part of the year; the year sits on the last. */
  flushParts(unit: PartUnit, year: number | null): void {
    const numerals = this.numerals;
    this.numerals = [];
    this.numeralConnector = null;
    numerals.forEach((numeral, index) => {
      if (numeral.connector !== null) this.elements.push({ kind: numeral.connector });
      if (numeral.value < 1 || numeral.value > PART_LIMITS[unit]) return;
      const isLast = index === numerals.length - 1;
      this.elements.push({
        kind: 'atom',
        atom: { kind: 'part', unit, index: numeral.value, year: isLast ? year : null },
      });
    });
  }

  dropNumerals(): void {
    const trailing = this.numeralConnector;
    this.numerals = [];
    this.numeralConnector = null;
    if (trailing !== null) this.elements.push({ kind: trailing });
  }
}

export function buildPeriodElements(tokens: readonly PeriodToken[]): { elements: PeriodElement[]; warnings: string[] } {
  const sink = new ElementSink();
  let index = 0;
  while (index < tokens.length) index = consume(tokens, index, sink);
  return { elements: sink.elements, warnings: sink.warnings };
}

/** Consumes the token at `index` (and any year that belongs to it); returns the next index. */
function consume(tokens: readonly PeriodToken[], index: number, sink: ElementSink): number {
  const token = tokens[index];
  switch (token.type) {
    case 'date':
      return consumeDate(tokens, index, token, sink);
    case 'yearRange': {
      const academic = isAcademicRange(tokens, index);
      sink.pushAtom({ kind: 'yearSpan', from: token.from, to: token.to, academic });
      return skipYearMarkers(tokens, index + 1);
    }
    case 'number':
      return consumeNumber(tokens, index, token, sink);
    case 'roman':
      sink.addNumeral(token.value);
      return index + 1;
    case 'word':
      return consumeWord(tokens, index, token.value, sink);
    case 'punct':
      if (token.value === '-' || token.value === '/') sink.pushConnector('range');
      else if (token.value === ',' || token.value === ';' || token.value === '+') sink.pushConnector('list');
      return index + 1;
  }
}

function consumeDate(
  tokens: readonly PeriodToken[],
  index: number,
  token: Extract<PeriodToken, { type: 'date' }>,
  sink: ElementSink,
): number {
  const validYear = token.year === null || (token.year >= MIN_YEAR && token.year <= MAX_YEAR);
  if (token.month < 1 || token.month > 12 || token.day < 1 || token.day > 31 || !validYear) {
    sink.warnings.push(`Дата «${token.raw}» не существует: она пропущена`);
    sink.dropNumerals();
    return index + 1;
  }
  const { year, next } = token.year === null ? readYear(tokens, index + 1) : { year: token.year, next: index + 1 };
  sink.pushAtom({ kind: 'day', day: token.day, month: token.month, year });
  return skipYearMarkers(tokens, next);
}

function consumeNumber(
  tokens: readonly PeriodToken[],
  index: number,
  token: Extract<PeriodToken, { type: 'number' }>,
  sink: ElementSink,
): number {
  const month = monthAt(tokens, index + 1);
  if (month !== null && token.digits <= 2 && token.value >= 1 && token.value <= 31) {
    // «15 мая 2023»
    const { year, next } = readYear(tokens, index + 2);
    sink.pushAtom({ kind: 'day', day: token.value, month, year });
    return next;
  }
  const sharedMonth = sharedMonthOfDayRange(tokens, index);
  if (sharedMonth !== null && token.value >= 1 && token.value <= 31) {
    // «с 1 по 15 сентября», «1-15 сентября»: the first day borrows the month of the second.
    sink.pushAtom({ kind: 'day', day: token.value, month: sharedMonth, year: null });
    sink.pushConnector('range');
    return index + 2;
  }
  const year = yearValue(token);
  if (year !== null) {
    sink.pushAtom({ kind: 'year', year });
    return skipYearMarkers(tokens, index + 1);
  }
  sink.addNumeral(token.value);
  return index + 1;
}

function sharedMonthOfDayRange(tokens: readonly PeriodToken[], index: number): number | null {
  const connector = tokens[index + 1];
  const isRange =
    (connector?.type === 'punct' && connector.value === '-') ||
    (connector?.type === 'word' && (connector.value === 'по' || connector.value === 'до'));
  const second = tokens[index + 2];
  if (!isRange || second?.type !== 'number' || second.digits > 2) return null;
  return monthAt(tokens, index + 3);
}

function consumeWord(tokens: readonly PeriodToken[], index: number, word: string, sink: ElementSink): number {
  const month = monthFromWord(word);
  if (month !== null) {
    const { year, next } = readYear(tokens, index + 1);
    sink.pushAtom({ kind: 'month', month, year });
    return next;
  }
  const unit = partUnitOf(word);
  if (unit !== null) {
    if (!sink.hasNumerals()) return index + 1;
    const { year, next } = readYear(tokens, index + 1);
    sink.flushParts(unit, year);
    return next;
  }
  const ordinal = ordinalWordValue(word);
  if (ordinal !== null && partUnitOf(wordAt(tokens, index + 1) ?? '') !== null) {
    // «первый квартал», «второе полугодие»
    sink.addNumeral(ordinal);
    return index + 1;
  }
  return consumeConnectorWord(tokens, index, word, sink);
}

function consumeConnectorWord(tokens: readonly PeriodToken[], index: number, word: string, sink: ElementSink): number {
  switch (word) {
    case 'с':
    case 'со':
      sink.pushFlag({ kind: 'from' });
      return index + 1;
    case 'по':
    case 'до':
    case 'к':
    case 'ко':
      // Right after a date it closes a range («с 17.10 по 20.10»); otherwise it is a deadline.
      if (sink.lastKind() === 'atom' && word !== 'к' && word !== 'ко') sink.pushConnector('range');
      else sink.pushFlag({ kind: 'until', inclusive: word === 'по' });
      return index + 1;
    case 'не':
      if (wordAt(tokens, index + 1) === 'позднее' || wordAt(tokens, index + 1) === 'позже') {
        sink.pushFlag({ kind: 'until', inclusive: true });
        return index + 2;
      }
      return index + 1;
    case 'и':
    case 'или':
      sink.pushConnector('list');
      return index + 1;
    default:
      if (INCLUSIVE_FILLERS.has(word)) sink.makeLastUntilInclusive();
      else if (!FILLERS.has(word) && !YEAR_MARKERS.has(word)) {
        sink.cancelDanglingFlag();
        sink.dropNumerals();
      }
      return index + 1;
  }
}
