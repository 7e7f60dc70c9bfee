import { DataSource, MigrationExecutor } from 'typeorm';
import { setSessionStatementTimeout } from './database-unavailable';

/** Any fixed number: all replicas agree on it, so only one migrates at a time. */
const MIGRATION_LOCK = 74_201_501;

/**
 * Applies pending migrations under an advisory lock, so that several API
 * replicas (or the API and the CLI) starting together migrate once. They run
 * on the lock's own connection without a statement timeout: waiting for another
 * replica's migration, or a migration rewriting a large table, may take longer
 * than a request is allowed to.
 */
export async function migrateDatabase(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await setSessionStatementTimeout(runner, 0);
    await runner.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const executor = new MigrationExecutor(dataSource, runner);
    executor.transaction = 'each';
    const applied = await executor.executePendingMigrations();
    return applied.map((m) => m.name);
  } finally {
    await runner.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await setSessionStatementTimeout(runner, null).catch(() => undefined);
    await runner.release();
  }
}
