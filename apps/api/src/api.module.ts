import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule, SamverkaConfig } from '@samverka/config';
import { DatabaseModule } from '@samverka/database';
import { KernelModule } from '@samverka/kernel';
import { LoggerModule } from 'nestjs-pino';
import { loggerParams } from './common/logging';
import { HealthModule } from './health/health.module';
import { OrganisationApiModule } from './organisation/organisation-api.module';
import { SsoModule } from './sso/sso.module';
import { WebModule } from './web/web.module';
import { AuthApiModule } from './auth/auth-api.module';
import { RoundsApiModule } from './rounds/rounds-api.module';
import { NeedsApiModule } from './needs/needs-api.module';
import { NotificationsApiModule } from './notifications/notifications-api.module';

@Module({})
export class ApiModule {
  static forRoot(config: SamverkaConfig, databaseUrl: string): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerParams(config.app.logLevel)),
        KernelModule,
        DatabaseModule.forRoot({ url: databaseUrl, poolSize: config.database.poolSize, applicationName: 'samverka-api' }),
        AuthApiModule,
        HealthModule,
        OrganisationApiModule,
        WebModule,
        SsoModule,
        NotificationsApiModule,
        RoundsApiModule,
        NeedsApiModule,
      ],
    };
  }
}
