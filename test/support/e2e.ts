import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig, SamverkaConfig } from '@samverka/config';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createApiApp, prepareApiApp } from '../../apps/api/src/bootstrap';
import { Given, RoleSpec, TEST_PASSWORD } from './given';
import { Contract, contractOfApp, isContractPath } from './openapi-contract';
import { createTestDatabase } from './test-database';

export interface ApiResponse {
  status: number;
  body: any;
  headers: Headers;
}

export interface AuthedApi {
  token: string;
  userId: string;
  personId: string;
  email: string;
  api(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse>;
}

export interface E2eContext {
  app: NestFastifyApplication;
  config: SamverkaConfig;
  /** http://127.0.0.1:<port> of the listening app */
  baseUrl: string;
  given: Given;
  dataSource: DataSource;
  /** The OpenAPI document as a checker: every answer `api` receives on an API path is checked against it. */
  contract: Contract;
  /**
   * fetch against the app, JSON in and out. An answer on an API path that the OpenAPI document does not
   * declare (operation, status, body schema, declared headers) throws, naming the operation and the problems.
   */
  api(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse>;
  /** An access token for the user (POST /api/v1/auth/token). */
  tokenFor(email: string, password?: string): Promise<string>;
  /** A browser session's cookie (`name=value`) for the user: signed in through /logga-in as a browser would, without one. */
  webCookieFor(email: string, password?: string): Promise<string>;
  /** `api` as a new user with the given roles (created through the real services, signed in over HTTP). */
  as(roles: RoleSpec[] | 'nobody', values?: { email?: string; name?: string }): Promise<AuthedApi>;
  /** `api` with a Bearer token. */
  withToken(token: string): AuthedApi['api'];
  close(): Promise<void>;
}

/**
 * The real API application (same bootstrap as production) on a fresh database, listening on a free port
 * (or `options.port`, for a test that must know the address before the app starts, e.g. for PUBLIC_URL).
 * `options.reachDatabase` gives the address the app uses for its database (e.g. through a test's proxy).
 */
export async function e2eContext(
  env: Record<string, string> = {},
  options: { port?: number; reachDatabase?: (url: string) => Promise<string> } = {},
): Promise<E2eContext> {
  const db = await createTestDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'samverka-e2e-'));
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env });
  const app = await createApiApp(config, options.reachDatabase ? await options.reachDatabase(db.url) : db.url);
  await prepareApiApp(app, config);
  await app.listen({ port: options.port ?? 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const baseUrl = `http://127.0.0.1:${port}`;
  const given = new Given(app);
  const contract = contractOfApp(app);
  const ctx: E2eContext = {
    app,
    config,
    baseUrl,
    given,
    contract,
    dataSource: app.get(DataSource),
    async tokenFor(email, password = TEST_PASSWORD) {
      const res = await ctx.api('POST', '/api/v1/auth/token', { email, password });
      if (res.status !== 200) throw new Error(`could not sign in ${email}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.accessToken as string;
    },
    async webCookieFor(email, password = TEST_PASSWORD) {
      const form = await fetch(`${baseUrl}/logga-in`, { headers: { accept: 'text/html' } });
      const loginCookie = form.headers.get('set-cookie')!.split(';')[0];
      const res = await fetch(`${baseUrl}/logga-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: loginCookie, accept: 'text/html' },
        body: new URLSearchParams({ _csrf: loginCookie.split('=')[1], email, password }).toString(),
        redirect: 'manual',
      });
      if (res.status !== 303) throw new Error(`could not sign in ${email} through /logga-in: ${res.status}`);
      return res.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.split('=')[1] !== '')!;
    },
    async as(roles, values = {}) {
      const user = await given.user({ ...values, roles: roles === 'nobody' ? [] : roles });
      const token = await ctx.tokenFor(user.email);
      return { token, userId: user.user.id, personId: user.user.personId, email: user.email, api: ctx.withToken(token) };
    },
    withToken(token) {
      return (method, path, body, headers = {}) => ctx.api(method, path, body, { authorization: `Bearer ${token}`, ...headers });
    },
    async api(method, path, body, headers = {}) {
      const res = await fetch(baseUrl + path, {
        method,
        headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), accept: 'application/json', ...headers },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
        redirect: 'manual',
      });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        /* not JSON: keep the text */
      }
      if (isContractPath(path)) {
        const problems = contract.checkAnswer(method, path, res.status, res.headers, parsed);
        if (problems.length > 0) {
          const operation = contract.operationOf(method, path) ?? `${method} ${path} (no operation)`;
          throw new Error(
            `The answer breaks the OpenAPI contract: ${operation} → ${res.status}\n  ${problems.join('\n  ')}\n  request: ${method} ${path}\n  body: ${text.slice(0, 500)}`,
          );
        }
      }
      return { status: res.status, body: parsed, headers: res.headers };
    },
    async close() {
      await app.close();
      await db.drop();
    },
  };
  return ctx;
}
