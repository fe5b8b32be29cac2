// A table of curators: who they are, where they work, and which schools they are assigned to
// ("Закрепленные ОО": several schools in one cell, separated by ";" or line breaks).

import { RoadmapCurator, RoadmapWarning } from '@orientir/domain';
import { RawTable } from '../readers/raw-table.model';
import { matchCuratorColumn } from '../table/header.matcher';
import { flatCell, rawCell, readParticipantTable, splitEmails } from './participant-table.util';

export interface CuratorTableResult {
  curators: RoadmapCurator[];
  warnings: RoadmapWarning[];
}

export function parseCuratorTable(table: RawTable, headerIndex: number): CuratorTableResult {
  const { indexOf, warnings, rows } = readParticipantTable(table, headerIndex, matchCuratorColumn, {
    kind: 'curators',
    genitive: 'кураторов',
  });
  const curators: RoadmapCurator[] = [];
  for (const row of rows) {
    if (row.merged) continue;
    const name = flatCell(row, indexOf.curatorName);
    if (name === '') continue;
    const emailText = rawCell(row, indexOf.email);
    const emails = splitEmails(emailText);
    if (emailText !== '' && emails.length === 0) {
      warnings.push({
        row: row.rowNumber,
        text: emailText,
        message: `Адрес электронной почты куратора ${name} не распознан`,
      });
    }
    curators.push({
      name,
      position: flatCell(row, indexOf.position) || null,
      workplace: flatCell(row, indexOf.workplace) || null,
      email: emails[0] ?? null,
      schools: rawCell(row, indexOf.curatorSchools)
        .split(/[;\n]+/)
        .map((school) => school.replace(/\s+/g, ' ').trim())
        .filter((school) => school !== ''),
    });
  }
  return { curators, warnings };
}
