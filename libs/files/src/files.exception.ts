import { DomainException } from '@orientir/domain';

export enum FileErrorCode {
  FILE_TOO_LARGE = 'FILE_TOO_LARGE',
  UNSUPPORTED_FILE_TYPE = 'UNSUPPORTED_FILE_TYPE',
  EMPTY_UPLOAD = 'EMPTY_UPLOAD',
  FILE_NOT_FOUND = 'FILE_NOT_FOUND',
}

export class FileException extends DomainException<FileErrorCode> {}

export const fileNotFound = (id: string) => new FileException(FileErrorCode.FILE_NOT_FOUND, `Файл ${id} не найден`);

export function fileTooLarge(maxBytes: number): FileException {
  const mb = Math.round(maxBytes / (1024 * 1024));
  return new FileException(FileErrorCode.FILE_TOO_LARGE, `Файл слишком большой: допустимо не более ${mb} МБ`, [
    `file: больше ${mb} МБ`,
  ]);
}
