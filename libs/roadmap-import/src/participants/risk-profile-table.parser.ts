// Schools' risk profiles from a table: one row per school (its name or code), one column per risk
// direction of the cycle, a yes/no mark in each cell. The header is found like the roadmap's (a school
// column and at least one direction column among the first rows); every bad row or value is named by
// its row and column header, in Russian, and the row is left out.

import type { RawDocument, RawRow, RawTable } from '../readers/raw-table.model';
import { matchSchoolColumn, normalizeHeader } from '../table/header.matcher';
import { isNumberHeader } from '../table/row-number.util';
import { flatCell } from './participant-table.util';

export interface RiskDirectionColumn {
  id: string;
  title: string;
}

export interface ParsedRiskProfile {
  /** Where the row is in the file (line, or sheet!row). */
  row: string;
  /** The school's name as written, or '' when the row names it by code only. */
  schoolName: string;
  /** The school's code (ИНН, ФИС ФРДО…), when the table has such a column. */
  schoolCode: string | null;
  /** Ids of the directions marked «да» in the row, in the cycle's order. */
  flaggedDirections: string[];
}

export interface RiskProfileProblem {
  row: string;
  /** The column header as written in the file; null for the row or the table as a whole. */
  column: string | null;
  message: string;
}

export interface RiskProfileTableResult {
  profiles: ParsedRiskProfile[];
  problems: RiskProfileProblem[];
  /** Headers that are neither a school column nor a direction of the cycle (not imported). */
  ignoredColumns: string[];
  /** Directions of the cycle without a column (read as «нет» for every school). */
  missingDirections: string[];
}

/** How many rows from the top a header may sit (titles above it are common in sheets). */
const HEADER_SEARCH_ROWS = 10;
const YES = new Set(['да', 'д', '1', '+', 'yes', 'y', 'true', 'истина', 'есть', 'x', 'х', 'v', '✓', '✔', '√']);
const NO = new Set(['нет', 'н', '0', '-', '–', '—', 'no', 'n', 'false', 'ложь', '']);

/** A mark as the coordinator may write it: true (да/1/+), false (нет/0/−/empty), or null when unreadable. */
export function riskMark(text: string): boolean | null {
  const value = text.trim().toLowerCase().replace(/ё/g, 'е').replace(/\.$/, '');
  if (YES.has(value)) return true;
  if (NO.has(value)) return false;
  return null;
}

/** Word stems of a header or title (first five letters of words of three letters or more). */
function stems(text: string): string[] {
  return normalizeHeader(text)
    .split(/[^a-zа-я0-9]+/)
    .filter((w) => w.length >= 3)
    .map((w) => w.slice(0, 5));
}

/**
 * The direction a header names: its id, its title, or most of its title's words (a header may shorten
 * «Низкий уровень оснащения школы» to «Низкий уровень оснащения»). Null when no direction fits.
 */
export function matchDirection(header: string, directions: readonly RiskDirectionColumn[]): string | null {
  const text = normalizeHeader(header);
  if (!text) return null;
  const exact = directions.find((d) => d.id.toLowerCase() === text || normalizeHeader(d.title) === text);
  if (exact) return exact.id;
  const words = new Set(stems(header));
  if (words.size === 0) return null;
  let best: { id: string; score: number } | null = null;
  for (const d of directions) {
    const title = stems(d.title);
    if (title.length === 0) continue;
    const shared = title.filter((w) => words.has(w)).length;
    // Both ways: most of the title is in the header, and the header is mostly the title.
    const score = Math.min(shared / title.length, shared / words.size);
    if (score >= 0.6 && (!best || score > best.score)) best = { id: d.id, score };
  }
  return best?.id ?? null;
}

interface Header {
  index: number;
  name?: number;
  code?: number;
  directions: Map<number, string>;
  ignored: string[];
}

function readHeader(row: RawRow, index: number, directions: readonly RiskDirectionColumn[]): Header {
  const header: Header = { index, directions: new Map(), ignored: [] };
  row.cells.forEach((cell, i) => {
    if (!cell.trim()) return;
    const direction = matchDirection(cell, directions);
    if (direction && ![...header.directions.values()].includes(direction)) {
      header.directions.set(i, direction);
      return;
    }
    const column = matchSchoolColumn(cell);
    if ((column === 'schoolName' || column === 'shortName') && header.name === undefined) header.name = i;
    else if (column === 'officialCode' && header.code === undefined) header.code = i;
    else if (!isNumberHeader(cell)) header.ignored.push(cell.trim().replace(/\s+/g, ' '));
  });
  return header;
}

/** The header row of a risk-profile table: a school column (name or code) and at least one direction. */
export function findRiskProfileHeader(table: RawTable, directions: readonly RiskDirectionColumn[]): Header | null {
  for (const [index, row] of table.rows.slice(0, HEADER_SEARCH_ROWS).entries()) {
    const header = readHeader(row, index, directions);
    if ((header.name !== undefined || header.code !== undefined) && header.directions.size > 0) return header;
  }
  return null;
}

export function parseRiskProfileTable(
  table: RawTable,
  header: Header,
  directions: readonly RiskDirectionColumn[],
): RiskProfileTableResult {
  const headerRow = table.rows[header.index];
  const profiles: ParsedRiskProfile[] = [];
  const problems: RiskProfileProblem[] = [];
  const order = new Map(directions.map((d, i) => [d.id, i]));
  for (const row of table.rows.slice(header.index + 1)) {
    if (row.cells.every((cell) => cell.trim() === '')) continue;
    const where = `строка ${row.rowNumber}`;
    const schoolName = flatCell(row, header.name);
    const schoolCode = flatCell(row, header.code) || null;
    const rowProblems: RiskProfileProblem[] = [];
    const flagged: string[] = [];
    for (const [i, id] of header.directions) {
      const text = flatCell(row, i);
      const mark = riskMark(text);
      if (mark === null) {
        rowProblems.push({
          row: where,
          column: headerRow.cells[i].trim().replace(/\s+/g, ' '),
          message: `«${text}» — не отметка: напишите «да» или «нет» (также 1/0, +/−)`,
        });
      } else if (mark) flagged.push(id);
    }
    if (!schoolName && !schoolCode) {
      rowProblems.push({
        row: where,
        column: null,
        message: 'не указана школа: заполните наименование или код школы',
      });
    } else if (rowProblems.length === 0 && flagged.length === 0) {
      rowProblems.push({
        row: where,
        column: null,
        message: `у школы «${schoolName || schoolCode}» не отмечено ни одного направления рисков: отметьте хотя бы одно «да»`,
      });
    }
    if (rowProblems.length) {
      problems.push(...rowProblems);
      continue;
    }
    flagged.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
    profiles.push({ row: row.rowNumber, schoolName, schoolCode, flaggedDirections: flagged });
  }
  const present = new Set(header.directions.values());
  return {
    profiles,
    problems,
    ignoredColumns: header.ignored,
    missingDirections: directions.filter((d) => !present.has(d.id)).map((d) => d.title),
  };
}

/** The risk-profile tables of a document; a document without one is a problem of its own. */
export function collectRiskProfiles(
  document: RawDocument,
  directions: readonly RiskDirectionColumn[],
): RiskProfileTableResult {
  const result: RiskProfileTableResult = { profiles: [], problems: [], ignoredColumns: [], missingDirections: [] };
  let found = false;
  for (const table of document.tables) {
    const header = findRiskProfileHeader(table, directions);
    if (!header) continue;
    const part = parseRiskProfileTable(table, header, directions);
    result.profiles.push(...part.profiles);
    result.problems.push(...part.problems);
    result.ignoredColumns.push(...part.ignoredColumns);
    result.missingDirections = found
      ? result.missingDirections.filter((d) => part.missingDirections.includes(d))
      : part.missingDirections;
    found = true;
  }
  if (!found) {
    result.problems.push({
      row: 'заголовок',
      column: null,
      message:
        'не найдена таблица рисковых профилей: нужен столбец школы («Наименование ОО» или «Код») ' +
        'и столбцы направлений рисков цикла (например, «' +
        (directions[0]?.title ?? 'Дефицит педагогических кадров') +
        '»)',
    });
  }
  return result;
}
