export * from './file-storage.port';
export * from './file-kinds';
export * from './files.exception';
export { detectContentType, type DetectedType } from './content-type.util';
export { LocalDiskFileStorage } from './local-disk.file-storage';
export { FilesService, cleanFileName, type FileUpload, type StoredFile } from './files.service';
export { FilesModule } from './files.module';
