import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { DomainExceptionFilter } from './common/domain-exception.filter';
import { createValidationPipe } from './common/validation.pipe';

/** Everything about the HTTP surface, shared by main.ts and the tests. */
export function configureApi(app: INestApplication): void {
  app.setGlobalPrefix('api');
  // Security headers; the CSP still lets the Swagger UI at /api/docs load its own script and styles.
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'script-src': ["'self'"],
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:'],
          'upgrade-insecure-requests': null,
        },
      },
    }),
  );
  app.use(cookieParser());
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new DomainExceptionFilter());
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Orientir API')
      .setDescription('Roadmap cycles, schools and events')
      .setVersion('0.1')
      .build(),
  );
  declareDatabaseUnavailable(document);
  SwaggerModule.setup('api/docs', app, document);
}

/** Any route may answer 503 while PostgreSQL is unreachable (DatabaseUnavailableFilter). */
function declareDatabaseUnavailable(document: OpenAPIObject): void {
  for (const item of Object.values(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const operation = item[method];
      if (!operation) continue;
      operation.responses['503'] ??= {
        description: 'DATABASE_UNAVAILABLE: PostgreSQL is unreachable; retry after Retry-After seconds',
      };
    }
  }
}
