import { DatabaseConfig } from '@samverka/config';
import { DataSourceOptions } from 'typeorm';
import { CLIENT_GRACE_MS, GuardedClient } from './database-unavailable';
import { MIGRATIONS } from './migrations/index';
import { SnakeNamingStrategy } from './naming-strategy';

export interface ConnectionLimits {
  /** A new connection that is not ready within this time fails (the database is away). */
  connectTimeoutMs: number;
  /**
   * PostgreSQL cancels a statement running longer (57014); the client itself gives up a little later
   * (a frozen server answers nothing, not even the cancellation) and closes that connection.
   */
  statementTimeoutMs: number;
  /** The limit for long work in a process whose statements are otherwise short (exports in the API): `TransactionHost.runLong`. */
  longStatementTimeoutMs?: number;
}

/**
 * A process's limits from the configuration: the API answers requests within a few seconds; the
 * worker and the CLI (sweeps, batches, seeding) may run statements for longer.
 */
export function connectionLimits(database: DatabaseConfig, work: 'requests' | 'background'): ConnectionLimits {
  return {
    connectTimeoutMs: database.connectTimeoutMs,
    statementTimeoutMs: work === 'requests' ? database.statementTimeoutMs : database.longStatementTimeoutMs,
    longStatementTimeoutMs: database.longStatementTimeoutMs,
  };
}

/** The one set of connection options, shared by the apps, the CLI, the tests and migration generation. */
export function dataSourceOptions(url: string, extra: Partial<{ poolSize: number; applicationName: string; limits: ConnectionLimits }> = {}) {
  const limits = extra.limits;
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
    extra: {
      max: extra.poolSize ?? 10,
      keepAlive: true,
      // Every transaction is READ COMMITTED by the connection's own default, so opening one is a single
      // statement (TransactionHost sends no SET TRANSACTION ISOLATION LEVEL).
      options: '-c default_transaction_isolation=read\\ committed',
      ...(limits
        ? {
            Client: GuardedClient,
            connectionTimeoutMillis: limits.connectTimeoutMs,
            statement_timeout: limits.statementTimeoutMs,
            query_timeout: limits.statementTimeoutMs + CLIENT_GRACE_MS,
          }
        : {}),
    },
  } satisfies DataSourceOptions;
}
