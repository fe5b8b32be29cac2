// Finds where a period phrase ("Март 2023 - май 2024", "В течение года") sits in running text.
// Used only to cut text whose column boundaries were lost (a PDF or a scan copied as text);
// what the phrase means is decided by the domain's period parser.

const MONTH_NOMINATIVE = 'январь|февраль|март|апрель|май|июнь|июль|август|сентябрь|октябрь|ноябрь|декабрь';
const MONTH_ANY =
  'январ[ьяюе]|феврал[ьяюе]|март[аеу]?|апрел[ьяюе]|ма[йяюе]|июн[ьяюе]|июл[ьяюе]|август[аеу]?|сентябр[ьяюе]|октябр[ьяюе]|ноябр[ьяюе]|декабр[ьяюе]';
const NOT_LETTER_BEFORE = '(?<![\\p{L}\\d])';
const NOT_LETTER_AFTER = '(?![\\p{L}])';

/** Phrases that open a period: what a "Сроки" cell begins with. */
const PERIOD_START = new RegExp(
  NOT_LETTER_BEFORE +
    '(?:' +
    [
      `(?:${MONTH_NOMINATIVE})${NOT_LETTER_AFTER}`,
      `в\\s+теч(?:ение|\\.)`,
      `(?:еже(?:дневно|недельно|месячно|квартально|годно)|постоянно)${NOT_LETTER_AFTER}`,
      `по\\s+(?:графику|мере\\s+необходимости)`,
      `(?:[IV]{1,3}|[1-4])[-\\s]*(?:й\\s+)?(?:квартал|полугодие)`,
      `\\d{1,2}\\.\\d{1,2}\\.\\d{2,4}`,
      `(?:с|до|к|по)\\s+\\d{1,2}[.\\s](?:\\d{1,2}|${MONTH_ANY})`,
      `\\d{1,2}\\s+(?:${MONTH_ANY})${NOT_LETTER_AFTER}`,
      `\\d{4}\\s*(?:год|г\\.)${NOT_LETTER_AFTER}`,
      `\\d+\\s+раз[а]?\\s+в${NOT_LETTER_AFTER}`,
    ].join('|') +
    ')',
  'iu',
);

/** Words a period phrase may go on with once it has started. */
const PERIOD_WORD = new RegExp(
  '^(?:' +
    [
      MONTH_ANY,
      '\\d{4}',
      '\\d{4}г\\.?',
      '\\d{1,2}',
      '\\d{1,2}\\.\\d{1,2}(?:\\.\\d{2,4})?(?:г\\.?)?',
      'г\\.?',
      'гг\\.?',
      'год[аы]?',
      'годов',
      'в',
      'с',
      'по',
      'до',
      'и',
      'течение',
      'теч\\.',
      'учебного',
      'календарного',
      'текущего',
      '[IV]{1,3}',
      'квартал[аеы]?',
      'полугоди[ея]',
      'раз[а]?',
      'месяц',
      'неделю',
      'квартал',
      'еже(?:дневно|недельно|месячно|квартально|годно)',
      'постоянно',
      'графику',
      'мере',
      'необходимости',
      '[-–—/,;]+',
    ].join('|') +
    ')$',
  'iu',
);

/** Connectors that cannot end a period: a phrase cut after them gives them back. */
const DANGLING = /^(?:в|с|по|до|и|[-–—/,;]+)$/iu;

const YEAR_SUFFIX = /^(г\.?|гг\.?|год[аыу]?|годов)$/iu;

function continuesPeriod(word: string, previous: string): boolean {
  if (!PERIOD_WORD.test(word) && !/^\((?:еже|\d|раз|по|в )/iu.test(word)) return false;
  // "ДО г. Иркутска" is an executor: connectors are lower case, and "г." follows only a year.
  if (DANGLING.test(word) && word !== word.toLowerCase()) return false;
  if (YEAR_SUFFIX.test(word)) return /\d{4}$|^(течение|теч\.|учебного|календарного|текущего)$/iu.test(previous);
  return true;
}

export interface TextSpan {
  start: number;
  end: number;
}

/** The first period phrase in the text at or after `from`, as character offsets. */
export function findPeriodPhrase(text: string, from = 0): TextSpan | null {
  const match = PERIOD_START.exec(text.slice(from));
  if (!match) return null;
  const start = from + match.index;
  let end = start + match[0].length;
  const token = /[-–—/,;]+|[^\s\-–—/,;()]+(?:\.(?=\s|$))?|\([^)]*\)/gu;
  token.lastIndex = end;
  let lastGood = end;
  let previous = match[0].split(/\s+/).pop() ?? match[0];
  for (let next = token.exec(text); next; next = token.exec(text)) {
    const gap = text.slice(end, next.index);
    if (gap.trim() !== '') break;
    const word = next[0];
    if (!continuesPeriod(word, previous)) break;
    end = next.index + word.length;
    previous = word;
    if (!DANGLING.test(word)) lastGood = end;
  }
  return { start, end: lastGood };
}
