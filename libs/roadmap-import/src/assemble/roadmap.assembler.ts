// Puts a read document together into the canonical roadmap: title and year from the text above
// the table, events from the roadmap table(s), schools and curators from their tables and lists.

import {
  buildExecutorEntities,
  CanonicalRoadmap,
  RoadmapCurator,
  RoadmapEvent,
  RoadmapWarning,
} from '@orientir/domain';
import { extractSchoolLists } from '../participants/school-list.extractor';
import { parseCuratorTable } from '../participants/curator-table.parser';
import { parseSchoolTable, roadmapSchool, type ParsedSchool } from '../participants/school-table.parser';
import { RawDocument, RawTable } from '../readers/raw-table.model';
import { RoadmapImportErrorCode, RoadmapImportException } from '../roadmap-import.exception';
import { DEFAULT_TIMEZONE, RoadmapImportOptions } from '../roadmap-import.options';
import { TableKind } from '../table/table-kind.classifier';
import { segmentTable, TableSegment } from '../table/table-segments.util';
import { resolveYear } from './cycle.resolver';
import { assembleEvents } from './event-table.assembler';
import { extractTitle } from './title.extractor';

export function assembleRoadmap(
  document: RawDocument,
  fileName: string,
  options: RoadmapImportOptions,
): CanonicalRoadmap {
  const segments = classifyTables(document);
  const { eventTables, setAside } = chooseEventTables(segments);
  if (eventTables.length === 0)
    throw notARoadmap(
      fileName,
      segments.map(({ kind }) => kind),
    );
  // In a sheet the heading sits in the rows above the first table (often merged across it).
  const preamble = document.preamble.length > 0 ? document.preamble : rowsAbove(segments[0]);
  const title = extractTitle(preamble, titleFromFileName(fileName));
  const { year, context } = resolveYear(title, preamble, options.year, options.now ?? new Date());
  const warnings: RoadmapWarning[] = document.notes.map((note) => ({ ...note }));
  warnings.push(...setAside);
  const events: RoadmapEvent[] = [];
  const total = eventTables.reduce((sum, { table }) => sum + table.rows.length - 1, 0);
  let done = 0;
  const onRow = (): void => {
    done += 1;
    options.onProgress?.(done, total);
  };
  const trailingText: string[] = [];
  for (const { table } of eventTables) {
    const result = assembleEvents(table, 0, context, onRow);
    events.push(...result.events);
    warnings.push(...result.warnings);
    trailingText.push(...result.trailingText);
  }
  if (events.length === 0) throw emptyTable(fileName, eventTables[0].table);
  const participants = collectParticipants(
    { ...document, preamble, trailer: [...trailingText, ...document.trailer] },
    segments,
  );
  return {
    title,
    year,
    timezone: options.timezone ?? DEFAULT_TIMEZONE,
    events,
    executorEntities: buildExecutorEntities(events.flatMap((event) => event.executors)),
    schools: participants.schools.map(roadmapSchool),
    curators: participants.curators,
    warnings: [...warnings, ...participants.schoolWarnings, ...participants.curatorWarnings],
  };
}

export function classifyTables(document: RawDocument): TableSegment[] {
  return document.tables.flatMap(segmentTable);
}

/**
 * The tables whose rows become events. Control points restate the plan-graph's events as
 * milestones: they are the roadmap only when the document has no table of events. Mechanisms and
 * signatures are never events. Whatever is set aside is named in a warning.
 */
function chooseEventTables(segments: TableSegment[]): { eventTables: TableSegment[]; setAside: RoadmapWarning[] } {
  const events = segments.filter(({ kind }) => kind === 'events');
  const eventTables = events.length > 0 ? events : segments.filter(({ kind }) => kind === 'controlPoints');
  const setAside = segments
    .filter((segment) => segment.kind !== 'schools' && segment.kind !== 'curators' && !eventTables.includes(segment))
    .map(({ table, kind }) => ({
      row: table.rows[0]?.rowNumber ?? '',
      text: table.rows[0]?.cells.join(' | ') ?? '',
      message: `Таблица «${KIND_NAMES[kind]}» (${table.rows.length - 1} строк) не импортирована как мероприятия: ${SET_ASIDE_REASONS[kind]}`,
    }));
  return { eventTables, setAside };
}

export interface Participants {
  schools: ParsedSchool[];
  curators: RoadmapCurator[];
  schoolWarnings: RoadmapWarning[];
  curatorWarnings: RoadmapWarning[];
}

export function collectParticipants(document: RawDocument, segments = classifyTables(document)): Participants {
  const schools: ParsedSchool[] = [];
  const curators: RoadmapCurator[] = [];
  const schoolWarnings: RoadmapWarning[] = [];
  const curatorWarnings: RoadmapWarning[] = [];
  for (const { table, kind } of segments) {
    if (kind === 'schools') {
      const result = parseSchoolTable(table, 0);
      schools.push(...result.schools);
      schoolWarnings.push(...result.warnings);
    } else if (kind === 'curators') {
      const result = parseCuratorTable(table, 0);
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
function rowsAbove({ above }: TableSegment): string[] {
  return above
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
  controlPoints: 'контрольные точки',
  schools: 'список школ',
  curators: 'список кураторов',
  mechanisms: 'механизмы реализации',
  signatures: 'подписи и согласования',
};

const SET_ASIDE_REASONS: Record<TableKind, string> = {
  events: 'в документе есть другая таблица мероприятий',
  controlPoints: 'контрольные точки повторяют мероприятия план-графика; при необходимости добавьте их вручную',
  schools: 'это список школ',
  curators: 'это список кураторов',
  mechanisms: 'механизмы реализации описывают способы работы, а не мероприятия со сроками',
  signatures: 'это подписи и согласования документа',
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
