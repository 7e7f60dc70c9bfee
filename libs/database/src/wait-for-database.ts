import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { isDatabaseUnavailable } from './database-unavailable';

/** Waits between attempts: soon at first, then every ten seconds. */
const WAIT_MS = [1000, 2000, 4000, 8000, 10_000];

/**
 * Resolves once PostgreSQL at `url` answers a query. While it is away (down, starting up, unreachable)
 * it says so through `log` and tries again, as long as it takes: a process started before its database
 * (a host that boots both, a database restarting) waits for it instead of giving up. Anything else (a
 * wrong password, a database that does not exist) is thrown at once: waiting would not mend it.
 */
export async function waitForDatabase(url: string, options: { connectTimeoutMs: number; log: (message: string) => void; waitMs?: readonly number[] }): Promise<void> {
  const waits = options.waitMs ?? WAIT_MS;
  for (let attempt = 0; ; attempt++) {
    const client = new Client({ connectionString: url, connectionTimeoutMillis: options.connectTimeoutMs, application_name: 'samverka-start' });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.query('select 1');
      if (attempt > 0) options.log('the database is reachable; starting');
      return;
    } catch (e) {
      if (!isDatabaseUnavailable(e)) throw e;
      const wait = waits[Math.min(attempt, waits.length - 1)];
      options.log(`waiting for the database (${(e as Error)?.message ?? String(e)}); trying again in ${wait} ms`);
      await sleep(wait);
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}
