// Executors («Исполнители») cells: split one cell into organisations/roles and give every
// body a normalised key so «МКУ "ИМЦРО"» and «МКУ «ИМЦРО»» become one entity.
import type { RoadmapExecutorEntity } from './roadmap.model';
import { collapseSpaces, normalizePunctuation, normalizeRussian } from './russian-text.util';

/**
 * A line break inside a cell is often just wrapping (PDF/DOCX extraction): «Отдел образования
 * Администрации ⏎ МО «…»», «Муниципальная методическая ⏎ служба». The next line continues
 * the previous one when it starts in lower case, with a quote/bracket, or with a territory word;
 * or when the previous line ends with a word that needs a continuation.
 */
const CONTINUATION_START = /^(?:[а-яёa-z"«(]|МО(?=[\s«"]|$)|г\.|город|район|муниципальн|администрац)/u;
const CONTINUATION_END = /(?:[-–—(,]|(?:^|\s)(?:и|по|при|в|на|с|для|из|от)|[Аа]дминистрации)$/u;

function joinWrappedLines(cell: string): string[] {
  const lines = cell
    .split(/\r?\n|\r/)
    .map((line) => collapseSpaces(line))
    .filter((line) => line !== '');
  const joined: string[] = [];
  for (const line of lines) {
    const previous = joined.at(-1);
    const continues = previous !== undefined && (CONTINUATION_START.test(line) || CONTINUATION_END.test(previous));
    if (continues) joined[joined.length - 1] = `${previous} ${line}`;
    else joined.push(line);
  }
  return joined;
}

/** Splits on «,» and «;» outside quotes and brackets. */
function splitOutsideQuotes(line: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inStraightQuotes = false;
  let current = '';
  for (const ch of line) {
    if (ch === '«' || ch === '(' || ch === '“' || ch === '„') depth += 1;
    else if ((ch === '»' || ch === ')' || ch === '”') && depth > 0) depth -= 1;
    else if (ch === '"') inStraightQuotes = !inStraightQuotes;
    if ((ch === ',' || ch === ';') && depth === 0 && !inStraightQuotes) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts;
}

function tidyName(name: string): string {
  return collapseSpaces(name)
    .replace(/^[\s\-–—•*.,;:]+/u, '')
    .replace(/[\s.,;:]+$/u, '');
}

export function splitExecutors(text: string): string[] {
  const cell = typeof text === 'string' ? text : '';
  const names = joinWrappedLines(cell)
    .flatMap(splitOutsideQuotes)
    .map(tidyName)
    .filter((name) => name !== '');
  const seen = new Set<string>();
  return names.filter((name) => {
    const key = executorKey(name);
    if (key === '' || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Case, «ё», quote styles, spacing and trailing punctuation do not change who the executor is. */
export function executorKey(name: string): string {
  return normalizeRussian(normalizePunctuation(name))
    .replace(/["'«»]/g, ' ')
    .replace(/\s*-\s*/g, '-')
    .replace(/№\s*/g, '№ ')
    .replace(/\.(?=[а-яa-z])/g, '. ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s\-.,;:]+|[\s\-.,;:]+$/g, '')
    .trim();
}

export function buildExecutorEntities(names: string[]): RoadmapExecutorEntity[] {
  const byKey = new Map<string, RoadmapExecutorEntity>();
  for (const raw of names) {
    const spelling = collapseSpaces(typeof raw === 'string' ? raw : '');
    const key = executorKey(spelling);
    if (key === '') continue;
    const entity = byKey.get(key);
    if (entity === undefined) byKey.set(key, { key, name: spelling, aliases: [spelling] });
    else if (!entity.aliases.includes(spelling)) entity.aliases.push(spelling);
  }
  return [...byKey.values()];
}
