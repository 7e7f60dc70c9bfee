import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule, SamverkaConfig } from '@samverka/config';
import { DatabaseModule } from '@samverka/database';
import { KernelModule } from '@samverka/kernel';
import { LoggerModule } from 'nestjs-pino';
import { DatabaseHeartbeat } from './database-heartbeat';

/** Queue consumers and periodic sweeps arrive with the notification and workflow issues; today the worker only stays connected. */
@Module({})
export class WorkerModule {
  static forRoot(config: SamverkaConfig, databaseUrl: string): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({ pinoHttp: { level: config.app.logLevel } }),
        KernelModule,
        DatabaseModule.forRoot({ url: databaseUrl, poolSize: config.database.poolSize, applicationName: 'samverka-worker' }),
      ],
      providers: [DatabaseHeartbeat],
    };
  }
}
