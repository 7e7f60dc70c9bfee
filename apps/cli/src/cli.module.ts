import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule, SamverkaConfig } from '@samverka/config';
import { DatabaseModule } from '@samverka/database';
import { KernelModule } from '@samverka/kernel';
import { IdentityModule } from '@samverka/identity';
import { NotificationsModule } from '@samverka/notifications';
import { OrganisationModule } from '@samverka/organisation';
import { RoundsModule } from '@samverka/rounds';
import { NeedsModule } from '@samverka/needs';
import { MigrateCommand, GenerateMigrationCommand } from './commands/database.commands';
import { SeedDemoCommand } from './commands/seed-demo.command';
import { CreateUserCommand, DisableUserCommand } from './commands/user.commands';

@Module({})
export class CliModule {
  static forRoot(config: SamverkaConfig, databaseUrl: string): DynamicModule {
    return {
      module: CliModule,
      imports: [
        ConfigModule.forRoot(config),
        KernelModule,
        DatabaseModule.forRoot({ url: databaseUrl, poolSize: 2, applicationName: 'samverka-cli' }),
        OrganisationModule,
        IdentityModule,
        NotificationsModule,
        RoundsModule,
        NeedsModule,
      ],
      providers: [MigrateCommand, GenerateMigrationCommand, SeedDemoCommand, CreateUserCommand, DisableUserCommand],
    };
  }
}
