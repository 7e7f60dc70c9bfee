import 'reflect-metadata';
import { loadConfig } from '@samverka/config';
import { resolveDatabase } from '@samverka/database';
import { CommandFactory } from 'nest-commander';
import { CliModule } from './cli.module';

/**
 * `npm run cli -- <command>`. Works beside a running service: with no
 * DATABASE_URL it attaches to the embedded server the service started (or
 * starts one for the duration of the command).
 */
async function main() {
  const config = loadConfig();
  const log = (m: string) => process.stderr.write(`[samverka] ${m}\n`);
  const database = await resolveDatabase({ database: config.database, dataDir: config.app.dataDir }, 'cli', 'shared', log);
  try {
    await CommandFactory.run(CliModule.forRoot(config, database.url), {
      logger: ['error', 'warn'],
      errorHandler: (err) => {
        process.stderr.write(`${err.message}\n`);
        process.exitCode = 1;
      },
      serviceErrorHandler: (err) => {
        process.stderr.write(`${err.message}\n`);
        process.exitCode = 1;
      },
    });
  } finally {
    await database.release();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error)?.message ?? String(e)}\n`);
  process.exit(1);
});
