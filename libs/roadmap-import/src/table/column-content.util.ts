// Recognises what a column holds from its cells, for headers that name little («Время», «Итог»)
// and for rows whose cells shifted: months and dates mean the period; bodies and positions mean
// executors; percentages, «не менее N» and counts mean the indicator; document names mean the
// report form; «Выполнено», «Проведено …» mean the execution note.

import { findPeriodPhrase } from '../readers/period-phrase.util';
import { ColumnMap, EventColumn, mapColumns, matchEventColumn } from './header.matcher';
import { isRowNumber } from './row-number.util';

export type ContentFit = Partial<Record<EventColumn, number>>;

const AMOUNT =
  /\d+([.,]\d+)?\s*%|(^|[^\p{L}])не\s+(менее|реже|ниже|более|меньше)(?!\p{L})|^\s*(в\s+)?\d+\s*%|^\s*\d+\s+раз/iu;
const DOCUMENT =
  /^(аналитическ\S*\s+|информационн\S*\s+|итогов\S*\s+|сводн\S*\s+|экспертн\S*\s+)?(справк|протокол|приказ|распоряжени|отчет|отчёт|записк|план|программ|положени|реестр|заявк|заключени|график|перечень|акт(?!\p{L})|листы?\s+регистрац|информаци)/iu;
const EXECUTOR =
  /^(мку|мбу|мау|мбоу|мкоу|моу|мадоу|мауо|мку|гау|гку|до(?!\p{L})|уо(?!\p{L})|оо(?!\p{L})|шнор|рмо|шмо|имц|цро|отдел|управлени|управленческ|комитет|департамент|министерств|администрац|муниципальн\S*\s+(методическ|координатор|команд|эксперт)|районн\S*\s+методическ|городск\S*\s+методическ|информационно-методическ|методическ\S*\s+(центр|кабинет|служб)|руководител|заместител|директор|педагог|учител|специалист|куратор|наставник|тьютор|эксперт|классн|школы?-|рабоч\S*\s+групп|члены|ответственн)/iu;
const EXECUTION_NOTE =
  /^(выполнено|исполнено|не выполнено|выполняется|проведен[оаы]?\s|обучен[оы]?\s|приняли|приказ от|разработан[аоы]?\s)/iu;
const VERBAL_NOUN = /^\p{Lu}\p{Ll}+(ние|ция|ка|ство|тие|ыв|ия)(?!\p{L})/u;

/** How well one cell fits each column, 0..1. */
export function fitOf(text: string): ContentFit {
  const cell = text.replace(/\s+/g, ' ').trim();
  if (cell === '') return {};
  if (isRowNumber(cell)) return { number: 1 };
  const fit: ContentFit = {};
  const period = findPeriodPhrase(cell);
  if (period && period.start <= 2 && period.end >= cell.length * 0.6) fit.period = 1;
  if (EXECUTION_NOTE.test(cell)) fit.executionNote = 0.9;
  if (AMOUNT.test(cell)) fit.indicator = 1;
  if (DOCUMENT.test(cell)) {
    fit.reportForm = 0.8;
    fit.indicator = Math.max(fit.indicator ?? 0, 0.5);
  }
  if (EXECUTOR.test(cell) && cell.length <= 160 && fit.indicator === undefined) fit.executors = 0.9;
  if (VERBAL_NOUN.test(cell) || (cell.length > 40 && Object.keys(fit).length === 0)) fit.title = 0.6;
  // The event text is what is left: any wording that fits nothing else may be one.
  else if (Object.keys(fit).length === 0 && cell.length >= 12 && /\p{L}{3}/u.test(cell)) fit.title = 0.3;
  return fit;
}

/**
 * Column roles from the header, completed by what the body holds: a column the header does not
 * name takes the role its cells fit best, when no other column has it.
 */
export interface EventColumnMap extends ColumnMap<EventColumn> {
  /** Roles given by content rather than by the header's words. */
  byContent: EventColumn[];
}

export function inferEventColumns(header: string[], body: { cells: string[]; merged?: boolean }[]): EventColumnMap {
  const columns: EventColumnMap = { ...mapColumns(header, matchEventColumn), byContent: [] };
  const rows = body.filter((row) => !row.merged).slice(0, 40);
  const width = Math.max(header.length, ...rows.map((row) => row.cells.length));
  const named = new Set(Object.values(columns.indexOf));
  const averages: { index: number; fit: ContentFit; length: number }[] = [];
  for (let index = 0; index < width; index += 1) {
    if (named.has(index)) continue;
    const cells = rows.map((row) => row.cells[index] ?? '').filter((cell) => cell.trim() !== '');
    if (cells.length === 0) continue;
    const fit: ContentFit = {};
    for (const cell of cells) {
      for (const [role, value] of Object.entries(fitOf(cell)) as [EventColumn, number][])
        fit[role] = (fit[role] ?? 0) + value / cells.length;
    }
    averages.push({ index, fit, length: cells.reduce((sum, cell) => sum + cell.length, 0) / cells.length });
  }
  const candidates = averages
    .flatMap(({ index, fit }) =>
      (Object.entries(fit) as [EventColumn, number][]).map(([role, score]) => ({ index, role, score })),
    )
    .filter(({ score }) => score >= 0.45)
    .sort((a, b) => b.score - a.score);
  const assigned = new Set<number>();
  for (const { index, role } of candidates) {
    if (assigned.has(index) || columns.indexOf[role] !== undefined) continue;
    columns.indexOf[role] = index;
    columns.byContent.push(role);
    assigned.add(index);
  }
  // The event text is the longest free text left.
  if (columns.indexOf.title === undefined) {
    const longest = averages.filter(({ index }) => !assigned.has(index)).sort((a, b) => b.length - a.length)[0];
    if (longest && longest.length >= 15) {
      columns.indexOf.title = longest.index;
      columns.byContent.push('title');
      assigned.add(longest.index);
    }
  }
  columns.unknown = columns.unknown.filter(({ index }) => !assigned.has(index));
  return columns;
}

/** Whether rows look like roadmap events by content alone: an event text and a period in most rows. */
export function looksLikeEventRows(header: string[], body: { cells: string[]; merged?: boolean }[]): boolean {
  const rows = body.filter((row) => !row.merged && row.cells.filter((cell) => cell.trim() !== '').length >= 3);
  if (rows.length < 2) return false;
  const columns = inferEventColumns(header, rows);
  return columns.indexOf.title !== undefined && columns.indexOf.period !== undefined;
}

/**
 * A row whose empty cells were dropped in the copy has its cells under the wrong headers
 * («не менее 5 десантов» under «Исполнители»). When the cells, kept in order, fit the columns
 * clearly better placed elsewhere, they are moved there; null when the row is fine as it is.
 */
export function realignCells(cells: string[], roles: (EventColumn | undefined)[]): string[] | null {
  const filled = cells.map((text, index) => ({ text, index })).filter(({ text }) => text.trim() !== '');
  const width = roles.length;
  if (filled.length === 0 || filled.length >= width) return null;
  const fits = filled.map(({ text }) => fitOf(text));
  const score = (cell: number, column: number): number => {
    const role = roles[column];
    return role === undefined ? 0 : (fits[cell][role] ?? 0);
  };
  const direct = filled.reduce((sum, { index }, cell) => sum + score(cell, index), 0);
  // best[cell][column]: the best score placing cells 0..cell with cell at column.
  const best: number[][] = filled.map(() => new Array<number>(width).fill(-Infinity));
  const from: number[][] = filled.map(() => new Array<number>(width).fill(-1));
  for (let column = 0; column < width; column += 1) best[0][column] = score(0, column);
  for (let cell = 1; cell < filled.length; cell += 1) {
    for (let column = cell; column < width; column += 1) {
      for (let previous = cell - 1; previous < column; previous += 1) {
        const value = best[cell - 1][previous] + score(cell, column);
        if (value > best[cell][column]) {
          best[cell][column] = value;
          from[cell][column] = previous;
        }
      }
    }
  }
  const last = filled.length - 1;
  let column = best[last].indexOf(Math.max(...best[last]));
  if (best[last][column] < direct + 0.9) return null;
  const placed = new Array<string>(width).fill('');
  for (let cell = last; cell >= 0; cell -= 1) {
    placed[column] = filled[cell].text;
    column = from[cell][column];
  }
  return placed;
}
