import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { createDataSourceOptions } from './data-source';
import { CycleStore } from './stores/cycle.store';
import { MailOutboxStore } from './stores/mail-outbox.store';
import { CalendarStore } from './stores/calendar.store';
import { ProgressStore } from './stores/progress.store';
import { EventTrackingStore } from './stores/event-tracking.store';
import { AuditLogStore } from './stores/audit-log.store';
import { CredentialStore } from './stores/credential.store';
import { UserStore } from './stores/user.store';
import { RoadmapStore } from './stores/roadmap.store';
import { SchoolYearStore } from './stores/school-year.store';
import { NotificationStore } from './stores/notification.store';
import { DIRECTORY_REGION, DirectoryStore } from './stores/directory.store';
import { LaunchStore } from './stores/launch.store';
import { SchoolListStore } from './stores/school-list.store';
import { StoredFileStore } from './stores/stored-file.store';
import { EventAddresseeStore } from './stores/event-addressee.store';

const STORES = [
  CycleStore,
  ProgressStore,
  EventTrackingStore,
  MailOutboxStore,
  CalendarStore,
  RoadmapStore,
  UserStore,
  CredentialStore,
  AuditLogStore,
  DirectoryStore,
  SchoolYearStore,
  LaunchStore,
  SchoolListStore,
  NotificationStore,
  StoredFileStore,
  EventAddresseeStore,
];

@Module({})
export class PersistenceModule {
  /** `region`: the name of the region this installation serves (config REGION); its directory row is found or made by it. */
  static forRoot(options: { url: string; poolSize: number; region: string }): DynamicModule {
    return {
      module: PersistenceModule,
      global: true,
      imports: [TypeOrmModule.forRoot(createDataSourceOptions(options.url, options.poolSize))],
      providers: [...STORES, { provide: DIRECTORY_REGION, useValue: options.region }],
      exports: STORES,
    };
  }
}
