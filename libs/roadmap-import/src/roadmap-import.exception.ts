// The one exception the import library throws. The code is stable (the HTTP edge maps it to a status);
// the message is Russian and is shown to the coordinator as is.
import { DomainException } from '@orientir/domain';

export enum RoadmapImportErrorCode {
  UNSUPPORTED_FORMAT = 'UNSUPPORTED_FORMAT',
  CORRUPTED_FILE = 'CORRUPTED_FILE',
  FILE_TOO_LARGE = 'FILE_TOO_LARGE',
  EMPTY_FILE = 'EMPTY_FILE',
  EMPTY_TABLE = 'EMPTY_TABLE',
  NOT_A_ROADMAP = 'NOT_A_ROADMAP',
  BINARY_FILE = 'BINARY_FILE',
  INVALID_CANONICAL = 'INVALID_CANONICAL',
}

/** Where in the document the problem is, when it can be named. */
export interface RoadmapImportErrorDetails {
  row?: string;
  field?: string;
  value?: string;
}

export class RoadmapImportException extends DomainException<RoadmapImportErrorCode, RoadmapImportErrorDetails> {
  constructor(
    code: RoadmapImportErrorCode,
    message: string,
    details: RoadmapImportErrorDetails = {},
    options?: { cause?: unknown },
  ) {
    super(code, message, details, options);
  }
}

export function isRoadmapImportException(error: unknown): error is RoadmapImportException {
  return error instanceof RoadmapImportException;
}
