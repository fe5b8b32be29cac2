// A table of participant schools (an appendix to the order, or a sheet of the workbook).

import { RoadmapSchool, RoadmapWarning, SchoolCategory } from '@orientir/domain';
import { RawTable } from '../readers/raw-table.model';
import { mapColumns, matchSchoolColumn } from '../table/header.matcher';
import { classifyHeader } from '../table/table-kind.classifier';
import { isNumberHeader } from '../table/row-number.util';
import { detectSchoolCategory } from './school-category.util';

export interface SchoolTableResult {
  schools: RoadmapSchool[];
  warnings: RoadmapWarning[];
}

export function parseSchoolTable(table: RawTable, headerIndex: number): SchoolTableResult {
  const header = table.rows[headerIndex];
  const { indexOf, unknown } = mapColumns(header.cells, matchSchoolColumn);
  const warnings: RoadmapWarning[] = unknown
    .filter(({ header: name }) => !isNumberHeader(name))
    .map(({ header: name }) => ({
      row: header.rowNumber,
      text: name,
      message: `Столбец «${name}» в списке школ не распознан и не импортирован`,
    }));
  // A sheet or a heading row may name the category for all its schools ("Зона риска").
  let groupCategory: SchoolCategory | null = detectSchoolCategory(table.name ?? '');
  const schools: RoadmapSchool[] = [];
  for (const row of table.rows.slice(headerIndex + 1)) {
    if (row.merged) {
      groupCategory = detectSchoolCategory(row.cells[0]) ?? groupCategory;
      continue;
    }
    if (classifyHeader(row.cells)?.kind === 'schools') continue;
    const cell = (index: number | undefined): string =>
      index === undefined ? '' : (row.cells[index] ?? '').replace(/\s+/g, ' ').trim();
    const name = cell(indexOf.schoolName);
    if (name === '') continue;
    const categoryText = cell(indexOf.category);
    let category = detectSchoolCategory(categoryText) ?? groupCategory;
    if (category === null) {
      category = 'shnor';
      warnings.push({
        row: row.rowNumber,
        text: categoryText || name,
        message: categoryText
          ? `Категория «${categoryText}» не распознана (ожидается ШНОР, зона риска или ШНСУ); принята «ШНОР»`
          : 'Категория школы не указана; принята «ШНОР»',
      });
    }
    const municipality = cell(indexOf.municipality);
    schools.push({
      name,
      category,
      municipality: municipality === '' ? null : municipality,
      emails: splitEmails(cell(indexOf.email)),
    });
  }
  return { schools, warnings };
}

export function splitEmails(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((part) => part.trim().replace(/^mailto:/i, ''))
    .filter((part) => /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(part));
}
