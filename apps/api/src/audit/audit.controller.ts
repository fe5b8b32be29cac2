import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentActor } from '../auth/access.decorator';
import type { Actor } from '../auth/principal.model';
import { AuditQueryDto } from './dto/audit-query.dto';
import { AuditPage } from './dto/audit-entry.view';
import { AuditService } from './audit.service';

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Allow('admin', 'regional_coordinator', 'municipal_coordinator', 'supervisor')
  @ApiOkResponse({ type: AuditPage })
  list(@Query() query: AuditQueryDto, @CurrentActor() actor: Actor): Promise<AuditPage> {
    return this.audit.list(query, actor);
  }
}
