import { Body, Controller, Get, Param, Post, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import contentDisposition from 'content-disposition';
import type { Response } from 'express';
import { ROLES } from '@orientir/auth';
import { DOCUMENT_FILE_POLICY, FILE_KINDS, FileErrorCode, FilesService } from '@orientir/files';
import { Allow, CurrentActor } from '../auth/access.decorator';
import type { Actor } from '../auth/principal.model';
import { AuthErrorCode } from '../auth/auth.exception';
import { ApiErrors } from '../common/api-errors.decorator';
import { uuidParam } from '../common/uuid-param.pipe';
import { CycleErrorCode } from '../cycles/cycle.exception';
import {
  PURPOSE,
  DownloadQueryDto,
  ListFilesQueryDto,
  StoredFileView,
  toStoredFileView,
  UploadFileDto,
} from './dto/stored-file.view';
import { FileAccessService } from './file-access.service';
import { FileUploadInterceptor, UploadPolicy, type StagedUpload } from './file-upload.interceptor';
import { SchoolFilesService } from './school-files.service';
import { ApiUploadBody } from '../common/api-upload-body.decorator';

const cycleUuid = uuidParam('цикла');
const schoolUuid = uuidParam('школы');
const fileUuid = uuidParam('файла');

@ApiTags('files')
@Controller()
export class FilesController {
  constructor(
    private readonly schoolFiles: SchoolFilesService,
    private readonly access: FileAccessService,
    private readonly files: FilesService,
  ) {}

  /** A school document (a version of it: every upload is kept). The type is checked from the bytes. */
  @Post('cycles/:cycleId/schools/:schoolId/files')
  @Allow('admin', 'municipal_coordinator', 'school_team')
  @ApiUploadBody({
    file: `PDF, DOCX, XLSX or ODT, at most ${DOCUMENT_FILE_POLICY.maxBytes} bytes`,
    fields: { purpose: { type: 'string', pattern: PURPOSE.source, maxLength: 100 } },
  })
  @ApiCreatedResponse({ type: StoredFileView })
  @ApiErrors(
    CycleErrorCode.NOT_FOUND,
    CycleErrorCode.SCHOOL_NOT_FOUND,
    AuthErrorCode.OUT_OF_SCOPE,
    FileErrorCode.FILE_TOO_LARGE,
    FileErrorCode.UNSUPPORTED_FILE_TYPE,
    FileErrorCode.EMPTY_UPLOAD,
  )
  @UploadPolicy(DOCUMENT_FILE_POLICY)
  @UseInterceptors(FileUploadInterceptor)
  async upload(
    @Param('cycleId', cycleUuid) cycleId: string,
    @Param('schoolId', schoolUuid) schoolId: string,
    @UploadedFile() file: StagedUpload | undefined,
    @Body() body: UploadFileDto,
    @CurrentActor() actor: Actor,
  ): Promise<StoredFileView> {
    return toStoredFileView(await this.schoolFiles.upload(cycleId, schoolId, file, body.purpose, actor));
  }

  /** Every upload of the school, oldest first (versions of a document in order). */
  @Get('cycles/:cycleId/schools/:schoolId/files')
  @Allow(...ROLES)
  @ApiOkResponse({ type: [StoredFileView] })
  @ApiErrors(CycleErrorCode.NOT_FOUND, CycleErrorCode.SCHOOL_NOT_FOUND)
  async list(
    @Param('cycleId', cycleUuid) cycleId: string,
    @Param('schoolId', schoolUuid) schoolId: string,
    @Query() query: ListFilesQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<StoredFileView[]> {
    return (await this.schoolFiles.list(cycleId, schoolId, query.purpose, actor)).map(toStoredFileView);
  }

  @Get('files/:id')
  @Allow(...ROLES)
  @ApiOkResponse({ type: StoredFileView })
  @ApiErrors(FileErrorCode.FILE_NOT_FOUND)
  async describe(@Param('id', fileUuid) id: string, @CurrentActor() actor: Actor): Promise<StoredFileView> {
    return toStoredFileView(await this.access.readable(id, actor));
  }

  /** The bytes, named in Content-Disposition (RFC 6266/5987: Russian names survive); checked against the owner's scope. */
  @Get('files/:id/content')
  @Allow(...ROLES)
  @ApiProduces(...Object.values(FILE_KINDS).map((k) => k.mime))
  @ApiOkResponse({ description: 'The file', schema: { type: 'string', format: 'binary' } })
  @ApiErrors(FileErrorCode.FILE_NOT_FOUND)
  async content(
    @Param('id', fileUuid) id: string,
    @Query() query: DownloadQueryDto,
    @CurrentActor() actor: Actor,
    @Res() response: Response,
  ): Promise<void> {
    const file = await this.access.readable(id, actor);
    const content = await this.files.content(file);
    response.status(200);
    response.set({
      'Content-Type': file.contentType,
      'Content-Length': String(file.size),
      'Content-Disposition': contentDisposition(file.originalName, { type: query.disposition ?? 'attachment' }),
      'Cache-Control': 'private, max-age=0, must-revalidate',
      ETag: `"${file.sha256}"`,
    });
    content.on('error', (error) => response.destroy(error));
    content.pipe(response);
  }
}
