// Decides what a table holds by its header: roadmap events, control points, participant schools or
// curators, the mechanisms of the roadmap, or signatures and approvals. Orders often carry several
// (the roadmap, its control points, an appendix of schools, a table of signatures).

import {
  eventHeaderScore,
  mapColumns,
  matchCuratorColumn,
  matchEventColumn,
  matchSchoolColumn,
  normalizeHeader,
} from './header.matcher';

export type TableKind = 'events' | 'controlPoints' | 'schools' | 'curators' | 'mechanisms' | 'signatures';

export interface HeaderVerdict {
  kind: TableKind;
  score: number;
}

export function schoolHeaderScore(cells: string[]): number {
  const { indexOf } = mapColumns(cells, matchSchoolColumn);
  const roles = Object.keys(indexOf).length;
  return indexOf.schoolName !== undefined && roles >= 2 ? roles : 0;
}

export function curatorHeaderScore(cells: string[]): number {
  const { indexOf } = mapColumns(cells, matchCuratorColumn);
  const roles = Object.keys(indexOf).length;
  return indexOf.curatorName !== undefined && roles >= 2 ? roles : 0;
}

const CONTROL_POINT = /^контрольн\S* (точк|событи)/;
const MECHANISM = /^(механизм|инструмент\S* реализаци)/;
const APPROVAL = /^(согласовано|утверждаю|утверждено|утверждена|подпись|ф\.?и\.?о\.? подписавш)/;

/** «Контрольная точка» in place of the event: a table of milestones, read like events when alone. */
function controlPointScore(cells: string[]): number {
  const score = eventHeaderScore(cells);
  const { indexOf } = mapColumns(cells, matchEventColumn);
  const title = indexOf.title === undefined ? '' : normalizeHeader(cells[indexOf.title]);
  return score > 0 && CONTROL_POINT.test(title) ? score + 1 : 0;
}

function keywordScore(cells: string[], pattern: RegExp): number {
  return cells.some((cell) => pattern.test(normalizeHeader(cell))) ? 2 : 0;
}

/** The best reading of a row as a header, or null when it is no header at all. */
export function classifyHeader(cells: string[]): HeaderVerdict | null {
  const controlPoints = controlPointScore(cells);
  const verdicts: HeaderVerdict[] = [
    { kind: 'controlPoints', score: controlPoints },
    { kind: 'events', score: controlPoints > 0 ? 0 : eventHeaderScore(cells) },
    { kind: 'curators', score: curatorHeaderScore(cells) },
    { kind: 'schools', score: schoolHeaderScore(cells) },
    { kind: 'mechanisms', score: keywordScore(cells, MECHANISM) },
    {
      kind: 'signatures',
      score: cells.filter((cell) => cell.trim() !== '').length <= 4 ? keywordScore(cells, APPROVAL) : 0,
    },
  ];
  const best = verdicts.reduce((a, b) => (b.score > a.score ? b : a));
  return best.score > 0 ? best : null;
}

export interface LocatedHeader extends HeaderVerdict {
  rowIndex: number;
}

/** Headers sit in the first rows; a title, or in a sheet the whole order text, may come before them. */
export function locateHeader(rows: { cells: string[] }[], searchDepth = 40): LocatedHeader | null {
  for (let rowIndex = 0; rowIndex < Math.min(rows.length, searchDepth); rowIndex += 1) {
    const verdict = classifyHeader(rows[rowIndex].cells);
    if (verdict) return { ...verdict, rowIndex };
  }
  return null;
}
