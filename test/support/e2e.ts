import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig, SamverkaConfig } from '@samverka/config';
import { migrateDatabase } from '@samverka/database';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../apps/api/src/bootstrap';
import { Given } from './given';
import { createTestDatabase } from './test-database';

export interface E2eContext {
  app: NestFastifyApplication;
  config: SamverkaConfig;
  /** http://127.0.0.1:<port> of the listening app */
  baseUrl: string;
  given: Given;
  dataSource: DataSource;
  /** fetch against the app, JSON in and out */
  api(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: any; headers: Headers }>;
  close(): Promise<void>;
}

/** The real API application (same bootstrap as production) on a fresh database, listening on a free port. */
export async function e2eContext(env: Record<string, string> = {}): Promise<E2eContext> {
  const db = await createTestDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'samverka-e2e-'));
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env });
  const app = await createApiApp(config, db.url);
  await migrateDatabase(app.get(DataSource));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    app,
    config,
    baseUrl,
    given: new Given(app),
    dataSource: app.get(DataSource),
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
      return { status: res.status, body: parsed, headers: res.headers };
    },
    async close() {
      await app.close();
      await db.drop();
    },
  };
}
