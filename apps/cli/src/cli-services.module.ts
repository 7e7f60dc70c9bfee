import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule, SamverkaConfig } from '@samverka/config';
import { connectionLimits, DatabaseModule } from '@samverka/database';
import { KernelModule } from '@samverka/kernel';
import { IdentityModule } from '@samverka/identity';
import { NotificationsModule } from '@samverka/notifications';
import { OrganisationModule } from '@samverka/organisation';
import { RoundsModule } from '@samverka/rounds';
import { NeedsModule } from '@samverka/needs';
import { PlanModule } from '@samverka/plan';
import { ConsultationModule } from '@samverka/consultation';
import { FollowUpModule } from '@samverka/follow-up';
import { DigestsModule } from '@samverka/digests';

/** The service's modules on its database, as the commands use them (opened by `ServiceContext`). */
@Module({})
export class CliServicesModule {
  static forRoot(config: SamverkaConfig, databaseUrl: string): DynamicModule {
    return {
      module: CliServicesModule,
      imports: [
        ConfigModule.forRoot(config),
        KernelModule,
        DatabaseModule.forRoot({ url: databaseUrl, poolSize: 2, applicationName: 'samverka-cli', limits: connectionLimits(config.database, 'background') }),
        OrganisationModule,
        IdentityModule,
        NotificationsModule,
        RoundsModule,
        NeedsModule,
        PlanModule,
        ConsultationModule,
        FollowUpModule,
        DigestsModule,
      ],
    };
  }
}
