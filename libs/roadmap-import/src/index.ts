// Public surface of the roadmap import library. Nothing else in src/ is imported from outside.
export { parseRoadmap, parseSchools, parseCurators, parsePeople, parseRiskProfiles } from './roadmap.importer';
export type {
  ParsedRiskProfile,
  RiskDirectionColumn,
  RiskProfileProblem,
  RiskProfileTableResult,
} from './participants/risk-profile-table.parser';
export type { ParsedSchool } from './participants/school-table.parser';
export type { ParsedPerson, PersonRowProblem, PeopleTableResult } from './participants/people-table.parser';
export type { RoadmapInput, RoadmapImportOptions } from './roadmap-import.options';
export { DEFAULT_MAX_FILE_SIZE_BYTES, DEFAULT_TIMEZONE } from './roadmap-import.options';
export { assertFileSize } from './readers/document.reader';
export { exportRoadmap, importCanonical, roadmapSchema } from './canonical/canonical-roadmap.codec';
export type { CanonicalFormat } from './canonical/canonical-roadmap.codec';
export { RoadmapImportErrorCode, RoadmapImportException, isRoadmapImportException } from './roadmap-import.exception';
export type { RoadmapImportErrorDetails } from './roadmap-import.exception';
export type { RawDocument, RawRow, RawTable } from './readers/raw-table.model';
export { readRawDocument } from './readers/raw-document.reader';
export { MAX_ARCHIVE_ENTRIES, MAX_UNPACKED_BYTES } from './readers/zip-archive.guard';
