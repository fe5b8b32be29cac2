// Decides what a table holds by its header: roadmap events, participant schools or curators.
// Orders often carry all three (the roadmap, an appendix of schools, an appendix of curators).

import { eventHeaderScore, mapColumns, matchCuratorColumn, matchSchoolColumn } from './header.matcher';

export type TableKind = 'events' | 'schools' | 'curators';

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

/** The best reading of a row as a header, or null when it is no header at all. */
export function classifyHeader(cells: string[]): HeaderVerdict | null {
  const verdicts: HeaderVerdict[] = [
    { kind: 'events', score: eventHeaderScore(cells) },
    { kind: 'curators', score: curatorHeaderScore(cells) },
    { kind: 'schools', score: schoolHeaderScore(cells) },
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
