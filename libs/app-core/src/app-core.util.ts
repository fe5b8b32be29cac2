import type { DynamicModule } from '@nestjs/common';
import { ConfigModule, type AppConfig } from '@orientir/config';
import { FilesModule } from '@orientir/files';
import { MailModule } from '@orientir/mail';
import { PersistenceModule } from '@orientir/persistence';

/** What both processes (API and worker) stand on: the validated config, PostgreSQL, mail and file storage, all global. */
export function appCoreModules(config: AppConfig): DynamicModule[] {
  return [
    ConfigModule.forRoot(config),
    PersistenceModule.forRoot({ ...config.database, region: config.region }),
    MailModule.forRoot({ smtpUrl: config.mail.smtpUrl, from: config.mail.from, ...config.deployment.smtp }),
    FilesModule.forRoot(config.files),
  ];
}
