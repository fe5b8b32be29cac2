import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { roadmapSchema } from '@orientir/roadmap-import';

/** The name under which the canonical roadmap's JSON Schema is published in the OpenAPI components. */
export const CANONICAL_ROADMAP_SCHEMA = 'CanonicalRoadmap';

/** Reference to the canonical roadmap schema, for `@ApiProperty({ allOf: [...] })`. */
export const canonicalRoadmapRef = { $ref: `#/components/schemas/${CANONICAL_ROADMAP_SCHEMA}` };

/** Builds the OpenAPI document of the HTTP API (used by /api/docs and the web client's type generator). */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Orientir API')
      .setDescription('Roadmap cycles, schools and events')
      .setVersion('0.1')
      .build(),
  );
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, ...roadmapSchemas() },
  };
  return document;
}

/** The importer's JSON Schema, with its $defs moved into components so one contract describes both. */
function roadmapSchemas(): Record<string, object> {
  const {
    $defs,
    $schema: _s,
    $id: _i,
    ...root
  } = roadmapSchema as unknown as Record<string, unknown> & {
    $defs: Record<string, unknown>;
  };
  const name = (def: string) => `Roadmap${def[0].toUpperCase()}${def.slice(1)}`;
  const rewrite = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rewrite);
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [
          k,
          k === '$ref' && typeof v === 'string'
            ? v.replace(/^#\/\$defs\/(.+)$/, (_m, d: string) => `#/components/schemas/${name(d)}`)
            : rewrite(v),
        ]),
      );
    }
    return value;
  };
  const schemas: Record<string, object> = { [CANONICAL_ROADMAP_SCHEMA]: rewrite(root) as object };
  for (const [def, schema] of Object.entries($defs)) schemas[name(def)] = rewrite(schema) as object;
  return schemas;
}
