import { acquireEmbeddedPostgres } from '../apps/cli/src/embedded/embedded-postgres';
import { DEFAULT_RESPONSIBILITIES } from '@samverka/organisation';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

export interface BenchDatabase {
  url: string;
  kind: 'embedded' | 'external';
  /** A scratch folder for this run: the embedded cluster (if any) and the app's DATA_DIR. */
  dataDir: string;
  dispose(): Promise<void>;
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * DATABASE_URL when set: a fresh database samverka_bench_<random> on that
 * server (it needs CREATEDB), dropped afterwards. Otherwise a throw-away
 * embedded PostgreSQL in a temporary folder, stopped and removed afterwards.
 */
export async function provisionDatabase(log: (m: string) => void): Promise<BenchDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'samverka-bench-'));
  // As root the embedded server runs as the postgres user, which must reach the folder.
  chmodSync(dataDir, 0o755);
  const removeDir = () => rm(dataDir, { recursive: true, force: true });

  const external = process.env.DATABASE_URL;
  if (external) {
    const name = `samverka_bench_${randomBytes(6).toString('hex')}`;
    const admin = async (sql: string) => {
      const client = new Client({ connectionString: external });
      await client.connect();
      try {
        await client.query(sql);
      } finally {
        await client.end();
      }
    };
    await admin(`create database ${name} encoding 'UTF8' template template0`);
    log(`database: ${name} on the DATABASE_URL server`);
    return {
      url: withDatabase(external, name),
      kind: 'external',
      dataDir,
      dispose: async () => {
        await admin(`drop database if exists ${name} with (force)`);
        await removeDir();
      },
    };
  }

  const started = Date.now();
  const instance = await acquireEmbeddedPostgres({ dataDir, port: 54359, mode: 'exclusive', purpose: 'bench', database: 'samverka_bench' });
  log(`database: embedded PostgreSQL on 127.0.0.1:${instance.port} (initialised in ${Date.now() - started} ms, data in ${dataDir})`);
  return {
    url: instance.url,
    kind: 'embedded',
    dataDir,
    dispose: async () => {
      await instance.release();
      await removeDir();
    },
  };
}

export interface DatasetSize {
  committees: number;
  departments: number;
  activeDepartments: number;
  people: number;
  assignments: number;
  currentOrUpcomingAssignments: number;
}

export async function datasetSize(client: Client, today: string): Promise<DatasetSize> {
  const { rows } = await client.query<Record<keyof DatasetSize, string>>(
    `select (select count(*) from committee) as committees,
            (select count(*) from department) as departments,
            (select count(*) from department where active) as "activeDepartments",
            (select count(*) from person) as people,
            (select count(*) from coordinator_assignment) as assignments,
            (select count(*) from coordinator_assignment where valid_to is null or valid_to >= $1::date) as "currentOrUpcomingAssignments"`,
    [today],
  );
  const r = rows[0];
  return {
    committees: Number(r.committees),
    departments: Number(r.departments),
    activeDepartments: Number(r.activeDepartments),
    people: Number(r.people),
    assignments: Number(r.assignments),
    currentOrUpcomingAssignments: Number(r.currentOrUpcomingAssignments),
  };
}

/**
 * The scale case, on top of the demo city, in a few set-based statements:
 * `departments` departments under 10 more committees. With n the department's
 * number: a current primary unless n % 10 = 0 (a coverage gap; half of those
 * have a primary scheduled to start in two weeks, the other half one that
 * ended ten days ago); a deputy unless n % 3 = 0; a previous primary in the
 * history when n % 4 = 0; both ending within 30 days when n % 7 = 0;
 * primaries unacknowledged when n % 5 = 0, deputies when n % 6 = 0; inactive
 * when n % 50 = 0. One person per assignment.
 */
export async function addScaleData(client: Client, today: string, departments: number): Promise<void> {
  await inTransaction(client, async () => {
    await client.query(
      `insert into committee (code, name)
       select 'BENCH-N' || lpad(g::text, 2, '0'), 'Benchnämnd ' || g from generate_series(1, 10) g`,
    );
    await client.query(
      `insert into department (code, name, committee_id, active)
       select 'BENCH-' || lpad(g::text, 4, '0'), 'Benchförvaltning ' || lpad(g::text, 4, '0'), c.id, g % 50 <> 0
         from generate_series(1, $1::int) g
         join committee c on c.code = 'BENCH-N' || lpad((g % 10 + 1)::text, 2, '0')`,
      [departments],
    );
    await client.query(
      `create temp table bench_plan on commit drop as
       with d as (
         select id, code::text as code, substring(code::text from 7)::int as n
           from department where code::text ~ '^BENCH-[0-9]+$'
       )
       select d.id as department_id, d.code, r.role, r.kind::coordinator_kind as kind, r.valid_from, r.valid_to, r.acknowledged
         from d
         cross join lateral (values
           ('primary',  'primary', $1::date - (30 + d.n % 300), case when d.n % 7 = 0 then $1::date + d.n % 28 end, d.n % 5 <> 0, d.n % 10 <> 0),
           ('previous', 'primary', $1::date - 900,              $1::date - (31 + d.n % 300),                         true,          d.n % 4 = 0 and d.n % 10 <> 0),
           ('ended',    'primary', $1::date - 400,              $1::date - 10,                                       true,          d.n % 10 = 0 and d.n % 20 <> 0),
           ('next',     'primary', $1::date + 14,               null::date,                                          false,         d.n % 20 = 0),
           ('deputy',   'deputy',  $1::date - (30 + d.n % 300), case when d.n % 7 = 0 then $1::date + d.n % 28 end, d.n % 6 <> 0, d.n % 3 <> 0)
         ) as r(role, kind, valid_from, valid_to, acknowledged, wanted)
        where r.wanted`,
      [today],
    );
    await client.query(
      `insert into person (name, email, title)
       select 'Bench ' || initcap(role) || ' ' || code, lower(code || '.' || role) || '@bench.example', 'Samordnare (bench)'
         from bench_plan`,
    );
    await client.query(
      `insert into coordinator_assignment (department_id, person_id, kind, mandate, responsibilities, valid_from, valid_to, acknowledged_at, end_reason)
       select b.department_id, p.id, b.kind, 'Mandat att företräda förvaltningen (bench).', $2::text[], b.valid_from, b.valid_to,
              case when b.acknowledged then now() end,
              case when b.valid_to < $1::date then 'Avslutat' end
         from bench_plan b
         join person p on p.email = lower(b.code || '.' || b.role) || '@bench.example'`,
      [today, [...DEFAULT_RESPONSIBILITIES]],
    );
  });
  await client.query('analyze');
}

/** `work` inside one transaction on `client`: committed when it returns, rolled back when it throws. */
export async function inTransaction(client: Client, work: () => Promise<void>): Promise<void> {
  await client.query('begin');
  try {
    await work();
    await client.query('commit');
  } catch (e) {
    await client.query('rollback').catch(() => undefined);
    throw e;
  }
}
