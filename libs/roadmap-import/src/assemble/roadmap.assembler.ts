// Puts a read document together into the canonical roadmap: title and year from the text above
// the table, events from the roadmap table(s), schools and curators from their tables and lists.

import {
  buildExecutorEntities,
  CanonicalRoadmap,
  RoadmapCurator,
  RoadmapEvent,
  RoadmapSchool,
  RoadmapWarning,
} from '@orientir/domain';
import { extractSchoolLists } from '../participants/school-list.extractor';
import { parseCuratorTable } from '../participants/curator-table.parser';
import { parseSchoolTable } from '../participants/school-table.parser';
import { RawDocument, RawTable } from '../readers/raw-table.model';
import { RoadmapImportErrorCode, RoadmapImportException } from '../roadmap-import.exception';
import { DEFAULT_TIMEZONE, RoadmapImportOptions } from '../roadmap-import.options';
import { LocatedHeader, locateHeader, TableKind } from '../table/table-kind.classifier';
import { resolveYear } from './cycle.resolver';
import { assembleEvents } from './event-table.assembler';
import { extractTitle } from './title.extractor';

interface ClassifiedTable {
  table: RawTable;
  header: LocatedHeader;
}

export function assembleRoadmap(
  document: RawDocument,
  fileName: string,
  options: RoadmapImportOptions,
): CanonicalRoadmap {
  const classified = classifyTables(document);
  const eventTables = classified.filter(({ header }) => header.kind === 'events');
  if (eventTables.length === 0)
    throw notARoadmap(
      fileName,
      classified.map(({ header }) => header.kind),
    );

  const preamble = document.preamble.length > 0 ? document.preamble : rowsAbove(eventTables[0]);
  const title = extractTitle(preamble, titleFromFileName(fileName));
  const { year, context } = resolveYear(title, preamble, options.year, options.now ?? new Date());
  const warnings: RoadmapWarning[] = document.notes.map((note) => ({ ...note }));
  const events: RoadmapEvent[] = [];
  const total = eventTables.reduce((sum, { table, header }) => sum + table.rows.length - header.rowIndex - 1, 0);
  let done = 0;
  const onRow = (): void => {
    done += 1;
    options.onProgress?.(done, total);
  };
  const trailingText: string[] = [];
  for (const { table, header } of eventTables) {
    const result = assembleEvents(table, header.rowIndex, context, onRow);
    events.push(...result.events);
    warnings.push(...result.warnings);
    trailingText.push(...result.trailingText);
  }
  if (events.length === 0) throw emptyTable(fileName, eventTables[0].table);

  const participants = collectParticipants(
    { ...document, preamble, trailer: [...trailingText, ...document.trailer] },
    classified,
  );
  return {
    title,
    year,
    timezone: options.timezone ?? DEFAULT_TIMEZONE,
    events,
    executorEntities: buildExecutorEntities(events.flatMap((event) => event.executors)),
    schools: participants.schools,
    curators: participants.curators,
    warnings: [...warnings, ...participants.schoolWarnings, ...participants.curatorWarnings],
  };
}

export function classifyTables(document: RawDocument): ClassifiedTable[] {
  return document.tables.flatMap((table) => {
    const header = locateHeader(table.rows);
    return header ? [{ table, header }] : [];
  });
}

export interface Participants {
  schools: RoadmapSchool[];
  curators: RoadmapCurator[];
  schoolWarnings: RoadmapWarning[];
  curatorWarnings: RoadmapWarning[];
}

export function collectParticipants(document: RawDocument, classified = classifyTables(document)): Participants {
  const schools: RoadmapSchool[] = [];
  const curators: RoadmapCurator[] = [];
  const schoolWarnings: RoadmapWarning[] = [];
  const curatorWarnings: RoadmapWarning[] = [];
  for (const { table, header } of classified) {
    if (header.kind === 'schools') {
      const result = parseSchoolTable(table, header.rowIndex);
      schools.push(...result.schools);
      schoolWarnings.push(...result.warnings);
    } else if (header.kind === 'curators') {
      const result = parseCuratorTable(table, header.rowIndex);
      curators.push(...result.curators);
      curatorWarnings.push(...result.warnings);
    }
  }
  for (const school of extractSchoolLists([...document.preamble, ...document.trailer])) {
    if (!schools.some((known) => known.name === school.name)) schools.push(school);
  }
  return { schools, curators, schoolWarnings, curatorWarnings };
}

/** In a sheet the heading sits in the rows above the header (often merged across the table). */
function rowsAbove({ table, header }: ClassifiedTable): string[] {
  return table.rows
    .slice(0, header.rowIndex)
    .map((row) =>
      row.cells
        .filter((cell) => cell.trim() !== '')
        .join(' ')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter((text) => text !== '');
}

function titleFromFileName(fileName: string): string {
  const base = fileName
    .replace(/^.*[\\/]/, '')
    .replace(/\.[^.]+$/, '')
    .trim();
  return base === '' || base === 'текст' ? 'Дорожная карта' : base;
}

const KIND_NAMES: Record<TableKind, string> = {
  events: 'мероприятия',
  schools: 'список школ',
  curators: 'список кураторов',
};

function notARoadmap(fileName: string, kinds: TableKind[]): RoadmapImportException {
  const found = kinds.length > 0 ? ` Найдено: ${[...new Set(kinds)].map((kind) => KIND_NAMES[kind]).join(', ')}.` : '';
  return new RoadmapImportException(
    RoadmapImportErrorCode.NOT_A_ROADMAP,
    `В файле «${fileName}» не найдена таблица дорожной карты.${found} ` +
      'Ожидается таблица с заголовками столбцов «№», «Мероприятие» (или «Событие»), «Сроки», «Исполнители», «Показатель».',
    { value: fileName },
  );
}

function emptyTable(fileName: string, table: RawTable): RoadmapImportException {
  const headerRow = table.rows[0]?.rowNumber;
  return new RoadmapImportException(
    RoadmapImportErrorCode.EMPTY_TABLE,
    `В файле «${fileName}» таблица дорожной карты пуста: под заголовком${headerRow ? ` (строка ${headerRow})` : ''} нет ни одного мероприятия.`,
    { row: headerRow, value: fileName },
  );
}
