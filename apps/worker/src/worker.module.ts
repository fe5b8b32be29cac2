import { Module, type DynamicModule } from '@nestjs/common';
import { ConfigModule, type AppConfig } from '@orientir/config';
import { MailModule } from '@orientir/mail';
import { PersistenceModule } from '@orientir/persistence';
import { TemporalWorkerService } from './temporal-worker.service';

@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        PersistenceModule.forRoot(config.database),
        MailModule.forRoot({ smtpUrl: config.mail.smtpUrl, from: config.mail.from, ...config.deployment.smtp }),
      ],
      providers: [TemporalWorkerService],
      exports: [TemporalWorkerService],
    };
  }
}
