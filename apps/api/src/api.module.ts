import { Module, type DynamicModule } from '@nestjs/common';
import { ConfigModule, type AppConfig } from '@orientir/config';
import { MailModule } from '@orientir/mail';
import { PersistenceModule } from '@orientir/persistence';
import { TemporalClientModule } from '@orientir/temporal';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CyclesModule } from './cycles/cycles.module';
import { HealthModule } from './health/health.module';
import { RoadmapsModule } from './roadmaps/roadmaps.module';

@Module({})
export class ApiModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ApiModule,
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
