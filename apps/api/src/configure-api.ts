import type { INestApplication } from '@nestjs/common';
import { SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import type { Express } from 'express';
import helmet from 'helmet';
import { APP_CONFIG, type AppConfig } from '@orientir/config';
import { jsonParser, rejectControlCharacters, urlencodedParser } from './common/body-parsing.util';
import { createOpenApiDocument } from './common/openapi-document.util';
import { createValidationPipe } from './common/validation.pipe';
import { serveWebApp } from './web/serve-web-app.util';

/** Everything about the HTTP surface, shared by main.ts and the tests. */
export function configureApi(app: INestApplication): void {
  app.setGlobalPrefix('api');
  // Behind a proxy, req.ip (rate limits, audit log) is the client's address only if the proxy is trusted.
  (app.getHttpAdapter().getInstance() as Express).set('trust proxy', app.get<AppConfig>(APP_CONFIG).api.trustProxy);
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
  // Before Nest's defaults (which then stay out): sized limits, a depth limit, Russian errors.
  app.use(jsonParser, urlencodedParser, rejectControlCharacters);
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  const document = createOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document);
}
