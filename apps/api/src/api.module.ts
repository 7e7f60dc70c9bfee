import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule, SamverkaConfig } from '@samverka/config';
import { connectionLimits, DatabaseModule } from '@samverka/database';
import { KernelModule } from '@samverka/kernel';
import { LoggerModule } from 'nestjs-pino';
import { AuthApiModule } from './auth/auth-api.module';
import { AuthPagesModule } from './auth/auth-pages.module';
import { SsoModule } from './auth/sso/sso.module';
import { HealthModule } from './health/health.module';
import { NeedsApiModule } from './needs/needs-api.module';
import { NeedsPagesModule } from './needs/needs-pages.module';
import { PlanApiModule } from './plan/plan-api.module';
import { PlanPagesModule } from './plan/plan-pages.module';
import { ConsultationApiModule } from './consultation/consultation-api.module';
import { ConsultationPagesModule } from './consultation/consultation-pages.module';
import { FollowUpApiModule } from './follow-up/follow-up-api.module';
import { FollowUpImportPagesModule } from './follow-up/follow-up-import-pages.module';
import { DigestsApiModule } from './digests/digests-api.module';
import { DigestsPagesModule } from './digests/digests-pages.module';
import { FollowUpPagesModule } from './follow-up/follow-up-pages.module';
import { NotificationsApiModule } from './notifications/notifications-api.module';
import { NotificationsPagesModule } from './notifications/notifications-pages.module';
import { OrganisationApiModule } from './organisation/organisation-api.module';
import { OverviewApiModule } from './overview/overview-api.module';
import { OverviewPagesModule } from './overview/overview-pages.module';
import { OrganisationPagesModule } from './organisation/organisation-pages.module';
import { RoundsApiModule } from './rounds/rounds-api.module';
import { RoundsPagesModule } from './rounds/rounds-pages.module';
import { loggerParams } from './shell/logging';
import { StartPagesModule } from './start/start-pages.module';
import { TasksApiModule } from './tasks/tasks-api.module';

/**
 * The API process: one folder per feature (its REST controllers under api/,
 * its pages under pages/, a module for each), and the shell the pages share.
 */
@Module({})
export class ApiModule {
  static forRoot(config: SamverkaConfig, databaseUrl: string): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerParams(config.app.logLevel, config.app.logFormat)),
        KernelModule,
        DatabaseModule.forRoot({ url: databaseUrl, poolSize: config.database.poolSize, applicationName: 'samverka-api', limits: connectionLimits(config.database, 'requests') }),
        AuthApiModule,
        HealthModule,
        OrganisationApiModule,
        StartPagesModule,
        OrganisationPagesModule,
        RoundsPagesModule,
        NeedsPagesModule,
        PlanPagesModule,
        ConsultationPagesModule,
        FollowUpPagesModule,
        AuthPagesModule,
        NotificationsPagesModule,
        SsoModule,
        NotificationsApiModule,
        RoundsApiModule,
        NeedsApiModule,
        PlanApiModule,
        ConsultationApiModule,
        FollowUpApiModule,
        FollowUpImportPagesModule,
        DigestsApiModule,
        DigestsPagesModule,
        OverviewApiModule,
        OverviewPagesModule,
        TasksApiModule,
      ],
    };
  }
}
