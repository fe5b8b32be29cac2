import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { SchoolCycleState } from '@orientir/contracts';
import { ROLES } from '@orientir/auth';
import { Allow, CurrentActor } from '../auth/access.decorator';
import type { Actor } from '../auth/principal.model';
import { CompleteStageDto, SchoolStageView } from './dto/complete-stage.dto';
import { CreateCycleDto } from './dto/create-cycle.dto';
import { CycleSummaryView, CycleView } from './dto/cycle-view.dto';
import { CyclesService } from './cycles.service';
import { uuidParam } from '../common/uuid-param.pipe';
import { ApiErrors } from '../common/api-errors.decorator';
import { AuthErrorCode } from '../auth/auth.exception';
import { CycleErrorCode } from './cycle.exception';
import { LinkScoped } from '../auth/link-scope.util';

const uuid = uuidParam('цикла');
const schoolUuid = uuidParam('школы');

@ApiTags('cycles')
@Controller('cycles')
export class CyclesController {
  constructor(private readonly cycles: CyclesService) {}

  @Post()
  @Allow('admin', 'regional_coordinator', 'municipal_coordinator')
  @ApiCreatedResponse({ type: CycleView })
  @ApiErrors(
    CycleErrorCode.INVALID_EVENT_PERIOD,
    CycleErrorCode.DUPLICATE_ROW,
    AuthErrorCode.OUT_OF_SCOPE,
    CycleErrorCode.WORKFLOW_UNAVAILABLE,
  )
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

  @Post(':id/launch')
  @Allow('admin', 'regional_coordinator', 'municipal_coordinator')
  @ApiOkResponse({ type: CycleView })
  @ApiErrors(CycleErrorCode.NOT_FOUND, AuthErrorCode.OUT_OF_SCOPE, CycleErrorCode.WORKFLOW_UNAVAILABLE)
  launch(@Param('id', uuid) id: string, @CurrentActor() actor: Actor): Promise<CycleView> {
    return this.cycles.launch(id, actor);
  }

  /** Sent to the school's workflow only after the caller's role, school and stage were checked. */
  @Post(':id/schools/:schoolId/stage')
  @Allow('admin', 'municipal_coordinator', 'curator', 'school_team')
  @LinkScoped({ cycle: 'id', school: 'schoolId' })
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: SchoolStageView })
  @ApiErrors(
    CycleErrorCode.NOT_FOUND,
    CycleErrorCode.SCHOOL_NOT_FOUND,
    AuthErrorCode.OUT_OF_SCOPE,
    CycleErrorCode.STAGE_REJECTED,
    CycleErrorCode.WORKFLOW_UNAVAILABLE,
  )
  completeStage(
    @Param('id', uuid) id: string,
    @Param('schoolId', schoolUuid) schoolId: string,
    @Body() dto: CompleteStageDto,
    @CurrentActor() actor: Actor,
  ): Promise<SchoolCycleState> {
    return this.cycles.completeStage(id, schoolId, dto, actor);
  }
}
