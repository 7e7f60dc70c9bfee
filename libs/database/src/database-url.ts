import { DatabaseConfig } from '@samverka/config';

/**
 * The database the API and the worker use: DATABASE_URL. They never start a
 * PostgreSQL themselves; the `npm start` launcher (apps/cli) starts the
 * embedded one and hands its address to them as DATABASE_URL.
 */
export function databaseUrlOf(config: { database: DatabaseConfig }): string {
  if (config.database.url) return config.database.url;
  throw new Error('DATABASE_URL is not set. Start the whole service with `npm start` (it runs the embedded PostgreSQL and passes its address on), or set DATABASE_URL.');
}
