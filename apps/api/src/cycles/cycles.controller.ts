import { BadRequestException, Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CreateCycleDto } from './dto/create-cycle.dto';
import { CycleView } from './dto/cycle-view.dto';
import { CyclesService } from './cycles.service';

const uuid = new ParseUUIDPipe({
  exceptionFactory: () => new BadRequestException({ error: 'VALIDATION_FAILED', message: 'Идентификатор цикла должен быть UUID' }),
});

@ApiTags('cycles')
@Controller('cycles')
export class CyclesController {
  constructor(private readonly cycles: CyclesService) {}

  @Post()
  @ApiCreatedResponse({ type: CycleView })
  create(@Body() dto: CreateCycleDto): Promise<CycleView> {
    return this.cycles.create(dto);
  }

  @Get(':id')
  @ApiOkResponse({ type: CycleView })
  get(@Param('id', uuid) id: string): Promise<CycleView> {
    return this.cycles.get(id);
  }

  @Post(':id/launch')
  @ApiOkResponse({ type: CycleView })
  launch(@Param('id', uuid) id: string): Promise<CycleView> {
    return this.cycles.launch(id);
  }
}
