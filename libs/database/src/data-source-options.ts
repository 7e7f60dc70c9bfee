import { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './migrations/index';
import { SnakeNamingStrategy } from './naming-strategy';

/** The one set of connection options, shared by the apps, the CLI, the tests and migration generation. */
export function dataSourceOptions(url: string, extra: Partial<{ poolSize: number; applicationName: string }> = {}) {
  return {
    type: 'postgres',
    url,
    synchronize: false,
    migrationsRun: false,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migration',
    migrationsTransactionMode: 'each',
    uuidExtension: 'pgcrypto',
    namingStrategy: new SnakeNamingStrategy(),
    applicationName: extra.applicationName ?? 'samverka',
    extra: { max: extra.poolSize ?? 10 },
  } satisfies DataSourceOptions;
}
