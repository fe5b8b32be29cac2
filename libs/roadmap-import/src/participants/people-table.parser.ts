// A table of people (ФИО, должность, e-mail, телефон, организация): the staff of schools and
// departments who receive reminders. Every bad cell is named by its row and its column header, in
// Russian; a row with a problem is left out, the others are offered for the directory.

import type { RawDocument, RawRow, RawTable } from '../readers/raw-table.model';
import { mapColumns, matchPersonColumn, type PersonColumn } from '../table/header.matcher';
import { flatCell } from './participant-table.util';

export interface ParsedPerson {
  /** Where the row is in the file (line, or sheet!row), as the coordinator would find it. */
  row: string;
  fullName: string;
  position: string | null;
  email: string | null;
  phone: string | null;
  organisation: string;
}

export interface PersonRowProblem {
  row: string;
  /** The column header as written in the file; null when the problem is the table itself. */
  column: string | null;
  message: string;
}

export interface PeopleTableResult {
  people: ParsedPerson[];
  problems: PersonRowProblem[];
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
/** How many rows from the top a header may sit (titles above it are common in sheets). */
const HEADER_SEARCH_ROWS = 10;

/** A phone: 5 to 15 digits, with the usual +, brackets, spaces and dashes, and an optional extension. */
export function phoneProblem(text: string): string | null {
  const [main] = text.split(/\s*(?:доб\.?|добавочный|ext\.?)\s*/i);
  if (/[^\d+()\-\s.]/.test(main)) return `«${text}» не похоже на номер телефона`;
  const digits = main.replace(/\D/g, '').length;
  return digits >= 5 && digits <= 15 ? null : `«${text}» не похоже на номер телефона (цифр: ${digits})`;
}

/** The header row of a people table: ФИО and at least one more known column. */
export function findPeopleHeader(table: RawTable): number | null {
  for (const [index, row] of table.rows.slice(0, HEADER_SEARCH_ROWS).entries()) {
    const { indexOf } = mapColumns(row.cells, matchPersonColumn);
    if (indexOf.fullName !== undefined && Object.keys(indexOf).length >= 2) return index;
  }
  return null;
}

export function parsePeopleTable(table: RawTable, headerIndex: number): PeopleTableResult {
  const header = table.rows[headerIndex];
  const { indexOf } = mapColumns(header.cells, matchPersonColumn);
  const title = (column: PersonColumn): string => header.cells[indexOf[column] ?? -1]?.trim() || COLUMN_TITLES[column];
  const people: ParsedPerson[] = [];
  const problems: PersonRowProblem[] = [];
  if (indexOf.organisation === undefined) {
    problems.push({
      row: `строка ${header.rowNumber}`,
      column: null,
      message: 'в таблице нет столбца «Организация»: без него человека не к кому отнести',
    });
    return { people, problems };
  }
  for (const row of table.rows.slice(headerIndex + 1)) {
    if (isBlank(row)) continue;
    const cell = (column: PersonColumn) => flatCell(row, indexOf[column]);
    const where = `строка ${row.rowNumber}`;
    const rowProblems: PersonRowProblem[] = [];
    const problem = (column: PersonColumn, message: string) =>
      rowProblems.push({ row: where, column: title(column), message });
    const fullName = cell('fullName');
    if (!fullName) problem('fullName', 'не заполнено');
    else if (fullName.length > 300) problem('fullName', 'длиннее 300 символов');
    const organisation = cell('organisation');
    if (!organisation) problem('organisation', 'не заполнено: укажите организацию, где работает человек');
    else if (organisation.length > 500) problem('organisation', 'длиннее 500 символов');
    const email = cell('email')
      .replace(/^mailto:/i, '')
      .toLowerCase();
    if (email && !EMAIL.test(email)) problem('email', `«${email}» не адрес электронной почты`);
    const phone = cell('phone');
    const badPhone = phone ? phoneProblem(phone) : null;
    if (badPhone) problem('phone', badPhone);
    const position = cell('position');
    if (position.length > 300) problem('position', 'длиннее 300 символов');
    if (rowProblems.length) {
      problems.push(...rowProblems);
      continue;
    }
    people.push({
      row: row.rowNumber,
      fullName,
      position: position || null,
      email: email || null,
      phone: phone || null,
      organisation,
    });
  }
  return { people, problems };
}

/** Every people table of the document; a document without one is a problem of its own. */
export function collectPeople(document: RawDocument): PeopleTableResult {
  const people: ParsedPerson[] = [];
  const problems: PersonRowProblem[] = [];
  let found = false;
  for (const table of document.tables) {
    const headerIndex = findPeopleHeader(table);
    if (headerIndex === null) continue;
    found = true;
    const result = parsePeopleTable(table, headerIndex);
    people.push(...result.people);
    problems.push(...result.problems);
  }
  if (!found) {
    problems.push({
      row: 'заголовок',
      column: null,
      message: 'не найдена таблица людей: нужны столбцы «ФИО» и «Организация» (также «Должность», «E-mail», «Телефон»)',
    });
  }
  return { people, problems };
}

const COLUMN_TITLES: Record<PersonColumn, string> = {
  fullName: 'ФИО',
  position: 'Должность',
  email: 'E-mail',
  phone: 'Телефон',
  organisation: 'Организация',
};

function isBlank(row: RawRow): boolean {
  return row.cells.every((cell) => cell.trim() === '');
}
