import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@samverka/config';
import { databaseUrlOf, waitForDatabase } from '@samverka/database';
import { onShutdownSignal } from '@samverka/kernel';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './worker.module';

async function main() {
  const config = loadConfig();
  const log = (m: string) => process.stdout.write(`${JSON.stringify({ level: 30, time: Date.now(), context: 'worker', msg: m })}\n`);
  const databaseUrl = databaseUrlOf(config);
  // Started before its database (or while it restarts): wait for it rather than fail the start.
  await waitForDatabase(databaseUrl, { connectTimeoutMs: config.database.connectTimeoutMs, log });
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, databaseUrl), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  onShutdownSignal(() => app.close(), log);
  log('Samverka worker ready (sending queued emails; sweeps scheduled every minute with pg-boss)');
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error)?.message ?? String(e)}\n`);
  process.exit(1);
});
