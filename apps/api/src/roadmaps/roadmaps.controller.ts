import {
  Body,
  Controller,
  Get,
  Header,
  Param,
  Post,
  Query,
  UploadedFiles,
  UseFilters,
  UseInterceptors,
} from '@nestjs/common';
import { FileFieldsInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DEFAULT_MAX_FILE_SIZE_BYTES } from '@orientir/roadmap-import';
import {
  ConfirmQueryDto,
  CycleFromRoadmapView,
  CycleFromRoadmapDto,
  ExportQueryDto,
  ImportOptionsDto,
  RoadmapPreview,
  RoadmapSummary,
  StoredRoadmap,
} from './dto';
import { Allow, CurrentActor } from '../auth/access.decorator';
import type { Actor } from '../auth/principal';
import { UploadTooLargeFilter } from './roadmap-import-exception.filter';
import { RoadmapsService, type UploadedDocuments } from './roadmaps.service';
import { uuidParam } from '../common/uuid-param.pipe';
import { canonicalRoadmapRef } from '../openapi/openapi-document.util';

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
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      properties: {
        file: { type: 'string', format: 'binary' },
        participants: { type: 'string', format: 'binary', description: 'Optional XLSX/CSV with schools and curators' },
        year: { type: 'integer' },
        timezone: { type: 'string' },
      },
    },
  })
  @ApiCreatedResponse({ type: RoadmapPreview })
  // One byte over the importer's own limit, so its Russian FILE_TOO_LARGE message answers.
  @UseFilters(UploadTooLargeFilter)
  @UseInterceptors(
    FileFieldsInterceptor(
      [
        { name: 'file', maxCount: 1 },
        { name: 'participants', maxCount: 1 },
      ],
      { limits: { fileSize: DEFAULT_MAX_FILE_SIZE_BYTES + 1, files: 2 } },
    ),
  )
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
  confirm(@Body() body: Record<string, unknown>, @Query() query: ConfirmQueryDto): Promise<StoredRoadmap> {
    return this.roadmaps.confirm(body, query.fileName);
  }

  @Get()
  @Allow(...READERS)
  @ApiOkResponse({ type: [RoadmapSummary] })
  list(): Promise<RoadmapSummary[]> {
    return this.roadmaps.list();
  }

  @Get(':id')
  @Allow(...READERS)
  @ApiOkResponse({ type: StoredRoadmap })
  get(@Param('id', uuid) id: string): Promise<StoredRoadmap> {
    return this.roadmaps.get(id);
  }

  @Get(':id/export')
  @Allow(...READERS)
  @Header('Content-Disposition', 'attachment')
  export(@Param('id', uuid) id: string, @Query() query: ExportQueryDto): Promise<string> {
    return this.roadmaps.export(id, query.format ?? 'json');
  }

  @Post(':id/cycles')
  @Allow(...MANAGERS)
  @ApiCreatedResponse({ type: CycleFromRoadmapView })
  createCycle(
    @Param('id', uuid) id: string,
    @Body() dto: CycleFromRoadmapDto,
    @CurrentActor() actor: Actor,
  ): Promise<CycleFromRoadmapView> {
    return this.roadmaps.createCycle(id, dto, actor);
  }
}
