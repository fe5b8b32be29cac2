import { Global, Module, type DynamicModule } from '@nestjs/common';
import { ConfigModule, type AppConfig } from '@orientir/config';
import { FilesModule } from '@orientir/files';
import { MAIL_OUTBOX, MailModule, MailOutbox } from '@orientir/mail';
import { MailOutboxStore, PersistenceModule } from '@orientir/persistence';
import { TemporalClientModule } from '@orientir/temporal';

/** The outbox service over its table, for whichever process queues mail. */
@Global()
@Module({
  providers: [
    { provide: MAIL_OUTBOX, useFactory: (store: MailOutboxStore) => new MailOutbox(store), inject: [MailOutboxStore] },
  ],
  exports: [MAIL_OUTBOX],
})
class MailOutboxModule {}

/** What both processes (API and worker) stand on: the validated config, PostgreSQL, mail and file storage, all global. */
export function appCoreModules(config: AppConfig): DynamicModule[] {
  return [
    ConfigModule.forRoot(config),
    PersistenceModule.forRoot({ ...config.database, region: config.region }),
    MailModule.forRoot({ smtpUrl: config.mail.smtpUrl, from: config.mail.from, ...config.deployment.smtp }),
    { module: MailOutboxModule },
    FilesModule.forRoot(config.files),
  ];
}

/** The Temporal client (WorkflowGateway) as configured: the API talks to workflows, the worker's launch activities start them. */
export function temporalClientModule(config: AppConfig): DynamicModule {
  return TemporalClientModule.forRoot({
    ...config.temporal,
    tls: config.deployment.temporalTls,
    apiKey: config.deployment.temporalApiKey,
  });
}
