import { DataSource } from 'typeorm';

/** Any fixed number: all replicas agree on it, so only one migrates at a time. */
const MIGRATION_LOCK = 74_201_501;

/**
 * Applies pending migrations under an advisory lock, so that several API
 * replicas (or the API and the CLI) starting together migrate once.
 */
export async function migrateDatabase(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await runner.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
}
