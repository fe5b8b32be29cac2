// A table of participant schools (an appendix to the order, or a sheet of the workbook).

import { RoadmapSchool, RoadmapWarning, SchoolCategory } from '@orientir/domain';
import { RawTable } from '../readers/raw-table.model';
import { matchSchoolColumn } from '../table/header.matcher';
import { flatCell, readParticipantTable, splitEmails } from './participant-table.util';
import { detectSchoolCategory } from './school-category.util';

/** A school as a directory table describes it: the roadmap's fields and, where the table has them, the directory's. */
export interface ParsedSchool extends RoadmapSchool {
  shortName?: string;
  /** ИНН or the ФИС ФРДО / ФИОКО code. */
  officialCode?: string;
  director?: string;
  address?: string;
}

export interface SchoolTableResult {
  schools: ParsedSchool[];
  warnings: RoadmapWarning[];
}

/** The roadmap's view of a parsed school: the canonical model has no directory fields. */
export function roadmapSchool({ name, category, municipality, emails }: ParsedSchool): RoadmapSchool {
  return { name, category, municipality, emails };
}

export function parseSchoolTable(table: RawTable, headerIndex: number): SchoolTableResult {
  const { indexOf, warnings, rows } = readParticipantTable(table, headerIndex, matchSchoolColumn, {
    kind: 'schools',
    genitive: 'школ',
  });
  // A sheet or a heading row may name the category for all its schools ("Зона риска").
  let groupCategory: SchoolCategory | null = detectSchoolCategory(table.name ?? '');
  const schools: ParsedSchool[] = [];
  for (const row of rows) {
    if (row.merged) {
      groupCategory = detectSchoolCategory(row.cells[0]) ?? groupCategory;
      continue;
    }
    const cell = (index: number | undefined): string => flatCell(row, index);
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
    const details: Omit<ParsedSchool, keyof RoadmapSchool> = {};
    for (const field of ['shortName', 'officialCode', 'director', 'address'] as const) {
      const value = cell(indexOf[field]);
      if (value) details[field] = value;
    }
    schools.push({
      name,
      category,
      municipality: municipality === '' ? null : municipality,
      emails: splitEmails(cell(indexOf.email)),
      ...details,
    });
  }
  return { schools, warnings };
}
