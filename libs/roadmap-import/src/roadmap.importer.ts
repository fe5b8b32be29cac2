// The library's entry points: read what the coordinator has and understand it.

import { CanonicalRoadmap, RoadmapCurator, RoadmapWarning } from '@orientir/domain';
import { assembleRoadmap, collectParticipants } from './assemble/roadmap.assembler';
import { readInput } from './readers/document.reader';
import { collectPeople, type PeopleTableResult } from './participants/people-table.parser';
import type { ParsedSchool } from './participants/school-table.parser';
import {
  collectRiskProfiles,
  type RiskDirectionColumn,
  type RiskProfileTableResult,
} from './participants/risk-profile-table.parser';
import { RoadmapInput, RoadmapImportOptions } from './roadmap-import.options';

export async function parseRoadmap(input: RoadmapInput, options: RoadmapImportOptions = {}): Promise<CanonicalRoadmap> {
  const read = await readInput(input, options.maxFileSizeBytes);
  if (read.kind === 'canonical') {
    const roadmap = read.roadmap;
    return {
      ...roadmap,
      year: options.year ?? roadmap.year,
      timezone: options.timezone ?? roadmap.timezone,
    };
  }
  return assembleRoadmap(read.document, read.fileName, options);
}

export async function parseSchools(
  input: RoadmapInput,
  options: Pick<RoadmapImportOptions, 'maxFileSizeBytes'> = {},
): Promise<{ schools: ParsedSchool[]; warnings: RoadmapWarning[] }> {
  const read = await readInput(input, options.maxFileSizeBytes);
  if (read.kind === 'canonical') return { schools: read.roadmap.schools, warnings: [] };
  const { schools, schoolWarnings } = collectParticipants(read.document);
  return { schools, warnings: schoolWarnings };
}

export async function parseCurators(
  input: RoadmapInput,
  options: Pick<RoadmapImportOptions, 'maxFileSizeBytes'> = {},
): Promise<{ curators: RoadmapCurator[]; warnings: RoadmapWarning[] }> {
  const read = await readInput(input, options.maxFileSizeBytes);
  if (read.kind === 'canonical') return { curators: read.roadmap.curators, warnings: [] };
  const { curators, curatorWarnings } = collectParticipants(read.document);
  return { curators, warnings: curatorWarnings };
}

/** People with their organisations from an XLSX or CSV table; every bad cell named by row and column. */
export async function parsePeople(
  input: RoadmapInput,
  options: Pick<RoadmapImportOptions, 'maxFileSizeBytes'> = {},
): Promise<PeopleTableResult> {
  const read = await readInput(input, options.maxFileSizeBytes);
  if (read.kind === 'canonical') {
    return {
      people: [],
      problems: [{ row: 'файл', column: null, message: 'это дорожная карта, а не таблица людей' }],
    };
  }
  return collectPeople(read.document);
}

/** Schools' risk profiles (a row per school, a yes/no column per direction) from an XLSX or CSV table. */
export async function parseRiskProfiles(
  input: RoadmapInput,
  directions: readonly RiskDirectionColumn[],
  options: Pick<RoadmapImportOptions, 'maxFileSizeBytes'> = {},
): Promise<RiskProfileTableResult> {
  const read = await readInput(input, options.maxFileSizeBytes);
  if (read.kind === 'canonical') {
    return {
      profiles: [],
      problems: [{ row: 'файл', column: null, message: 'это дорожная карта, а не таблица рисковых профилей' }],
      ignoredColumns: [],
      missingDirections: [],
    };
  }
  return collectRiskProfiles(read.document, directions);
}
