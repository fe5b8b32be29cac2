import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Patch,
  Post,
  Put,
  Query,
  UploadedFiles,
  UseInterceptors,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RoadmapImportErrorCode } from '@orientir/roadmap-import';
import { Allow, CurrentActor } from '../auth/access.decorator';
import { AuthErrorCode } from '../auth/auth.exception';
import { GrantDto } from '../auth/dto/create-user.dto';
import type { Actor } from '../auth/principal.model';
import { ApiErrors } from '../common/api-errors.decorator';
import { uuidParam } from '../common/uuid-param.pipe';
import { RoadmapUploadInterceptor } from '../roadmaps/roadmap-upload.interceptor';
import type { UploadedDocuments } from '../roadmaps/roadmaps.service';
import { DirectoryErrorCode } from './directory.exception';
import { DirectoryImportService } from './directory-import.service';
import { DirectoryService } from './directory.service';
import {
  ConfirmDirectoryImportDto,
  ConfirmPeopleImportDto,
  DirectoryImportOptionsDto,
  DirectoryImportPreview,
  DirectoryImportResult,
  PeopleImportPreview,
  PeopleImportResult,
} from './dto/directory-import.dto';
import { UpdateDirectorySchoolDto, UpdatePersonDto } from './dto/directory-edit.dto';
import { DirectoryEditService } from './directory-edit.service';
import { PeopleImportService } from './people-import.service';
import {
  AliasDto,
  DirectorySchoolView,
  EventAddresseesView,
  EventAssigneesDto,
  ExecutorLinkDto,
  ExecutorLinkView,
  ExecutorMatchesDto,
  ExecutorMatchView,
  SchoolMatchesDto,
  SchoolMatchView,
  InvitationView,
  InvitePersonDto,
  MunicipalityView,
  OrganisationView,
  PersonView,
} from './dto/directory.view';
import { PeopleService } from './people.service';
import { EventAssigneesService } from './event-assignees.service';
import { ApiUploadBody } from '../common/api-upload-body.decorator';

const MANAGERS = ['admin', 'regional_coordinator', 'municipal_coordinator'] as const;
const uuid = uuidParam('записи справочника');

@ApiTags('directory')
@Controller('directory')
export class DirectoryController {
  constructor(
    private readonly directory: DirectoryService,
    private readonly imports: DirectoryImportService,
    private readonly people: PeopleService,
    private readonly edits: DirectoryEditService,
    private readonly peopleImports: PeopleImportService,
    private readonly assignees: EventAssigneesService,
  ) {}

  @Get('municipalities')
  @Allow(...MANAGERS)
  @ApiOkResponse({ type: [MunicipalityView] })
  municipalities(@CurrentActor() actor: Actor): Promise<MunicipalityView[]> {
    return this.directory.municipalities(actor);
  }

  @Get('schools')
  @Allow(...MANAGERS)
  @ApiOkResponse({ type: [DirectorySchoolView] })
  schools(@CurrentActor() actor: Actor): Promise<DirectorySchoolView[]> {
    return this.directory.schools(actor);
  }

  @Get('organisations')
  @Allow(...MANAGERS)
  @ApiOkResponse({ type: [OrganisationView] })
  organisations(@CurrentActor() actor: Actor): Promise<OrganisationView[]> {
    return this.directory.organisations(actor);
  }

  @Get('people')
  @Allow(...MANAGERS)
  @ApiOkResponse({ type: [PersonView] })
  listPeople(@CurrentActor() actor: Actor): Promise<PersonView[]> {
    return this.directory.people(actor);
  }

  @Post('import')
  @Allow(...MANAGERS)
  @ApiUploadBody({
    required: false,
    file: 'XLSX or CSV: schools (municipality, category) and curators',
    fields: { municipality: { type: 'string', maxLength: 300 } },
  })
  @ApiCreatedResponse({ type: DirectoryImportPreview, description: 'Stores nothing' })
  @ApiErrors(...Object.values(RoadmapImportErrorCode))
  @UseInterceptors(RoadmapUploadInterceptor)
  previewImport(
    @UploadedFiles() files: UploadedDocuments | undefined,
    @Body() options: DirectoryImportOptionsDto,
    @CurrentActor() actor: Actor,
  ): Promise<DirectoryImportPreview> {
    return this.imports.preview(files?.file?.[0] ?? files?.participants?.[0], options.municipality, actor);
  }

  @Post('import/confirm')
  @Allow(...MANAGERS)
  @ApiCreatedResponse({ type: DirectoryImportResult })
  @ApiErrors(DirectoryErrorCode.INVALID_IMPORT_ROWS, AuthErrorCode.OUT_OF_SCOPE)
  confirmImport(@Body() dto: ConfirmDirectoryImportDto, @CurrentActor() actor: Actor): Promise<DirectoryImportResult> {
    return this.imports.confirm(dto, actor);
  }

  @Post('people-import')
  @Allow(...MANAGERS)
  @ApiUploadBody({
    file: 'XLSX or CSV with the columns ФИО, Должность, E-mail, Телефон, Организация',
    fields: {
      municipality: {
        type: 'string',
        maxLength: 300,
        description: "The organisations' municipality; omitted: the caller's only one (regional callers: none)",
      },
    },
  })
  @ApiCreatedResponse({ type: PeopleImportPreview, description: 'Stores nothing' })
  @ApiErrors(...Object.values(RoadmapImportErrorCode), AuthErrorCode.OUT_OF_SCOPE)
  @UseInterceptors(RoadmapUploadInterceptor)
  previewPeopleImport(
    @UploadedFiles() files: UploadedDocuments | undefined,
    @Body() options: DirectoryImportOptionsDto,
    @CurrentActor() actor: Actor,
  ): Promise<PeopleImportPreview> {
    return this.peopleImports.preview(files?.file?.[0], options.municipality, actor);
  }

  @Post('people-import/confirm')
  @Allow(...MANAGERS)
  @ApiCreatedResponse({ type: PeopleImportResult, description: 'All rows stored, or none' })
  @ApiErrors(DirectoryErrorCode.INVALID_IMPORT_ROWS, AuthErrorCode.OUT_OF_SCOPE)
  confirmPeopleImport(@Body() dto: ConfirmPeopleImportDto, @CurrentActor() actor: Actor): Promise<PeopleImportResult> {
    return this.peopleImports.confirm(dto, actor);
  }

  @Patch('schools/:id')
  @Allow(...MANAGERS)
  @ApiOkResponse({ type: DirectorySchoolView })
  @ApiErrors(
    DirectoryErrorCode.SCHOOL_NOT_FOUND,
    DirectoryErrorCode.MUNICIPALITY_NOT_FOUND,
    DirectoryErrorCode.DIRECTORY_VALUE_TAKEN,
  )
  updateSchool(
    @Param('id', uuid) id: string,
    @Body() dto: UpdateDirectorySchoolDto,
    @CurrentActor() actor: Actor,
  ): Promise<DirectorySchoolView> {
    return this.edits.updateSchool(id, dto, actor);
  }

  @Patch('people/:id')
  @Allow(...MANAGERS)
  @ApiOkResponse({ type: PersonView })
  @ApiErrors(
    DirectoryErrorCode.PERSON_NOT_FOUND,
    DirectoryErrorCode.ORGANISATION_NOT_FOUND,
    DirectoryErrorCode.DIRECTORY_VALUE_TAKEN,
  )
  updatePerson(
    @Param('id', uuid) id: string,
    @Body() dto: UpdatePersonDto,
    @CurrentActor() actor: Actor,
  ): Promise<PersonView> {
    return this.edits.updatePerson(id, dto, actor);
  }

  @Post('executor-links')
  @Allow(...MANAGERS)
  @ApiCreatedResponse({
    type: ExecutorLinkView,
    description: "The events' next reminders go to the organisation's people",
  })
  @ApiErrors(
    DirectoryErrorCode.CYCLE_NOT_FOUND,
    DirectoryErrorCode.ORGANISATION_NOT_FOUND,
    DirectoryErrorCode.EXECUTOR_NOT_FOUND,
    DirectoryErrorCode.ALIAS_TAKEN,
  )
  linkExecutor(@Body() dto: ExecutorLinkDto, @CurrentActor() actor: Actor): Promise<ExecutorLinkView> {
    return this.directory.linkCycleExecutor(dto, actor);
  }

  @Post('executor-matches')
  @HttpCode(HttpStatus.OK)
  @Allow(...MANAGERS)
  @ApiOkResponse({ type: [ExecutorMatchView], description: 'Stores nothing' })
  @ApiErrors(DirectoryErrorCode.CYCLE_NOT_FOUND)
  matchExecutors(@Body() dto: ExecutorMatchesDto, @CurrentActor() actor: Actor): Promise<ExecutorMatchView[]> {
    return this.directory.matchExecutors(dto, actor);
  }

  @Post('school-matches')
  @HttpCode(HttpStatus.OK)
  @Allow(...MANAGERS)
  @ApiOkResponse({ type: [SchoolMatchView], description: 'Stores nothing; one answer per school, in order' })
  @ApiErrors(AuthErrorCode.OUT_OF_SCOPE)
  matchSchools(@Body() dto: SchoolMatchesDto, @CurrentActor() actor: Actor): Promise<SchoolMatchView[]> {
    return this.directory.matchSchools(dto, actor);
  }

  @Post('organisations/:id/aliases')
  @Allow(...MANAGERS)
  @ApiCreatedResponse({ type: OrganisationView })
  @ApiErrors(DirectoryErrorCode.ORGANISATION_NOT_FOUND, DirectoryErrorCode.ALIAS_TAKEN)
  addAlias(
    @Param('id', uuid) id: string,
    @Body() dto: AliasDto,
    @CurrentActor() actor: Actor,
  ): Promise<OrganisationView> {
    return this.directory.addAlias(id, dto.alias, actor);
  }

  @Delete('organisations/:id/aliases')
  @Allow(...MANAGERS)
  @ApiOperation({ summary: 'Undo a merge: the spelling (query `alias`) stops naming the organisation; audited' })
  @ApiOkResponse({ type: OrganisationView })
  @ApiErrors(DirectoryErrorCode.ORGANISATION_NOT_FOUND, DirectoryErrorCode.ALIAS_NOT_FOUND)
  removeAlias(
    @Param('id', uuid) id: string,
    @Query() dto: AliasDto,
    @CurrentActor() actor: Actor,
  ): Promise<OrganisationView> {
    return this.directory.removeAlias(id, dto.alias, actor);
  }

  @Get('events/:id/assignees')
  @Allow(...MANAGERS)
  @ApiOkResponse({
    type: EventAddresseesView,
    description: "Who gets the event's reminders now: the assigned people, else the executors' contact people",
  })
  @ApiErrors(DirectoryErrorCode.EVENT_NOT_FOUND)
  eventAssignees(@Param('id', uuid) id: string, @CurrentActor() actor: Actor): Promise<EventAddresseesView> {
    return this.assignees.view(id, actor);
  }

  @Put('events/:id/assignees')
  @HttpCode(HttpStatus.NO_CONTENT)
  @Allow(...MANAGERS)
  @ApiNoContentResponse({ description: "The event's reminders go to these people from the next one on" })
  @ApiErrors(
    DirectoryErrorCode.EVENT_NOT_FOUND,
    DirectoryErrorCode.PERSON_NOT_FOUND,
    DirectoryErrorCode.ASSIGNEE_UNREACHABLE,
  )
  setEventAssignees(
    @Param('id', uuid) id: string,
    @Body() dto: EventAssigneesDto,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    return this.assignees.set(id, dto.personIds, actor);
  }

  @Post('people/:id/invitation')
  @Allow(...MANAGERS)
  @ApiCreatedResponse({ type: InvitationView })
  @ApiErrors(
    DirectoryErrorCode.PERSON_NOT_FOUND,
    DirectoryErrorCode.PERSON_WITHOUT_EMAIL,
    AuthErrorCode.INVALID_GRANT,
    AuthErrorCode.EMAIL_TAKEN,
  )
  invite(
    @Param('id', uuid) id: string,
    @Body() dto: InvitePersonDto,
    @CurrentActor() actor: Actor,
  ): Promise<InvitationView> {
    return this.people.invite(id, dto.grants, actor);
  }
}

/** Account states and grants of directory people. */
@ApiTags('users')
@Controller('users')
export class AccountStatesController {
  constructor(private readonly people: PeopleService) {}

  @Post(':id/deactivation')
  @HttpCode(HttpStatus.NO_CONTENT)
  @Allow(...MANAGERS)
  @ApiNoContentResponse({ description: 'Sessions and API tokens of the account end at once' })
  @ApiErrors(DirectoryErrorCode.PERSON_NOT_FOUND)
  deactivate(@Param('id', uuid) id: string, @CurrentActor() actor: Actor): Promise<void> {
    return this.people.setActive(id, false, actor);
  }

  @Post(':id/activation')
  @HttpCode(HttpStatus.NO_CONTENT)
  @Allow(...MANAGERS)
  @ApiNoContentResponse()
  @ApiErrors(DirectoryErrorCode.PERSON_NOT_FOUND)
  reactivate(@Param('id', uuid) id: string, @CurrentActor() actor: Actor): Promise<void> {
    return this.people.setActive(id, true, actor);
  }

  @Put(':id/grants')
  @Allow(...MANAGERS)
  @ApiOkResponse({ type: [GrantDto] })
  @ApiErrors(DirectoryErrorCode.PERSON_NOT_FOUND, AuthErrorCode.INVALID_GRANT)
  replaceGrants(
    @Param('id', uuid) id: string,
    @Body() dto: InvitePersonDto,
    @CurrentActor() actor: Actor,
  ): Promise<GrantDto[]> {
    return this.people
      .replaceGrants(id, dto.grants, actor)
      .then((grants) =>
        grants.map((g) => ({ role: g.role, scopeKind: g.scopeKind, scopeValue: g.scopeValue ?? undefined })),
      );
  }
}
