import 'tsconfig-paths/register';
import { join } from 'node:path';
import { acquireEmbeddedPostgres } from '../../apps/cli/src/embedded/embedded-postgres';
import { ADMIN_URL_ENV, prepareTemplate, withDatabase } from './test-database';

/**
 * Starts a real PostgreSQL for the whole run: DATABASE_URL when given (it
 * needs CREATEDB), otherwise the embedded server under var/test-postgres.
 * Test databases are cloned from a migrated template, one per test file.
 */
export default async function globalSetup(): Promise<void> {
  const started = Date.now();
  let url = process.env.DATABASE_URL;
  if (!url) {
    const instance = await acquireEmbeddedPostgres({
      dataDir: join(__dirname, '..', '..', 'var', 'test-postgres'),
      port: 54339,
      mode: 'shared',
      purpose: 'jest',
      database: 'postgres',
    });
    (globalThis as { __samverkaDb?: typeof instance }).__samverkaDb = instance;
    url = instance.url;
  }
  process.env[ADMIN_URL_ENV] = withDatabase(url, 'postgres');
  await prepareTemplate();
  if (process.env.CI) process.stdout.write(`\n[test] PostgreSQL ready with migrated template in ${Date.now() - started} ms\n`);
}
