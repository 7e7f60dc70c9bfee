import 'reflect-metadata';
import { loadConfig } from '@samverka/config';
import { migrateDatabase, resolveDatabase } from '@samverka/database';
import { onShutdownSignal } from '@samverka/kernel';
import { DemoCitySeeder } from '@samverka/organisation';
import { DataSource } from 'typeorm';
import { createApiApp } from './bootstrap';

async function main() {
  const config = loadConfig();
  const log = (m: string) => process.stdout.write(`${JSON.stringify({ level: 30, time: Date.now(), context: 'api', msg: m })}\n`);
  const database = await resolveDatabase({ database: config.database, dataDir: config.app.dataDir }, 'api', 'shared', log);
  const app = await createApiApp(config, database.url);
  onShutdownSignal(async () => {
    await app.close();
    await database.release();
  }, log);

  const applied = await migrateDatabase(app.get(DataSource));
  if (applied.length) log(`applied migrations: ${applied.join(', ')}`);
  const seeder = app.get(DemoCitySeeder);
  if (config.app.seedDemoData && (await seeder.isEmpty())) {
    const counts = await seeder.seed({ personId: null, label: 'demo-seed' });
    log(`loaded the demo city: ${JSON.stringify(counts)}`);
  }
  await app.listen({ port: config.app.port, host: config.app.host });
  log(`Samverka API listening on ${config.app.publicUrl}`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error)?.message ?? String(e)}\n`);
  process.exit(1);
});
