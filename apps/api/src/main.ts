import 'reflect-metadata';
import { loadConfig } from '@samverka/config';
import { databaseUrlOf } from '@samverka/database';
import { onShutdownSignal } from '@samverka/kernel';
import { createApiApp, prepareApiApp } from './bootstrap';

async function main() {
  const config = loadConfig();
  const log = (m: string) => process.stdout.write(`${JSON.stringify({ level: 30, time: Date.now(), context: 'api', msg: m })}\n`);
  const app = await createApiApp(config, databaseUrlOf(config));
  onShutdownSignal(() => app.close(), log);
  await prepareApiApp(app, config, log);
  await app.listen({ port: config.app.port, host: config.app.host });
  log(`Samverka API listening on ${config.app.publicUrl}`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error)?.message ?? String(e)}\n`);
  process.exit(1);
});
