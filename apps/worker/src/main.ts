import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@samverka/config';
import { databaseUrlOf } from '@samverka/database';
import { onShutdownSignal } from '@samverka/kernel';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './worker.module';

async function main() {
  const config = loadConfig();
  const log = (m: string) => process.stdout.write(`${JSON.stringify({ level: 30, time: Date.now(), context: 'worker', msg: m })}\n`);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, databaseUrlOf(config)), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  onShutdownSignal(() => app.close(), log);
  log('Samverka worker ready (sending queued emails; sweeps scheduled every minute with pg-boss)');
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error)?.message ?? String(e)}\n`);
  process.exit(1);
});
