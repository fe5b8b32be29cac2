import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ConfigModule, type AppConfig } from '@orientir/config';
import { MailModule } from '@orientir/mail';
import { PersistenceModule } from '@orientir/persistence';
import { TemporalClientModule } from '@orientir/temporal';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { DatabaseUnavailableFilter } from './common/database-unavailable.filter';
import { CyclesModule } from './cycles/cycles.module';
import { HealthModule } from './health/health.module';
import { RoadmapsModule } from './roadmaps/roadmaps.module';

@Module({})
export class ApiModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ApiModule,
      // Nest tries global filters last-registered first, and the root module's come first: this
      // catch-all (a lost database → 503) is tried only after every domain filter passed.
      providers: [{ provide: APP_FILTER, useClass: DatabaseUnavailableFilter }],
      imports: [
        ConfigModule.forRoot(config),
        PersistenceModule.forRoot(config.database),
        MailModule.forRoot({ smtpUrl: config.mail.smtpUrl, from: config.mail.from, ...config.deployment.smtp }),
        TemporalClientModule.forRoot({
          ...config.temporal,
          tls: config.deployment.temporalTls,
          apiKey: config.deployment.temporalApiKey,
        }),
        AuditModule,
        AuthModule,
        HealthModule,
        CyclesModule,
        RoadmapsModule,
      ],
    };
  }
}
