// A table of curators: who they are, where they work, and which schools they are assigned to
// ("Закрепленные ОО": several schools in one cell, separated by ";" or line breaks).

import { RoadmapCurator, RoadmapWarning } from '@orientir/domain';
import { RawTable } from '../readers/raw-table.model';
import { mapColumns, matchCuratorColumn } from '../table/header.matcher';
import { classifyHeader } from '../table/table-kind.classifier';
import { isNumberHeader } from '../table/row-number.util';
import { splitEmails } from './school-table.parser';

export interface CuratorTableResult {
  curators: RoadmapCurator[];
  warnings: RoadmapWarning[];
}

export function parseCuratorTable(table: RawTable, headerIndex: number): CuratorTableResult {
  const header = table.rows[headerIndex];
  const { indexOf, unknown } = mapColumns(header.cells, matchCuratorColumn);
  const warnings: RoadmapWarning[] = unknown
    .filter(({ header: name }) => !isNumberHeader(name))
    .map(({ header: name }) => ({
      row: header.rowNumber,
      text: name,
      message: `Столбец «${name}» в списке кураторов не распознан и не импортирован`,
    }));
  const curators: RoadmapCurator[] = [];
  for (const row of table.rows.slice(headerIndex + 1)) {
    if (row.merged || classifyHeader(row.cells)?.kind === 'curators') continue;
    const raw = (index: number | undefined): string => (index === undefined ? '' : (row.cells[index] ?? '').trim());
    const flat = (index: number | undefined): string => raw(index).replace(/\s+/g, ' ');
    const name = flat(indexOf.curatorName);
    if (name === '') continue;
    const emails = splitEmails(raw(indexOf.email));
    if (raw(indexOf.email) !== '' && emails.length === 0) {
      warnings.push({
        row: row.rowNumber,
        text: raw(indexOf.email),
        message: `Адрес электронной почты куратора ${name} не распознан`,
      });
    }
    curators.push({
      name,
      position: flat(indexOf.position) || null,
      workplace: flat(indexOf.workplace) || null,
      email: emails[0] ?? null,
      schools: raw(indexOf.curatorSchools)
        .split(/[;\n]+/)
        .map((school) => school.replace(/\s+/g, ' ').trim())
        .filter((school) => school !== ''),
    });
  }
  return { curators, warnings };
}
