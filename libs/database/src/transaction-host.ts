import { Inject, Injectable, Optional } from '@nestjs/common';
import { SqlReader, SqlSelect } from '@samverka/kernel';
import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, EntityManager, EntityTarget, ObjectLiteral, QueryFailedError, Repository } from 'typeorm';
import type { ConnectionLimits } from './data-source-options';
import { explainReleasedRunner, GuardedClient } from './database-unavailable';
import { conflictError } from './key-conflicts';

/** A unique or exclusion violation becomes its coded error (after the rollback); anything else is thrown as it came. */
function asConflict(e: unknown): never {
  throw conflictError(e) ?? e;
}

/** The process's connection limits (`DatabaseModule.forRoot`'s), or null. */
export const DATABASE_LIMITS = Symbol('DATABASE_LIMITS');

/**
 * Services own transactions; repositories join whichever transaction is
 * running. `run()` opens one (or joins the current one), and every repository
 * call inside it goes through the same EntityManager, found through
 * AsyncLocalStorage, so nothing needs to pass a transaction around.
 *
 * A unique key or exclusion constraint broken inside the transaction (a
 * race the service's check could not see) leaves it as the coded error the
 * context declared for that key (`declareConflict`), or a DUPLICATE naming
 * the key's fields: a 409, never a 500.
 */
@Injectable()
export class TransactionHost implements SqlReader {
  private readonly store = new AsyncLocalStorage<EntityManager>();

  constructor(
    private readonly dataSource: DataSource,
    @Optional() @Inject(DATABASE_LIMITS) private readonly limits: ConnectionLimits | null = null,
  ) {}

  get manager(): EntityManager {
    return this.store.getStore() ?? this.dataSource.manager;
  }

  get inTransaction(): boolean {
    return this.store.getStore() !== undefined;
  }

  repository<T extends ObjectLiteral>(entity: EntityTarget<T>): Repository<T> {
    return this.manager.getRepository(entity);
  }

  /** A composable select run alone, as one statement on the current transaction's connection (or the pool's). */
  async select<T>(select: SqlSelect<T>): Promise<T[]> {
    return select.rowsFrom(await this.manager.query(select.sql, [...select.values]));
  }

  /**
   * A hot read as a named (prepared) statement: PostgreSQL parses and plans it once per connection
   * and each later call sends only Bind/Execute. `name` must be unique per distinct `text` across the
   * process (pg refuses a name reused for another text). Runs on the current transaction's connection,
   * or takes one from the pool; goes through the data source's logger like every other statement, and
   * a failure surfaces as TypeORM's QueryFailedError, so the error mapping is the same.
   */
  async prepared<T extends object>(name: string, text: string, values: unknown[]): Promise<T[]> {
    const current = this.store.getStore();
    const runner = current?.queryRunner ?? this.dataSource.createQueryRunner('slave');
    try {
      const client = (await runner.connect()) as { query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: T[] }> };
      this.dataSource.logger.logQuery(text, values, runner);
      try {
        return (await client.query({ name, text, values })).rows;
      } catch (e) {
        throw new QueryFailedError(text, values, e as Error);
      }
    } catch (e) {
      throw explainReleasedRunner(e, runner);
    } finally {
      if (!current?.queryRunner) await runner.release();
    }
  }

  run<T>(work: () => Promise<T>): Promise<T> {
    if (this.store.getStore()) return work();
    return this.transaction((manager) => this.store.run(manager, work)).catch(asConflict);
  }

  /**
   * `run`, for long work (an export) in a process whose statements are otherwise short: its own
   * transaction gets the long statement timeout (`SET LOCAL`, so it ends with the transaction), and
   * the client waits as long for the server. Joining a running transaction keeps that one's limit.
   */
  runLong<T>(work: () => Promise<T>): Promise<T> {
    const longMs = this.limits?.longStatementTimeoutMs;
    if (this.store.getStore() || !longMs) return this.run(work);
    return this.transaction(async (manager) => {
      const client: unknown = await manager.queryRunner!.connect();
      await manager.query(`set local statement_timeout = ${Math.trunc(longMs)}`);
      if (client instanceof GuardedClient) client.followStatementTimeout(longMs);
      try {
        return await this.store.run(manager, work);
      } finally {
        if (client instanceof GuardedClient) client.followStatementTimeout(null);
      }
    }).catch(asConflict);
  }

  /**
   * A READ COMMITTED transaction (the connections' default) on a query runner of its own, so that a failure can be told apart:
   * a runner TypeORM released because the server ended its connection is the database going away.
   */
  private async transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    try {
      // READ COMMITTED: every connection's default (dataSourceOptions), so opening it is one statement.
      return await runner.manager.transaction(work);
    } catch (e) {
      throw explainReleasedRunner(e, runner);
    } finally {
      await runner.release();
    }
  }
}
