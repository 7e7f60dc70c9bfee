import type { INestApplication } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { OpenAPIObject } from '@nestjs/swagger';
import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { buildOpenApiDocument } from '../../apps/api/src/bootstrap';

/*
 * The OpenAPI document as a test oracle: every answer an e2e test receives is checked against
 * the operation and status the document declares (body with ajv, declared headers), so the
 * description cannot drift from what the server does.
 */

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Schema = { [key: string]: Json };

interface Answer {
  description?: string;
  headers?: Record<string, { required?: boolean; schema?: Schema }>;
  content?: Record<string, { schema?: Schema }>;
}

interface Operation {
  key: string;
  method: string;
  template: string;
  pattern: RegExp;
  /** Literal characters in the template: the more, the more specific (a static segment beats a parameter). */
  literal: number;
  answers: Map<string, { answer: Answer; bodies: Map<string, ValidateFunction>; headers: Map<string, { required: boolean; validate: ValidateFunction | null }> }>;
}

export interface Contract {
  /** Every operation of the document (`GET /api/v1/rounds/{id}`). */
  readonly operations: readonly string[];
  /** The problems with one answer; empty when the document declares exactly this. */
  checkAnswer(method: string, pathWithQuery: string, status: number, headers: HeadersLike, body: unknown): string[];
  /** The operation (`GET /api/v1/rounds/{id}`) a request goes to, or null when the document has none. */
  operationOf(method: string, pathWithQuery: string): string | null;
}

export type HeadersLike = Headers | Record<string, string | undefined>;

const headerOf = (headers: HeadersLike, name: string): string | undefined => {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const found = Object.entries(headers).find(([k]) => k.toLowerCase() === name.toLowerCase());
  return found?.[1] ?? undefined;
};

/** OpenAPI 3.0 schema → JSON Schema for ajv: `nullable` becomes a union with null, refs point into the registered document. */
function toJsonSchema(node: Json): Json {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (node === null || typeof node !== 'object') return node;
  const out: Schema = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string') out.$ref = value.replace(/^#\/components\/schemas\//, 'contract#/definitions/');
    else if (key === 'example' || key === 'nullable') continue;
    else out[key] = toJsonSchema(value);
  }
  return node.nullable === true ? { anyOf: [out, { type: 'null' }] } : out;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function describe(errors: ValidateFunction['errors']): string {
  return (errors ?? [])
    .slice(0, 8)
    .map((e) => `${e.instancePath || '(body)'} ${e.message ?? ''}${e.params && Object.keys(e.params).length ? ` ${JSON.stringify(e.params)}` : ''}`)
    .join('; ');
}

/** Compiles every answer of the document (bodies and declared headers) once. */
export function contractOf(document: OpenAPIObject): Contract {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addFormat('binary', true);
  const schemas = (document.components?.schemas ?? {}) as unknown as Record<string, Json>;
  ajv.addSchema({ $id: 'contract', definitions: Object.fromEntries(Object.entries(schemas).map(([name, s]) => [name, toJsonSchema(s)])) } as Schema);

  const operations: Operation[] = [];
  for (const [template, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const pattern = new RegExp(`^${template.split(/(\{[^}]+\})/).map((part) => (/^\{[^}]+\}$/.test(part) ? '([^/]+)' : escapeRegExp(part))).join('')}$`);
      const answers: Operation['answers'] = new Map();
      for (const [status, raw] of Object.entries(op.responses as Record<string, Answer>)) {
        const bodies = new Map<string, ValidateFunction>();
        for (const [type, media] of Object.entries(raw.content ?? {})) {
          if (media.schema) bodies.set(type, ajv.compile(toJsonSchema(media.schema) as Schema));
        }
        const headers = new Map<string, { required: boolean; validate: ValidateFunction | null }>();
        for (const [name, header] of Object.entries(raw.headers ?? {})) {
          headers.set(name.toLowerCase(), { required: header.required === true, validate: header.schema ? ajv.compile(toJsonSchema(header.schema) as Schema) : null });
        }
        answers.set(status, { answer: raw, bodies, headers });
      }
      operations.push({ key: `${method.toUpperCase()} ${template}`, method, template, pattern, literal: template.replace(/\{[^}]+\}/g, '').length, answers });
    }
  }
  operations.sort((a, b) => b.literal - a.literal);
  const isError = ajv.compile({ $ref: 'contract#/definitions/Error' });

  /** The operation a request goes to; HEAD is answered by the GET operation (without a body). */
  const find = (method: string, pathWithQuery: string): Operation | undefined => {
    const path = pathWithQuery.split('?')[0];
    const asMethod = method.toLowerCase() === 'head' ? 'get' : method.toLowerCase();
    return operations.find((o) => o.method === asMethod && o.pattern.test(path));
  };

  return {
    operations: operations.map((o) => o.key),
    operationOf: (method, pathWithQuery) => find(method, pathWithQuery)?.key ?? null,
    checkAnswer(method, pathWithQuery, status, headers, body) {
      const op = find(method, pathWithQuery);
      if (!op) {
        // A route the document does not describe may only answer as a missing one: the coded 404.
        if (status === 404 && isError(body)) return [];
        return [`the document has no operation ${method.toUpperCase()} ${pathWithQuery.split('?')[0]}, yet the answer is not the coded 404 (${status})`];
      }
      const declared = op.answers.get(String(status)) ?? op.answers.get(`${String(status)[0]}XX`) ?? op.answers.get('default');
      if (!declared) return [`status ${status} is not declared (declared: ${[...op.answers.keys()].join(', ')})`];
      const problems: string[] = [];
      for (const [name, header] of declared.headers) {
        const value = headerOf(headers, name);
        if (value === undefined) {
          if (header.required) problems.push(`header ${name} is declared as required but was not sent`);
          continue;
        }
        const typed = /^-?\d+$/.test(value) ? Number(value) : value;
        if (header.validate && !header.validate(typed) && !header.validate(value)) problems.push(`header ${name}: ${JSON.stringify(value)} ${describe(header.validate.errors)}`);
      }
      const empty = body === undefined || body === '';
      if (method.toLowerCase() === 'head') return empty ? problems : [...problems, 'a HEAD answer has no body'];
      const mediaTypes = [...Object.keys(declared.answer.content ?? {})];
      if (mediaTypes.length === 0) {
        if (!empty) problems.push(`no body is declared, but one was sent: ${JSON.stringify(body).slice(0, 200)}`);
        return problems;
      }
      const contentType = (headerOf(headers, 'content-type') ?? '').split(';')[0].trim().toLowerCase();
      const media = mediaTypes.find((t) => t.split(';')[0].trim().toLowerCase() === contentType);
      if (!media) {
        problems.push(`content type ${JSON.stringify(contentType)} is not declared (declared: ${mediaTypes.join(', ')})`);
        return problems;
      }
      const validate = declared.bodies.get(media);
      if (validate && media.includes('json') && !validate(body)) problems.push(`body: ${describe(validate.errors)}`);
      if (validate && !media.includes('json') && empty) problems.push(`a ${media} body is declared, but none was sent`);
      return problems;
    },
  };
}

let loaded: Contract | undefined;

/** The contract of the app (the document is the same for every app in a run, so it is compiled once). */
export function contractOfApp(app: NestFastifyApplication | INestApplication): Contract {
  loaded ??= contractOf(buildOpenApiDocument(app as NestFastifyApplication));
  return loaded;
}

/** Checks one answer against the contract loaded by {@link contractOfApp} (an e2e context loads it). */
export function checkAnswer(method: string, pathWithQuery: string, status: number, headers: HeadersLike, body: unknown): string[] {
  if (!loaded) throw new Error('no contract loaded: create an e2e context (or call contractOfApp) first');
  return loaded.checkAnswer(method, pathWithQuery, status, headers, body);
}

/** The paths whose answers the contract covers: the API (but not its own description) and the health checks. */
export const isContractPath = (path: string): boolean => (path.startsWith('/api/') && !path.startsWith('/api/docs')) || path === '/health' || path.startsWith('/health/') || path.startsWith('/health?');
