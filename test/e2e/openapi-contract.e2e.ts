import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { runInThisContext } from 'node:vm';
import * as ts from 'typescript';
import { e2eContext, E2eContext } from '../support/e2e';
import { TEST_PASSWORD } from '../support/given';
import { Contract, contractOf } from '../support/openapi-contract';

/*
 * The OpenAPI document is a contract: it passes Redocly's recommended rules and Spectral's
 * OpenAPI rules without an error, a client generated from it compiles under --strict without a
 * single cast, and the checker every e2e answer goes through (test/support/openapi-contract.ts)
 * refuses what the document does not declare.
 */

const ROOT = join(__dirname, '..', '..');
const run = promisify(execFile);
const OPERATIONS = 71 + 7 + 6 + 5 + 4 + 7 + 5 // 60 + the plan's 11 (plan drafting and versions) + the responsibility allocation's 7 + needs coverage (3) and questions (3) + the remiss's 5 (prepare, read, extensions) + the consultation's compilation (3) and triage (1) + consultation responses (7) + the follow-up's view, periods (2) and reports (2)
  + 1 // the decisions of a round (GET /rounds/{id}/decisions)
  + 2 // the follow-up's CSV export and import of a period's reports
  + 1 // the caller's status digest preview (GET /me/digest/preview)
  + 1; // the city overview (GET /overview)

/** A few calls, typed only by what openapi-typescript generated from the live document. */
const CLIENT = `
import type { components, paths } from './api';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Op<P extends keyof paths, M extends Method> = paths[P][M];
type Responses<O> = O extends { responses: infer R } ? R : never;
type JsonOf<A> = A extends { content: { 'application/json': infer B } } ? B : never;
/** The body of the operation's successful answer, and of its refusals, as the document declares them. */
type Success<O> = JsonOf<Responses<O>[Extract<keyof Responses<O>, 200 | 201>]>;
type Refusal<O> = JsonOf<Responses<O>[Exclude<keyof Responses<O>, 200 | 201 | 204>]>;
type Query<O> = O extends { parameters: { query?: infer Q } } ? Q : never;
type RequestBody<O> = O extends { requestBody: { content: { 'application/json': infer B } } } ? B : never;

export type ApiError = components['schemas']['Error'];
export type Result<T> = { ok: true; status: number; etag: string | null; data: T } | { ok: false; status: number; error: ApiError };

type Token = Op<'/api/v1/auth/token', 'post'>;
type ListRounds = Op<'/api/v1/rounds', 'get'>;
type GetRound = Op<'/api/v1/rounds/{id}', 'get'>;

// Every refusal these operations declare is the one Error schema (else these lines do not compile).
const tokenRefusals: Refusal<Token> extends ApiError ? true : never = true;
const roundRefusals: Refusal<GetRound> extends ApiError ? true : never = true;
export const refusalsAreErrors = tokenRefusals && roundRefusals;

export class SamverkaClient {
  constructor(private readonly baseUrl: string, private token: string | null = null) {}

  async signIn(credentials: RequestBody<Token>): Promise<Result<Success<Token>>> {
    const result = await this.send<Token>('post', '/api/v1/auth/token', credentials);
    if (result.ok) this.token = result.data.accessToken;
    return result;
  }

  listRounds(query: Query<ListRounds> = {}): Promise<Result<Success<ListRounds>>> {
    const params = new URLSearchParams();
    if (query?.year !== undefined) params.set('year', String(query.year));
    if (query?.state !== undefined) params.set('state', query.state);
    return this.send<ListRounds>('get', '/api/v1/rounds?' + params.toString());
  }

  getRound(id: string): Promise<Result<Success<GetRound>>> {
    return this.send<GetRound>('get', '/api/v1/rounds/' + encodeURIComponent(id));
  }

  private async send<O>(method: Method, path: string, body?: unknown): Promise<Result<Success<O>>> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.token) headers.authorization = 'Bearer ' + this.token;
    const res = await fetch(this.baseUrl + path, { method: method.toUpperCase(), headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    if (res.ok) {
      const data: Success<O> = JSON.parse(text);
      return { ok: true, status: res.status, etag: res.headers.get('etag'), data };
    }
    const error: ApiError = JSON.parse(text);
    return { ok: false, status: res.status, error };
  }
}

/** What a person is told about a refusal, by its code. */
export function explain(error: ApiError): string {
  switch (error.code) {
    case 'VALIDATION_FAILED':
      return (error.details ?? []).map((d) => d.field + ' (' + d.rule + '): ' + d.message).join('; ');
    case 'NOT_FOUND': {
      const entity = error.context?.entity;
      return typeof entity === 'string' ? entity + ': ' + error.message : error.message;
    }
    default:
      return error.code + ': ' + error.message;
  }
}

export async function tour(baseUrl: string, email: string, password: string, year: number): Promise<string[]> {
  const client = new SamverkaClient(baseUrl);
  const refused = await new SamverkaClient(baseUrl).signIn({ email, password: password + '!' });
  const lines: string[] = [refused.ok ? 'signed in with a wrong password' : refused.status + ' ' + explain(refused.error)];
  const signedIn = await client.signIn({ email, password });
  if (!signedIn.ok) return [...lines, explain(signedIn.error)];
  const expiresIn: number = signedIn.data.expiresIn;
  lines.push('token for ' + expiresIn + ' s');
  const rounds = await client.listRounds({ year });
  if (!rounds.ok) return [...lines, explain(rounds.error)];
  for (const r of rounds.data) {
    const needs: string = r.deadlines.needs;
    const reply: string | null = r.deadlines.consultationReply;
    const version: number = r.version;
    lines.push(r.title + ' ' + r.state + ' ' + needs + ' ' + (reply ?? '-') + ' v' + version);
    const round = await client.getRound(r.id);
    if (round.ok) lines.push(round.etag + ' ' + round.data.participants.map((p) => p.name).join(', '));
  }
  const malformed = await client.getRound('inte-ett-id');
  if (!malformed.ok) lines.push(malformed.status + ' ' + explain(malformed.error));
  const invalid = await client.listRounds({ year: 1066 });
  if (!invalid.ok) lines.push(invalid.status + ' ' + explain(invalid.error));
  return lines;
}
`;

/** The same client with one line that the document forbids: a nullable date read as a plain string. */
const WRONG_CLIENT = CLIENT.replace('const reply: string | null = r.deadlines.consultationReply;', 'const reply: string = r.deadlines.consultationReply;');

function compile(dir: string, source: string): string[] {
  writeFileSync(join(dir, 'client.ts'), source);
  const program = ts.createProgram([join(dir, 'client.ts')], {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    types: [],
    noUnusedLocals: true,
  });
  return ts.getPreEmitDiagnostics(program).map((d) => `${d.file ? `${d.file.fileName.slice(dir.length + 1)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1} ` : ''}TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
}

/** Every cast and escape hatch in a source: `as`, `<T>x`, `any`, `x!`. */
function castsIn(source: string): string[] {
  const file = ts.createSourceFile('client.ts', source, ts.ScriptTarget.ES2022, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isAsExpression(node) || ts.isTypeAssertionExpression(node) || ts.isNonNullExpression(node) || node.kind === ts.SyntaxKind.AnyKeyword) found.push(node.getText(file));
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe('the OpenAPI document as a contract', () => {
  let ctx: E2eContext;
  let document: Record<string, unknown>;

  beforeAll(async () => {
    ctx = await e2eContext();
    const res = await fetch(`${ctx.baseUrl}/api/docs-json`);
    expect(res.status).toBe(200);
    document = (await res.json()) as Record<string, unknown>;
  });
  afterAll(() => ctx?.close());

  it('declares every operation with a success answer and every refusal with the one Error schema', () => {
    const paths = document.paths as Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>; security?: unknown[] }>>;
    const operations = Object.entries(paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, op })));
    expect(operations).toHaveLength(OPERATIONS);
    expect(ctx.contract.operations).toHaveLength(OPERATIONS);
    const problems = operations.flatMap(({ key, op }) => {
      const statuses = Object.keys(op.responses);
      const found: string[] = [];
      if (!statuses.some((s) => /^2/.test(s))) found.push(`${key}: no success answer`);
      for (const required of ['500', '503']) if (!statuses.includes(required)) found.push(`${key}: no ${required}`);
      if (!Array.isArray(op.security)) found.push(`${key}: no security (public operations say security: [])`);
      for (const status of statuses.filter((s) => /^[45]/.test(s))) {
        const schema = op.responses[status].content?.['application/json']?.schema;
        if (schema?.$ref !== '#/components/schemas/Error') found.push(`${key} ${status}: not the Error schema`);
      }
      return found;
    });
    expect(problems).toEqual([]);
    const bearer = (document.components as { securitySchemes: Record<string, Record<string, unknown>> }).securitySchemes.bearer;
    expect(bearer).toEqual({ type: 'http', scheme: 'bearer', description: expect.stringContaining('opaque') });
  });

  it('passes Redocly (recommended) and Spectral (spectral:oas) without an error', async () => {
    mkdirSync(join(ROOT, 'var'), { recursive: true });
    writeFileSync(join(ROOT, 'var', 'openapi.json'), `${JSON.stringify(document, null, 2)}\n`);
    const redocly = await run(join(ROOT, 'node_modules', '.bin', 'redocly'), ['lint', 'var/openapi.json', '--format=json'], { cwd: ROOT, maxBuffer: 64 << 20 }).catch((e: { stdout: string }) => e);
    const redoclyProblems = (JSON.parse(redocly.stdout) as { problems: { severity: string; ruleId: string; message: string; location: { pointer: string }[] }[] }).problems;
    expect(redoclyProblems.filter((p) => p.severity === 'error').map((p) => `${p.ruleId} ${p.location[0]?.pointer}: ${p.message}`)).toEqual([]);
    expect(redoclyProblems.map((p) => `${p.severity} ${p.ruleId} ${p.location[0]?.pointer}`)).toEqual([]);

    const spectral = await run(join(ROOT, 'node_modules', '.bin', 'spectral'), ['lint', 'var/openapi.json', '--format=json', '--quiet', '--ruleset', '.spectral.yaml'], { cwd: ROOT, maxBuffer: 64 << 20 }).catch(
      (e: { stdout: string }) => e,
    );
    const spectralResults = JSON.parse(spectral.stdout) as { code: string; severity: number; message: string; path: string[] }[];
    expect(spectralResults.filter((r) => r.severity === 0).map((r) => `${r.code} ${r.path.join('.')}: ${r.message}`)).toEqual([]);
    expect(spectralResults.map((r) => `${r.code} ${r.path.join('.')}`)).toEqual([]);
  });

  describe('a client generated from the live document (openapi-typescript)', () => {
    let dir: string;

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'samverka-client-'));
      writeFileSync(join(dir, 'openapi.json'), JSON.stringify(document));
      // Its command line, as a client's build would run it (the library is published as ES modules, which Jest does not load).
      await run(join(ROOT, 'node_modules', '.bin', 'openapi-typescript'), [join(dir, 'openapi.json'), '--output', join(dir, 'api.d.ts')], { cwd: ROOT });
    });

    it('compiles under --strict without a single cast', () => {
      expect(castsIn(CLIENT)).toEqual([]);
      expect(compile(dir, CLIENT)).toEqual([]);
    });

    it('is typed by the document: reading a nullable date as a plain string does not compile', () => {
      expect(compile(dir, WRONG_CLIENT)).toEqual([expect.stringMatching(/^client\.ts:\d+ TS2322 Type 'string \| null' is not assignable to type 'string'/)]);
    });

    it('signs in, lists and reads rounds, and explains refusals by their code, against the running server', async () => {
      const strategist = await ctx.given.user({ roles: [{ role: 'strategist' }] });
      expect(strategist.user.id).toEqual(expect.any(String));
      const round = await ctx.given.round({ title: 'Klientens planomgång' });
      const { outputText } = ts.transpileModule(CLIENT, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } });
      const exports: { tour?: (baseUrl: string, email: string, password: string, year: number) => Promise<string[]> } = {};
      (runInThisContext(`(function (exports) {${outputText}\n})`) as (e: typeof exports) => void)(exports);
      const lines = await exports.tour!(ctx.baseUrl, strategist.email, TEST_PASSWORD, round.year);
      expect(lines).toEqual([
        '401 INVALID_CREDENTIALS: Fel e-postadress eller lösenord',
        expect.stringMatching(/^token for \d+ s$/),
        `Klientens planomgång preparing ${round.deadlines.needs} ${round.deadlines.consultationReply ?? '-'} v1`,
        expect.stringMatching(/^"1" .+/),
        '404 Planomgången: Planomgången finns inte: id måste vara ett UUID',
        expect.stringMatching(/^400 year \(min\): /),
      ]);
    });
  });

  describe('the checker every e2e answer goes through', () => {
    let checker: Contract;
    const contract = () => checker;
    let token: string;
    let round: { status: number; headers: Headers; body: Record<string, unknown> };

    beforeAll(async () => {
      checker = contractOf(document as never);
      const strategist = await ctx.as([{ role: 'strategist' }]);
      token = strategist.token;
      const created = await ctx.given.round();
      const res = await strategist.api('GET', `/api/v1/rounds/${created.id}`);
      round = { status: res.status, headers: res.headers, body: res.body as Record<string, unknown> };
    });

    it('accepts a real answer exactly as the server sent it', () => {
      expect(round.status).toBe(200);
      expect(token).toEqual(expect.any(String));
      expect(contract().checkAnswer('GET', `/api/v1/rounds/${String(round.body.id)}`, 200, round.headers, round.body)).toEqual([]);
      // HEAD is the GET operation without a body.
      expect(contract().checkAnswer('HEAD', `/api/v1/rounds/${String(round.body.id)}`, 200, round.headers, undefined)).toEqual([]);
      expect(contract().checkAnswer('HEAD', `/api/v1/rounds/${String(round.body.id)}`, 200, round.headers, round.body)).toEqual(['a HEAD answer has no body']);
    });

    it('refuses a body the schema does not allow: a wrong type, a missing field, an unknown field', () => {
      const path = `/api/v1/rounds/${String(round.body.id)}`;
      expect(contract().checkAnswer('GET', path, 200, round.headers, { ...round.body, year: String(round.body.year) })).toEqual([expect.stringContaining('/year must be integer')]);
      const { version: _version, ...withoutVersion } = round.body;
      expect(contract().checkAnswer('GET', path, 200, round.headers, withoutVersion)).toEqual([expect.stringContaining("must have required property 'version'")]);
      expect(contract().checkAnswer('GET', path, 200, round.headers, { ...round.body, secret: 1 })).toEqual([expect.stringContaining('must NOT have additional properties')]);
    });

    it('refuses an error whose details are not the list of violations (the old object shape)', () => {
      const headers = new Headers({ 'content-type': 'application/json; charset=utf-8' });
      const old = { code: 'NOT_FOUND', message: 'Planomgången x finns inte', details: { entity: 'Planomgången', id: 'x' } };
      expect(contract().checkAnswer('GET', '/api/v1/rounds/x', 404, headers, old)).toEqual([expect.stringContaining('/details must be array')]);
      expect(contract().checkAnswer('GET', '/api/v1/rounds/x', 404, headers, { ...old, details: undefined, context: old.details })).toEqual([]);
    });

    it('refuses an undeclared status, a declared header that is missing, and an operation the document does not have', () => {
      const json = new Headers({ 'content-type': 'application/json' });
      expect(contract().checkAnswer('GET', '/api/v1/me', 418, json, { code: 'TEAPOT', message: 'x' })).toEqual([expect.stringMatching(/^status 418 is not declared/)]);
      expect(contract().checkAnswer('POST', '/api/v1/committees', 200, json, {})).toEqual([expect.stringMatching(/^status 200 is not declared/)]);
      const withoutEtag = new Headers({ 'content-type': 'application/json' });
      expect(contract().checkAnswer('GET', `/api/v1/rounds/${String(round.body.id)}`, 200, withoutEtag, round.body)).toEqual(['header etag is declared as required but was not sent']);
      expect(contract().checkAnswer('PUT', '/api/v1/rounds/x', 200, json, {})).toEqual([expect.stringMatching(/^the document has no operation PUT \/api\/v1\/rounds\/x/)]);
      expect(contract().checkAnswer('GET', '/api/v1/nothing-here', 404, json, { code: 'NOT_FOUND', message: 'Cannot GET /api/v1/nothing-here' })).toEqual([]);
    });

    it('makes ctx.api throw on an answer that breaks the contract, naming the operation and status', async () => {
      const original = ctx.contract.checkAnswer;
      ctx.contract.checkAnswer = () => ['body: made up'];
      try {
        await expect(ctx.api('GET', '/api/v1/me')).rejects.toThrow(/breaks the OpenAPI contract: GET \/api\/v1\/me → 401\n {2}body: made up/);
      } finally {
        ctx.contract.checkAnswer = original;
      }
    });
  });
});
