import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentActor } from '../auth/access.decorator';
import type { Actor } from '../auth/principal.model';
import { ApiErrors } from '../common/api-errors.decorator';
import { CycleErrorCode } from '../cycles/cycle.exception';
import { MailPage, MailQueryDto } from './dto/mail.dto';
import { MailService } from './mail.service';

@ApiTags('mail')
@Controller('mail')
export class MailController {
  constructor(private readonly mail: MailService) {}

  /** The outbox, newest first: e.g. `?status=undeliverable` is what needs a coordinator now. */
  @Get()
  @Allow('admin', 'regional_coordinator', 'municipal_coordinator')
  @ApiOkResponse({ type: MailPage })
  @ApiErrors(CycleErrorCode.NOT_FOUND)
  list(@Query() query: MailQueryDto, @CurrentActor() actor: Actor): Promise<MailPage> {
    return this.mail.list(query, actor);
  }
}
