import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule, SamverkaConfig } from '@samverka/config';
import { MigrateCommand, GenerateMigrationCommand } from './commands/database.commands';
import { SeedDemoCommand } from './commands/seed-demo.command';
import { CreateUserCommand, DisableUserCommand } from './commands/user.commands';
import { ServiceContext } from './service-context';

/** The commands, without a database: each opens the service (`ServiceContext`) when it runs. */
@Module({})
export class CliModule {
  static forRoot(config: SamverkaConfig): DynamicModule {
    return {
      module: CliModule,
      imports: [ConfigModule.forRoot(config)],
      providers: [ServiceContext, MigrateCommand, GenerateMigrationCommand, SeedDemoCommand, CreateUserCommand, DisableUserCommand],
    };
  }
}
