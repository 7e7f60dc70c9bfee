import 'reflect-metadata';
import { loadConfig } from '@samverka/config';
import { databaseUrlOf, migrateDatabase } from '@samverka/database';
import { onShutdownSignal } from '@samverka/kernel';
import { DEMO_PASSWORD, DemoUsersSeeder } from '@samverka/identity';
import { DemoCitySeeder } from '@samverka/organisation';
import { DataSource } from 'typeorm';
import { DemoRoundSeeder } from '@samverka/rounds';
import { createApiApp } from './bootstrap';

async function main() {
  const config = loadConfig();
  const log = (m: string) => process.stdout.write(`${JSON.stringify({ level: 30, time: Date.now(), context: 'api', msg: m })}\n`);
  const app = await createApiApp(config, databaseUrlOf(config));
  onShutdownSignal(() => app.close(), log);

  const applied = await migrateDatabase(app.get(DataSource));
  if (applied.length) log(`applied migrations: ${applied.join(', ')}`);
  const seeder = app.get(DemoCitySeeder);
  if (config.app.seedDemoData && (await seeder.isEmpty())) {
    const actor = { personId: null, label: 'demo-seed' };
    const counts = await seeder.seed(actor);
    const users = await app.get(DemoUsersSeeder).seed(actor);
    const round = await app.get(DemoRoundSeeder).seed(actor);
    log(`loaded the demo city: ${JSON.stringify(counts)}; demo users (password ${DEMO_PASSWORD}): ${users.map((u) => `${u.email} (${u.role})`).join(', ')}`);
    if (round) log(`demo plan round "${round.title}" launched: ${config.app.publicUrl}/planomgangar/${round.id}`);
  }
  await app.listen({ port: config.app.port, host: config.app.host });
  log(`Samverka API listening on ${config.app.publicUrl}`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error)?.message ?? String(e)}\n`);
  process.exit(1);
});
