import {
  BadRequestException,
  Injectable,
  PayloadTooLargeException,
  type CallHandler,
  type ExecutionContext,
} from '@nestjs/common';
import { FileFieldsInterceptor } from '@nestjs/platform-express';
import type { Observable } from 'rxjs';
import { DEFAULT_MAX_FILE_SIZE_BYTES, RoadmapImportErrorCode, RoadmapImportException } from '@orientir/roadmap-import';
import { validationFailed } from '../common/request.exception';

// One byte over the importer's own limit, so the importer's check is the one that normally answers.
const MultipartRoadmap = FileFieldsInterceptor(
  [
    { name: 'file', maxCount: 1 },
    { name: 'participants', maxCount: 1 },
  ],
  { limits: { fileSize: DEFAULT_MAX_FILE_SIZE_BYTES + 1, files: 2 } },
);

/** Multer stops an oversized upload before the importer sees it; it answers in the importer's words. */
@Injectable()
export class RoadmapUploadInterceptor extends MultipartRoadmap {
  override async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      return await super.intercept(context, next);
    } catch (error) {
      if (error instanceof BadRequestException) {
        // multer's own words ("Unexpected field - x", "Too many files"): name the field in Russian.
        throw validationFailed(
          'Файлы передаются в полях «file» (дорожная карта) и «participants» (школы и кураторы), по одному в каждом',
          [error.message],
        );
      }
      if (!(error instanceof PayloadTooLargeException)) throw error;
      const limitMb = Math.round(DEFAULT_MAX_FILE_SIZE_BYTES / (1024 * 1024));
      throw new RoadmapImportException(
        RoadmapImportErrorCode.FILE_TOO_LARGE,
        `Файл слишком большой: допустимо не более ${limitMb} МБ. Сохраните таблицу дорожной карты отдельным документом.`,
      );
    }
  }
}
