import type { HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { MailSender } from '@orientir/mail';
import type { WorkflowGateway } from '@orientir/temporal';
import { HealthService } from './health.service';

describe('HealthService.ready', () => {
  it('runs at most one real check for a burst of anonymous readiness calls', async () => {
    let checks = 0;
    const service = new HealthService(
      {
        check: async () => (checks++, { status: 'ok', info: {}, error: {}, details: {} }),
      } as unknown as HealthCheckService,
      {} as HealthIndicatorService,
      {} as TypeOrmHealthIndicator,
      {} as WorkflowGateway,
      {} as MailSender,
    );
    const answers = await Promise.all(Array.from({ length: 100 }, () => service.ready()));
    expect(answers.every(Boolean)).toBe(true);
    expect(checks).toBe(1);
  });

  it('says not ready, without throwing, when a dependency is down', async () => {
    const service = new HealthService(
      { check: async () => Promise.reject(new Error('smtp down')) } as unknown as HealthCheckService,
      {} as HealthIndicatorService,
      {} as TypeOrmHealthIndicator,
      {} as WorkflowGateway,
      {} as MailSender,
    );
    await expect(service.ready()).resolves.toBe(false);
  });
});
