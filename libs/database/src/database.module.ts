import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from './data-source-options';
import { TransactionHost } from './transaction-host';

export interface DatabaseModuleOptions {
  url: string;
  poolSize?: number;
  applicationName?: string;
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
          ...dataSourceOptions(options.url, { poolSize: options.poolSize, applicationName: options.applicationName }),
          autoLoadEntities: true,
        }),
      ],
      providers: [TransactionHost],
      exports: [TransactionHost],
    };
  }
}
