import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadAppConfigOrExit } from '@orientir/config';
import { runMigrations } from '@orientir/persistence';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  const config = loadAppConfigOrExit();
  await runMigrations(config.database.url);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config));
  app.enableShutdownHooks();
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(`Worker failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
