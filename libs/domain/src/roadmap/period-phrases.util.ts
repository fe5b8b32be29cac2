// Phrases of a period cell that are not dates: recurrence («ежемесячно»), the whole cycle
// («в течение года»), and "no date yet" («по графику»). Each rule is a pattern over the
// normalised text (lower case, «ё» → «е», single spaces); matched phrases are cut out
// before the dates are tokenised so their numbers («1 раз в месяц») are not read as dates.
import type { Recurrence } from './roadmap.model';

const W = '[а-яa-z]*';
const TIMES = `(?:\\d+|один|одного|два|две|три)?\\s*раз${W}`;
const WEEKDAYS = `(?:понедельник|вторник|сред|четверг|пятниц|суббот|воскресень)${W}`;

const RECURRENCE_PATTERNS: ReadonlyArray<readonly [Recurrence, RegExp]> = [
  ['weekly', new RegExp(`еженедельн${W}|понедельн${W}`, 'g')],
  ['weekly', new RegExp(`${TIMES}\\s+в\\s+(?:неделю|недели|\\d+\\s+недел${W})`, 'g')],
  ['weekly', new RegExp(`кажд${W}\\s+(?:неделю|недели|${WEEKDAYS})|по\\s+${WEEKDAYS}`, 'g')],
  ['monthly', new RegExp(`ежемесячн${W}|помесячн${W}`, 'g')],
  ['monthly', new RegExp(`${TIMES}\\s+в\\s+месяц`, 'g')],
  ['monthly', new RegExp(`кажд${W}\\s+месяц${W}`, 'g')],
  ['quarterly', new RegExp(`ежеквартальн${W}|поквартальн${W}`, 'g')],
  ['quarterly', new RegExp(`${TIMES}\\s+в\\s+(?:квартал|четверть)`, 'g')],
  ['quarterly', new RegExp(`кажд${W}\\s+(?:квартал|четверт)${W}`, 'g')],
];

/** Frequencies that have no Recurrence value but must still be cut out (their numbers are not dates). */
const OTHER_FREQUENCIES = [
  new RegExp(`${TIMES}\\s+в\\s+(?:полугодие|год|учебный\\s+год|триместр)`, 'g'),
  // «до 15 числа (каждого месяца)»: a day-of-month deadline, not a date.
  new RegExp(`(?:до|не\\s+позднее|не\\s+позже|к|с|по)?\\s*\\d{1,2}(?:-?${W})?\\s+числ${W}`, 'g'),
];

const WHOLE_CYCLE_PATTERNS: readonly RegExp[] = [
  new RegExp(
    `(?:в\\s+течени[еи]|на\\s+протяжении|в\\s+продолжение)\\s+(?:всего\\s+|всей\\s+)?(?:(?:учебного|календарного|отчетного|текущего)\\s+)?(?:года|периода|срока|проекта|цикла|реализации|программы|дорожной\\s+карты)`,
    'g',
  ),
  new RegExp(`весь\\s+(?:учебный\\s+|календарный\\s+)?(?:год|период)|в\\s+течение\\s+всего${W}`, 'g'),
  new RegExp(
    `до\\s+(?:конца|окончания)\\s+(?:(?:учебного|календарного|текущего)\\s+)?(?:года|периода|проекта|цикла)`,
    'g',
  ),
  new RegExp(`постоянн${W}|ежегодн${W}|круглогодичн${W}|систематическ${W}|регулярн${W}|непрерывн${W}`, 'g'),
];

const SCHEDULE_PATTERNS: readonly RegExp[] = [
  new RegExp(
    `(?:по|согласно|в\\s+соответствии\\s+с)\\s+(?:(?:утвержденн|отдельн|индивидуальн|единн|календарн|общ|региональн|муниципальн|школьн)${W}\\s+)*(?:график${W}|план${W}|расписани${W}|календар${W}|циклограмм${W})`,
    'g',
  ),
  new RegExp(
    `по\\s+мере\\s+${W}|по\\s+запрос${W}|по\\s+требовани${W}|по\\s+согласовани${W}|по\\s+необходимост${W}|при\\s+необходимост${W}|по\\s+факту${W}`,
    'g',
  ),
  new RegExp(`(?:дата|сроки?)\\s+(?:уточняется|уточняются|будут?\\s+определен${W}|определяется)`, 'g'),
];

export interface PeriodPhrases {
  recurrences: Recurrence[];
  wholeCycle: boolean;
  toBeScheduled: boolean;
  /** The text with every matched phrase replaced by a list separator. */
  rest: string;
}

function cut(text: string, pattern: RegExp): { found: boolean; text: string } {
  let found = false;
  const replaced = text.replace(pattern, () => {
    found = true;
    return ' , ';
  });
  return { found, text: replaced };
}

/** Finds and removes the non-date phrases of a normalised period text. */
export function extractPeriodPhrases(normalized: string): PeriodPhrases {
  let rest = normalized;
  const recurrences: Recurrence[] = [];
  for (const [recurrence, pattern] of RECURRENCE_PATTERNS) {
    const result = cut(rest, pattern);
    if (result.found && !recurrences.includes(recurrence)) recurrences.push(recurrence);
    rest = result.text;
  }
  for (const pattern of OTHER_FREQUENCIES) rest = cut(rest, pattern).text;
  let wholeCycle = false;
  for (const pattern of WHOLE_CYCLE_PATTERNS) {
    const result = cut(rest, pattern);
    wholeCycle = wholeCycle || result.found;
    rest = result.text;
  }
  let toBeScheduled = false;
  for (const pattern of SCHEDULE_PATTERNS) {
    const result = cut(rest, pattern);
    toBeScheduled = toBeScheduled || result.found;
    rest = result.text;
  }
  return { recurrences, wholeCycle, toBeScheduled, rest };
}

const FREQUENCY_ORDER: readonly Recurrence[] = ['weekly', 'monthly', 'quarterly'];

/** «еженедельно, ежемесячно»: the finest frequency wins, so nobody is reminded too rarely. */
export function finestRecurrence(recurrences: readonly Recurrence[]): Recurrence | null {
  return FREQUENCY_ORDER.find((r) => recurrences.includes(r)) ?? null;
}
