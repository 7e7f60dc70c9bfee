import 'reflect-metadata';
import { loadConfig } from '@samverka/config';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { resolveDatabase } from '../../apps/cli/src/embedded/resolve-database';
import { buildOpenApiDocument, createApiApp } from '../../apps/api/src/bootstrap';

/**
 * `npm run openapi [-- <file>]`: writes the API's OpenAPI document (default var/openapi.json)
 * without a server to set up by hand. The app is built exactly as in production, so it needs a
 * database to connect to: DATABASE_URL when set, otherwise the embedded PostgreSQL under DATA_DIR
 * (as the CLI does). Nothing is migrated or written to the database.
 */
async function main(): Promise<void> {
  const target = resolve(process.argv[2] ?? 'var/openapi.json');
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
  const database = await resolveDatabase({ database: config.database, dataDir: config.app.dataDir }, 'npm run openapi');
  try {
    const app = await createApiApp(config, database.url);
    try {
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, `${JSON.stringify(buildOpenApiDocument(app), null, 2)}\n`);
      process.stdout.write(`wrote ${target}\n`);
    } finally {
      await app.close();
    }
  } finally {
    await database.release();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
