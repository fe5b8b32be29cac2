import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Put,
  UploadedFiles,
  UseInterceptors,
} from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { RoadmapImportErrorCode } from '@orientir/roadmap-import';
import { ROLES } from '@orientir/auth';
import type { SchoolYearState } from '@orientir/contracts';
import { Allow, CurrentActor } from '../auth/access.decorator';
import type { Actor } from '../auth/principal.model';
import { ApiErrors } from '../common/api-errors.decorator';
import { uuidParam } from '../common/uuid-param.pipe';
import {
  AssignExpertDto,
  ChangeCuratorDto,
  CheckpointDto,
  DecideReportDto,
  ExtendDeadlineDto,
  ReviewCheckpointDto,
  ReviewDocumentDto,
  RiskProfileDto,
  SelfDiagnosisDto,
  SubmitDocumentsDto,
  SubmitReportDto,
  WithdrawSchoolDto,
} from './dto/school-action.dto';
import { SchoolYearSettingsDto, SchoolYearSettingsView } from './dto/school-year-settings.dto';
import { SchoolTimelineView, SchoolYearStateView, SchoolYearView } from './dto/school-year.view';
import { SchoolYearService } from './school-year.service';
import { SchoolHistoryService } from './school-history.service';
import { SchoolHistoryView } from './dto/school-history.view';
import { SchoolErrorCode } from './school.exception';
import { AuthErrorCode } from '../auth/auth.exception';
import { LinkScoped } from '../auth/link-scope.util';
import { RequestErrorCode } from '../common/request.exception';
import { RoadmapUploadInterceptor } from '../roadmaps/roadmap-upload.interceptor';
import type { UploadedDocuments } from '../roadmaps/roadmaps.service';
import {
  ConfirmRiskProfileImportDto,
  RiskProfileImportPreview,
  RiskProfileImportResult,
} from './dto/risk-profile-import.dto';
import { RiskProfileImportService } from './risk-profile-import.service';
import { ApiUploadBody } from '../common/api-upload-body.decorator';

const schoolUuid = uuidParam('школы');
const cycleUuid = uuidParam('цикла');

/** Every action answers 409 with the workflow's Russian reason when it is refused; nothing changes then. */
const ACTION_ERRORS = [
  SchoolErrorCode.NOT_FOUND,
  SchoolErrorCode.ACTION_REJECTED,
  SchoolErrorCode.NOT_RUNNING,
  SchoolErrorCode.WORKFLOW_UNAVAILABLE,
] as const;
const KEY_PARAM = {
  name: 'key',
  description: 'development_concept, medium_term_programme or anti_risk_programme:<directionId>',
};
const COORDINATORS = ['admin', 'regional_coordinator', 'municipal_coordinator'] as const;

@ApiTags('schools')
@Controller('schools')
export class SchoolsController {
  constructor(
    private readonly schools: SchoolYearService,
    private readonly schoolHistory: SchoolHistoryService,
  ) {}

  @Get(':id')
  @LinkScoped({ school: 'id' })
  @Allow(...ROLES)
  @ApiOperation({ summary: "The school's year: stage, due date, documents, rounds, checkpoints, report (read model)" })
  @ApiOkResponse({ type: SchoolYearView })
  @ApiErrors(SchoolErrorCode.NOT_FOUND)
  read(@Param('id', schoolUuid) id: string, @CurrentActor() actor: Actor): Promise<SchoolYearView> {
    return this.schools.read(id, actor);
  }

  @Get(':id/timeline')
  @LinkScoped({ school: 'id' })
  @Allow(...ROLES)
  @ApiOperation({ summary: 'Every step of the year with who, when, what, remarks, files and round' })
  @ApiOkResponse({ type: SchoolTimelineView })
  @ApiErrors(SchoolErrorCode.NOT_FOUND)
  timeline(@Param('id', schoolUuid) id: string, @CurrentActor() actor: Actor): Promise<SchoolTimelineView> {
    return this.schools.timeline(id, actor);
  }

  @Get(':id/cycles')
  @LinkScoped({ school: 'id' })
  @Allow(...ROLES)
  @ApiOperation({ summary: 'The same directory school in every cycle the caller may read: category, stage, round' })
  @ApiOkResponse({ type: SchoolHistoryView })
  @ApiErrors(SchoolErrorCode.NOT_FOUND)
  history(@Param('id', schoolUuid) id: string, @CurrentActor() actor: Actor): Promise<SchoolHistoryView> {
    return this.schoolHistory.history(id, actor);
  }

  @Post(':id/risk-profile')
  @HttpCode(HttpStatus.OK)
  @Allow(...COORDINATORS)
  @ApiOperation({ summary: 'Coordinator: the flagged risk directions (stage «Рисковый профиль»)' })
  @ApiOkResponse({ type: SchoolYearStateView })
  @ApiErrors(...ACTION_ERRORS)
  riskProfile(
    @Param('id', schoolUuid) id: string,
    @Body() dto: RiskProfileDto,
    @CurrentActor() actor: Actor,
  ): Promise<SchoolYearState> {
    return this.schools.act(id, actor, 'setRiskProfile', { flaggedDirections: dto.flaggedDirections });
  }

  @Post(':id/self-diagnosis')
  @LinkScoped({ school: 'id' })
  @HttpCode(HttpStatus.OK)
  @Allow('school_team')
  @ApiOperation({ summary: 'School team: one answer per flagged direction (stage «Самодиагностика»)' })
  @ApiOkResponse({ type: SchoolYearStateView })
  @ApiErrors(...ACTION_ERRORS)
  selfDiagnosis(
    @Param('id', schoolUuid) id: string,
    @Body() dto: SelfDiagnosisDto,
    @CurrentActor() actor: Actor,
  ): Promise<SchoolYearState> {
    return this.schools.act(id, actor, 'submitSelfDiagnosis', { answers: dto.answers });
  }

  @Post(':id/documents')
  @LinkScoped({ school: 'id' })
  @HttpCode(HttpStatus.OK)
  @Allow('school_team')
  @ApiOperation({
    summary:
      'School team: new versions of concept documents; all required submitted → expertise. In expertise only returned documents are accepted',
  })
  @ApiOkResponse({ type: SchoolYearStateView })
  @ApiErrors(...ACTION_ERRORS, SchoolErrorCode.FILE_NOT_FOUND)
  documents(
    @Param('id', schoolUuid) id: string,
    @Body() dto: SubmitDocumentsDto,
    @CurrentActor() actor: Actor,
  ): Promise<SchoolYearState> {
    return this.schools.act(
      id,
      actor,
      'submitDocuments',
      { documents: dto.documents.map((d) => ({ key: d.key, fileId: d.fileId, fileName: d.fileName ?? null })) },
      dto.documents.map((d) => d.fileId),
    );
  }

  @Post(':id/documents/:key/review')
  @LinkScoped({ school: 'id' })
  @HttpCode(HttpStatus.OK)
  @Allow('curator', ...COORDINATORS)
  @ApiOperation({ summary: "The school's curator or the document's expert: approve, or return with remarks" })
  @ApiParam(KEY_PARAM)
  @ApiOkResponse({ type: SchoolYearStateView })
  @ApiErrors(...ACTION_ERRORS)
  reviewDocument(
    @Param('id', schoolUuid) id: string,
    @Param('key') key: string,
    @Body() dto: ReviewDocumentDto,
    @CurrentActor() actor: Actor,
  ): Promise<SchoolYearState> {
    return this.schools.act(id, actor, 'reviewDocument', { key, decision: dto.decision, remarks: dto.remarks ?? null });
  }

  @Put(':id/documents/:key/expert')
  @Allow(...COORDINATORS)
  @ApiOperation({ summary: 'Coordinator: an expert reviews this document instead of the curator (null: the curator)' })
  @ApiParam(KEY_PARAM)
  @ApiOkResponse({ type: SchoolYearStateView })
  @ApiErrors(...ACTION_ERRORS, SchoolErrorCode.PERSON_NOT_FOUND)
  async assignExpert(
    @Param('id', schoolUuid) id: string,
    @Param('key') key: string,
    @Body() dto: AssignExpertDto,
    @CurrentActor() actor: Actor,
  ): Promise<SchoolYearState> {
    const expert = dto.expert ? await this.schools.person(dto.expert, 'expert') : null;
    return this.schools.act(id, actor, 'assignExpert', { key, expert });
  }

  @Post(':id/checkpoints/:checkpointId')
  @LinkScoped({ school: 'id' })
  @HttpCode(HttpStatus.OK)
  @Allow('school_team')
  @ApiOperation({ summary: 'School team: indicator values with evidence for a monitoring checkpoint' })
  @ApiOkResponse({ type: SchoolYearStateView })
  @ApiErrors(...ACTION_ERRORS, SchoolErrorCode.FILE_NOT_FOUND)
  checkpoint(
    @Param('id', schoolUuid) id: string,
    @Param('checkpointId') checkpointId: string,
    @Body() dto: CheckpointDto,
    @CurrentActor() actor: Actor,
  ): Promise<SchoolYearState> {
    const values = dto.values.map((v) => ({
      directionId: v.directionId,
      indicator: v.indicator,
      value: v.value,
      evidence: v.evidence.map((e) => ({ fileId: e.fileId, url: e.url, title: e.title })),
    }));
    const files = dto.values.flatMap((v) => v.evidence.flatMap((e) => (e.fileId ? [e.fileId] : [])));
    return this.schools.act(id, actor, 'submitCheckpoint', { checkpointId, values }, files);
  }

  @Post(':id/checkpoints/:checkpointId/review')
  @LinkScoped({ school: 'id' })
  @HttpCode(HttpStatus.OK)
  @Allow('curator', ...COORDINATORS)
  @ApiOperation({ summary: "The school's curator: confirm the checkpoint's values, or return them with remarks" })
  @ApiOkResponse({ type: SchoolYearStateView })
  @ApiErrors(...ACTION_ERRORS)
  reviewCheckpoint(
    @Param('id', schoolUuid) id: string,
    @Param('checkpointId') checkpointId: string,
    @Body() dto: ReviewCheckpointDto,
    @CurrentActor() actor: Actor,
  ): Promise<SchoolYearState> {
    return this.schools.act(id, actor, 'reviewCheckpoint', {
      checkpointId,
      decision: dto.decision,
      remarks: dto.remarks ?? null,
    });
  }

  @Post(':id/report')
  @LinkScoped({ school: 'id' })
  @HttpCode(HttpStatus.OK)
  @Allow('school_team')
  @ApiOperation({ summary: 'School team: the final report (stage «Отчет»)' })
  @ApiOkResponse({ type: SchoolYearStateView })
  @ApiErrors(...ACTION_ERRORS, SchoolErrorCode.FILE_NOT_FOUND)
  report(
    @Param('id', schoolUuid) id: string,
    @Body() dto: SubmitReportDto,
    @CurrentActor() actor: Actor,
  ): Promise<SchoolYearState> {
    return this.schools.act(
      id,
      actor,
      'submitReport',
      { fileId: dto.fileId, fileName: dto.fileName ?? null, summary: dto.summary ?? null },
      [dto.fileId],
    );
  }

  @Post(':id/report/decision')
  @HttpCode(HttpStatus.OK)
  @Allow(...COORDINATORS)
  @ApiOperation({ summary: 'Coordinator: accept the report (the year is complete) or return it with remarks' })
  @ApiOkResponse({ type: SchoolYearStateView })
  @ApiErrors(...ACTION_ERRORS)
  decideReport(
    @Param('id', schoolUuid) id: string,
    @Body() dto: DecideReportDto,
    @CurrentActor() actor: Actor,
  ): Promise<SchoolYearState> {
    return this.schools.act(id, actor, 'decideReport', { decision: dto.decision, remarks: dto.remarks ?? null });
  }

  @Post(':id/deadline-extension')
  @HttpCode(HttpStatus.OK)
  @Allow(...COORDINATORS)
  @ApiOperation({ summary: 'Coordinator: a later due date for the current stage (clears overdue)' })
  @ApiOkResponse({ type: SchoolYearStateView })
  @ApiErrors(...ACTION_ERRORS)
  async extendDeadline(
    @Param('id', schoolUuid) id: string,
    @Body() dto: ExtendDeadlineDto,
    @CurrentActor() actor: Actor,
  ): Promise<SchoolYearState> {
    const dueAt = await this.schools.dueInstant(id, dto.dueAt);
    return this.schools.act(id, actor, 'extendDeadline', { dueAt, reason: dto.reason });
  }

  @Put(':id/curator')
  @Allow(...COORDINATORS)
  @ApiOperation({ summary: 'Coordinator: another curator for this school' })
  @ApiOkResponse({ type: SchoolYearStateView })
  @ApiErrors(...ACTION_ERRORS, SchoolErrorCode.PERSON_NOT_FOUND)
  async changeCurator(
    @Param('id', schoolUuid) id: string,
    @Body() dto: ChangeCuratorDto,
    @CurrentActor() actor: Actor,
  ): Promise<SchoolYearState> {
    const curator = await this.schools.person(dto, 'curator');
    return this.schools.act(id, actor, 'changeCurator', { curator, reason: dto.reason ?? null });
  }

  @Post(':id/withdrawal')
  @HttpCode(HttpStatus.OK)
  @Allow(...COORDINATORS)
  @ApiOperation({ summary: 'Coordinator: the school leaves the cycle, with a reason (its workflow ends)' })
  @ApiOkResponse({ type: SchoolYearStateView })
  @ApiErrors(...ACTION_ERRORS)
  withdraw(
    @Param('id', schoolUuid) id: string,
    @Body() dto: WithdrawSchoolDto,
    @CurrentActor() actor: Actor,
  ): Promise<SchoolYearState> {
    return this.schools.act(id, actor, 'withdrawSchool', { reason: dto.reason });
  }
}

/** A cycle's settings for its schools' years: editable until a school starts. */
@ApiTags('schools')
@Controller('cycles')
export class SchoolYearSettingsController {
  constructor(
    private readonly schools: SchoolYearService,
    private readonly riskProfiles: RiskProfileImportService,
  ) {}

  @Get(':id/school-year-settings')
  @Allow(...ROLES)
  @ApiOkResponse({ type: SchoolYearSettingsView })
  @ApiErrors(SchoolErrorCode.NOT_FOUND)
  get(@Param('id', cycleUuid) id: string, @CurrentActor() actor: Actor): Promise<SchoolYearSettingsView> {
    return this.schools.settings(id, actor);
  }

  @Put(':id/school-year-settings')
  @Allow(...COORDINATORS)
  @ApiOkResponse({ type: SchoolYearSettingsView })
  @ApiErrors(
    SchoolErrorCode.NOT_FOUND,
    SchoolErrorCode.SETTINGS_LOCKED,
    SchoolErrorCode.ACTION_REJECTED,
    AuthErrorCode.OUT_OF_SCOPE,
  )
  put(
    @Param('id', cycleUuid) id: string,
    @Body() dto: SchoolYearSettingsDto,
    @CurrentActor() actor: Actor,
  ): Promise<SchoolYearSettingsView> {
    return this.schools.saveSettings(id, dto, actor);
  }

  @Post(':id/risk-profiles/import')
  @HttpCode(HttpStatus.OK)
  @Allow(...COORDINATORS)
  @ApiOperation({
    summary:
      "Preview of the schools' risk profiles from a table (a row per school, a column per direction); stores nothing",
  })
  @ApiUploadBody({
    file: 'XLSX or CSV: a school column («Наименование ОО» or «Код»/«ИНН») and a column per risk direction, marks да/нет, 1/0, +/−',
  })
  @ApiOkResponse({ type: RiskProfileImportPreview })
  @ApiErrors(
    SchoolErrorCode.NOT_FOUND,
    AuthErrorCode.OUT_OF_SCOPE,
    RequestErrorCode.VALIDATION_FAILED,
    ...Object.values(RoadmapImportErrorCode),
  )
  @UseInterceptors(RoadmapUploadInterceptor)
  previewRiskProfiles(
    @Param('id', cycleUuid) id: string,
    @UploadedFiles() files: UploadedDocuments | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<RiskProfileImportPreview> {
    return this.riskProfiles.preview(id, files?.file?.[0], actor);
  }

  @Post(':id/risk-profiles/import/confirm')
  @HttpCode(HttpStatus.OK)
  @Allow(...COORDINATORS)
  @ApiOperation({
    summary:
      "Sends each school's profile to its workflow (risk-profile Update); a school that already has it is unchanged",
  })
  @ApiOkResponse({ type: RiskProfileImportResult })
  @ApiErrors(SchoolErrorCode.NOT_FOUND, AuthErrorCode.OUT_OF_SCOPE, RequestErrorCode.VALIDATION_FAILED)
  confirmRiskProfiles(
    @Param('id', cycleUuid) id: string,
    @Body() dto: ConfirmRiskProfileImportDto,
    @CurrentActor() actor: Actor,
  ): Promise<RiskProfileImportResult> {
    return this.riskProfiles.confirm(id, dto, actor);
  }
}
