// Fuzz test over every write endpoint the OpenAPI document declares: bodies generated from the
// schemas with fast-check (plus hostile values), sent as an administrator. Only 2xx or 4xx may
// come back, never 5xx, and a refused request leaves no row behind.
//   CI: a fixed seed and FUZZ_RUNS (default 20) runs per endpoint.
//   Longer: `npm run test:fuzz` (FUZZ_RUNS=300), or FUZZ_SEED=<n> FUZZ_RUNS=<n> to replay or widen.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import request from 'supertest';
import {
  arbitraryFor,
  exampleOf,
  hostileString,
  mutationsOf,
  resolverFor,
  toJsonBody,
  type Schema,
} from '../../support/openapi-arbitrary';
import { ADMIN, clientWith, type ApiClient } from '../../support/auth-clients';
import { useHarness } from '../../support/test-harness';

const SEED = Number(process.env.FUZZ_SEED ?? 20261123);
const RUNS = Number(process.env.FUZZ_RUNS ?? 20);
const CANONICAL_SCHEMA = JSON.parse(
  fs.readFileSync(path.resolve(__dirname, '../../../libs/roadmap-import/src/schema/roadmap.schema.json'), 'utf8'),
) as Schema;
const SEED_ROADMAP = path.resolve(__dirname, '../../fixtures/roadmaps/irkutsk-city-2023.txt');
const COUNTED = ['cycles', 'schools', 'roadmap_events', 'roadmaps', 'users', 'role_grants', 'api_tokens'] as const;

interface Operation {
  parameters?: { name: string; in: 'path' | 'query'; schema?: Schema }[];
  requestBody?: { content: Record<string, { schema?: Schema }> };
}
interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
}

type Method = 'post' | 'put' | 'patch' | 'delete';
const WRITES: Method[] = ['post', 'put', 'patch', 'delete'];

describe('fuzz: every write endpoint answers 2xx or 4xx, never 5xx, and stores nothing half', () => {
  // Counts whole tables and matches against the whole directory: its own database.
  const harness = useHarness({ ownDatabase: true });
  const ids: string[] = [];
  let seedRoadmap: unknown;

  const counts = async () => {
    const row = (
      await harness.db.query(`SELECT ${COUNTED.map((t) => `(SELECT count(*)::int FROM ${t}) AS ${t}`).join(', ')}`)
    ).rows[0] as Record<string, number>;
    return row;
  };
  const halfStored = async () =>
    (
      await harness.db.query(`
        SELECT (SELECT count(*)::int FROM cycles c WHERE NOT EXISTS (SELECT 1 FROM roadmap_events e WHERE e.cycle_id = c.id)) AS cycles_without_events,
               (SELECT count(*)::int FROM users u WHERE NOT EXISTS (SELECT 1 FROM role_grants g WHERE g.user_id = u.id)) AS users_without_grants`)
    ).rows[0] as Record<string, number>;

  beforeAll(async () => {
    // Real objects, so some generated requests reach services and workflows, not only the 404 path.
    const cycle = await harness.admin
      .post('/api/cycles')
      .send({
        title: 'Цикл для фаззинга',
        year: 2026,
        timezone: 'Asia/Irkutsk',
        municipality: 'г. Иркутск',
        schools: [{ name: 'Школа для фаззинга', category: 'shnor' }],
        events: [
          {
            number: '1',
            title: 'Мероприятие',
            opensAt: '2026-05-01T00:00:00+08:00',
            deadline: '2026-12-20T23:59:59+08:00',
            executors: [{ name: 'МКУ «ИМЦРО»' }],
          },
        ],
      })
      .expect(201);
    const preview = await harness.admin.post('/api/roadmaps/import').attach('file', SEED_ROADMAP).expect(201);
    const roadmap = await harness.admin.post('/api/roadmaps').send(preview.body.roadmap).expect(201);
    ids.push(cycle.body.id, cycle.body.schools[0].id, roadmap.body.id);
    seedRoadmap = preview.body.roadmap;
  });

  it('holds for every write endpoint of the OpenAPI document', async () => {
    const doc = (await request(harness.apps.api.getHttpServer()).get('/api/docs-json').expect(200)).body as OpenApi;
    const resolve = resolverFor(doc);
    const resolveCanonical = resolverFor(CANONICAL_SCHEMA);
    // Ids created during the run join the pool, so a stored roadmap is then used to create a cycle.
    const idArb = fc.oneof(
      fc.nat().map((i) => ids[i % ids.length]),
      fc.uuid(),
      hostileString,
      fc.constantFrom('1e21', '..', '-1'),
    );
    const exercised: string[] = [];
    const statuses: Record<string, Record<number, number>> = {};

    for (const [route, item] of Object.entries(doc.paths)) {
      for (const method of WRITES) {
        const op = item[method];
        if (!op) continue;
        const name = `${method.toUpperCase()} ${route}`;
        exercised.push(name);
        const params = op.parameters ?? [];
        const pathParams = fc.record(
          Object.fromEntries(params.filter((p) => p.in === 'path').map((p) => [p.name, idArb])) as Record<
            string,
            fc.Arbitrary<string>
          >,
        );
        const query = fc.record(
          Object.fromEntries(
            params
              .filter((p) => p.in === 'query')
              .map((p) => [p.name, arbitraryFor(p.schema ?? { type: 'string' }, resolve).map(String)]),
          ) as Record<string, fc.Arbitrary<string>>,
          { requiredKeys: [] },
        );
        const content = op.requestBody?.content ?? {};
        const multipart = content['multipart/form-data']?.schema;
        const jsonSchema = content['application/json']?.schema;
        // POST /api/roadmaps takes the canonical roadmap, whose schema lives beside the importer.
        const body: fc.Arbitrary<unknown> = multipart
          ? fc.record({
              file: fc.oneof(
                fc.uint8Array({ maxLength: 4096 }).map((b) => ({ bytes: Buffer.from(b), name: 'roadmap.docx' })),
                fc.string({ maxLength: 2000 }).map((s) => ({ bytes: Buffer.from(s), name: 'roadmap.csv' })),
                fc.constant({ bytes: fs.readFileSync(SEED_ROADMAP), name: 'roadmap.txt' }),
              ),
              year: arbitraryFor({ type: 'integer', minimum: 1990, maximum: 2110 }, resolve).map(String),
              timezone: arbitraryFor({ type: 'string', example: 'Asia/Irkutsk' }, resolve).map(String),
            })
          : route === '/api/roadmaps' && method === 'post'
            ? fc.oneof(
                arbitraryFor(CANONICAL_SCHEMA, resolveCanonical),
                fc.constant(seedRoadmap),
                mutationsOf(seedRoadmap),
              )
            : jsonSchema
              ? fc.oneof(
                  arbitraryFor(jsonSchema, resolve),
                  // A valid body with a few fields broken reaches deeper than a random one.
                  fc.constant(exampleOf(jsonSchema, resolve)),
                  mutationsOf(exampleOf(jsonSchema, resolve)),
                )
              : fc.constant(undefined);

        await fc.assert(
          fc.asyncProperty(pathParams, query, body, async (p, q, b) => {
            // Signing out would end the shared admin session: those calls get a session of their own.
            const client: ApiClient = route.includes('logout') ? await clientWith(harness.apps, ADMIN) : harness.admin;
            const url = route.replace(/\{(\w+)\}/g, (_, key: string) => encodeURIComponent(p[key] ?? ''));
            const before = await counts();
            let call = client.request(method, url).query(q);
            if (multipart) {
              const form = b as { file: { bytes: Buffer; name: string }; year: string; timezone: string };
              call = call
                .attach('file', form.file.bytes, form.file.name)
                .field('year', form.year)
                .field('timezone', form.timezone);
            } else if (b !== undefined) {
              call = call.set('Content-Type', 'application/json').send(toJsonBody(b));
            }
            const res = await call;
            const where = `${name} → ${res.status} ${String(res.text).slice(0, 300)}`;
            (statuses[name] ??= {})[res.status] = (statuses[name][res.status] ?? 0) + 1;
            const created = (res.body as { id?: unknown } | undefined)?.id;
            if (res.status === 201 && typeof created === 'string') ids.push(created);
            if (res.status >= 500 || res.status < 200) throw new Error(where);
            if (res.status >= 400) expect({ where, counts: await counts() }).toEqual({ where, counts: before });
            expect({ where, ...(await halfStored()) }).toEqual({
              where,
              cycles_without_events: 0,
              users_without_grants: 0,
            });
          }),
          { seed: SEED, numRuns: RUNS, endOnFailure: true },
        );
      }
    }
    process.stdout.write(`\n[fuzz] seed ${SEED}, ${RUNS} runs per endpoint: ${JSON.stringify(statuses)}\n`);
    expect(exercised).toEqual(
      expect.arrayContaining([
        'POST /api/cycles',
        'POST /api/schools/{id}/self-diagnosis',
        'POST /api/roadmaps',
        'POST /api/roadmaps/import',
        'POST /api/users',
        'POST /api/auth/login',
        'DELETE /api/auth/tokens/{id}',
      ]),
    );
  }, 900_000);
});
