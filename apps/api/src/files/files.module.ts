import { Module } from '@nestjs/common';
import { FileAccessService } from './file-access.service';
import { FileUploadInterceptor } from './file-upload.interceptor';
import { FilesController } from './files.controller';
import { SchoolFilesService } from './school-files.service';

/**
 * Uploads and downloads over HTTP. Another owner kind (e.g. event evidence) imports this module,
 * registers its read check with FileAccessService, and uses FileUploadInterceptor + @UploadPolicy.
 */
@Module({
  controllers: [FilesController],
  providers: [FileAccessService, SchoolFilesService, FileUploadInterceptor],
  exports: [FileAccessService, FileUploadInterceptor],
})
export class FilesHttpModule {}
