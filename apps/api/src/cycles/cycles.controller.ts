import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ROLES } from '@orientir/auth';
import { Allow, CurrentActor } from '../auth/access.decorator';
import type { Actor } from '../auth/principal.model';
import { CreateCycleDto } from './dto/create-cycle.dto';
import { CycleSummaryView, CycleView } from './dto/cycle-view.dto';
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
}
