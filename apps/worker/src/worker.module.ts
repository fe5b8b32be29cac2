import { Module, type DynamicModule } from '@nestjs/common';
import { appCoreModules } from '@orientir/app-core';
import type { AppConfig } from '@orientir/config';
import { OutboxDispatcherService } from './outbox-dispatcher.service';
import { TemporalWorkerService } from './temporal-worker.service';

@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: appCoreModules(config),
      providers: [TemporalWorkerService, OutboxDispatcherService],
      exports: [TemporalWorkerService],
    };
  }
}
