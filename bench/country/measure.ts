import 'reflect-metadata';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '@samverka/config';
import { migrateDatabase } from '@samverka/database';
import { DigestService } from '@samverka/digests';
import { FollowUpReminderService } from '@samverka/follow-up';
import { localDateInCity, Principal, TaskQueryService } from '@samverka/kernel';
import { NeedsAnalysisService, NeedsReminderService } from '@samverka/needs';
import { CoordinatorService } from '@samverka/organisation';
import { PlanRoundCommandService } from '@samverka/rounds';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../apps/api/src/bootstrap';
import { provisionDatabase } from '../bench-database';
import { countQueries, LoopLimits } from '../measure';
import type { BenchResult, Check } from '../report';
import { summarise } from '../stats';
import { addCountryHistory, COUNTRY_SHAPE, CountryData, countryCounts, seedCountry } from './seed';

/** Time must grow with what is due, not with the database: 10× the data may cost at most this much more. */
export const COUNTRY_RATIO_LIMIT = 1.3;
/** The history factor measured against 1×. */
export const COUNTRY_FACTOR = 10;
/** Runs of each sweep per data set (each on the same work due: what the previous run queued is removed first); the median counts. */
const SWEEP_RUNS = 5;
const TASKS_LOOP: LoopLimits = { maxIterations: 400, maxMs: 6_000, warmupIterations: 30, warmupMs: 2_000 };
const ANALYSIS_LOOP: LoopLimits = { maxIterations: 30, maxMs: 15_000, warmupIterations: 2, warmupMs: 3_000 };

/** One data set: its database, the app on it, a raw client, the statement counter. */
interface CountryDataset {
  label: string;
  url: string;
  app: NestFastifyApplication;
  raw: Client;
  queries: { readonly count: number };
  data: CountryData;
  principals: { coordinator: Principal; manager: Principal };
  loadedSec: number;
  counts: Record<string, number>;
}

/**
 * The country-scale bench (issue 16, "At country scale"): provisions a database server, loads the
 * country seed at 1× into one database and at 1× grown to 10× (the same work due, ten times the
 * history) into another, each with the app on it, then measures the reminder sweeps, the digest
 * sweep, the tasks query and the needs analysis through the app's own services, alternating
 * between the two data sets call by call, so a change in the machine's load (other work on a
 * shared machine) weighs on both alike. Each target gets its 10×/1× time ratio (medians) and a
 * check that it is at most 1.3, and a check that both did the same work.
 */
export async function countryScaleBench(progress: (m: string) => void): Promise<{ results: BenchResult[]; checks: Check[] }> {
  const db = await provisionDatabase(progress);
  const sets: CountryDataset[] = [];
  const extraDatabase = `${new URL(db.url).pathname.slice(1)}_x${COUNTRY_FACTOR}`;
  const admin = new Client({ connectionString: db.url, application_name: 'samverka-bench-country' });
  try {
    await admin.connect();
    await admin.query(`create database ${extraDatabase} encoding 'UTF8' template template0`);
    const urls = [db.url, withDatabase(db.url, extraDatabase)];
    const today = localDateInCity(new Date());
    for (const [index, url] of urls.entries()) {
      const label = index === 0 ? '1×' : `${COUNTRY_FACTOR}×`;
      // The sweeps run in the worker, whose statements have the long limit (connectionLimits 'background'); so here too.
      const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: db.dataDir, DATABASE_STATEMENT_TIMEOUT_MS: '120000' });
      const app = await createApiApp(config, url);
      const raw = new Client({ connectionString: url, application_name: 'samverka-bench-country' });
      const set: Partial<CountryDataset> = { label, url, app, raw };
      sets.push(set as CountryDataset);
      const dataSource = app.get(DataSource);
      await migrateDatabase(dataSource);
      await app.init();
      await raw.connect();
      set.queries = countQueries(dataSource);
      const rounds = app.get(PlanRoundCommandService);
      const actor = { personId: null, label: 'bench' };
      const started = Date.now();
      set.data = await seedCountry(raw, rounds, actor, today);
      if (index > 0) await addCountryHistory(raw, rounds, actor, today, 1, COUNTRY_FACTOR);
      set.loadedSec = (Date.now() - started) / 1000;
      set.counts = await countryCounts(raw);
      set.principals = await benchPrincipals(raw, app.get(CoordinatorService));
      progress(`country ${label} loaded in ${set.loadedSec.toFixed(1)} s: ${describeCounts(set.counts)}`);
    }
    const [one, ten] = sets;
    if (localDateInCity(new Date()) !== today) throw new Error(`the day changed while loading (seeded for ${today}): run it again`);

    const results: BenchResult[] = [];
    const checks: Check[] = [
      {
        name: 'the country seed loads in reasonable time',
        ok: one.loadedSec + ten.loadedSec < 600,
        detail: `1× in ${one.loadedSec.toFixed(0)} s; 1× grown to ${COUNTRY_FACTOR}× in ${ten.loadedSec.toFixed(0)} s`,
      },
    ];
    const record = (target: string, samples: [number[], number[]], statements: [number, number], outcomes: [string, string]) => {
      const summaries = samples.map((s) => summarise(s));
      const total = (s: number[]) => s.reduce((a, b) => a + b, 0) / 1000;
      const [r1, r10] = summaries.map((latencyMs, i): BenchResult => ({
        phase: sets[i].label,
        kind: 'service',
        target,
        isBaseline: false,
        opsPerSec: 1000 / latencyMs.p50,
        latencyMs,
        count: samples[i].length,
        durationSec: total(samples[i]),
        queriesPerOp: statements[i],
      }));
      const ratio = r10.latencyMs.p50 / r1.latencyMs.p50;
      results.push(r1, { ...r10, baselineTarget: `${target} at 1×`, throughputRatio: r10.opsPerSec / r1.opsPerSec, p50Ratio: ratio });
      checks.push({
        name: `${COUNTRY_FACTOR}×/1× time ≤ ${COUNTRY_RATIO_LIMIT}: ${target}`,
        ok: ratio <= COUNTRY_RATIO_LIMIT,
        detail: `median ${fmtMs(r1.latencyMs.p50)} ms at 1×, ${fmtMs(r10.latencyMs.p50)} ms at ${COUNTRY_FACTOR}× (${samples[0].length} and ${samples[1].length} runs): ${ratio.toFixed(2)}; statements ${fmt(statements[0])} → ${fmt(statements[1])}`,
      });
      checks.push({
        name: `the same work due at 1× and ${COUNTRY_FACTOR}×: ${target}`,
        ok: outcomes[0] === outcomes[1] && !/^(0 tasks|\{"queued":0|\{"due":0)/.test(outcomes[0]),
        detail: `1×: ${outcomes[0]}; ${COUNTRY_FACTOR}×: ${outcomes[1]}`,
      });
      progress(`${target}: ${fmtMs(r1.latencyMs.p50)} ms → ${fmtMs(r10.latencyMs.p50)} ms (${ratio.toFixed(2)}), ${outcomes[1]}`);
    };

    /** A sweep, alternately on each data set (first 1×, then 10× first, ...), each run on the same work due: what the previous run queued is removed first. */
    const sweep = async (target: string, run: (set: CountryDataset) => Promise<object>) => {
      progress(`${target}: ${SWEEP_RUNS} runs on each data set, alternating`);
      const samples: [number[], number[]] = [[], []];
      const statements: [number, number] = [0, 0];
      const outcomes: [string, string] = ['', ''];
      for (let r = 0; r < SWEEP_RUNS; r++) {
        for (const i of r % 2 === 0 ? [0, 1] : [1, 0]) {
          const set = sets[i];
          await resetSweepOutput(set.raw);
          const before = set.queries.count;
          const started = performance.now();
          outcomes[i] = JSON.stringify(await run(set));
          samples[i].push(performance.now() - started);
          statements[i] = set.queries.count - before;
        }
      }
      record(target, samples, statements, outcomes);
    };

    /** A read, alternately on each data set call by call, after a warm-up on each; bounded in calls and time. */
    const read = async (target: string, op: (set: CountryDataset) => Promise<unknown>, limits: LoopLimits, describe: (r: unknown) => string) => {
      progress(`${target}: alternating calls`);
      const outcomes = [describe(await op(one)), describe(await op(ten))] as [string, string];
      const warmupEnd = Date.now() + limits.warmupMs;
      for (let w = 0; w < limits.warmupIterations && Date.now() < warmupEnd; w++) {
        await op(one);
        await op(ten);
      }
      const samples: [number[], number[]] = [[], []];
      const counted: [number, number] = [one.queries.count, ten.queries.count];
      const end = Date.now() + limits.maxMs;
      for (let n = 0; n < limits.maxIterations && Date.now() < end; n++) {
        for (const i of n % 2 === 0 ? [0, 1] : [1, 0]) {
          const started = performance.now();
          await op(sets[i]);
          samples[i].push(performance.now() - started);
        }
      }
      const statements = [0, 1].map((i) => (sets[i].queries.count - counted[i]) / samples[i].length) as [number, number];
      record(target, samples, statements, outcomes);
    };

    await sweep('NeedsReminderService.sweep()', (set) => set.app.get(NeedsReminderService).sweep());
    await sweep('FollowUpReminderService.sweep()', (set) => set.app.get(FollowUpReminderService).sweep());
    await sweep('DigestService.sweep()', (set) => set.app.get(DigestService).sweep());
    for (const set of sets) await resetSweepOutput(set.raw);
    const taskKinds = (r: unknown) => {
      const tasks = r as Array<{ kind: string }>;
      return `${tasks.length} tasks (${[...new Set(tasks.map((x) => x.kind))].sort().join(', ')})`;
    };
    await read('TaskQueryService.tasksOf(a coordinator)', (set) => set.app.get(TaskQueryService).tasksOf(set.principals.coordinator), TASKS_LOOP, taskKinds);
    await read('TaskQueryService.tasksOf(a manager)', (set) => set.app.get(TaskQueryService).tasksOf(set.principals.manager), TASKS_LOOP, taskKinds);
    await read(
      'NeedsAnalysisService.analyse() (the round collecting needs, whole city)',
      (set) => set.app.get(NeedsAnalysisService).analyse(set.data.collectingRoundId, { all: true, departmentIds: [], committeeIds: [] }),
      ANALYSIS_LOOP,
      (r) => `${(r as { totals?: { needs?: number } }).totals?.needs ?? '?'} needs`,
    );
    checks.unshift({
      name: 'the data sets',
      ok: true,
      detail: `1×: ${describeCounts(one.counts)}; ${COUNTRY_FACTOR}×: ${describeCounts(ten.counts)}`,
    });
    return { results, checks };
  } finally {
    for (const set of sets.reverse()) {
      await set.raw?.end().catch(() => undefined);
      await set.app?.close().catch((e: unknown) => progress(`closing the app: ${(e as Error).message}`));
    }
    await admin.query(`drop database if exists ${extraDatabase} with (force)`).catch((e: unknown) => progress(`dropping ${extraDatabase}: ${(e as Error).message}`));
    await admin.end().catch(() => undefined);
    await db.dispose().catch((e: unknown) => progress(`removing the database: ${(e as Error).message}`));
  }
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

const fmtMs = (v: number) => (v < 100 ? v.toFixed(1) : v.toFixed(0));
const fmt = (v: number | null) => (v === null ? '–' : Number.isInteger(v) ? String(v) : v.toFixed(1));

function describeCounts(c: Record<string, number>): string {
  return `${c.department} departments, ${c.plan_round} rounds, ${c.need} needs, ${c.plan_item} plan items, ${c.follow_up_report} reports, ${c.coordinator_assignment} assignments, ${c.digest_delivery} digests, ${c.notification} emails`;
}

/**
 * Removes what the previous sweep run queued and recorded (everything newer than the seed's
 * history), so every run finds the same work due; then vacuums, as autovacuum would.
 */
async function resetSweepOutput(client: Client): Promise<void> {
  await client.query(`delete from notification where dedup_key not like 'country-history:%'`);
  await client.query(`delete from digest_delivery where created_at > now() - interval '1 day'`);
  await client.query('vacuum analyze notification, digest_delivery');
}

/** The primary coordinator of department 10 (needs not handed in; responsible for department 9's item) and the manager of department 13 (needs awaiting its endorsement). */
async function benchPrincipals(client: Client, coordinators: CoordinatorService): Promise<{ coordinator: Principal; manager: Principal }> {
  const user = async (email: string) => {
    const { rows } = await client.query<{ user_id: string; person_id: string; name: string; email: string }>(
      `select u.id as user_id, p.id as person_id, p.name, p.email from person p join app_user u on u.person_id = p.id where p.email = $1`,
      [email],
    );
    if (!rows[0]) throw new Error(`no user ${email} in the country seed`);
    return rows[0];
  };
  const principal = async (email: string): Promise<Principal> => {
    const u = await user(email);
    const { rows } = await client.query<{ department_id: string }>(`select department_id from role_grant where user_id = $1 and role = 'management' and revoked_at is null`, [u.user_id]);
    return {
      userId: u.user_id,
      personId: u.person_id,
      name: u.name,
      email: u.email,
      sessionId: randomUUID(),
      sessionKind: 'web',
      csrfToken: 'bench',
      admin: false,
      strategist: false,
      management: rows.map((r) => r.department_id),
      coordinator: await coordinators.departmentsCoordinatedBy(u.person_id),
      committeeSecretary: [],
    };
  };
  return { coordinator: await principal('primary.10@country.example'), manager: await principal(`chef.${Math.min(13, COUNTRY_SHAPE.municipalities * COUNTRY_SHAPE.perMunicipality)}@country.example`) };
}

