import type { DynamicModule } from '@nestjs/common';
import { ConfigModule, type AppConfig } from '@orientir/config';
import { MailModule } from '@orientir/mail';
import { PersistenceModule } from '@orientir/persistence';
import { TemporalClientModule } from '@orientir/temporal';

/** What both processes (API and worker) stand on: the validated config, PostgreSQL and mail, all global. */
export function appCoreModules(config: AppConfig): DynamicModule[] {
  return [
    ConfigModule.forRoot(config),
    PersistenceModule.forRoot(config.database),
    MailModule.forRoot({ smtpUrl: config.mail.smtpUrl, from: config.mail.from, ...config.deployment.smtp }),
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
