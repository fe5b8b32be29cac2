import type { INestApplication } from '@nestjs/common';
import { SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { createOpenApiDocument } from './common/openapi-document.util';
import { createValidationPipe } from './common/validation.pipe';
import { serveWebApp } from './web/serve-web-app.util';

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
  serveWebApp(app);
  app.use(cookieParser());
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  const document = createOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document);
}
