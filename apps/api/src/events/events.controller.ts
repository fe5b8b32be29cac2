import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Patch,
  Post,
  Query,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import contentDisposition from 'content-disposition';
import type { Response } from 'express';
import { ROLES } from '@orientir/auth';
import { DOCUMENT_FILE_POLICY, FileErrorCode } from '@orientir/files';
import { Allow, CurrentActor } from '../auth/access.decorator';
import { LinkScoped } from '../auth/link-scope.util';
import type { Actor } from '../auth/principal.model';
import { AuthErrorCode } from '../auth/auth.exception';
import { ApiErrors } from '../common/api-errors.decorator';
import { uuidParam } from '../common/uuid-param.pipe';
import { CycleErrorCode } from '../cycles/cycle.exception';
import { StoredFileView, toStoredFileView } from '../files/dto/stored-file.view';
import { FileUploadInterceptor, UploadPolicy, type StagedUpload } from '../files/file-upload.interceptor';
import {
  CloseEventDto,
  CorrectEvidenceDto,
  EventListQueryDto,
  ReasonDto,
  RecordEvidenceDto,
  ReportQueryDto,
  ScheduleEventDto,
  VerdictDto,
} from './dto/event-input.dto';
import { EventDetailView, EventPageView, EventsSummaryView, EventStateView, MyEventView } from './dto/event.view';
import { EventErrorCode } from './event.exception';
import { EventsService } from './events.service';
import { ApiUploadBody } from '../common/api-upload-body.decorator';

const cycleUuid = uuidParam('цикла');
const eventUuid = uuidParam('мероприятия');
const evidenceUuid = uuidParam('записи');
const COORDINATORS = ['admin', 'regional_coordinator', 'municipal_coordinator'] as const;
const RECORDERS = [...COORDINATORS, 'executor', 'school_team'] as const;
const UPDATE_ERRORS = [
  EventErrorCode.NOT_FOUND,
  AuthErrorCode.OUT_OF_SCOPE,
  EventErrorCode.REJECTED,
  CycleErrorCode.WORKFLOW_UNAVAILABLE,
] as const;

@ApiTags('events')
@Controller()
export class EventsController {
  constructor(private readonly events: EventsService) {}

  /** The cycle's events in the caller's scope, filtered and paged, with progress per occurrence. */
  @Get('cycles/:id/events')
  @Allow(...ROLES)
  @ApiOkResponse({ type: EventPageView })
  @ApiErrors(CycleErrorCode.NOT_FOUND)
  list(
    @Param('id', cycleUuid) id: string,
    @Query() query: EventListQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<EventPageView> {
    return this.events.list(id, query, actor);
  }

  @Get('cycles/:id/events-summary')
  @Allow(...ROLES)
  @ApiOkResponse({ type: EventsSummaryView })
  @ApiErrors(CycleErrorCode.NOT_FOUND)
  summary(@Param('id', cycleUuid) id: string, @CurrentActor() actor: Actor): Promise<EventsSummaryView> {
    return this.events.summary(id, actor);
  }

  /** «Отчет о реализации дорожной карты» for the cycle and an optional period. */
  @Get('cycles/:id/report')
  @Allow(...ROLES)
  @ApiProduces(
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  )
  @ApiOkResponse({ description: 'The report file', schema: { type: 'string', format: 'binary' } })
  @ApiErrors(CycleErrorCode.NOT_FOUND)
  async report(
    @Param('id', cycleUuid) id: string,
    @Query() query: ReportQueryDto,
    @CurrentActor() actor: Actor,
    @Res() response: Response,
  ): Promise<void> {
    const { content, fileName, contentType } = await this.events.report(id, query, actor);
    response.status(200).set({
      'Content-Type': contentType,
      'Content-Length': String(content.length),
      'Content-Disposition': contentDisposition(fileName),
      'Cache-Control': 'private, no-store',
    });
    response.end(content);
  }

  /** «Мои мероприятия»: the events the caller is an executor of, soonest deadline first. */
  @Get('events/mine')
  @Allow(...ROLES)
  @ApiOkResponse({ type: [MyEventView] })
  mine(@CurrentActor() actor: Actor): Promise<MyEventView[]> {
    return this.events.mine(actor);
  }

  @Get('events/:id')
  @Allow(...ROLES)
  @LinkScoped({ event: 'id' })
  @ApiOkResponse({ type: EventDetailView })
  @ApiErrors(EventErrorCode.NOT_FOUND)
  detail(@Param('id', eventUuid) id: string, @CurrentActor() actor: Actor): Promise<EventDetailView> {
    return this.events.detail(id, actor);
  }

  /** A file for an evidence record (PDF, DOCX, XLSX, ODT); send its id in fileIds. */
  @Post('events/:id/files')
  @Allow(...RECORDERS)
  @LinkScoped({ event: 'id' })
  @ApiUploadBody({ file: `PDF, DOCX, XLSX or ODT, at most ${DOCUMENT_FILE_POLICY.maxBytes} bytes` })
  @ApiCreatedResponse({ type: StoredFileView })
  @ApiErrors(
    EventErrorCode.NOT_FOUND,
    AuthErrorCode.OUT_OF_SCOPE,
    FileErrorCode.FILE_TOO_LARGE,
    FileErrorCode.UNSUPPORTED_FILE_TYPE,
    FileErrorCode.EMPTY_UPLOAD,
  )
  @UploadPolicy(DOCUMENT_FILE_POLICY)
  @UseInterceptors(FileUploadInterceptor)
  async upload(
    @Param('id', eventUuid) id: string,
    @UploadedFile() file: StagedUpload | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<StoredFileView> {
    return toStoredFileView(await this.events.uploadFile(id, file, actor));
  }

  /** Evidence from an executor (or a coordinator for one); the event workflow validates it. */
  @Post('events/:id/evidence')
  @Allow(...RECORDERS)
  @LinkScoped({ event: 'id' })
  @ApiCreatedResponse({ type: EventStateView })
  @ApiErrors(...UPDATE_ERRORS)
  record(
    @Param('id', eventUuid) id: string,
    @Body() dto: RecordEvidenceDto,
    @CurrentActor() actor: Actor,
  ): Promise<EventStateView> {
    return this.events.record(id, dto, actor);
  }

  /** A coordinator corrects mistaken evidence; the old values stay in the audit log. */
  @Patch('events/:id/evidence/:evidenceId')
  @Allow(...COORDINATORS)
  @ApiOkResponse({ type: EventStateView })
  @ApiErrors(...UPDATE_ERRORS, EventErrorCode.EVIDENCE_NOT_FOUND)
  correct(
    @Param('id', eventUuid) id: string,
    @Param('evidenceId', evidenceUuid) evidenceId: string,
    @Body() dto: CorrectEvidenceDto,
    @CurrentActor() actor: Actor,
  ): Promise<EventStateView> {
    return this.events.correct(id, evidenceId, dto, actor);
  }

  /** A coordinator removes mistaken evidence (kept, marked removed, and in the audit log). */
  @Post('events/:id/evidence/:evidenceId/remove')
  @Allow(...COORDINATORS)
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: EventStateView })
  @ApiErrors(...UPDATE_ERRORS, EventErrorCode.EVIDENCE_NOT_FOUND)
  remove(
    @Param('id', eventUuid) id: string,
    @Param('evidenceId', evidenceUuid) evidenceId: string,
    @Body() dto: ReasonDto,
    @CurrentActor() actor: Actor,
  ): Promise<EventStateView> {
    return this.events.remove(id, evidenceId, dto, actor);
  }

  /** Move one occurrence's period, or date a «По графику» event (every window). */
  @Post('events/:id/schedule')
  @Allow(...COORDINATORS)
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: EventStateView })
  @ApiErrors(...UPDATE_ERRORS)
  schedule(
    @Param('id', eventUuid) id: string,
    @Body() dto: ScheduleEventDto,
    @CurrentActor() actor: Actor,
  ): Promise<EventStateView> {
    return this.events.schedule(id, dto, actor);
  }

  /** Close early or cancel, with a reason. */
  @Post('events/:id/close')
  @Allow(...COORDINATORS)
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: EventStateView })
  @ApiErrors(...UPDATE_ERRORS)
  close(
    @Param('id', eventUuid) id: string,
    @Body() dto: CloseEventDto,
    @CurrentActor() actor: Actor,
  ): Promise<EventStateView> {
    return this.events.close(id, dto, actor);
  }

  /** A text indicator: the coordinator marks an occurrence met or not met. */
  @Post('events/:id/verdict')
  @Allow(...COORDINATORS)
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: EventStateView })
  @ApiErrors(...UPDATE_ERRORS)
  judge(
    @Param('id', eventUuid) id: string,
    @Body() dto: VerdictDto,
    @CurrentActor() actor: Actor,
  ): Promise<EventStateView> {
    return this.events.judge(id, dto, actor);
  }
}
