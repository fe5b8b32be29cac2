// Writes the API's OpenAPI document to a file without any server running: Nest's preview mode
// resolves modules and routes but instantiates no provider, so nothing connects to PostgreSQL,
// Temporal or SMTP. Used by `npm run api:types`.
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadAppConfig } from '@orientir/config';
import { ApiModule } from '../api.module';
import { createOpenApiDocument } from '../common/openapi-document.util';

async function main(): Promise<void> {
  const out = process.argv[2];
  if (!out) throw new Error('usage: write-openapi.main.ts <output.json>');
  // Placeholder addresses: preview mode never dials them.
  const config = loadAppConfig({
    DATABASE_URL: 'postgres://preview@127.0.0.1:1/preview',
    SMTP_URL: 'smtp://127.0.0.1:1',
  });
  const app = await NestFactory.create(ApiModule.forRoot(config), { preview: true, logger: false });
  app.setGlobalPrefix('api');
  const document = createOpenApiDocument(app);
  writeFileSync(out, `${JSON.stringify(document, null, 2)}\n`);
  await app.close();
}

main().catch((error: unknown) => {
  Logger.error(error instanceof Error ? error.stack : String(error));
  process.exit(1);
});
