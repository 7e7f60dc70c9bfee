import { environmentWith, loadConfig } from '@samverka/config';
import { onShutdownSignal } from '@samverka/kernel';
import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { EmbeddedDatabaseInUseError } from './embedded/embedded-postgres';
import { resolveDatabase } from './embedded/resolve-database';

/**
 * `npm start`: the whole service on one machine. Starts (or refuses, if the
 * data folder is in use) the embedded PostgreSQL, then the API (which migrates
 * and loads the demo city into an empty database), then the worker once the
 * API is ready; both get the database as DATABASE_URL (they never start a
 * PostgreSQL themselves). Ctrl-C stops the worker, the API, then the database.
 */
const say = (m: string) => process.stdout.write(`[samverka] ${m}\n`);

async function waitUntilReady(url: string, api: ChildProcess, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (api.exitCode !== null) throw new Error(`the API exited during start-up (code ${api.exitCode})`);
    try {
      const res = await fetch(`${url}/health/ready`);
      if (res.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`the API was not ready within ${timeoutMs / 1000} s`);
}

function stop(child: ChildProcess | undefined, timeoutMs = 15_000): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

async function main() {
  const config = loadConfig();
  let database;
  try {
    database = await resolveDatabase({ database: config.database, dataDir: config.app.dataDir }, 'npm start', 'exclusive', say);
  } catch (e) {
    if (e instanceof EmbeddedDatabaseInUseError) {
      say(`Samverka is already running on this data (${e.dataDir}, pid ${e.ownerPid}).`);
      say('Stop it first (Ctrl-C in its terminal), or use another DATA_DIR. The CLI works beside it: npm run cli -- <command>');
      process.exit(2);
    }
    throw e;
  }
  const node = process.execPath;
  const here = __dirname;
  // Children get their own process group: Ctrl-C reaches only this launcher, which stops them in order.
  const env = environmentWith({ DATABASE_URL: database.url });
  const run = (app: string) => spawn(node, [join(here, '..', '..', app, 'src', 'main.js')], { stdio: 'inherit', detached: true, env });
  const api = run('api');
  let worker: ChildProcess | undefined;
  let stopping = false;

  const shutdown = async () => {
    stopping = true;
    await stop(worker);
    await stop(api);
    await database.release();
  };
  onShutdownSignal(shutdown, say);

  const unexpectedExit = (name: string) => (code: number | null, signal: NodeJS.Signals | null) => {
    if (stopping) return;
    say(`the ${name} stopped unexpectedly (${signal ?? `exit code ${code}`}); stopping the service`);
    void shutdown().then(() => process.exit(1));
  };
  api.on('exit', unexpectedExit('API'));

  try {
    await waitUntilReady(`http://127.0.0.1:${config.app.port}`, api);
  } catch (e) {
    await shutdown();
    throw e;
  }
  worker = run('worker');
  worker.on('exit', unexpectedExit('worker'));
  say(`Samverka is running: ${config.app.publicUrl} (API documentation: ${config.app.publicUrl}/api/docs). Press Ctrl-C to stop.`);
}

main().catch((e: unknown) => {
  say(`could not start: ${(e as Error)?.message ?? String(e)}`);
  process.exit(1);
});
