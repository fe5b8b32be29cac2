import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { createDataSourceOptions } from './data-source';
import { CycleStore } from './stores/cycle.store';
import { MailOutboxStore } from './stores/mail-outbox.store';
import { ProgressStore } from './stores/progress.store';
import { AuditLogStore } from './stores/audit-log.store';
import { CredentialStore } from './stores/credential.store';
import { UserStore } from './stores/user.store';
import { RoadmapStore } from './stores/roadmap.store';
import { DirectoryStore } from './stores/directory.store';
import { SchoolYearStore } from './stores/school-year.store';

const STORES = [
  CycleStore,
  ProgressStore,
  MailOutboxStore,
  RoadmapStore,
  UserStore,
  CredentialStore,
  AuditLogStore,
  DirectoryStore,
  SchoolYearStore,
];

@Module({})
export class PersistenceModule {
  static forRoot(options: { url: string; poolSize: number }): DynamicModule {
    return {
      module: PersistenceModule,
      global: true,
      imports: [TypeOrmModule.forRoot(createDataSourceOptions(options.url, options.poolSize))],
      providers: STORES,
      exports: STORES,
    };
  }
}
