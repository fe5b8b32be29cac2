// Indicator cells («Не менее 5 методических десантов», «В 100% участников ШНОР»,
// «Справка по итогам проверки») → RoadmapIndicator. Precedence: a percentage always means
// coverage; then an explicit amount («не менее N», «не реже N раз», a leading «2 совещания»);
// then a named document; otherwise free text judged by a person.
import type { IndicatorPer, IndicatorPopulation, RoadmapIndicator } from './roadmap.model';
import { collapseSpaces, lowerAligned, normalizePunctuation } from './russian-text.util';
import { numberWordValue } from './russian-numbers.util';

const L = '[а-яёa-z]';
const NUMBER = `(\\d+|${L}+)(?:\\s?-?\\s?(?:х|ти|ми|ух|ех|и|го|ого|ой|ой)(?!${L}))?`;

const PER_PATTERNS: ReadonlyArray<readonly [IndicatorPer, RegExp]> = [
  ['week', new RegExp(`в\\s+неделю|еженедельн${L}*|кажд${L}*\\s+недел${L}*`)],
  ['month', new RegExp(`в\\s+месяц|ежемесячн${L}*|кажд${L}*\\s+месяц${L}*`)],
  ['quarter', new RegExp(`в\\s+(?:квартал|четверть)|ежеквартальн${L}*|кажд${L}*\\s+(?:квартал|четверт)${L}*`)],
  ['year', new RegExp(`в\\s+(?:учебный\\s+)?год(?!${L})|ежегодн${L}*|кажд${L}*\\s+год${L}*`)],
  [
    'occurrence',
    new RegExp(
      `по\\s+(?:итогам|результатам)\\s+кажд${L}*|(?:на|за|после)\\s+кажд${L}*\\s+(?:мероприяти|заседани|визит|выезд|десант|событи)${L}*`,
    ),
  ],
];

/** Display form: unified punctuation, single spaces, compound adjectives re-joined («нормативно - правового»). */
function displayForm(text: string): string {
  return collapseSpaces(normalizePunctuation(text)).replace(/([а-яё]+о)\s*-\s*([а-яё])/gi, '$1-$2');
}

export function parseIndicator(text: string): RoadmapIndicator {
  const original = typeof text === 'string' ? text.trim() : '';
  const display = displayForm(original);
  const lower = lowerAligned(display);
  const found = parseCoverage(display, lower) ?? parseCount(display, lower) ?? parseDocument(lower);
  if (found === null)
    return { kind: 'text', min: null, per: null, unit: null, population: null, document: null, text: original };
  return {
    ...found,
    population: found.kind === 'coverage' ? populationOf(found.unit) : null,
    document: requiredDocument(found, lower),
    text: original,
  };
}

type Parsed = Omit<RoadmapIndicator, 'text' | 'population' | 'document'>;

// ---------- population and required document ----------

const POPULATIONS: ReadonlyArray<readonly [IndicatorPopulation, RegExp]> = [
  ['shnor', /^(шнор|шнсу)$/],
  ['teachers', /^(педагог|учител|преподавател|педагогических|педработник)/],
  ['students', /^(обучающ|учащ|школьник|ученик|выпускник|дет(ей|и)$)/],
  ['schools', /^(оо|оу|школ|образовательных|общеобразовательных|организаци|учреждени)/],
];

/** Words a covered noun phrase may open with before its head: «участников ШНОР», «молодых педагогов». */
const TRANSPARENT = /^(участник|молод|всех|из|числа|общего|количества|от|в|с|не|менее|\d|-|[а-яё]+(ых|их)$)/;

/** The head of the covered phrase decides: «педагогов ШНОР» are teachers, «ОО зоны риска» schools. */
function populationOf(unit: string | null): IndicatorPopulation | null {
  if (unit === null) return null;
  for (const word of lowerAligned(unit)
    .replace(/ё/g, 'е')
    .split(/[\s,]+/)) {
    if (word === '') continue;
    const found = POPULATIONS.find(([, pattern]) => pattern.test(word));
    if (found !== undefined) return found[0];
    if (!TRANSPARENT.test(word)) return null;
  }
  return null;
}

const LEGAL_ACT = /нормативн[а-я]*\s*-?\s*правов[а-я]*\s+акт|(?<![а-я])нпа(?![а-я])/;

/** The document the indicator asks for: the document itself, or one named in a count («… акта», «(план работы)»). */
function requiredDocument(found: Parsed, lower: string): string | null {
  const cleaned = lower.replace(/ё/g, 'е');
  if (LEGAL_ACT.test(cleaned)) return 'нормативно-правовой акт';
  if (found.kind === 'document') return found.unit;
  for (const match of cleaned.matchAll(/\(([^()]*)\)/g)) {
    const inBrackets = documentType(match[1].trim());
    if (inBrackets !== null) return inBrackets;
  }
  return null;
}

function perOf(lower: string): IndicatorPer | null {
  return PER_PATTERNS.find(([, pattern]) => pattern.test(lower))?.[0] ?? null;
}

function numberValue(token: string): number | null {
  if (/^\d+$/.test(token)) return Number(token);
  return numberWordValue(token);
}

// ---------- coverage ----------

/** A word that ends the covered noun phrase: a finite verb («провели», «имеют») or a participle. */
function isPredicate(word: string): boolean {
  const lower = lowerAligned(word);
  return /(ли|ют|ят|ены|аны|вших|вшие|ющих|ющие|ящих|ящие|ащих|ащие)$/.test(lower) && lower.length > 3;
}

function parseCoverage(display: string, lower: string): Parsed | null {
  const match = /(\d+(?:[.,]\d+)?)\s*(?:%|процент[а-я]*)/.exec(lower);
  if (match === null) return null;
  const min = Number(match[1].replace(',', '.'));
  const after = display.slice(match.index + match[0].length);
  const unit = coveredUnit(after) ?? coveredUnitBefore(display.slice(0, match.index));
  return { kind: 'coverage', min, per: null, unit };
}

/** «100% ШНОР провели самодиагностику» → «ШНОР»; «% от общего числа педагогов» → «педагогов». */
function coveredUnit(after: string): string | null {
  const clause = after.split(/[,;().:]|\s-\s/)[0].replace(/^\s*от\s+(?:общего\s+)?(?:числа|количества)\s+/i, '');
  const words = clause
    .trim()
    .split(/\s+/)
    .filter((word) => word !== '');
  const kept: string[] = [];
  for (const word of words) {
    if (kept.length > 0 && isPredicate(word)) break;
    kept.push(word);
  }
  return kept.length > 0 ? kept.join(' ') : null;
}

/** «Охват педагогов не менее 80%» → «педагогов». */
function coveredUnitBefore(before: string): string | null {
  const match = /охват\S*\s+(.+?)\s*(?:не\s+менее|не\s+ниже|составляет|-|—|:)?\s*$/i.exec(before);
  if (match && match[1].trim() !== '') return match[1].trim();
  // «Доля обучающихся 5-9 классов ШНОР, принявших участие, — не менее 90 %»: the phrase after «доля».
  const share = /(?:^|\s)(?:доля|удельн\S*\s+вес|процент)\s+(.+)$/i.exec(before);
  if (share === null) return null;
  const phrase = share[1].split(/[,:;—]|\s-\s|\s+не\s+(?:менее|ниже)/i)[0].trim();
  return phrase === '' ? null : phrase;
}

// ---------- count ----------

const AT_LEAST = `(?:не\\s+менее|не\\s+меньше|не\\s+ниже|как\\s+минимум|минимум)(?:\\s+чем)?`;

function parseCount(display: string, lower: string): Parsed | null {
  const atLeast = new RegExp(`(?:^|[^а-яёa-z])${AT_LEAST}\\s+${NUMBER}`).exec(lower);
  if (atLeast !== null) {
    const min = numberValue(atLeast[1]);
    if (min !== null) return countFrom(min, display.slice(atLeast.index + atLeast[0].length), lower);
  }
  const notLessOften = new RegExp(`не\\s+реже\\s+(?:чем\\s+)?${NUMBER}\\s+раз`).exec(lower);
  if (notLessOften !== null) {
    const min = numberValue(notLessOften[1]);
    if (min !== null) return { kind: 'count', min, per: perOf(lower), unit: null };
  }
  // «2 совещания», «Одно мероприятие»: an amount at the very start.
  const leading = new RegExp(`^${NUMBER}\\s+(?=${L})`).exec(lower);
  if (leading !== null) {
    const min = numberValue(leading[1]);
    if (min !== null && !/^\d{4}$/.test(leading[1])) return countFrom(min, display.slice(leading[0].length), lower);
  }
  return null;
}

function countFrom(min: number, rest: string, lower: string): Parsed {
  return { kind: 'count', min, per: perOf(lower), unit: countedUnit(rest) };
}

/** «методических десантов участников ШНОР», without the frequency and remarks in brackets. */
function countedUnit(rest: string): string | null {
  const clause = rest.split(/[,;(.:]/)[0];
  const lower = lowerAligned(clause);
  let end = clause.length;
  for (const [, pattern] of PER_PATTERNS) {
    const match = pattern.exec(lower);
    if (match !== null && match.index < end) end = match.index;
  }
  const unit = clause.slice(0, end).trim();
  if (unit === '' || /^раза?$/i.test(unit)) return null;
  return unit;
}

// ---------- document ----------

/** Document heads (stem → nominative), checked at the start of the cell or alone in brackets. */
const DOCUMENT_HEADS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^план\s*-\s*график/, 'план-график'],
  [/^справк/, 'справка'],
  [/^протокол/, 'протокол'],
  [/^приказ/, 'приказ'],
  [/^распоряжени/, 'распоряжение'],
  [/^постановлени/, 'постановление'],
  [/^отчет/, 'отчет'],
  [/^план(?![а-я])/, 'план'],
  [/^планы(?![а-я])/, 'планы'],
  [/^положени/, 'положение'],
  [/^программ/, 'программа'],
  [/^концепци/, 'концепция'],
  [/^нпа(?![а-я])/, 'нпа'],
  [/^акт(?![а-я])/, 'акт'],
  [/^заключени/, 'заключение'],
  [/^график/, 'график'],
  [/^перечень|^перечн/, 'перечень'],
  [/^реестр/, 'реестр'],
  [/^записк/, 'записка'],
  [/^соглашени/, 'соглашение'],
  [/^договор/, 'договор'],
  [/^список/, 'список'],
  [/^решени/, 'решение'],
  [/^рекомендаци/, 'рекомендации'],
  [/^документ/, 'документ'],
  [/^дорожн\S*\s+карт/, 'дорожная карта'],
];

/** Adjectives kept in the document type: «аналитическая справка», «нормативный акт». */
const DOCUMENT_ADJECTIVE =
  /^(аналитическ|информационн|итогов|нормативн|нормативно-правов|методическ|концептуальн|пояснительн|служебн|сводн|локальн|муниципальн|годов|промежуточн|финальн|распорядительн|экспертн)[а-я]*$/;

function documentType(lower: string): string | null {
  const words = lower.replace(/^[\s\-•*\d.)]+/, '').split(/\s+/);
  const adjectives: string[] = [];
  for (let index = 0; index < words.length && index < 3; index += 1) {
    const tail = words.slice(index).join(' ');
    const head = DOCUMENT_HEADS.find(([pattern]) => pattern.test(tail));
    if (head !== undefined) {
      const nominative = index === 0 ? head[1] : words.slice(index, index + 1)[0].replace(/[^а-я-]/g, '');
      return [...adjectives, nominative].join(' ');
    }
    if (!DOCUMENT_ADJECTIVE.test(words[index])) return null;
    adjectives.push(words[index]);
  }
  return null;
}

function parseDocument(lower: string): Parsed | null {
  // «Наличие приказа», «Издание распоряжения»: the document is what follows.
  const cleaned = lower.replace(/ё/g, 'е').replace(/^\s*(?:наличие|издание)\s+(?:утвержденн[а-я]*\s+)?/, '');
  // «Отчет по итогам каждого выезда», «Справка ежеквартально»: how often the document is due.
  const per = perOf(cleaned);
  const atStart = documentType(cleaned);
  if (atStart !== null) return { kind: 'document', min: null, per, unit: atStart };
  // «Совещание (протокол)»: the evidence named in brackets.
  for (const match of cleaned.matchAll(/\(([^()]*)\)/g)) {
    const inBrackets = documentType(match[1].trim());
    if (inBrackets !== null) return { kind: 'document', min: null, per, unit: inBrackets };
  }
  return null;
}
