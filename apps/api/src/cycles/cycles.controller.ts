import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Put, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ROLES } from '@orientir/auth';
import { Allow, CurrentActor } from '../auth/access.decorator';
import type { Actor } from '../auth/principal.model';
import { CreateCycleDto } from './dto/create-cycle.dto';
import { CycleSummaryView, CycleView } from './dto/cycle-view.dto';
import { LaunchView } from './dto/launch-view.dto';
import { SchoolListQueryDto, SchoolListView } from './dto/school-list.dto';
import { AddSchoolDto, AddedSchoolView } from './dto/add-school.dto';
import { EscalationChainDto, EscalationChainView } from './dto/escalation-chain.dto';
import { CyclesService } from './cycles.service';
import { uuidParam } from '../common/uuid-param.pipe';
import { ApiErrors } from '../common/api-errors.decorator';
import { AuthErrorCode } from '../auth/auth.exception';
import { CycleErrorCode } from './cycle.exception';
import { LinkScoped } from '../auth/link-scope.util';

const uuid = uuidParam('цикла');

@ApiTags('cycles')
@Controller('cycles')
export class CyclesController {
  constructor(private readonly cycles: CyclesService) {}

  /**
   * Stores the cycle and answers at once: the workflows are started by the durable launch workflow
   * afterwards (`launch` in the answer; progress at GET /cycles/:id/launch). The JSON body may be up
   * to 16 MB on this route (3,000 schools × 60 events with room), 4 MB elsewhere.
   */
  @Post()
  @Allow('admin', 'regional_coordinator', 'municipal_coordinator')
  @ApiCreatedResponse({
    type: CycleView,
    description: 'Stored; `launch` (status pending) names the launch that now starts its workflows in the background',
  })
  @ApiErrors(CycleErrorCode.INVALID_EVENT_PERIOD, CycleErrorCode.DUPLICATE_ROW, AuthErrorCode.OUT_OF_SCOPE)
  create(@Body() dto: CreateCycleDto, @CurrentActor() actor: Actor): Promise<CycleView> {
    return this.cycles.create(dto, actor);
  }

  /** Every role may ask; only cycles with something in the caller's scope are listed. */
  @Get()
  @Allow(...ROLES)
  @ApiOkResponse({ type: [CycleSummaryView] })
  list(@CurrentActor() actor: Actor): Promise<CycleSummaryView[]> {
    return this.cycles.list(actor);
  }

  /** Every role may ask; the answer holds only the schools and events within the caller's scope. */
  @Get(':id')
  @Allow(...ROLES)
  @LinkScoped({ cycle: 'id' })
  @ApiOkResponse({ type: CycleView })
  @ApiErrors(CycleErrorCode.NOT_FOUND)
  get(@Param('id', uuid) id: string, @CurrentActor() actor: Actor): Promise<CycleView> {
    return this.cycles.get(id, actor);
  }

  /**
   * Relaunch: answers at once with the launch that starts the missing workflows and restarts failed or
   * terminated ones (never a second copy of a running one); while a launch runs, with that launch.
   */
  @Post(':id/launch')
  @Allow('admin', 'regional_coordinator', 'municipal_coordinator')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiAcceptedResponse({ type: LaunchView })
  @ApiErrors(CycleErrorCode.NOT_FOUND, AuthErrorCode.OUT_OF_SCOPE, CycleErrorCode.WORKFLOW_UNAVAILABLE)
  launch(@Param('id', uuid) id: string, @CurrentActor() actor: Actor): Promise<LaunchView> {
    return this.cycles.launch(id, actor);
  }

  /**
   * Replaces the cycle's escalation chain (also on a running cycle): the workflows read it before their
   * next overdue letter. 400 names each bad step in Russian.
   */
  @Put(':id/escalation-chain')
  @Allow('admin', 'regional_coordinator', 'municipal_coordinator')
  @ApiOkResponse({ type: EscalationChainView })
  @ApiErrors(CycleErrorCode.NOT_FOUND, AuthErrorCode.OUT_OF_SCOPE)
  setEscalationChain(
    @Param('id', uuid) id: string,
    @Body() dto: EscalationChainDto,
    @CurrentActor() actor: Actor,
  ): Promise<EscalationChainView> {
    return this.cycles.setEscalationChain(id, dto, actor);
  }

  /** The newest launch of the cycle: N of M, failures with reasons (from PostgreSQL). */
  @Get(':id/launch')
  @Allow(...ROLES)
  @ApiOkResponse({ type: LaunchView })
  @ApiErrors(CycleErrorCode.NOT_FOUND, CycleErrorCode.LAUNCH_NOT_FOUND)
  getLaunch(@Param('id', uuid) id: string, @CurrentActor() actor: Actor): Promise<LaunchView> {
    return this.cycles.getLaunch(id, actor);
  }

  /** A school joins the running cycle; its workflow starts at once (201 answers after the start). */
  @Post(':id/schools')
  @Allow('admin', 'regional_coordinator', 'municipal_coordinator')
  @ApiCreatedResponse({ type: AddedSchoolView })
  @ApiErrors(CycleErrorCode.NOT_FOUND, CycleErrorCode.DUPLICATE_ROW, AuthErrorCode.OUT_OF_SCOPE)
  addSchool(
    @Param('id', uuid) id: string,
    @Body() dto: AddSchoolDto,
    @CurrentActor() actor: Actor,
  ): Promise<AddedSchoolView> {
    return this.cycles.addSchool(id, dto, actor);
  }

  /**
   * The cycle's schools from the read model (PostgreSQL): filters, sorting, paging, and counts per
   * stage and per municipality over every matching school; only schools within the caller's scope.
   */
  @Get(':id/schools')
  @Allow(...ROLES)
  @ApiOkResponse({ type: SchoolListView })
  @ApiErrors(CycleErrorCode.NOT_FOUND)
  listSchools(
    @Param('id', uuid) id: string,
    @Query() query: SchoolListQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<SchoolListView> {
    return this.cycles.listSchools(id, query, actor);
  }
}
