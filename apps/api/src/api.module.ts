import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { appCoreModules, temporalClientModule } from '@orientir/app-core';
import type { AppConfig } from '@orientir/config';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { ApiExceptionFilter } from './common/api-exception.filter';
import { CyclesModule } from './cycles/cycles.module';
import { HealthModule } from './health/health.module';
import { RoadmapsModule } from './roadmaps/roadmaps.module';
import { DirectoryModule } from './directory/directory.module';
import { SchoolsModule } from './schools/schools.module';
import { NotificationsModule } from './notifications/notifications.module';
import { FilesHttpModule } from './files/files.module';
import { EventsModule } from './events/events.module';
import { CalendarModule } from './calendar/calendar.module';
import { MailHttpModule } from './mail/mail.module';

@Module({})
export class ApiModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ...appCoreModules(config),
        temporalClientModule(config),
        AuditModule,
        AuthModule,
        HealthModule,
        CyclesModule,
        EventsModule,
        RoadmapsModule,
        DirectoryModule,
        SchoolsModule,
        NotificationsModule,
        FilesHttpModule,
        CalendarModule,
        MailHttpModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: ApiExceptionFilter }],
    };
  }
}
