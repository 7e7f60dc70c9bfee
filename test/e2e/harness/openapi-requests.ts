import fc from 'fast-check';
import { DEEP, garbageAuthorization, hostileJson, hostileString, ifMatchValues, malformedSegment, deeplyNested, encodeSegment, suffix } from './hostile';

/**
 * Requests generated from the OpenAPI document alone: whatever operation the document lists is
 * exercised, so an endpoint added later is covered without touching the harness.
 *
 * A generated request is plain data (printable, replayable from the seed). What depends on the state
 * of the database when the request is sent (an id of an existing row) is a `Pick`: "the n-th of the
 * existing candidates", resolved at sending time.
 */

export type Schema = {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  nullable?: boolean;
  example?: unknown;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  additionalProperties?: boolean | Schema;
};

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}

export interface Operation {
  /** `POST /api/v1/committees` */
  key: string;
  method: string;
  /** the document's path template, `/api/v1/rounds/{id}/needs/{needId}` */
  template: string;
  pathParams: Parameter[];
  queryParams: Parameter[];
  headerParams: Parameter[];
  body?: Schema;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: Schema }> } }>>;
  components?: { schemas?: Record<string, Schema> };
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

export function operationsOf(doc: OpenApiDocument): Operation[] {
  const ops: Operation[] = [];
  for (const [template, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!METHODS.includes(method)) continue;
      const params = op.parameters ?? [];
      const content = op.requestBody?.content ?? {};
      const body = (content['application/json'] ?? Object.values(content)[0])?.schema;
      ops.push({
        key: `${method.toUpperCase()} ${template}`,
        method: method.toUpperCase(),
        template,
        pathParams: params.filter((p) => p.in === 'path'),
        queryParams: params.filter((p) => p.in === 'query'),
        headerParams: params.filter((p) => p.in === 'header'),
        body: body ? resolve(doc, body) : undefined,
      });
    }
  }
  return ops;
}

/** The schema with every $ref and allOf inlined (the document's schemas are not recursive). */
export function resolve(doc: OpenApiDocument, schema: Schema, depth = 0): Schema {
  if (depth > 20) return {};
  let s = schema;
  if (s.$ref) {
    const name = s.$ref.replace('#/components/schemas/', '');
    const target = doc.components?.schemas?.[name];
    if (!target) throw new Error(`The document refers to a schema it lacks: ${s.$ref}`);
    s = { ...target, ...omit(s, '$ref') };
  }
  if (s.allOf) {
    const merged = s.allOf.map((part) => resolve(doc, part, depth + 1)).reduce((a, b) => ({ ...a, ...b, properties: { ...a.properties, ...b.properties } }), {} as Schema);
    s = { ...merged, ...omit(s, 'allOf'), properties: { ...merged.properties, ...s.properties } };
    if (merged.type === 'object' || merged.properties) s.type = 'object';
  }
  const out: Schema = { ...s };
  if (s.properties) out.properties = Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, resolve(doc, v, depth + 1)]));
  if (s.items) out.items = resolve(doc, s.items, depth + 1);
  if (s.oneOf) out.oneOf = s.oneOf.map((v) => resolve(doc, v, depth + 1));
  if (s.anyOf) out.anyOf = s.anyOf.map((v) => resolve(doc, v, depth + 1));
  return out;
}

function omit<T extends object>(o: T, key: string): T {
  const copy = { ...o } as Record<string, unknown>;
  delete copy[key];
  return copy as T;
}

/** "The n-th existing value for this name" (a path parameter, or a uuid field of a body by its name). */
export interface Pick {
  pick: string;
  n: number;
}
export const isPick = (v: unknown): v is Pick => typeof v === 'object' && v !== null && typeof (v as Pick).pick === 'string' && typeof (v as Pick).n === 'number';

export type Caller = 'admin' | 'strategist' | 'coordinator' | 'management' | 'secretary' | 'nobody';
export const CALLERS: Caller[] = ['admin', 'strategist', 'coordinator', 'management', 'secretary', 'nobody'];

export type PathValue = { existing: Pick } | { uuid: string } | { raw: string };
export type BodySpec = { none: true } | { json: unknown } | { raw: string };

export interface GeneratedRequest {
  op: string;
  path: Record<string, PathValue>;
  query: [string, unknown][];
  auth: { caller: Caller } | { header: string } | 'none';
  headers: Record<string, string>;
  body: BodySpec;
  /** for a body: whether it was built valid (no mutation applied) — informational */
  valid: boolean;
}

const today = new Date();
const isoDay = (offset: number) => new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + offset)).toISOString().slice(0, 10);

/** A valid value for a schema, as far as the schema says (ids of existing rows are Picks). */
export function validValue(schema: Schema, name: string, depth = 0): fc.Arbitrary<unknown> {
  const base = validNonNull(schema, name, depth);
  return schema.nullable ? fc.oneof({ arbitrary: base, weight: 5 }, { arbitrary: fc.constant(null), weight: 1 }) : base;
}

function validNonNull(schema: Schema, name: string, depth: number): fc.Arbitrary<unknown> {
  if (schema.enum && schema.enum.length > 0) return fc.constantFrom(...schema.enum);
  if (schema.format === 'date') return fc.oneof({ arbitrary: fc.integer({ min: 1, max: 500 }).map(isoDay), weight: 3 }, { arbitrary: fc.integer({ min: -500, max: 0 }).map(isoDay), weight: 1 });
  if (schema.format === 'date-time') return fc.integer({ min: -100, max: 100 }).map((d) => `${isoDay(d)}T10:00:00.000Z`);
  if (schema.format === 'uuid') return fc.nat().map((n): Pick => ({ pick: name, n }));
  if (schema.oneOf?.length || schema.anyOf?.length) return fc.oneof(...(schema.oneOf ?? schema.anyOf ?? []).map((s) => validValue(s, name, depth + 1)));
  const type = schema.type ?? (schema.properties ? 'object' : schema.items ? 'array' : typeof schema.example);
  switch (type) {
    case 'string':
      return validString(schema, name);
    case 'integer':
    case 'number': {
      const min = schema.minimum ?? 0;
      const max = schema.maximum ?? Math.max(min + 1000, 1000);
      return type === 'integer' || Number.isInteger(schema.example ?? 0) ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) }) : fc.double({ min, max, noNaN: true });
    }
    case 'boolean':
      return fc.boolean();
    case 'array': {
      const items = schema.items ?? {};
      const itemName = name.replace(/s$/, '');
      const min = schema.minItems ?? 0;
      const arb = fc.array(validValue(items, itemName, depth + 1), { minLength: min, maxLength: Math.max(min, Math.min(schema.maxItems ?? 3, 3)) });
      return Array.isArray(schema.example) ? fc.oneof(fc.constant(schema.example), arb) : arb;
    }
    case 'object': {
      if (!schema.properties || depth > 6) return schema.example !== undefined ? fc.constant(schema.example) : fc.constant({});
      const required = schema.required ?? [];
      const model = Object.fromEntries(Object.entries(schema.properties).map(([k, v]) => [k, validValue(v, k, depth + 1)]));
      return fc.record(model, { requiredKeys: required });
    }
    default:
      return schema.example !== undefined ? fc.constant(schema.example) : fc.constant('Harness');
  }
}

function validString(schema: Schema, name: string): fc.Arbitrary<string> {
  const max = schema.maxLength ?? 200;
  const min = schema.minLength ?? 1;
  const withinLength = (s: string) => (s.length < min ? s + 'x'.repeat(min - s.length) : s).slice(0, max);
  if (schema.format === 'email') return suffix.map((s) => `harness.${s}@malmo.example`);
  if (schema.pattern) {
    const re = new RegExp(schema.pattern);
    return fc.stringMatching(re).filter((s) => s.length >= min && s.length <= max && re.test(s));
  }
  if (typeof schema.example === 'string') {
    const example = schema.example;
    return fc.oneof(fc.constant(withinLength(example)), suffix.map((s) => withinLength(`${example}_${s}`)));
  }
  return suffix.map((s) => withinLength(`Harness ${name} ${s}`));
}

/** Every property path the schema names (to mutate a field, present or not). */
export function schemaPaths(schema: Schema, prefix: string[] = [], depth = 0): string[][] {
  if (depth > 4) return [];
  const out: string[][] = [];
  for (const [k, v] of Object.entries(schema.properties ?? {})) {
    out.push([...prefix, k]);
    out.push(...schemaPaths(v, [...prefix, k], depth + 1));
    if (v.items?.properties) out.push(...schemaPaths(v.items, [...prefix, k, '0'], depth + 1));
  }
  return out;
}

type Mutation =
  | { kind: 'set'; at: number; value: unknown }
  | { kind: 'delete'; at: number }
  | { kind: 'unknown'; at: number; key: string; value: unknown }
  | { kind: 'whole'; value: unknown };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: hostileJson }), weight: 6 },
  { arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }), weight: 2 },
  {
    arbitrary: fc.record({ kind: fc.constant('unknown' as const), at: fc.nat(), key: fc.constantFrom('extra', 'id', 'createdAt', '__proto__', 'constructor', 'isAdmin', 'Ö', ''), value: hostileJson }),
    weight: 1,
  },
  { arbitrary: fc.record({ kind: fc.constant('whole' as const), value: hostileJson }), weight: 1 },
);

/** Applies mutations to a copy of a valid body; paths are picked from the schema's and the body's own. */
export function mutate(body: unknown, paths: string[][], mutations: Mutation[]): unknown {
  let out: unknown = structuredClone(body);
  // (values from fc.constantFrom are shared between runs: copied, never changed in place)
  for (const { ...m } of mutations) {
    if ('value' in m) m.value = structuredClone(m.value);
    if (m.kind === 'whole') {
      out = m.value;
      continue;
    }
    if (typeof out !== 'object' || out === null) out = {};
    const all = [[] as string[], ...paths, ...pathsOf(out)];
    const target = all[m.at % all.length];
    if (m.kind === 'unknown') {
      const parent = ensure(out as Record<string, unknown>, target);
      Object.defineProperty(parent, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
    } else if (target.length === 0) {
      out = m.kind === 'set' ? m.value : undefined;
      if (out === undefined) out = {};
    } else {
      const parent = ensure(out as Record<string, unknown>, target.slice(0, -1));
      const last = target[target.length - 1];
      if (m.kind === 'set') parent[last] = m.value;
      else delete parent[last];
    }
  }
  return out;
}

function ensure(root: Record<string, unknown>, path: string[]): Record<string, unknown> {
  let node = root;
  for (const key of path) {
    const next = node[key];
    if (typeof next !== 'object' || next === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  return node;
}

function pathsOf(value: unknown, prefix: string[] = [], depth = 0): string[][] {
  if (typeof value !== 'object' || value === null || depth > 4) return [];
  return Object.entries(value).flatMap(([k, v]) => [[...prefix, k], ...pathsOf(v, [...prefix, k], depth + 1)]);
}

const RAW_BODIES = ['', '{', '}', 'null', '[]', '"x"', '0', 'true', '{"a":1,}', "{'a':1}", '{"a":1}{"b":2}', '\ufeff{}', '1e400', '{"__proto__":{"polluted":1}}', DEEP];

const callerArb: fc.Arbitrary<GeneratedRequest['auth']> = fc.oneof(
  { arbitrary: fc.constant({ caller: 'admin' as Caller }), weight: 10 },
  { arbitrary: fc.constantFrom<Caller>('strategist', 'coordinator', 'management', 'secretary', 'nobody').map((caller) => ({ caller })), weight: 5 },
  { arbitrary: fc.constant('none' as const), weight: 1 },
  { arbitrary: garbageAuthorization.map((header) => ({ header })), weight: 1 },
);

/** The arbitrary of one operation's requests. */
export function requestsFor(op: Operation): fc.Arbitrary<GeneratedRequest> {
  const pathArb = fc.record(
    Object.fromEntries(
      op.pathParams.map((p) => {
        const enumValues = p.schema?.enum as string[] | undefined;
        const existing = enumValues?.length
          ? fc.constantFrom(...enumValues).map((v): PathValue => ({ raw: encodeSegment(v) }))
          : fc.nat().map((n): PathValue => ({ existing: { pick: `${op.template}#${p.name}`, n } }));
        return [
          p.name,
          fc.oneof(
            { arbitrary: existing, weight: 8 },
            { arbitrary: fc.uuid().map((uuid): PathValue => ({ uuid })), weight: 1 },
            { arbitrary: malformedSegment.map((raw): PathValue => ({ raw })), weight: 1 },
          ),
        ];
      }),
    ),
  ) as fc.Arbitrary<Record<string, PathValue>>;

  const queryEntry = (p: Parameter): fc.Arbitrary<[string, unknown][]> =>
    fc.oneof(
      { arbitrary: fc.constant([] as [string, unknown][]), weight: 4 },
      { arbitrary: validValue(p.schema ?? { type: 'string' }, p.name).map((v): [string, unknown][] => [[p.name, v]]), weight: 3 },
      { arbitrary: hostileString.map((v): [string, unknown][] => [[p.name, v]]), weight: 2 },
      { arbitrary: fc.tuple(hostileString, hostileString).map(([a, b]): [string, unknown][] => [[p.name, a], [p.name, b]]), weight: 1 },
    );
  const queryArb = fc
    .tuple(fc.tuple(...op.queryParams.map(queryEntry)), fc.oneof({ arbitrary: fc.constant([] as [string, unknown][]), weight: 9 }, { arbitrary: hostileString.map((v): [string, unknown][] => [['unknown', v]]), weight: 1 }))
    .map(([entries, extra]) => [...entries.flat(), ...extra]);

  const headerArb = fc.record(
    {
      'if-match': op.headerParams.some((h) => h.name.toLowerCase() === 'if-match') ? ifMatchValues : fc.constantFrom('"1"', '*'),
      'content-type': fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1', 'application/xml', 'application/json; charset=utf-8'),
      accept: fc.constantFrom('text/html', '*/*', 'application/xml'),
      'x-forwarded-for': fc.constantFrom('203.0.113.9', '::1', 'nonsense, 10.0.0.1'),
    },
    { requiredKeys: [] },
  ) as fc.Arbitrary<Record<string, string>>;

  const bodyArb: fc.Arbitrary<{ body: BodySpec; valid: boolean }> = op.body
    ? (() => {
        const schema = op.body;
        const valid = validValue(schema, 'body');
        const paths = schemaPaths(schema);
        return fc.oneof(
          { arbitrary: valid.map((json) => ({ body: { json }, valid: true })), weight: 3 },
          { arbitrary: fc.tuple(valid, fc.array(mutation, { minLength: 1, maxLength: 3 })).map(([v, ms]) => ({ body: { json: mutate(v, paths, ms) }, valid: false })), weight: 7 },
          { arbitrary: fc.constantFrom(...RAW_BODIES).map((raw) => ({ body: { raw }, valid: false })), weight: 1 },
          { arbitrary: fc.constant({ body: { none: true as const }, valid: false }), weight: 1 },
        );
      })()
    : op.method === 'GET' || op.method === 'HEAD'
      ? fc.constant({ body: { none: true as const }, valid: true })
      : fc.oneof(
        { arbitrary: fc.constant({ body: { none: true as const }, valid: true }), weight: 6 },
        { arbitrary: hostileJson.map((json) => ({ body: { json }, valid: false })), weight: 1 },
        { arbitrary: fc.constantFrom(...RAW_BODIES).map((raw) => ({ body: { raw }, valid: false })), weight: 1 },
      );

  return fc.record({ path: pathArb, query: queryArb, auth: callerArb, headers: fc.oneof({ arbitrary: fc.constant({}), weight: 3 }, { arbitrary: headerArb, weight: 1 }), body: bodyArb }).map(
    ({ path, query, auth, headers, body }): GeneratedRequest => ({ op: op.key, path, query, auth, headers, body: body.body, valid: body.valid }),
  );
}

/** The text of a body: JSON (with the deep-nesting marker expanded), or the raw text as generated. */
export function bodyText(body: BodySpec): string | undefined {
  if ('none' in body) return undefined;
  if ('raw' in body) return body.raw === DEEP ? deeplyNested() : body.raw;
  const text = JSON.stringify(body.json) ?? 'null';
  return text.split(JSON.stringify(DEEP)).join(deeplyNested());
}

