import { Body, Controller, Get, Header, Param, Post, Query, UploadedFiles, UseInterceptors } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  ConfirmQueryDto,
  CycleFromRoadmapView,
  CycleFromRoadmapDto,
  ExportQueryDto,
  ImportOptionsDto,
  LaunchPreviewQueryDto,
  LaunchPreviewView,
  RoadmapPreview,
  RoadmapSummary,
  StoredRoadmap,
} from './dto';
import { Allow, CurrentActor } from '../auth/access.decorator';
import type { Actor } from '../auth/principal.model';
import { RoadmapUploadInterceptor } from './roadmap-upload.interceptor';
import { RoadmapsService, type UploadedDocuments } from './roadmaps.service';
import { uuidParam } from '../common/uuid-param.pipe';
import { canonicalRoadmapRef } from '../common/openapi-document.util';
import { RoadmapImportErrorCode } from '@orientir/roadmap-import';
import { ApiErrors } from '../common/api-errors.decorator';
import { AuthErrorCode } from '../auth/auth.exception';
import { CycleErrorCode } from '../cycles/cycle.exception';
import { RoadmapErrorCode } from './roadmap.exception';
import { ApiUploadBody } from '../common/api-upload-body.decorator';

const uuid = uuidParam('дорожной карты');

// Roadmaps are the approved public documents of a department; creating a cycle from one goes
// through the cycle service, which checks the caller's municipality.
const MANAGERS = ['admin', 'regional_coordinator', 'municipal_coordinator'] as const;
const READERS = [...MANAGERS, 'supervisor'] as const;

@ApiTags('roadmaps')
@Controller('roadmaps')
export class RoadmapsController {
  constructor(private readonly roadmaps: RoadmapsService) {}

  @Post('import')
  @Allow(...MANAGERS)
  @ApiUploadBody({
    required: false,
    fields: {
      participants: { type: 'string', format: 'binary', description: 'Optional XLSX/CSV with schools and curators' },
      year: { type: 'integer' },
      timezone: { type: 'string' },
    },
  })
  @ApiCreatedResponse({ type: RoadmapPreview })
  @ApiErrors(...Object.values(RoadmapImportErrorCode))
  @UseInterceptors(RoadmapUploadInterceptor)
  preview(
    @UploadedFiles() files: UploadedDocuments | undefined,
    @Body() options: ImportOptionsDto,
  ): Promise<RoadmapPreview> {
    return this.roadmaps.preview(files?.file?.[0], files?.participants?.[0], options);
  }

  @Post()
  @Allow(...MANAGERS)
  @ApiBody({ description: 'The canonical roadmap from the preview, edited if needed', schema: canonicalRoadmapRef })
  @ApiCreatedResponse({ type: StoredRoadmap })
  @ApiErrors(RoadmapImportErrorCode.INVALID_CANONICAL, AuthErrorCode.OUT_OF_SCOPE)
  confirm(
    @Body() body: Record<string, unknown>,
    @Query() query: ConfirmQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<StoredRoadmap> {
    return this.roadmaps.confirm(body, query, actor);
  }

  @Get()
  @Allow(...READERS)
  @ApiOkResponse({ type: [RoadmapSummary] })
  list(@CurrentActor() actor: Actor): Promise<RoadmapSummary[]> {
    return this.roadmaps.list(actor);
  }

  @Get(':id')
  @Allow(...READERS)
  @ApiOkResponse({ type: StoredRoadmap })
  @ApiErrors(RoadmapErrorCode.NOT_FOUND)
  get(@Param('id', uuid) id: string, @CurrentActor() actor: Actor): Promise<StoredRoadmap> {
    return this.roadmaps.get(id, actor);
  }

  @Get(':id/launch-preview')
  @Allow(...READERS)
  @ApiOkResponse({ type: LaunchPreviewView })
  @ApiErrors(RoadmapErrorCode.NOT_FOUND)
  launchPreview(
    @Param('id', uuid) id: string,
    @Query() query: LaunchPreviewQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<LaunchPreviewView> {
    return this.roadmaps.launchPreview(id, query.timezone, actor);
  }

  @Get(':id/export')
  @Allow(...READERS)
  @Header('Content-Disposition', 'attachment')
  @ApiOkResponse({ description: 'The canonical roadmap as a JSON or YAML file', schema: { type: 'string' } })
  @ApiErrors(RoadmapErrorCode.NOT_FOUND)
  export(@Param('id', uuid) id: string, @Query() query: ExportQueryDto, @CurrentActor() actor: Actor): Promise<string> {
    return this.roadmaps.export(id, query.format ?? 'json', actor);
  }

  @Post(':id/cycles')
  @Allow(...MANAGERS)
  @ApiCreatedResponse({ type: CycleFromRoadmapView })
  @ApiErrors(
    RoadmapErrorCode.NOT_FOUND,
    RoadmapErrorCode.NO_DATED_EVENTS,
    CycleErrorCode.DUPLICATE_ROW,
    CycleErrorCode.INVALID_EVENT_PERIOD,
    AuthErrorCode.OUT_OF_SCOPE,
    CycleErrorCode.WORKFLOW_UNAVAILABLE,
  )
  createCycle(
    @Param('id', uuid) id: string,
    @Body() dto: CycleFromRoadmapDto,
    @CurrentActor() actor: Actor,
  ): Promise<CycleFromRoadmapView> {
    return this.roadmaps.createCycle(id, dto, actor);
  }
}
