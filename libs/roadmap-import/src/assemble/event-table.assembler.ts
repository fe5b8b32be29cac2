// Turns the rows of a roadmap table into events: finds the header, follows section headings,
// joins rows a copy broke in two, and hands every cell to the domain's parsers.

import {
  detectStage,
  parseIndicator,
  parsePeriod,
  PeriodContext,
  RoadmapEvent,
  RoadmapEventConfidence,
  RoadmapPeriod,
  RoadmapWarning,
  splitExecutors,
} from '@orientir/domain';
import { RawRow, RawTable } from '../readers/raw-table.model';
import { EventColumnMap, inferEventColumns, realignCells } from '../table/column-content.util';
import { ColumnMap, EventColumn } from '../table/header.matcher';
import { isColumnNumberRow, isRowNumber, normalizeRowNumber } from '../table/row-number.util';
import { classifyHeader } from '../table/table-kind.classifier';

type EventCells = Record<EventColumn, string>;

interface PendingEvent {
  cells: EventCells;
  section: string | null;
  sourceRow: string;
  numbered: boolean;
  /** The row's cells were moved to the columns their content fits (a copy dropped empty cells). */
  shifted?: boolean;
  /** Fields taken from the row above: a cell merged over several rows, left empty by a text copy. */
  inherited?: EventColumn[];
}

export interface EventTableResult {
  events: RoadmapEvent[];
  warnings: RoadmapWarning[];
  /** Merged rows under the last event: notes and participant lists, not a section. */
  trailingText: string[];
}

const EVENT_COLUMNS: EventColumn[] = [
  'number',
  'title',
  'period',
  'executors',
  'indicator',
  'reportForm',
  'executionNote',
];

export function assembleEvents(
  table: RawTable,
  headerIndex: number,
  context: PeriodContext,
  onRow: () => void,
): EventTableResult {
  const warnings: RoadmapWarning[] = [];
  const header = table.rows[headerIndex];
  const columns = inferEventColumns(header.cells, table.rows.slice(headerIndex + 1));
  warnings.push(...headerWarnings(header, columns));
  const rows = table.rows.slice(headerIndex + 1);
  const bodyEnd = lastEventRow(rows) + 1;
  const pending = inheritMergedCells(
    promoteNumberedHeadings(collectEvents(rows.slice(0, bodyEnd), columns, warnings, onRow)),
    warnings,
  );
  const trailingText = rows.slice(bodyEnd).map((row) => {
    onRow();
    return collapse(row.cells.join(' '));
  });
  const events = pending.map((event, index) => toEvent(event, index, context, warnings, columns.byContent));
  warnings.push(...duplicateNumbers(events));
  return { events, warnings, trailingText: trailingText.filter((text) => text !== '') };
}

function headerWarnings(header: RawRow, columns: EventColumnMap): RoadmapWarning[] {
  const warnings = columns.unknown.map(({ header: name }) => ({
    row: header.rowNumber,
    text: name,
    message: `Столбец «${name}» не распознан; его содержимое сохранено в предупреждениях по строкам`,
  }));
  if (columns.indexOf.number === undefined) {
    warnings.push({
      row: header.rowNumber,
      text: header.cells.join(' | '),
      message: 'В таблице нет столбца «№»: мероприятия пронумерованы по порядку',
    });
  }
  for (const [column, name] of [
    ['period', 'Сроки'],
    ['executors', 'Исполнители'],
    ['indicator', 'Показатель'],
  ] as const) {
    if (columns.indexOf[column] === undefined) {
      warnings.push({
        row: header.rowNumber,
        text: header.cells.join(' | '),
        message: `В таблице нет столбца «${name}»`,
      });
    }
  }
  return warnings;
}

function collectEvents(
  rows: RawRow[],
  columns: ColumnMap<EventColumn>,
  warnings: RoadmapWarning[],
  onRow: () => void,
): PendingEvent[] {
  const events: PendingEvent[] = [];
  let section: string | null = null;
  let sectionRow: string | null = null;
  let previousWasSection = false;
  for (const row of rows) {
    onRow();
    if (isSkippable(row)) continue;
    const aligned = row.merged ? null : realignCells(row.cells, rolesByIndex(columns, row.cells.length));
    const cells = cellsOf(aligned ? { ...row, cells: aligned } : row, columns);
    if (aligned) {
      warnings.push({
        row: row.rowNumber,
        text: row.cells.filter(Boolean).join(' | '),
        message:
          'Ячейки строки сдвинуты относительно заголовка (в копии пропущены пустые ячейки); столбцы определены по содержанию — проверьте',
      });
    }
    const heading = sectionText(row, cells);
    if (heading !== null) {
      if (previousWasSection && section !== null) {
        warnings.push({
          row: row.rowNumber,
          text: heading,
          message: `Второй заголовок подряд после «${section}» (строка ${sectionRow}) не импортирован`,
        });
      } else {
        section = heading;
        sectionRow = row.rowNumber;
      }
      previousWasSection = true;
      continue;
    }
    previousWasSection = false;
    warnings.push(...unknownCellWarnings(row, columns));
    const previous = events[events.length - 1];
    if (cells.number === '' && cells.title === '' && previous) {
      appendCells(previous.cells, cells);
      warnings.push({
        row: row.rowNumber,
        text: row.cells.filter(Boolean).join(' | '),
        message: 'Строка без номера и наименования присоединена к предыдущему мероприятию',
      });
      continue;
    }
    events.push({ cells, section, sourceRow: row.rowNumber, numbered: cells.number !== '', shifted: aligned !== null });
  }
  return events;
}

/**
 * Hierarchical roadmaps number their sections too: "1. Организационные мероприятия" with every
 * other cell empty, then "1.1", "1.2". Such a row heads the rows numbered under it; it is not an event.
 */
function promoteNumberedHeadings(events: PendingEvent[]): PendingEvent[] {
  const headingOf = new Map<string, string>();
  const kept = events.filter((event, index) => {
    const number = normalizeRowNumber(event.cells.number);
    const next = events[index + 1];
    const heads = next !== undefined && normalizeRowNumber(next.cells.number).startsWith(`${number}.`);
    const bare = DETAIL_COLUMNS.every((column) => event.cells[column] === '');
    if (!(event.numbered && heads && bare && event.cells.title !== '')) return true;
    headingOf.set(number, collapse(event.cells.title));
    return false;
  });
  for (const event of kept) {
    const number = normalizeRowNumber(event.cells.number);
    // The nearest numbered heading wins ("1.2.3" under "1.2" rather than "1").
    const parents = number
      .split('.')
      .map((_, i, parts) => parts.slice(0, i).join('.'))
      .filter(Boolean)
      .reverse();
    const heading = parents.map((parent) => headingOf.get(parent)).find((text) => text !== undefined);
    if (heading !== undefined) event.section = heading;
  }
  return kept;
}

/**
 * A period or executor cell merged over several rows reaches a text copy only in its first row.
 * An event with no period (or no executors) under one in the same section takes the one above,
 * with a warning and a low confidence, so the coordinator checks it instead of retyping it.
 */
function inheritMergedCells(events: PendingEvent[], warnings: RoadmapWarning[]): PendingEvent[] {
  events.forEach((event, index) => {
    const above = events[index - 1];
    if (above === undefined || above.section !== event.section || event.cells.title === '') return;
    for (const [column, name] of [
      ['period', 'срок'],
      ['executors', 'исполнители'],
    ] as const) {
      if (event.cells[column] !== '' || above.cells[column] === '') continue;
      event.cells[column] = above.cells[column];
      event.inherited = [...(event.inherited ?? []), column];
      warnings.push({
        row: event.sourceRow,
        text: collapse(above.cells[column]),
        message: `Ячейка «${name}» пуста; принято значение строки ${above.sourceRow} (объединённая ячейка?) — проверьте`,
      });
    }
  });
  return events;
}

const DETAIL_COLUMNS: EventColumn[] = ['period', 'executors', 'indicator', 'reportForm', 'executionNote'];

function lastEventRow(rows: RawRow[]): number {
  for (let index = rows.length - 1; index >= 0; index -= 1) {
    const row = rows[index];
    if (!row.merged && row.cells.filter((cell) => cell.trim() !== '').length > 1 && !isSignatureRow(row)) return index;
  }
  return -1;
}

const PERSON = /^([А-ЯЁ]\.\s?[А-ЯЁ]\.\s?[А-ЯЁ][а-яё-]+|[А-ЯЁ][а-яё-]+\s[А-ЯЁ]\.\s?[А-ЯЁ]\.)$/u;

/** «Начальник управления | А.А. Ковалева», «______ С.В. Попов»: a signature under the table, not an event. */
function isSignatureRow(row: RawRow): boolean {
  const filled = row.cells.map((cell) => cell.trim()).filter((cell) => cell !== '');
  return filled.length <= 3 && filled.some((cell) => PERSON.test(cell) || /_{3,}/.test(cell));
}

function rolesByIndex(columns: ColumnMap<EventColumn>, width: number): (EventColumn | undefined)[] {
  const roles = new Array<EventColumn | undefined>(width).fill(undefined);
  for (const column of EVENT_COLUMNS) {
    const index = columns.indexOf[column];
    if (index !== undefined && index < width) roles[index] = column;
  }
  return roles;
}

function cellsOf(row: RawRow, columns: ColumnMap<EventColumn>): EventCells {
  const cells = {} as EventCells;
  for (const column of EVENT_COLUMNS) {
    const index = columns.indexOf[column];
    cells[column] = index === undefined || row.merged ? '' : (row.cells[index] ?? '').trim();
  }
  return cells;
}

/** Column-number rows ("1 2 3 4 5") and repeated headers (one per page in long DOCX tables). */
function isSkippable(row: RawRow): boolean {
  if (row.cells.every((cell) => cell.trim() === '')) return true;
  if (row.merged) return false;
  const kind = classifyHeader(row.cells)?.kind;
  return isColumnNumberRow(row.cells) || kind === 'events' || kind === 'controlPoints';
}

/** A merged row, or a row with one filled cell and no number: a section heading. */
function sectionText(row: RawRow, cells: EventCells): string | null {
  const filled = row.cells.map((cell) => cell.trim()).filter((cell) => cell !== '');
  if (row.merged) return collapse(filled.join(' '));
  if (
    filled.length === 1 &&
    cells.number === '' &&
    !isRowNumber(filled[0]) &&
    cells.period === '' &&
    cells.executors === ''
  ) {
    return collapse(filled[0]);
  }
  return null;
}

function unknownCellWarnings(row: RawRow, columns: ColumnMap<EventColumn>): RoadmapWarning[] {
  return columns.unknown
    .filter(({ index }) => (row.cells[index] ?? '').trim() !== '')
    .map(({ index, header }) => ({
      row: row.rowNumber,
      text: collapse(row.cells[index]),
      message: `Значение столбца «${header}» не импортировано: столбец не распознан`,
    }));
}

function appendCells(target: EventCells, extra: EventCells): void {
  for (const column of EVENT_COLUMNS) {
    if (extra[column] !== '')
      target[column] = target[column] === '' ? extra[column] : `${target[column]}\n${extra[column]}`;
  }
}

function toEvent(
  pending: PendingEvent,
  index: number,
  context: PeriodContext,
  warnings: RoadmapWarning[],
  byContent: EventColumn[],
): RoadmapEvent {
  const { cells, sourceRow } = pending;
  const number = pending.numbered ? normalizeRowNumber(cells.number) : String(index + 1);
  if (!pending.numbered) {
    warnings.push({
      row: sourceRow,
      text: collapse(cells.title),
      message: `У мероприятия нет номера; присвоен номер ${number} по порядку`,
    });
  } else if (!isRowNumber(cells.number)) {
    warnings.push({
      row: sourceRow,
      text: cells.number,
      message: `Номер мероприятия «${collapse(cells.number)}» не похож на номер строки`,
    });
  }
  const title = collapse(cells.title);
  if (title === '') warnings.push({ row: sourceRow, text: row(cells), message: 'Не указано наименование мероприятия' });
  const periodText = collapse(cells.period);
  const { period, warnings: periodWarnings } = parsePeriod(periodText, context);
  warnings.push(...periodWarnings.map((message) => ({ row: sourceRow, text: periodText, message })));
  const executors = splitExecutors(cells.executors);
  if (executors.length === 0) warnings.push({ row: sourceRow, text: title, message: 'Не указаны исполнители' });
  const indicatorText = collapse(cells.indicator);
  if (indicatorText === '') warnings.push({ row: sourceRow, text: title, message: 'Не указан показатель реализации' });
  const indicator = parseIndicator(indicatorText);
  return {
    number,
    section: pending.section,
    title,
    period,
    executors,
    indicator,
    reportForm: nullable(cells.reportForm),
    executionNote: nullable(cells.executionNote),
    stage: detectStage(title, indicatorText),
    sourceRow,
    confidence: confidenceOf(pending, byContent, {
      title: title === '' ? 0 : 1,
      period: periodConfidence(period, periodWarnings.length),
      executors: executors.length === 0 ? 0 : 1,
      indicator: indicatorText === '' ? 0 : indicator.kind === 'text' ? 0.6 : 1,
    }),
  };
}

function periodConfidence(period: RoadmapPeriod, warningCount: number): number {
  if (period.text === '') return 0;
  if (period.start === null && !period.toBeScheduled) return 0.3;
  return warningCount > 0 ? 0.5 : 1;
}

/** What the cell says, lowered where the row was moved, a value inherited, or a column recognised by content. */
function confidenceOf(
  pending: PendingEvent,
  byContent: EventColumn[],
  base: RoadmapEventConfidence,
): RoadmapEventConfidence {
  const result = { ...base };
  for (const field of Object.keys(result) as (keyof RoadmapEventConfidence)[]) {
    let value = result[field];
    if (pending.shifted) value *= 0.7;
    if (byContent.includes(field)) value *= 0.8;
    if (pending.inherited?.includes(field as EventColumn)) value = Math.min(value, 0.5);
    result[field] = Math.round(value * 100) / 100;
  }
  return result;
}

function duplicateNumbers(events: RoadmapEvent[]): RoadmapWarning[] {
  const seen = new Map<string, string>();
  const warnings: RoadmapWarning[] = [];
  for (const event of events) {
    const first = seen.get(event.number);
    if (first !== undefined) {
      warnings.push({
        row: event.sourceRow,
        text: event.number,
        message: `Номер ${event.number} уже встречался (строка ${first})`,
      });
    } else seen.set(event.number, event.sourceRow);
  }
  return warnings;
}

function row(cells: EventCells): string {
  return EVENT_COLUMNS.map((column) => collapse(cells[column]))
    .filter(Boolean)
    .join(' | ');
}

function nullable(text: string): string | null {
  const value = collapse(text);
  return value === '' ? null : value;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
