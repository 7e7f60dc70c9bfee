import { ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { dataSourceOptions, migrateDatabase } from '@samverka/database';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { acquireEmbeddedPostgres, EmbeddedInstance } from '../../apps/cli/src/embedded/embedded-postgres';
import { eventually } from '../support/eventually';
import { TestSmtpServer } from '../support/smtp';

const root = resolve(__dirname, '..', '..');

/** Every child still running: killed if the test process itself ends without its afterAll (a crash, a Ctrl-C). */
const alive = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of alive) child.kill('SIGKILL');
});

/** A port nobody listens on now (the OS's choice). */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => done(port));
    });
  });
}

/**
 * One process of the service (the API or the worker), started from the TypeScript sources as
 * `npm run start:api` / `start:worker` would run the build: its own OS process, its own pools.
 * Its output is kept (the tail is shown when it dies unexpectedly or a test fails).
 */
export class ServiceProcess {
  readonly lines: string[] = [];
  exitCode: number | null | undefined = undefined;
  signal: NodeJS.Signals | null = null;
  private readonly exited: Promise<void>;

  constructor(
    readonly name: string,
    readonly child: ChildProcess,
    readonly baseUrl?: string,
  ) {
    const keep = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) this.lines.push(line);
      if (this.lines.length > 4000) this.lines.splice(0, this.lines.length - 4000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    alive.add(child);
    this.exited = new Promise((done) =>
      child.once('exit', (code, signal) => {
        alive.delete(child);
        this.exitCode = code;
        this.signal = signal;
        done();
      }),
    );
  }

  get pid(): number {
    return this.child.pid!;
  }

  get running(): boolean {
    return this.exitCode === undefined;
  }

  /** The output lines matching `pattern`. */
  grep(pattern: RegExp): string[] {
    return this.lines.filter((l) => pattern.test(l));
  }

  tail(n = 30): string {
    return `--- ${this.name} (pid ${this.child.pid}, exit ${this.exitCode ?? 'running'}${this.signal ? `, ${this.signal}` : ''}) ---\n${this.lines.slice(-n).join('\n')}`;
  }

  /** Kills it with `signal` and resolves once it has exited. */
  async kill(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    if (this.running) this.child.kill(signal);
    await this.exited;
  }

  /** Resolves when it has exited by itself. */
  whenExited(): Promise<void> {
    return this.exited;
  }
}

export interface FleetOptions {
  /** Extra settings for every process of the service. */
  env?: Record<string, string>;
  /** How long a process may take to be ready (the machine may be busy). */
  startTimeoutMs?: number;
}

/**
 * The service as it runs in production, owned by a test: its own PostgreSQL (the embedded server, in
 * a temporary folder, on a free port) that the test stops and starts, a real SMTP server in this
 * process that the test makes refuse, and as many API and worker processes as the test starts. Each
 * process is killed by `close()`, so none outlives the test.
 */
export class Fleet {
  readonly processes: ServiceProcess[] = [];
  private database?: EmbeddedInstance;
  private url?: string;
  private readonly dataDir = mkdtempSync(join(tmpdir(), 'samverka-faults-'));
  private readonly appDir = mkdtempSync(join(tmpdir(), 'samverka-faults-app-'));

  private constructor(
    readonly smtp: TestSmtpServer,
    private readonly options: FleetOptions,
    private port = 0,
  ) {
    // As root the server runs as the postgres OS user, which must reach its folder.
    chmodSync(this.dataDir, 0o755);
  }

  static async start(options: FleetOptions = {}): Promise<Fleet> {
    const fleet = new Fleet(await TestSmtpServer.start(), options, await freePort());
    await fleet.startDatabase();
    return fleet;
  }

  /** The application database (the same address across restarts). */
  get databaseUrl(): string {
    if (!this.url) throw new Error('the database has not been started');
    return this.url;
  }

  get databaseUp(): boolean {
    return this.database !== undefined;
  }

  /** Starts PostgreSQL (first start: a new cluster) on the fleet's port. */
  async startDatabase(): Promise<void> {
    const started = await acquireEmbeddedPostgres({ dataDir: this.dataDir, port: this.port, mode: 'exclusive', purpose: 'faults test' });
    if (started.port !== this.port) {
      await started.release();
      throw new Error(`port ${this.port} was taken while PostgreSQL was down (got ${started.port}); the processes could not find it again`);
    }
    this.database = started;
    this.url = started.url;
  }

  /** Stops PostgreSQL (fast shutdown: sessions are ended, open transactions rolled back), as an operator or a crash would. */
  async stopDatabase(): Promise<void> {
    const db = this.database;
    this.database = undefined;
    await db?.release();
  }

  /** Applies the migrations (what the API does when it starts), for a test that starts no API. */
  async migrate(): Promise<void> {
    const ds = new DataSource(dataSourceOptions(this.databaseUrl));
    await ds.initialize();
    try {
      await migrateDatabase(ds);
    } finally {
      await ds.destroy();
    }
  }

  /** Runs `work` on a connection of the test's own, straight to PostgreSQL. */
  async sql<T>(work: (client: Client) => Promise<T>): Promise<T> {
    const client = new Client({ connectionString: this.databaseUrl });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  }

  /** The settings of every process: the database, the SMTP server, short limits so faults show in seconds. */
  private env(extra: Record<string, string>): NodeJS.ProcessEnv {
    const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('JEST') && !k.startsWith('SAMVERKA_') && k !== 'DATABASE_URL'));
    return {
      ...inherited,
      NODE_ENV: 'development',
      TS_NODE_PROJECT: 'tsconfig.spec.json',
      DATA_DIR: this.appDir,
      DATABASE_URL: this.databaseUrl,
      SMTP_URL: this.smtp.url,
      PUBLIC_URL: 'https://samverka.malmo.example',
      LOG_LEVEL: 'info',
      // JSON lines: the fault reports find a 500's errorId in them.
      LOG_FORMAT: 'json',
      SEED_DEMO_DATA: 'false',
      ...this.options.env,
      ...extra,
    };
  }

  private spawn(name: string, main: string, env: NodeJS.ProcessEnv, baseUrl?: string): ServiceProcess {
    const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', main], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const proc = new ServiceProcess(name, child, baseUrl);
    this.processes.push(proc);
    return proc;
  }

  /** Starts an API process and waits until `/health/ready` answers 200 (`ready: false`: only started). */
  async startApi(name: string, env: Record<string, string> = {}, ready = true): Promise<ServiceProcess> {
    const port = await freePort();
    const api = this.spawn(name, 'apps/api/src/main.ts', this.env({ PORT: String(port), HOST: '127.0.0.1', ...env }), `http://127.0.0.1:${port}`);
    if (ready) await this.ready(api);
    return api;
  }

  /** Starts a worker process and waits until it says it is ready (`ready: false`: only started). */
  async startWorker(name: string, env: Record<string, string> = {}, ready = true): Promise<ServiceProcess> {
    const worker = this.spawn(name, 'apps/worker/src/main.ts', this.env(env));
    if (ready) await this.ready(worker);
    return worker;
  }

  /** Waits until the process serves (the API: `/health/ready` is 200; the worker: it said it is ready). */
  async ready(proc: ServiceProcess, timeoutMs = this.options.startTimeoutMs ?? 120_000): Promise<void> {
    await eventually(
      `${proc.name} ready`,
      async () => {
        if (!proc.running) throw new Error(`exited before it was ready\n${proc.tail()}`);
        if (proc.baseUrl) return (await fetch(`${proc.baseUrl}/health/ready`, { signal: AbortSignal.timeout(5000) })).status === 200;
        return proc.grep(/Samverka worker ready/).length > 0;
      },
      (ok) => ok,
      timeoutMs,
    );
  }

  /** The tails of every process's output, for a failing test's report. */
  tails(): string {
    return this.processes.map((p) => p.tail()).join('\n');
  }

  /** Kills every process (SIGKILL after a grace period), stops PostgreSQL and the SMTP server, removes the folders. */
  async close(): Promise<void> {
    await Promise.all(
      this.processes.map(async (p) => {
        if (!p.running) return;
        const grace = setTimeout(() => p.child.kill('SIGKILL'), 10_000);
        await p.kill('SIGTERM');
        clearTimeout(grace);
      }),
    );
    await this.stopDatabase().catch(() => undefined);
    await this.smtp.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
    rmSync(this.appDir, { recursive: true, force: true });
  }
}
