import type { INestApplication, Type } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { roadmapSchema } from '@orientir/roadmap-import';
import type {
  OperationObject,
  ParameterObject,
  ReferenceObject,
  SchemaObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { ThrottlerGuard } from '@nestjs/throttler';
import { getMetadataStorage } from 'class-validator';
import { ACCESS_RULE, type AccessRule } from '../auth/access.decorator';
import { AuthErrorCode } from '../auth/auth.exception';
import { API_ERRORS } from './api-errors.decorator';
import { ERROR_STATUS, type ErrorCode } from './error-responses.util';
import { RequestErrorCode } from './request.exception';
import { discoverRoutes, type DiscoveredRoute } from './route-discovery.util';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The name under which the canonical roadmap's JSON Schema is published in the OpenAPI components. */
export const CANONICAL_ROADMAP_SCHEMA = 'CanonicalRoadmap';

/** Reference to the canonical roadmap schema, for `@ApiProperty({ allOf: [...] })`. */
export const canonicalRoadmapRef = { $ref: `#/components/schemas/${CANONICAL_ROADMAP_SCHEMA}` };

/**
 * The OpenAPI document as a contract: besides what @nestjs/swagger derives, every route lists every
 * error status it can answer (from its access rule, its inputs, its guards and its @ApiErrors codes,
 * mapped through ERROR_STATUS) and every schema carries the class-validator constraints its DTO
 * enforces (lengths, ranges, formats, enums, array sizes).
 */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Orientir API')
      .setDescription(
        'Roadmap cycles, schools and events. Every error answers { error, message, details }: ' +
          '`error` is a stable code, `message` is Russian and meant for people.',
      )
      .setVersion('0.1')
      .addCookieAuth('orientir_session')
      .addBearerAuth()
      .build(),
  );
  const classes = validatedClassesByName();
  for (const route of discoverRoutes(app)) {
    const operation = document.paths[route.openApiPath]?.[route.method.toLowerCase() as 'get'];
    if (!operation) continue;
    declareErrors(operation, errorCodesOf(route));
    const rule = Reflect.getMetadata(ACCESS_RULE, route.handler) as AccessRule | undefined;
    if (rule && !rule.public) operation.security = [{ cookie: [] }, { bearer: [] }];
    if (route.query) constrainParameters(operation.parameters ?? [], route.query);
    if (route.body) {
      for (const media of Object.values(bodyContent(operation))) {
        if (media.schema && !('$ref' in media.schema)) constrainSchema(media.schema, route.body);
      }
    }
  }
  for (const [name, schema] of Object.entries(document.components?.schemas ?? {})) {
    const cls = classes.get(name);
    if (cls && !('$ref' in schema)) constrainSchema(schema, cls);
  }
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, ...roadmapSchemas() },
  };
  return document;
}

/** What a route can fail with, beyond its own @ApiErrors list. */
export function errorCodesOf(route: DiscoveredRoute): ErrorCode[] {
  const codes = new Set<ErrorCode>((Reflect.getMetadata(API_ERRORS, route.handler) as ErrorCode[] | undefined) ?? []);
  const rule = Reflect.getMetadata(ACCESS_RULE, route.handler) as AccessRule | undefined;
  if (!rule) codes.add(AuthErrorCode.ROUTE_WITHOUT_RULE);
  else if (!rule.public) {
    codes.add(AuthErrorCode.UNAUTHENTICATED);
    codes.add(AuthErrorCode.ROLE_NOT_ALLOWED);
    // A session opened by a one-click link is refused everywhere but its one item.
    codes.add(AuthErrorCode.LINK_OUT_OF_SCOPE);
    if (!SAFE_METHODS.has(route.method)) codes.add(AuthErrorCode.CSRF_FAILED);
  }
  if (route.guards.includes(ThrottlerGuard)) codes.add(RequestErrorCode.TOO_MANY_REQUESTS);
  if (route.path.includes(':') || route.query || route.body) codes.add(RequestErrorCode.VALIDATION_FAILED);
  if (route.body) {
    codes.add(RequestErrorCode.MALFORMED_BODY);
    codes.add(RequestErrorCode.PAYLOAD_TOO_LARGE);
  }
  // Every route reads PostgreSQL (at least to authenticate): 503 while it is unreachable.
  codes.add(RequestErrorCode.SERVICE_UNAVAILABLE);
  codes.add(RequestErrorCode.INTERNAL_ERROR);
  return [...codes];
}

function declareErrors(operation: OperationObject, codes: ErrorCode[]): void {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes) byStatus.set(ERROR_STATUS[code], [...(byStatus.get(ERROR_STATUS[code]) ?? []), code]);
  for (const [status, list] of byStatus) {
    const sorted = [...list].sort();
    operation.responses[String(status)] = {
      description: `Error codes: ${sorted.join(', ')}`,
      content: {
        'application/json': {
          schema: {
            type: 'object',
            required: ['error', 'message', 'details'],
            properties: {
              error: { type: 'string', enum: sorted },
              message: { type: 'string', description: 'Russian, for people' },
              details: {
                description: 'Rows or fields at fault: a list of lines, or { row, field, value } for import errors',
                oneOf: [
                  { type: 'array', items: { type: 'string' } },
                  {
                    type: 'object',
                    properties: { row: { type: 'string' }, field: { type: 'string' }, value: { type: 'string' } },
                  },
                ],
              },
            },
          },
        },
      },
    };
  }
}

function bodyContent(operation: OperationObject): Record<string, { schema?: SchemaObject | ReferenceObject }> {
  const body = operation.requestBody;
  return body && !('$ref' in body) ? body.content : {};
}

interface Constraint {
  property: string;
  name: string;
  constraints: unknown[];
  each: boolean;
}

/** class-validator keeps its metadata per class; the document names schemas by class name. */
function validatedClassesByName(): Map<string, Type> {
  const storage = getMetadataStorage() as unknown as { validationMetadatas?: Map<Type, unknown> };
  return new Map([...(storage.validationMetadatas?.keys() ?? [])].map((cls) => [cls.name, cls]));
}

export function constraintsOf(cls: Type): Constraint[] {
  return getMetadataStorage()
    .getTargetValidationMetadatas(cls, '', true, false)
    .filter((m) => m.type !== 'conditionalValidation' && m.type !== 'nestedValidation')
    .map((m) => ({
      property: m.propertyName,
      name: m.name ?? m.type,
      constraints: (m.constraints ?? []) as unknown[],
      each: m.each ?? false,
    }));
}

/** Validated properties that may be left out (@IsOptional), and those that may not. */
function presenceOf(cls: Type): { optional: Set<string>; validated: Set<string> } {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(cls, '', true, false);
  return {
    optional: new Set(metadata.filter((m) => m.type === 'conditionalValidation').map((m) => m.propertyName)),
    validated: new Set(metadata.filter((m) => m.type !== 'whitelistValidation').map((m) => m.propertyName)),
  };
}

function constrainParameters(parameters: (ParameterObject | ReferenceObject)[], cls: Type): void {
  const { optional } = presenceOf(cls);
  for (const c of constraintsOf(cls)) {
    const parameter = parameters.find((p): p is ParameterObject => !('$ref' in p) && p.name === c.property);
    if (!parameter) continue;
    parameter.schema = applyConstraint((parameter.schema ?? {}) as SchemaObject, c);
    parameter.required = !optional.has(c.property);
  }
}

function constrainSchema(schema: SchemaObject, cls: Type): void {
  for (const c of constraintsOf(cls)) {
    const property = schema.properties?.[c.property];
    if (property && !('$ref' in property)) schema.properties![c.property] = applyConstraint(property, c);
  }
  // `required` says what validation really demands, whatever @ApiProperty claimed.
  const { optional, validated } = presenceOf(cls);
  const present = Object.keys(schema.properties ?? {});
  const required = new Set(schema.required ?? []);
  for (const name of present.filter((p) => validated.has(p))) {
    if (optional.has(name)) required.delete(name);
    else required.add(name);
  }
  if (required.size) schema.required = [...required];
  else delete schema.required;
}

type Keyword = (property: SchemaObject, value: SchemaObject, first: unknown) => void;

/** Each class-validator constraint in JSON Schema words: `property` is the array for `each` constraints, `value` its items. */
const KEYWORDS: Record<string, Keyword> = {
  isString: (_p, v) => (v.type = 'string'),
  isNotEmpty: (_p, v) => {
    if (v.type === 'string') v.minLength = Math.max(v.minLength ?? 0, 1);
  },
  maxLength: (_p, v, n) => (v.maxLength = Number(n)),
  minLength: (_p, v, n) => (v.minLength = Number(n)),
  isInt: (_p, v) => (v.type = 'integer'),
  min: (_p, v, n) => (v.minimum = Number(n)),
  max: (_p, v, n) => (v.maximum = Number(n)),
  isEmail: (_p, v) => (v.format = 'email'),
  isIso8601: (_p, v) => (v.format = 'date-time'),
  isISO8601: (_p, v) => (v.format = 'date-time'),
  isUuid: (_p, v) => (v.format = 'uuid'),
  isUUID: (_p, v) => (v.format = 'uuid'),
  isIn: (_p, v, values) => (v.enum = [...(values as readonly unknown[])]),
  isEnum: (_p, v, values) => (v.enum = Object.values(values as object)),
  isBoolean: (_p, v) => (v.type = 'boolean'),
  matches: (_p, v, pattern) => (v.pattern = (pattern as RegExp).source),
  isTimeZone: (_p, v) => (v.format = 'iana-time-zone'),
  isArray: (p) => (p.type = 'array'),
  arrayNotEmpty: (p) => (p.minItems = Math.max(p.minItems ?? 0, 1)),
  arrayMaxSize: (p, _v, n) => (p.maxItems = Number(n)),
  arrayMinSize: (p, _v, n) => (p.minItems = Number(n)),
};

/** Applies one constraint; an unknown one is left for the contract test to flag. */
export function applyConstraint(schema: SchemaObject, c: Constraint): SchemaObject {
  const value: SchemaObject = c.each && schema.type === 'array' ? (schema.items as SchemaObject) : schema;
  KEYWORDS[c.name]?.(schema, value, c.constraints[0]);
  return schema;
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
