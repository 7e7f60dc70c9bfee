import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule, SamverkaConfig } from '@samverka/config';
import { connectionLimits, DatabaseModule } from '@samverka/database';
import { IdentityModule, RecipientDirectory } from '@samverka/identity';
import { KernelModule, prettyLogStream } from '@samverka/kernel';
import { NeedsModule } from '@samverka/needs';
import { PlanModule } from '@samverka/plan';
import { ConsultationModule } from '@samverka/consultation';
import { FollowUpModule } from '@samverka/follow-up';
import { DigestsModule } from '@samverka/digests';
import { NotificationsModule } from '@samverka/notifications';
import { CoverageAlertsModule } from '@samverka/organisation';
import { RoundsModule } from '@samverka/rounds';
import { LoggerModule } from 'nestjs-pino';
import { DatabaseHeartbeat } from './database-heartbeat';
import { MailWorker } from './mail-worker';
import { Schedules, WORKER_DATABASE_URL } from './schedules';

/** The background process: sends queued emails and runs the periodic sweeps (pg-boss schedules); the work itself lives in the libraries' services. */
@Module({})
export class WorkerModule {
  static forRoot(config: SamverkaConfig, databaseUrl: string): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({ pinoHttp: config.app.logFormat === 'pretty' ? [{ level: config.app.logLevel }, prettyLogStream()] : { level: config.app.logLevel } }),
        KernelModule,
        DatabaseModule.forRoot({ url: databaseUrl, poolSize: config.database.poolSize, applicationName: 'samverka-worker', limits: connectionLimits(config.database, 'background') }),
        NotificationsModule,
        IdentityModule,
        CoverageAlertsModule.register({ imports: [IdentityModule], managers: RecipientDirectory }),
        RoundsModule,
        NeedsModule,
        PlanModule,
        ConsultationModule,
        FollowUpModule,
        DigestsModule,
      ],
      providers: [{ provide: WORKER_DATABASE_URL, useValue: databaseUrl }, DatabaseHeartbeat, MailWorker, Schedules],
    };
  }
}
