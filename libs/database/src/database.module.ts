import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SqlReader } from '@samverka/kernel';
import { ConnectionLimits, dataSourceOptions } from './data-source-options';
import { DatabaseNotifications } from './database-notifications';
import { DATABASE_LIMITS, TransactionHost } from './transaction-host';

export interface DatabaseModuleOptions {
  url: string;
  poolSize?: number;
  applicationName?: string;
  /** Connect and statement timeouts (the apps always set them; a test may leave them out). */
  limits?: ConnectionLimits;
}

@Global()
@Module({})
export class DatabaseModule {
  /** The URL is known before Nest starts: DATABASE_URL (see `databaseUrlOf`), or the embedded server's, which the CLI and the `npm start` launcher resolve. */
  static forRoot(options: DatabaseModuleOptions): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRoot({
          ...dataSourceOptions(options.url, { poolSize: options.poolSize, applicationName: options.applicationName, limits: options.limits }),
          autoLoadEntities: true,
        }),
      ],
      providers: [TransactionHost, { provide: SqlReader, useExisting: TransactionHost }, DatabaseNotifications, { provide: DATABASE_LIMITS, useValue: options.limits ?? null }],
      exports: [TransactionHost, SqlReader, DatabaseNotifications],
    };
  }
}
