import 'reflect-metadata';
import { loadConfig } from '@samverka/config';
import { CommandFactory } from 'nest-commander';
import { CliModule } from './cli.module';

/** Commander reports a help page it printed as an "error" too; that one is a success. */
const HELP_DISPLAYED = new Set(['commander.helpDisplayed', 'commander.help']);

/**
 * `npm run cli -- <command>`. Works beside a running service: with no
 * DATABASE_URL a command attaches to the embedded server the service started
 * (or starts one for the duration of the command); `--help` needs no database.
 */
async function main() {
  const config = loadConfig();
  await CommandFactory.run(CliModule.forRoot(config), {
    logger: ['error', 'warn'],
    errorHandler: (err) => {
      if (HELP_DISPLAYED.has((err as { code?: string }).code ?? '')) return;
      process.stderr.write(`${err.message}\n`);
      process.exitCode = 1;
    },
    serviceErrorHandler: (err) => {
      process.stderr.write(`${err.message}\n`);
      process.exitCode = 1;
    },
  });
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error)?.message ?? String(e)}\n`);
  process.exit(1);
});
