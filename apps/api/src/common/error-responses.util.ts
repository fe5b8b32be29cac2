import { HttpStatus } from '@nestjs/common';
import { CalendarErrorCode } from '@orientir/domain';
import { FileErrorCode } from '@orientir/files';
import { RoadmapImportErrorCode } from '@orientir/roadmap-import';
import { AuthErrorCode } from '../auth/auth.exception';
import { CycleErrorCode } from '../cycles/cycle.exception';
import { EventErrorCode } from '../events/event.exception';
import { RoadmapErrorCode } from '../roadmaps/roadmap.exception';
import { DirectoryErrorCode } from '../directory/directory.exception';
import { RequestErrorCode } from './request.exception';
import { SchoolErrorCode } from '../schools/school.exception';

/** Every code the API can answer with; adding a code without a status below fails type-checking. */
export type ErrorCode =
  | AuthErrorCode
  | CycleErrorCode
  | EventErrorCode
  | RoadmapErrorCode
  | RoadmapImportErrorCode
  | RequestErrorCode
  | DirectoryErrorCode
  | SchoolErrorCode
  | FileErrorCode
  | CalendarErrorCode;

/** The one code → HTTP status table of the API (the OpenAPI responses are derived from it too). */
export const ERROR_STATUS: { readonly [C in ErrorCode]: HttpStatus } = {
  [AuthErrorCode.UNAUTHENTICATED]: HttpStatus.UNAUTHORIZED,
  [AuthErrorCode.INVALID_CREDENTIALS]: HttpStatus.UNAUTHORIZED,
  [AuthErrorCode.ROUTE_WITHOUT_RULE]: HttpStatus.FORBIDDEN,
  [AuthErrorCode.ROLE_NOT_ALLOWED]: HttpStatus.FORBIDDEN,
  [AuthErrorCode.OUT_OF_SCOPE]: HttpStatus.FORBIDDEN,
  [AuthErrorCode.CSRF_FAILED]: HttpStatus.FORBIDDEN,
  [AuthErrorCode.INVALID_RESET_TOKEN]: HttpStatus.BAD_REQUEST,
  [AuthErrorCode.USER_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [AuthErrorCode.WEAK_PASSWORD]: HttpStatus.BAD_REQUEST,
  [AuthErrorCode.INVALID_GRANT]: HttpStatus.BAD_REQUEST,
  [AuthErrorCode.EMAIL_TAKEN]: HttpStatus.CONFLICT,
  [AuthErrorCode.TOKEN_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [AuthErrorCode.LINK_OUT_OF_SCOPE]: HttpStatus.FORBIDDEN,
  [AuthErrorCode.INVALID_LINK]: HttpStatus.BAD_REQUEST,

  [CycleErrorCode.NOT_FOUND]: HttpStatus.NOT_FOUND,
  [EventErrorCode.NOT_FOUND]: HttpStatus.NOT_FOUND,
  [EventErrorCode.EVIDENCE_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [EventErrorCode.REJECTED]: HttpStatus.CONFLICT,
  [CycleErrorCode.SCHOOL_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [CycleErrorCode.LAUNCH_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [CycleErrorCode.INVALID_EVENT_PERIOD]: HttpStatus.BAD_REQUEST,
  [CycleErrorCode.DUPLICATE_ROW]: HttpStatus.BAD_REQUEST,
  [CycleErrorCode.STAGE_REJECTED]: HttpStatus.CONFLICT,
  [CycleErrorCode.WORKFLOW_UNAVAILABLE]: HttpStatus.SERVICE_UNAVAILABLE,

  [RoadmapErrorCode.NOT_FOUND]: HttpStatus.NOT_FOUND,
  [RoadmapErrorCode.NO_DATED_EVENTS]: HttpStatus.UNPROCESSABLE_ENTITY,

  [RoadmapImportErrorCode.UNSUPPORTED_FORMAT]: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  [RoadmapImportErrorCode.BINARY_FILE]: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  [RoadmapImportErrorCode.FILE_TOO_LARGE]: HttpStatus.PAYLOAD_TOO_LARGE,
  [RoadmapImportErrorCode.CORRUPTED_FILE]: HttpStatus.UNPROCESSABLE_ENTITY,
  [RoadmapImportErrorCode.EMPTY_FILE]: HttpStatus.UNPROCESSABLE_ENTITY,
  [RoadmapImportErrorCode.EMPTY_TABLE]: HttpStatus.UNPROCESSABLE_ENTITY,
  [RoadmapImportErrorCode.NOT_A_ROADMAP]: HttpStatus.UNPROCESSABLE_ENTITY,
  [RoadmapImportErrorCode.INVALID_CANONICAL]: HttpStatus.BAD_REQUEST,

  [CalendarErrorCode.INVALID_CALENDAR_FILE]: HttpStatus.UNPROCESSABLE_ENTITY,
  [CalendarErrorCode.INVALID_CALENDAR_DAY]: HttpStatus.BAD_REQUEST,

  [DirectoryErrorCode.ORGANISATION_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [DirectoryErrorCode.PERSON_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [DirectoryErrorCode.EVENT_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [DirectoryErrorCode.ALIAS_TAKEN]: HttpStatus.CONFLICT,
  [DirectoryErrorCode.ALIAS_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [DirectoryErrorCode.INVALID_IMPORT_ROWS]: HttpStatus.UNPROCESSABLE_ENTITY,
  [DirectoryErrorCode.PERSON_WITHOUT_EMAIL]: HttpStatus.UNPROCESSABLE_ENTITY,
  [DirectoryErrorCode.SCHOOL_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [DirectoryErrorCode.MUNICIPALITY_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [DirectoryErrorCode.DIRECTORY_VALUE_TAKEN]: HttpStatus.CONFLICT,
  [DirectoryErrorCode.CYCLE_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [DirectoryErrorCode.EXECUTOR_NOT_FOUND]: HttpStatus.UNPROCESSABLE_ENTITY,
  [DirectoryErrorCode.ASSIGNEE_UNREACHABLE]: HttpStatus.UNPROCESSABLE_ENTITY,

  // FileErrorCode.FILE_TOO_LARGE is the importer's FILE_TOO_LARGE (413) above: one code, one status.
  [FileErrorCode.UNSUPPORTED_FILE_TYPE]: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  [FileErrorCode.EMPTY_UPLOAD]: HttpStatus.UNPROCESSABLE_ENTITY,
  [FileErrorCode.FILE_NOT_FOUND]: HttpStatus.NOT_FOUND,

  [SchoolErrorCode.NOT_FOUND]: HttpStatus.NOT_FOUND,
  [SchoolErrorCode.ACTION_REJECTED]: HttpStatus.CONFLICT,
  [SchoolErrorCode.NOT_RUNNING]: HttpStatus.CONFLICT,
  [SchoolErrorCode.FILE_NOT_FOUND]: HttpStatus.UNPROCESSABLE_ENTITY,
  [SchoolErrorCode.PERSON_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [SchoolErrorCode.SETTINGS_LOCKED]: HttpStatus.CONFLICT,
  [SchoolErrorCode.WORKFLOW_UNAVAILABLE]: HttpStatus.SERVICE_UNAVAILABLE,

  [RequestErrorCode.VALIDATION_FAILED]: HttpStatus.BAD_REQUEST,
  [RequestErrorCode.MALFORMED_BODY]: HttpStatus.BAD_REQUEST,
  [RequestErrorCode.ROUTE_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [RequestErrorCode.METHOD_NOT_ALLOWED]: HttpStatus.METHOD_NOT_ALLOWED,
  [RequestErrorCode.PAYLOAD_TOO_LARGE]: HttpStatus.PAYLOAD_TOO_LARGE,
  [RequestErrorCode.UNSUPPORTED_MEDIA_TYPE]: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  [RequestErrorCode.TOO_MANY_REQUESTS]: HttpStatus.TOO_MANY_REQUESTS,
  [RequestErrorCode.SERVICE_UNAVAILABLE]: HttpStatus.SERVICE_UNAVAILABLE,
  [RequestErrorCode.INTERNAL_ERROR]: HttpStatus.INTERNAL_SERVER_ERROR,
};

/** Denials worth a trace in the audit log: someone (signed in or not) tried what they may not. */
export const AUDITED_DENIALS: ReadonlySet<ErrorCode> = new Set([
  AuthErrorCode.ROUTE_WITHOUT_RULE,
  AuthErrorCode.ROLE_NOT_ALLOWED,
  AuthErrorCode.OUT_OF_SCOPE,
  AuthErrorCode.CSRF_FAILED,
  AuthErrorCode.LINK_OUT_OF_SCOPE,
]);

export function statusOf(code: string): HttpStatus {
  return (ERROR_STATUS as Record<string, HttpStatus | undefined>)[code] ?? HttpStatus.INTERNAL_SERVER_ERROR;
}

/** The one JSON shape of every error the API answers. */
export interface ErrorBody {
  error: string;
  message: string;
  details: unknown;
}
