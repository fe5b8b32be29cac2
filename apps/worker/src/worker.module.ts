import { Module, type DynamicModule } from '@nestjs/common';
import { AppCoreModule } from '@orientir/app-core';
import type { AppConfig } from '@orientir/config';
import { TemporalWorkerService } from './temporal-worker.service';

@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [AppCoreModule.forRoot(config)],
      providers: [TemporalWorkerService],
      exports: [TemporalWorkerService],
    };
  }
}
