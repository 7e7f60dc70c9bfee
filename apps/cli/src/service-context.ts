import { Inject, Injectable, INestApplicationContext, OnApplicationShutdown } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { SAMVERKA_CONFIG, SamverkaConfig } from '@samverka/config';
import { CliServicesModule } from './cli-services.module';
import { ResolvedDatabase, resolveDatabase } from './embedded/resolve-database';

interface Opened {
  app: INestApplicationContext;
  database: ResolvedDatabase;
}

/**
 * The database and the service's modules, opened when a command first asks
 * for them: parsing the arguments, `--help` and refused options never touch a
 * database. With no DATABASE_URL the CLI attaches to the embedded server a
 * running `npm start` owns, or starts one for the length of the command.
 * Everything opened is closed (and a server this process started, stopped)
 * when the CLI ends.
 */
@Injectable()
export class ServiceContext implements OnApplicationShutdown {
  private opened?: Promise<Opened>;

  constructor(@Inject(SAMVERKA_CONFIG) private readonly config: SamverkaConfig) {}

  async open(): Promise<INestApplicationContext> {
    this.opened ??= this.start();
    return (await this.opened).app;
  }

  async onApplicationShutdown(): Promise<void> {
    const opened = await this.opened?.catch(() => undefined);
    if (!opened) return;
    try {
      await opened.app.close();
    } finally {
      await opened.database.release();
    }
  }

  private async start(): Promise<Opened> {
    const log = (m: string) => process.stderr.write(`[samverka] ${m}\n`);
    const database = await resolveDatabase({ database: this.config.database, dataDir: this.config.app.dataDir }, 'cli', 'shared', log);
    try {
      const app = await NestFactory.createApplicationContext(CliServicesModule.forRoot(this.config, database.url), { logger: ['error', 'warn'] });
      return { app, database };
    } catch (e) {
      await database.release();
      throw e;
    }
  }
}
