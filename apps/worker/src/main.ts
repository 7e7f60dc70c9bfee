import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@samverka/config';
import { resolveDatabase } from '@samverka/database';
import { onShutdownSignal } from '@samverka/kernel';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './worker.module';

async function main() {
  const config = loadConfig();
  const log = (m: string) => process.stdout.write(`${JSON.stringify({ level: 30, time: Date.now(), context: 'worker', msg: m })}\n`);
  const database = await resolveDatabase({ database: config.database, dataDir: config.app.dataDir }, 'worker', 'shared', log);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, database.url), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  onShutdownSignal(async () => {
    await app.close();
    await database.release();
  }, log);
  log('Samverka worker ready (sending queued emails; sweeps scheduled every minute with pg-boss)');
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error)?.message ?? String(e)}\n`);
  process.exit(1);
});
