import { DatabaseConfig } from '@samverka/config';
import { acquireEmbeddedPostgres, EmbeddedInstance } from './embedded-postgres';

export interface ResolvedDatabase {
  url: string;
  embedded: boolean;
  /** Stops the embedded server if this process started it. */
  release(): Promise<void>;
}

/**
 * DATABASE_URL when set; otherwise the embedded server under DATA_DIR,
 * started by this process or found already running for another one.
 */
export async function resolveDatabase(
  config: { database: DatabaseConfig; dataDir: string },
  purpose: string,
  mode: 'exclusive' | 'shared' = 'shared',
  log?: (message: string) => void,
): Promise<ResolvedDatabase> {
  if (config.database.url) return { url: config.database.url, embedded: false, release: async () => undefined };
  const instance: EmbeddedInstance = await acquireEmbeddedPostgres({
    dataDir: config.dataDir,
    port: config.database.embeddedPort,
    mode,
    purpose,
    log,
  });
  return { url: instance.url, embedded: true, release: () => instance.release() };
}
