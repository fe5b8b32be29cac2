import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { HealthCheck, type HealthCheckResult } from '@nestjs/terminus';
import { Allow, Public } from '../auth/access.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import { RequestErrorCode, RequestException } from '../common/request.exception';
import { HealthService } from './health.service';

export class HealthStatusView {
  @ApiProperty({ enum: ['ok'] }) status!: 'ok';
}

/**
 * Anonymous liveness and readiness say only up or down; which dependency failed, and why, is for
 * administrators (the error texts name hosts and ports).
 */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  /** Readiness: PostgreSQL, Temporal and SMTP answer (from a check at most 10 s old). */
  @Get()
  @Public()
  @ApiOkResponse({ type: HealthStatusView, description: 'PostgreSQL, Temporal and SMTP are up' })
  @ApiErrors(RequestErrorCode.SERVICE_UNAVAILABLE)
  async ready(): Promise<HealthStatusView> {
    if (await this.health.ready()) return { status: 'ok' };
    throw new RequestException(
      RequestErrorCode.SERVICE_UNAVAILABLE,
      'Сервис временно недоступен. Повторите попытку позже',
    );
  }

  /** Liveness: the process answers. */
  @Get('live')
  @Public()
  @ApiOkResponse({ type: HealthStatusView })
  live(): HealthStatusView {
    return { status: 'ok' };
  }

  @Get('details')
  @Allow('admin')
  @HealthCheck()
  @ApiOkResponse({ description: 'Each dependency with its status and, when down, the error' })
  @ApiErrors(RequestErrorCode.SERVICE_UNAVAILABLE)
  details(): Promise<HealthCheckResult> {
    return this.health.check();
  }
}
