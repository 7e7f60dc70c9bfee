import 'reflect-metadata';
import { loadConfig } from '@samverka/config';
import { databaseUrlOf, waitForDatabase } from '@samverka/database';
import { onShutdownSignal } from '@samverka/kernel';
import { createApiApp, prepareApiApp } from './bootstrap';

async function main() {
  const config = loadConfig();
  const log = (m: string) => process.stdout.write(`${JSON.stringify({ level: 30, time: Date.now(), context: 'api', msg: m })}\n`);
  const databaseUrl = databaseUrlOf(config);
  // Started before its database (or while it restarts): wait for it rather than fail the start (it migrates first).
  await waitForDatabase(databaseUrl, { connectTimeoutMs: config.database.connectTimeoutMs, log });
  const app = await createApiApp(config, databaseUrl);
  onShutdownSignal(() => app.close(), log);
  await prepareApiApp(app, config, log);
  await app.listen({ port: config.app.port, host: config.app.host });
  log(`Samverka API listening on ${config.app.publicUrl}`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error)?.message ?? String(e)}\n`);
  process.exit(1);
});
