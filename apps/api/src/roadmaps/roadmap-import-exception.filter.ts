import { Catch, HttpStatus, PayloadTooLargeException, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { DEFAULT_MAX_FILE_SIZE_BYTES, RoadmapImportErrorCode, RoadmapImportException } from '@orientir/roadmap-import';

const STATUS: Record<RoadmapImportErrorCode, HttpStatus> = {
  [RoadmapImportErrorCode.UNSUPPORTED_FORMAT]: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  [RoadmapImportErrorCode.BINARY_FILE]: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  [RoadmapImportErrorCode.FILE_TOO_LARGE]: HttpStatus.PAYLOAD_TOO_LARGE,
  [RoadmapImportErrorCode.CORRUPTED_FILE]: HttpStatus.UNPROCESSABLE_ENTITY,
  [RoadmapImportErrorCode.EMPTY_FILE]: HttpStatus.UNPROCESSABLE_ENTITY,
  [RoadmapImportErrorCode.EMPTY_TABLE]: HttpStatus.UNPROCESSABLE_ENTITY,
  [RoadmapImportErrorCode.NOT_A_ROADMAP]: HttpStatus.UNPROCESSABLE_ENTITY,
  [RoadmapImportErrorCode.INVALID_CANONICAL]: HttpStatus.BAD_REQUEST,
};

/** The importer's Russian message goes to the coordinator as is, with the row/field it names. */
@Catch(RoadmapImportException)
export class RoadmapImportExceptionFilter implements ExceptionFilter {
  catch(exception: RoadmapImportException, host: ArgumentsHost): void {
    host
      .switchToHttp()
      .getResponse<Response>()
      .status(STATUS[exception.code] ?? HttpStatus.BAD_REQUEST)
      .json({ error: exception.code, message: exception.message, details: exception.details });
  }
}

/** Multer stops an oversized upload before the importer sees it; answer in the same words. */
@Catch(PayloadTooLargeException)
export class UploadTooLargeFilter implements ExceptionFilter {
  catch(_exception: PayloadTooLargeException, host: ArgumentsHost): void {
    const limitMb = Math.round(DEFAULT_MAX_FILE_SIZE_BYTES / (1024 * 1024));
    host
      .switchToHttp()
      .getResponse<Response>()
      .status(HttpStatus.PAYLOAD_TOO_LARGE)
      .json({
        error: RoadmapImportErrorCode.FILE_TOO_LARGE,
        message: `Файл слишком большой: допустимо не более ${limitMb} МБ. Сохраните таблицу дорожной карты отдельным документом.`,
        details: {},
      });
  }
}
