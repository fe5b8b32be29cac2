import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { DomainExceptionFilter } from './common/domain-exception.filter';
import { createValidationPipe } from './common/validation.pipe';

/** Everything about the HTTP surface, shared by main.ts and the tests. */
export function configureApi(app: INestApplication): void {
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new DomainExceptionFilter());
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle('Orientir API').setDescription('Roadmap cycles, schools and events').setVersion('0.1').build(),
  );
  SwaggerModule.setup('api/docs', app, document);
}
