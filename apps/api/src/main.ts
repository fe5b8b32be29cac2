import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadAppConfigOrExit } from '@orientir/config';
import { runMigrations } from '@orientir/persistence';
import { ApiModule } from './api.module';
import { configureApi } from './configure-api';

async function bootstrap(): Promise<void> {
  const config = loadAppConfigOrExit();
  await runMigrations(config.database.url);
  const app = await NestFactory.create(ApiModule.forRoot(config));
  configureApi(app);
  await app.listen(config.api.port, config.api.host);
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(`API failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
