import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { createDataSourceOptions } from './data-source';
import { CycleStore } from './stores/cycle.store';
import { MailOutboxStore } from './stores/mail-outbox.store';
import { ProgressStore } from './stores/progress.store';

const STORES = [CycleStore, ProgressStore, MailOutboxStore];

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
