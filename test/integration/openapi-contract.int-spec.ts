import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { getMetadataStorage } from 'class-validator';
import type { Type } from '@nestjs/common';
import { ACCESS_RULE, type AccessRule } from '../../apps/api/src/auth/access.decorator';
import { discoverRoutes } from '../../apps/api/src/common/route-discovery.util';
import { startOrientirApps, type OrientirApps } from '../support/orientir-apps';

type Schema = {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  allOf?: Schema[];
  [keyword: string]: unknown;
};
interface Operation {
  parameters?: { name: string; in: string; schema?: Schema }[];
  requestBody?: { content: Record<string, { schema?: Schema }> };
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** Which JSON Schema keyword must show each class-validator constraint (independent of the code that adds them). */
const KEYWORD: Record<string, (s: Schema, c: unknown[], each: boolean) => boolean> = {
  isString: (s, _c, each) => (each ? s.items?.type : s.type) === 'string',
  isNotEmpty: (s) => s.type !== 'string' || Number(s.minLength) >= 1,
  maxLength: (s, [n], each) => (each ? s.items : s)?.maxLength === n,
  minLength: (s, [n]) => s.minLength === n,
  isInt: (s) => s.type === 'integer',
  min: (s, [n]) => s.minimum === n,
  max: (s, [n]) => s.maximum === n,
  isEmail: (s, _c, each) => (each ? s.items : s)?.format === 'email',
  isISO8601: (s) => s.format === 'date-time',
  isIso8601: (s) => s.format === 'date-time',
  isUUID: (s, _c, each) => (each ? s.items : s)?.format === 'uuid',
  isUuid: (s, _c, each) => (each ? s.items : s)?.format === 'uuid',
  isIn: (s, [values], each) => JSON.stringify((each ? s.items : s)?.enum) === JSON.stringify(values),
  isArray: (s) => s.type === 'array',
  arrayNotEmpty: (s) => Number(s.minItems) >= 1,
  arrayMaxSize: (s, [n]) => s.maxItems === n,
  arrayMinSize: (s, [n]) => s.minItems === n,
  isBoolean: (s) => s.type === 'boolean',
  isTimeZone: (s) => s.format === 'iana-time-zone',
  matches: (s, [pattern], each) => (each ? s.items : s)?.pattern === (pattern as RegExp).source,
};

/** The OpenAPI document is the contract other clients are generated from: it must tell the whole truth. */
describe('OpenAPI contract', () => {
  let apps: OrientirApps;
  let document: Document;

  beforeAll(async () => {
    apps = await startOrientirApps();
    document = (await request(apps.api.getHttpServer()).get('/api/docs-json').expect(200)).body as Document;
  });
  afterAll(async () => {
    await apps?.close();
  });

  // A nested object with its own description is written as `allOf: [{ $ref }]`: the same schema.
  const resolve = (schema: Schema | undefined): Schema | undefined =>
    schema?.$ref
      ? document.components.schemas[schema.$ref.split('/').pop()!]
      : schema?.allOf?.length === 1
        ? resolve(schema.allOf[0])
        : schema;

  it('answers every undeclared method on every documented path with 405, an Allow header and a Russian error', async () => {
    const checked: string[] = [];
    const templates = Object.entries(document.paths).map(([path, operations]) => ({
      pattern: new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`),
      methods: Object.keys(operations).map((m) => m.toUpperCase()),
    }));
    // e.g. GET /api/roadmaps/import is GET /api/roadmaps/{id}: another route answers it, rightly not with 405.
    const routedElsewhere = (method: string, concrete: string) =>
      templates.some((t) => t.methods.includes(method) && t.pattern.test(concrete));
    for (const [path, operations] of Object.entries(document.paths)) {
      const declared = Object.keys(operations).map((m) => m.toUpperCase());
      const concrete = path.replace(/\{[^}]+\}/g, () => randomUUID());
      for (const method of METHODS.filter((m) => !declared.includes(m) && !routedElsewhere(m, concrete))) {
        const res = await request(apps.api.getHttpServer())[method.toLowerCase() as 'get'](concrete);
        expect({ route: `${method} ${path}`, status: res.status }).toEqual({ route: `${method} ${path}`, status: 405 });
        const allow = String(res.headers.allow).split(/,\s*/).sort();
        // Allow lists what answers at this address, whichever template declares it.
        const answering = new Set(templates.filter((t) => t.pattern.test(concrete)).flatMap((t) => t.methods));
        if (answering.has('GET')) answering.add('HEAD');
        expect(allow).toEqual([...answering].sort());
        expect(res.body).toMatchObject({ error: 'METHOD_NOT_ALLOWED', message: expect.stringMatching(/[а-яё]/i) });
        checked.push(`${method} ${path}`);
      }
    }
    expect(checked.length).toBeGreaterThan(30);
  });

  it('documents every route, with 401 and 403 wherever it is not @Public, 400 wherever it takes input, 500 everywhere', () => {
    const routes = discoverRoutes(apps.api);
    expect(routes.length).toBeGreaterThan(15);
    for (const route of routes) {
      const operation = document.paths[route.openApiPath]?.[route.method.toLowerCase()];
      expect({ route: route.key, documented: Boolean(operation) }).toEqual({ route: route.key, documented: true });
      const statuses = Object.keys(operation.responses);
      const rule = Reflect.getMetadata(ACCESS_RULE, route.handler) as AccessRule | undefined;
      const expected = ['500'];
      if (!rule?.public) expected.push('401', '403');
      if (route.path.includes(':') || route.body || route.query) expected.push('400');
      expect({ route: route.key, statuses }).toEqual({ route: route.key, statuses: expect.arrayContaining(expected) });
      for (const [status, response] of Object.entries(operation.responses)) {
        if (Number(status) < 400) continue;
        const error = resolve(response.content?.['application/json']?.schema)?.properties?.error;
        expect({ route: route.key, status, codes: error?.enum }).toEqual({
          route: route.key,
          status,
          codes: expect.arrayContaining([expect.any(String)]),
        });
      }
    }
  });

  it('declares every class-validator constraint of every DTO (lengths, ranges, formats, enums, sizes)', () => {
    const missing: string[] = [];
    const seen = new Set<Type>();
    const check = (
      cls: Type,
      schemaOf: (property: string) => Schema | undefined,
      isRequired: (property: string) => boolean | undefined,
    ) => {
      if (seen.has(cls)) return;
      seen.add(cls);
      const metadata = getMetadataStorage().getTargetValidationMetadatas(cls, '', true, false);
      const optional = new Set(metadata.filter((m) => m.type === 'conditionalValidation').map((m) => m.propertyName));
      for (const property of new Set(
        metadata.filter((m) => m.type !== 'whitelistValidation').map((m) => m.propertyName),
      )) {
        if (isRequired(property) !== !optional.has(property))
          missing.push(
            `${cls.name}.${property}: required is ${isRequired(property)}, validation says ${!optional.has(property)}`,
          );
      }
      for (const m of metadata) {
        if (m.type === 'conditionalValidation' || m.type === 'whitelistValidation') continue;
        const schema = schemaOf(m.propertyName);
        if (m.type === 'nestedValidation') {
          const nested = resolve(schema?.items ?? schema);
          const nestedCls = Reflect.getMetadata('design:type', cls.prototype, m.propertyName) as Type | undefined;
          if (!nested) missing.push(`${cls.name}.${m.propertyName}: nested schema not documented`);
          else if (nestedCls && nestedCls !== Array)
            check(
              nestedCls,
              (p) => nested.properties?.[p],
              (p) => (nested.required as string[] | undefined)?.includes(p) ?? false,
            );
          continue;
        }
        const name = m.name ?? m.type;
        const keyword = KEYWORD[name];
        if (!schema) missing.push(`${cls.name}.${m.propertyName}: not documented`);
        else if (!keyword) missing.push(`${cls.name}.${m.propertyName}: no rule for ${name}`);
        else if (!keyword(resolve(schema)!, (m.constraints ?? []) as unknown[], m.each ?? false))
          missing.push(`${cls.name}.${m.propertyName}: ${name}(${JSON.stringify(m.constraints ?? [])}) not declared`);
      }
    };
    for (const route of discoverRoutes(apps.api)) {
      const operation = document.paths[route.openApiPath][route.method.toLowerCase()];
      if (route.query) {
        const parameter = (p: string) => operation.parameters?.find((x) => x.name === p);
        check(
          route.query,
          (p) => parameter(p)?.schema,
          (p) => (parameter(p) as { required?: boolean } | undefined)?.required ?? false,
        );
      }
      if (route.body) {
        const content = Object.values(operation.requestBody?.content ?? {})[0];
        const schema = resolve(content?.schema);
        check(
          route.body,
          (p) => schema?.properties?.[p],
          (p) => (schema?.required as string[] | undefined)?.includes(p) ?? false,
        );
      }
    }
    expect(seen.size).toBeGreaterThan(8);
    expect(missing).toEqual([]);
  });

  it('keeps the nested DTOs of a cycle constrained too (spot check against the DTO source)', () => {
    const schemas = document.components.schemas;
    expect(schemas.CreateCycleDto.properties!.title).toMatchObject({ type: 'string', minLength: 1, maxLength: 500 });
    expect(schemas.CreateCycleDto.properties!.year).toMatchObject({ type: 'integer', minimum: 2000, maximum: 2100 });
    expect(schemas.CreateCycleDto.properties!.events).toMatchObject({ minItems: 1, maxItems: 1000 });
    expect(schemas.EventDto.properties!.deadline).toMatchObject({ format: 'date-time' });
    expect(schemas.SchoolDto.properties!.category).toMatchObject({ enum: ['shnor', 'risk_zone', 'shnsu', 'other'] });
    expect(schemas.SchoolDto.properties!.emails.items).toMatchObject({ format: 'email' });
  });
});
