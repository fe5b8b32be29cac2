import { Injectable, SetMetadata, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import multer, { MulterError, type StorageEngine } from 'multer';
import { catchError, concatMap, from, type Observable } from 'rxjs';
import {
  FileErrorCode,
  FileException,
  FilesService,
  fileTooLarge,
  type FilePolicy,
  type StagedBlob,
} from '@orientir/files';
import { validationFailed } from '../common/request.exception';

const UPLOAD_POLICY = 'orientir:upload-policy';

/** Which kinds and size the route's `file` field accepts (e.g. DOCUMENT_FILE_POLICY). */
export const UploadPolicy = (policy: FilePolicy): MethodDecorator => SetMetadata(UPLOAD_POLICY, policy);

/** What the handler receives with @UploadedFile(): the bytes staged (hashed, on disk), not yet accepted. */
export interface StagedUpload {
  originalName: string;
  staged: StagedBlob;
}

type StagedFile = Express.Multer.File & { staged?: StagedBlob };

/**
 * Streams the multipart field `file` into the file storage's staging (never into memory), within the
 * route's UploadPolicy, and drops the staged bytes after the handler unless it accepted them.
 */
@Injectable()
export class FileUploadInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly files: FilesService,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const policy = this.reflector.get<FilePolicy | undefined>(UPLOAD_POLICY, context.getHandler());
    if (!policy) throw new Error('FileUploadInterceptor needs @UploadPolicy(...) on the route');
    const http = context.switchToHttp();
    const request = http.getRequest<Request & { file?: StagedFile }>();
    await this.receive(request, http.getResponse<Response>(), policy);
    const staged = request.file?.staged;
    const upload: StagedUpload | undefined = staged
      ? { originalName: request.file?.originalname ?? '', staged }
      : undefined;
    (request as { file?: unknown }).file = upload;
    // After put() the staging copy is gone already; otherwise (refused, invalid fields, failed) it must
    // not linger. Dropped before the answer leaves, so a read right after sees a clean staging folder.
    const drop = async () => {
      if (staged) await this.files.discard(staged);
    };
    return next.handle().pipe(
      concatMap((value) => from(drop().then(() => value))),
      catchError((error: unknown) =>
        from(
          drop().then(() => {
            throw error;
          }),
        ),
      ),
    );
  }

  private receive(request: Request, response: Response, policy: FilePolicy): Promise<void> {
    const upload = multer({
      storage: this.engine(policy),
      limits: { fileSize: policy.maxBytes, files: 1, fields: 10, fieldSize: 4096 },
      defParamCharset: 'utf8',
    }).single('file');
    return new Promise((resolve, reject) => {
      upload(request, response, (error: unknown) => {
        if (!error) return resolve();
        if (error instanceof MulterError) {
          if (error.code === 'LIMIT_FILE_SIZE') return reject(fileTooLarge(policy.maxBytes));
          return reject(
            validationFailed('Файл передаётся в поле «file», один на запрос; прочие поля — короткие строки', [
              `${error.field ?? 'file'}: ${error.message}`,
            ]),
          );
        }
        reject(error);
      });
    });
  }

  private engine(policy: FilePolicy): StorageEngine {
    const files = this.files;
    return {
      _handleFile(_req, file, callback) {
        files.stage(file.stream, policy).then(
          (staged) => callback(null, { staged, size: staged.size } as Partial<StagedFile>),
          (error: unknown) => {
            // Our own limit said it first: multer's stream goes on, so let it answer the same way.
            if (error instanceof FileException && error.code === FileErrorCode.FILE_TOO_LARGE) file.stream.resume();
            callback(error as Error);
          },
        );
      },
      _removeFile(_req, file: StagedFile, callback) {
        if (!file.staged) return callback(null);
        files.discard(file.staged).then(() => callback(null), callback);
      },
    };
  }
}
