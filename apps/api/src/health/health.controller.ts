import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, type HealthCheckResult } from '@nestjs/terminus';
import { Public } from '../auth/access.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import { RequestErrorCode } from '../common/request.exception';
import { HealthService } from './health.service';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @Public()
  @HealthCheck()
  @ApiOkResponse({ description: 'PostgreSQL, Temporal and SMTP are up' })
  @ApiErrors(RequestErrorCode.SERVICE_UNAVAILABLE)
  check(): Promise<HealthCheckResult> {
    return this.health.check();
  }
}
