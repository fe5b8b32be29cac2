// fast-check arbitraries built from JSON/OpenAPI schemas: mostly well-formed values (so requests get
// past the first check and reach services and the database), mixed with hostile ones (control
// characters, very long text, deep nesting, huge arrays, boundary numbers, wrong types).
import fc from 'fast-check';

export interface Schema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  oneOf?: Schema[];
  allOf?: Schema[];
  format?: string;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  example?: unknown;
  nullable?: boolean;
}

/** Resolves `#/components/schemas/X` and `#/$defs/X` against the document they came from. */
export type Resolver = (ref: string) => Schema;

export function resolverFor(root: unknown): Resolver {
  return (ref) => {
    const found = ref
      .replace(/^#\//, '')
      .split('/')
      .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], root);
    if (!found) throw new Error(`unresolved $ref ${ref}`);
    return found as Schema;
  };
}

// NUL most often: PostgreSQL refuses it in text, so it is the one that used to reach a 500.
const CONTROL = fc.oneof(
  { weight: 3, arbitrary: fc.constant('\u0000') },
  { weight: 1, arbitrary: fc.constantFrom('\u0001', '\u0007', '\u001b', '\u007f', '\u0085', '\u009f') },
);

/** Text a person would never type but an attacker sends. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.string({ maxLength: 10 }), CONTROL, fc.string({ maxLength: 10 }))
      .map(([a, c, b]) => a + c + b),
  },
  fc.integer({ min: 1000, max: 70_000 }).map((n) => 'я'.repeat(n)),
  fc.constantFrom(
    '',
    ' ',
    '   ',
    '\t\n',
    '2023-13-45',
    '9999-12-31T23:59:59Z',
    '1900-01-01',
    'Mars/Olympus',
    '💥'.repeat(50),
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

export const hostileNumber: fc.Arbitrary<number> = fc.constantFrom(
  -1,
  0,
  0.5,
  -0,
  1e21,
  -1e21,
  2 ** 31,
  2 ** 53 + 1,
  Number.MAX_SAFE_INTEGER,
  Number.MIN_SAFE_INTEGER,
  1900,
  9999,
);

/** JSON nested `depth` levels; kept as a marker because JSON.stringify itself overflows at 5,000 levels. */
export class DeepNesting {
  constructor(readonly depth: number) {}
  json(): string {
    const open = Array.from({ length: this.depth }, (_, i) => (i % 2 ? '[' : '{"a":')).join('');
    const close = Array.from({ length: this.depth }, (_, i) => (i % 2 ? ']' : '}'))
      .reverse()
      .join('');
    return `${open}"x"${close}`;
  }
  [fc.toStringMethod](): string {
    return `<nested ${this.depth} levels>`;
  }
}

/** JSON text of a generated body, with every DeepNesting marker spelled out. */
export function toJsonBody(value: unknown): string {
  const deep: DeepNesting[] = [];
  const text = JSON.stringify(value, (_key, v: unknown) =>
    v instanceof DeepNesting ? `\u0000deep${deep.push(v) - 1}\u0000` : v,
  );
  return text === undefined ? '' : text.replace(/"\\u0000deep(\d+)\\u0000"/g, (_, i: string) => deep[Number(i)].json());
}

/** Deep nesting and huge arrays, of any shape. */
export const hostileShape: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(33, 100, 5000).map((depth) => new DeepNesting(depth)),
  fc.integer({ min: 1000, max: 12_000 }).map((n) => Array.from({ length: n }, (_, i) => ({ name: i }))),
  fc.constantFrom(null, true, 42, 'строка', [], {}),
);

const hostile: fc.Arbitrary<unknown> = fc.oneof(hostileString, hostileNumber, hostileShape);

function typesOf(schema: Schema): string[] {
  if (Array.isArray(schema.type)) return schema.type;
  if (schema.type) return [schema.type];
  if (schema.properties) return ['object'];
  if (schema.items) return ['array'];
  return [];
}

function wellFormed(schema: Schema, resolve: Resolver, depth: number): fc.Arbitrary<unknown> {
  if (schema.$ref) return arbitraryFor(resolve(schema.$ref), resolve, depth);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.oneOf) return fc.oneof(...schema.oneOf.map((s) => arbitraryFor(s, resolve, depth)));
  if (schema.allOf?.length) return arbitraryFor(schema.allOf[0], resolve, depth);
  const options = typesOf(schema).map((type): fc.Arbitrary<unknown> => {
    switch (type) {
      case 'object': {
        if (depth > 6) return fc.constant({});
        const props = Object.entries(schema.properties ?? {});
        const model = Object.fromEntries(props.map(([k, s]) => [k, arbitraryFor(s, resolve, depth + 1)]));
        return fc.record(model, { requiredKeys: (schema.required ?? []).filter((k) => k in model) });
      }
      case 'array':
        return fc.array(schema.items ? arbitraryFor(schema.items, resolve, depth + 1) : fc.jsonValue(), {
          maxLength: 4,
        });
      case 'integer':
        return fc.integer({ min: schema.minimum ?? -1000, max: schema.maximum ?? 10_000 });
      case 'number':
        return fc.double({ min: schema.minimum ?? -1000, max: schema.maximum ?? 10_000, noNaN: true });
      case 'boolean':
        return fc.boolean();
      case 'null':
        return fc.constant(null);
      case 'string':
        if (schema.format === 'date-time') return fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
        if (schema.format === 'email') return fc.emailAddress();
        if (schema.format === 'uuid') return fc.uuid();
        return fc.string({ maxLength: schema.maxLength ? Math.min(schema.maxLength, 40) : 40 });
      default:
        return fc.jsonValue({ maxDepth: 2 });
    }
  });
  if (schema.nullable) options.push(fc.constant(null));
  return options.length ? fc.oneof(...options) : fc.jsonValue({ maxDepth: 2 });
}

/** A value for `schema`: its example, a well-formed value, or (1 in 8) a hostile one. */
export function arbitraryFor(schema: Schema, resolve: Resolver, depth = 0): fc.Arbitrary<unknown> {
  const good = wellFormed(schema, resolve, depth);
  const withExample = schema.example === undefined ? good : fc.oneof(fc.constant(schema.example), good);
  return fc.oneof({ weight: 7, arbitrary: withExample }, { weight: 1, arbitrary: hostile });
}

/** A well-formed value built from the schema's examples, enums and formats (the base that mutations start from). */
export function exampleOf(schema: Schema, resolve: Resolver, depth = 0): unknown {
  if (schema.$ref) return exampleOf(resolve(schema.$ref), resolve, depth);
  if (schema.example !== undefined) return schema.example;
  if (schema.enum) return schema.enum.find((v) => v !== null) ?? null;
  if (schema.oneOf) return exampleOf(schema.oneOf[0], resolve, depth);
  const type = typesOf(schema).find((t) => t !== 'null') ?? 'null';
  switch (type) {
    case 'object':
      return depth > 6
        ? {}
        : Object.fromEntries(
            Object.entries(schema.properties ?? {})
              .filter(([k]) => schema.required?.includes(k) ?? true)
              .map(([k, s]) => [k, exampleOf(s, resolve, depth + 1)]),
          );
    case 'array':
      return schema.items ? [exampleOf(schema.items, resolve, depth + 1)] : [];
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return false;
    case 'string':
      if (schema.format === 'date-time') return '2026-05-01T00:00:00+08:00';
      if (schema.format === 'email') return 'fuzz@example.ru';
      if (schema.format === 'uuid') return '00000000-0000-4000-8000-000000000000';
      return 'текст';
    default:
      return null;
  }
}

function leafPaths(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []) {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => leafPaths(v, [...prefix, i], out));
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) leafPaths(v, [...prefix, k], out);
  return out;
}

function replaced(base: unknown, at: (string | number)[], value: unknown): unknown {
  if (!at.length) return value;
  const copy = (Array.isArray(base) ? [...base] : { ...(base as object) }) as Record<string | number, unknown>;
  copy[at[0]] = replaced(copy[at[0]], at.slice(1), value);
  return copy;
}

/** The base with one to three of its fields (or the whole) replaced by arbitrary or hostile values. */
export function mutationsOf(base: unknown): fc.Arbitrary<unknown> {
  const paths = leafPaths(base);
  const replacement = fc.oneof(
    { weight: 3, arbitrary: hostileString },
    { weight: 1, arbitrary: hostileNumber },
    { weight: 1, arbitrary: hostileShape },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
  return fc
    .array(fc.tuple(fc.nat({ max: paths.length - 1 }), replacement), { minLength: 1, maxLength: 3 })
    .map((edits) => edits.reduce<unknown>((body, [i, value]) => replaced(body, paths[i], value), base));
}
