/**
 * `npm run bench`: speed figures for the API, as ratios against baselines
 * measured in the same run, never as pass/fail timings.
 *
 *  - HTTP targets (the real app from createApiApp, listening on 127.0.0.1)
 *    are loaded by autocannon in a separate process, and compared with a bare
 *    Fastify route loaded the same way.
 *  - Service calls (CoordinatorService.coverage(), the departments list, the
 *    needs analysis) run sequentially in process and are compared with a raw
 *    pg `select 1` loop.
 *  - Both on the demo city (13 departments) and again after adding a scale
 *    case (300 more departments, people and assignments; and a round of its
 *    own with those departments × 50 needs for the needs analysis, which
 *    must answer well under a second); the statements per request must not
 *    grow with the dataset (set-based queries).
 *  - Signed in as the demo strategist: a Bearer token (POST /api/v1/auth/token)
 *    for the API, a browser session cookie for the HTML page; /health anonymous.
 *    A target that refuses (401/403, or a redirect such as to the sign-in page)
 *    is reported as not measured, with a warning.
 *  - Needs created by 50 concurrent coordinators (each signed in with its own
 *    token, each coordinating its own department of a round collecting needs),
 *    compared with the same rows inserted by raw pg over 50 connections at once.
 *  - The peak resident memory (RSS) of the process running the API during the
 *    HTTP read targets.
 *  - The budgets of issue 16 (bench/budgets.ts), each judged ok or FAIL.
 *
 * Every loop is bounded in count and time. The database is a throw-away
 * embedded PostgreSQL, or a fresh database on DATABASE_URL's server, removed
 * at the end. Results: a table on stdout (progress on stderr) and
 * var/bench/results-<timestamp>.json; with `--write-results` (npm run bench --
 * --write-results) also bench/RESULTS.md.
 *
 * Knobs (environment): BENCH_DURATION (s per HTTP target, default 5),
 * BENCH_CONNECTIONS (default 10), BENCH_SCALE_DEPARTMENTS (default 300),
 * BENCH_SCALE_NEEDS (needs per department in the scale case, default 50),
 * BENCH_CONCURRENT_COORDINATORS (default 50).
 */
import 'reflect-metadata';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '@samverka/config';
import { DatabaseNotifications, migrateDatabase } from '@samverka/database';
import { setTimeout as sleep } from 'node:timers/promises';
import { DEMO_PASSWORD, DemoUsersSeeder, PasswordHasher, SignInService } from '@samverka/identity';
import { CoordinatorService, DEFAULT_RESPONSIBILITIES, DemoCitySeeder, OrganisationRegistryService } from '@samverka/organisation';
import { NeedsAnalysisService } from '@samverka/needs';
import { DemoRoundSeeder, PlanRoundCommandService } from '@samverka/rounds';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { sessionCookieName } from '../apps/api/src/auth/session-cookie';
import { createApiApp } from '../apps/api/src/bootstrap';
import { DEFAULT_PAGE_LIMIT } from '../apps/api/src/shell/api-paging';
import { startBaselineServer } from './baseline-server';
import { addScaleData, BenchDatabase, datasetSize, provisionDatabase } from './bench-database';
import { LoadGenerator } from './http-load';
import { countQueries, LoopLimits, residentHighWaterMiB, RssSampler, timedLoop } from './measure';
import { BUDGETS, CONCURRENT_NEEDS_TARGET, judgeBudgets, ROUND_STEP_TARGET, TASKS_TARGET } from './budgets';
import { addConcurrentCoordinators, rawConcurrentNeedInserts } from './concurrent-needs';
import { summarise } from './stats';
import { addNeedsScaleData, NeedsScale } from './needs-scale';
import { addDigestScaleData } from './digest-scale';
import { DigestService } from '@samverka/digests';
import { emailThroughputBench } from './country/email-throughput';
import { countryScaleBench } from './country/measure';
import { BenchReport, BenchResult, Check, formatReport, formatResultsMarkdown, writeReport } from './report';
import { writeFileSync } from 'node:fs';

function envInt(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name}=${raw}: expected an integer from ${min} to ${max}`);
  return n;
}

const SETTINGS = {
  connections: envInt('BENCH_CONNECTIONS', 10, 1, 100),
  httpDurationSec: envInt('BENCH_DURATION', 5, 1, 30),
  httpWarmupSec: 1,
  /** Count bound per HTTP target, next to the time bound. */
  httpMaxRequests: 500_000,
  /** Sequential requests per HTTP target, on a quiet server, that count its statements per request. */
  probeRequests: 5,
  serviceLoop: { maxIterations: 5_000, maxMs: 2_000, warmupIterations: 100, warmupMs: 300 } satisfies LoopLimits,
  scaleDepartments: envInt('BENCH_SCALE_DEPARTMENTS', 300, 1, 5_000),
  scaleNeedsPerDepartment: envInt('BENCH_SCALE_NEEDS', 50, 1, 500),
  /** The status-digest sweep's scale: municipalities × departments each (290 × 15 ≈ 4,400 departments, each with management users). */
  digestMunicipalities: envInt('BENCH_DIGEST_MUNICIPALITIES', 290, 1, 1_000),
  digestDepartmentsPerMunicipality: envInt('BENCH_DIGEST_DEPARTMENTS', 15, 1, 50),
  concurrentCoordinators: envInt('BENCH_CONCURRENT_COORDINATORS', 50, 1, 200),
};
/** `--write-results`: also write bench/RESULTS.md from this run. */
const WRITE_RESULTS = process.argv.includes('--write-results');
/** The digest sweep is set-based: a fixed number of statements however many departments (begin, managers, five reads, deliveries, emails, commit). */
const DIGEST_SWEEP_MAX_STATEMENTS = 12;
/** The needs analysis of the scale round (departments × needs) must answer well under a second: its p99 at most half of one. */
const NEEDS_ANALYSIS_P99_LIMIT_MS = 500;
/** Stops everything if the run hangs (a normal run takes a few minutes): start-up and the digest scale case, plus 12 HTTP targets, plus the service loops, plus the 50 coordinators (their sign-ins, the load and its raw baseline). */
/** `BENCH_COUNTRY=off` leaves out the country-scale part (bench/country: the seed at 1× and 10×, and 10,000 emails through the worker). */
const WITH_COUNTRY = process.env.BENCH_COUNTRY !== 'off';
const WATCHDOG_MS = (240 + 12 * (SETTINGS.httpDurationSec + SETTINGS.httpWarmupSec + 5) + 90 + 3 * SETTINGS.httpDurationSec + (WITH_COUNTRY ? 30 * 60 : 0)) * 1000;

const progress = (m: string) => process.stderr.write(`[bench] ${m}\n`);

/** Teardown steps, run once, newest first; each step runs even if an earlier one fails. */
class Teardown {
  private steps: Array<{ name: string; fn: () => Promise<unknown> }> = [];
  private running: Promise<void> | undefined;

  add(name: string, fn: () => Promise<unknown>): void {
    this.steps.push({ name, fn });
  }

  run(): Promise<void> {
    this.running ??= (async () => {
      for (const step of this.steps.reverse()) {
        try {
          await step.fn();
        } catch (e) {
          progress(`teardown: ${step.name} failed: ${(e as Error)?.message ?? String(e)}`);
        }
      }
    })();
    return this.running;
  }
}

interface HttpTarget {
  name: string;
  path: string;
  /** accept, and the credentials the target needs. */
  headers: Record<string, string>;
  /** What a correct response looks like, checked once before measuring. */
  expect: (status: number, contentType: string, body: string) => string | null;
}

async function main(): Promise<void> {
  const startedAt = new Date();
  const teardown = new Teardown();
  const onSignal = (signal: NodeJS.Signals) => {
    progress(`${signal}: stopping`);
    void teardown.run().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const watchdog = setTimeout(() => {
    progress(`still running after ${WATCHDOG_MS / 1000} s: giving up`);
    void teardown.run().finally(() => process.exit(1));
  }, WATCHDOG_MS);
  watchdog.unref();

  const cpuList = cpus();
  const machine: BenchReport['machine'] = {
    cpus: cpuList.length,
    availableParallelism: availableParallelism(),
    cpuModel: cpuList[0]?.model?.trim() ?? 'unknown',
    totalMemMiB: Math.round(totalmem() / 1024 / 1024),
    platform: process.platform,
    arch: process.arch,
    node: process.version,
    loadAvgAtStart: loadavg(),
    loadAvgAtEnd: [],
  };
  progress(`${machine.cpus} CPUs (${machine.cpuModel}), Node ${machine.node}`);

  try {
    const db: BenchDatabase = await provisionDatabase(progress);
    teardown.add('database', () => db.dispose());

    // As in production: who the caller is comes from the process's principal cache (off by default in tests).
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: db.dataDir, PRINCIPAL_CACHE_SECONDS: '60' });
    const app: NestFastifyApplication = await createApiApp(config, db.url);
    teardown.add('app', () => app.close());
    const dataSource = app.get(DataSource);
    await migrateDatabase(dataSource);
    // The lifecycle hooks collect the round fact providers: nothing asks a service before them (as prepareApiApp).
    await app.init();
    const actor = { personId: null, label: 'bench' };
    const seeded = await app.get(DemoCitySeeder).seed(actor);
    const users = await app.get(DemoUsersSeeder).seed(actor);
    const demoRound = await app.get(DemoRoundSeeder).seed(actor);
    if (!demoRound) throw new Error('the demo plan round was not created');
    progress(`demo city loaded: ${JSON.stringify(seeded)}, ${users.length} demo users, plan round ${demoRound.id}`);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.getHttpServer().address();
    const appUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

    // Credentials: the demo strategist (reads every department and the coverage).
    const strategist = users.find((u) => u.role === 'strategist');
    if (!strategist) throw new Error('the demo users include no strategist');
    const tokenResponse = await fetch(`${appUrl}/api/v1/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ email: strategist.email, password: DEMO_PASSWORD }),
    });
    if (tokenResponse.status !== 200) throw new Error(`could not sign in ${strategist.email}: ${tokenResponse.status} ${await tokenResponse.text()}`);
    const { accessToken } = (await tokenResponse.json()) as { accessToken: string };
    // A browser session as the web sign-in would create it (that page is not there yet).
    const webSession = await app.get(SignInService).signInWithPassword({ email: strategist.email, password: DEMO_PASSWORD, kind: 'web', ip: '127.0.0.1' });
    const apiHeaders = { accept: 'application/json', authorization: `Bearer ${accessToken}` };
    const webHeaders = { accept: 'text/html', cookie: `${sessionCookieName(config)}=${webSession.token}` };
    // The principal cache starts listening at the first signed-in request: make one, and measure only once it listens
    // (until then every request reads who is asking from the database, as in a process just started).
    if ((await fetch(`${appUrl}/api/v1/me`, { headers: apiHeaders })).status !== 200) throw new Error('GET /api/v1/me as the strategist did not answer 200');
    const notifications = app.get(DatabaseNotifications);
    for (const until = Date.now() + 10_000; !notifications.live; await sleep(20)) {
      if (Date.now() > until) throw new Error('the principal cache did not start listening within 10 s');
    }
    const queries = countQueries(dataSource);

    const baseline = await startBaselineServer();
    teardown.add('baseline server', () => baseline.close());
    const raw = new Client({ connectionString: db.url, application_name: 'samverka-bench-raw' });
    await raw.connect();
    teardown.add('raw pg client', () => raw.end());
    const load = await LoadGenerator.start();
    teardown.add('load generator', () => load.stop());

    const serverVersion = (await raw.query<{ server_version: string }>('show server_version')).rows[0].server_version;
    const coordinators = app.get(CoordinatorService);
    const registry = app.get(OrganisationRegistryService);
    const rounds = app.get(PlanRoundCommandService);
    const today = coordinators.today();
    const historyDepartment = (await raw.query<{ id: string }>("select id from department where code = 'GRF'")).rows[0].id;
    const needsAnalysis = app.get(NeedsAnalysisService);
    /** The round the needs analysis reads: the demo round (no needs yet), then the scale round. */
    let analysisRound: NeedsScale = { roundId: demoRound.id, departments: demoRound.participants.length, needs: 0 };

    const json = (check: (body: unknown) => string | null) => (status: number, type: string, body: string) => {
      if (status !== 200) return `status ${status}`;
      if (!type.startsWith('application/json')) return `content-type ${type}`;
      return check(JSON.parse(body));
    };
    let expectedDepartments = 0;
    const targets: HttpTarget[] = [
      { name: 'GET /health', path: '/health', headers: { accept: 'application/json' }, expect: json((b) => ((b as { status?: string }).status === 'ok' ? null : 'status not ok')) },
      {
        name: 'GET /api/v1/departments',
        path: '/api/v1/departments',
        headers: apiHeaders,
        // The first page (the default page size) of every department in the dataset.
        expect: json((b) => (Array.isArray(b) && b.length === Math.min(expectedDepartments, DEFAULT_PAGE_LIMIT) ? null : `expected the first ${Math.min(expectedDepartments, DEFAULT_PAGE_LIMIT)} departments`)),
      },
      {
        name: 'GET /api/v1/coordinator-coverage',
        path: '/api/v1/coordinator-coverage',
        headers: apiHeaders,
        expect: json((b) => (typeof b === 'object' && b !== null && 'withoutPrimary' in b ? null : 'no withoutPrimary')),
      },
      {
        name: 'GET /api/v1/departments/{GRF}/coordinators?history=true',
        path: `/api/v1/departments/${historyDepartment}/coordinators?history=true`,
        headers: apiHeaders,
        expect: json((b) => (Array.isArray(b) && b.length >= 2 ? null : 'expected the history (2 assignments)')),
      },
      {
        name: 'GET /api/v1/rounds/{id} (facts, guards, participants)',
        path: `/api/v1/rounds/${demoRound.id}`,
        headers: apiHeaders,
        expect: json((b) => {
          const round = b as { state?: string; events?: Array<{ type: string; reasons: string[] }> };
          return round.state === 'collectingNeeds' && round.events?.some((e) => e.type === 'CLOSE_NEEDS' && e.reasons.length === 1) ? null : 'not the launched demo round';
        }),
      },
      {
        name: TASKS_TARGET,
        path: '/api/v1/me/tasks',
        headers: apiHeaders,
        // The strategist's kinds, all in one statement: at least the demo round's progress.
        expect: json((b) => (Array.isArray(b) && b.some((t: { kind?: string }) => t.kind === 'round.progress') ? null : 'no round.progress task for the strategist')),
      },
      {
        name: 'GET /forvaltningar (HTML)',
        path: '/forvaltningar',
        headers: webHeaders,
        expect: (status, type, body) =>
          status !== 200 ? `status ${status}` : !type.startsWith('text/html') ? `content-type ${type}` : /href="\/forvaltningar\/[0-9a-f-]{36}"/.test(body) ? null : 'no department in the page',
      },
    ];

    const results: BenchResult[] = [];
    const datasets: BenchReport['datasets'] = {};
    const checks: Check[] = [];
    let failed = false;

    /** Waits until the app has sent no statement for 300 ms (stragglers of the previous load have finished), at most 5 s. */
    const settle = async () => {
      const deadline = Date.now() + 5_000;
      let last = queries.count;
      let quietSince = Date.now();
      while (Date.now() < deadline && Date.now() - quietSince < 300) {
        await new Promise((r) => setTimeout(r, 50));
        if (queries.count !== last) {
          last = queries.count;
          quietSince = Date.now();
        }
      }
    };

    /**
     * Before loading a target: checks what it answers, and counts the statements
     * per request exactly, with a few sequential requests on a quiet server, after one uncounted request.
     */
    const probe = async (phase: string, t: HttpTarget): Promise<{ queriesPerOp: number } | { refused: string }> => {
      await settle();
      // One request first, uncounted: the steady state (who is asking, cached since the data last changed; a session marked seen).
      await (await fetch(appUrl + t.path, { headers: t.headers, redirect: 'manual' })).text();
      await settle();
      const before = queries.count;
      for (let i = 0; i < SETTINGS.probeRequests; i++) {
        const res = await fetch(appUrl + t.path, { headers: t.headers, redirect: 'manual' });
        const body = await res.text();
        if (res.status >= 300 && res.status < 400) return { refused: `${res.status} to ${res.headers.get('location') ?? '?'}` };
        if (res.status === 401 || res.status === 403) {
          let message = '';
          try {
            message = String((JSON.parse(body) as { message?: unknown }).message ?? '');
          } catch {
            message = /<title>([^<]*)<\/title>/.exec(body)?.[1]?.trim() ?? '';
          }
          return { refused: `${res.status}${message ? ` (${message})` : ''}` };
        }
        const problem = i === 0 ? t.expect(res.status, res.headers.get('content-type') ?? '', body) : res.status === 200 ? null : `status ${res.status}`;
        if (problem) throw new Error(`${phase}: ${t.name} does not answer as expected: ${problem}`);
      }
      return { queriesPerOp: (queries.count - before) / SETTINGS.probeRequests };
    };

    /** Peak RSS of the process running the API, per phase, over its HTTP read targets (not the bare baseline). */
    const rssPeakMiB: Record<string, number> = {};
    const measureHttp = async (
      phase: string,
      name: string,
      url: string,
      headers: Record<string, string>,
      isBaseline: boolean,
      queriesPerOp: number | null,
    ): Promise<BenchResult> => {
      progress(`${phase}: ${name}`);
      const job = { url, headers, connections: SETTINGS.connections, maxRequests: SETTINGS.httpMaxRequests };
      const rss = new RssSampler();
      if (!isBaseline) rss.start();
      await load.run({ ...job, durationSec: SETTINGS.httpWarmupSec });
      const f = await load.run({ ...job, durationSec: SETTINGS.httpDurationSec });
      const peak = rss.stop();
      if (!isBaseline) rssPeakMiB[phase] = Math.max(rssPeakMiB[phase] ?? 0, peak);
      if (f.non2xx > 0 || f.errors > 0 || f.timeouts > 0) {
        failed = true;
        progress(`${phase}: ${name}: ${f.non2xx} non-2xx (${JSON.stringify(f.statusCodes)}), ${f.errors} errors, ${f.timeouts} timeouts`);
      }
      return {
        phase,
        kind: 'http',
        target: name,
        isBaseline,
        opsPerSec: f.rps,
        latencyMs: f.latencyMs,
        count: f.ok,
        durationSec: f.durationSec,
        queriesPerOp,
        bytesPerResponse: f.bytesPerResponse,
        non2xx: f.non2xx,
        errors: f.errors,
        timeouts: f.timeouts,
      };
    };

    const measureService = async (phase: string, name: string, op: () => Promise<unknown>, isBaseline: boolean): Promise<BenchResult> => {
      progress(`${phase}: ${name}`);
      await settle();
      const before = queries.count;
      const f = await timedLoop(op, SETTINGS.serviceLoop);
      // The warm-up calls went through the same counter: count per call over all of them.
      const calls = f.warmupIterations + f.iterations;
      const used = queries.count - before;
      return {
        phase,
        kind: 'service',
        target: name,
        isBaseline,
        opsPerSec: f.opsPerSec,
        latencyMs: f.latencyMs,
        count: f.iterations,
        durationSec: f.durationSec,
        queriesPerOp: isBaseline ? 1 : used / Math.max(1, calls),
      };
    };

    const notMeasured = (phase: string, target: string, reason: string): BenchResult => ({
      phase,
      kind: 'http',
      target,
      isBaseline: false,
      notMeasured: reason,
      opsPerSec: NaN,
      latencyMs: { mean: NaN, p50: NaN, p90: NaN, p99: NaN, max: NaN },
      count: 0,
      durationSec: 0,
      queriesPerOp: null,
    });

    const compare = (r: BenchResult, base: BenchResult): BenchResult =>
      r.isBaseline
        ? r
        : { ...r, baselineTarget: base.target, throughputRatio: r.opsPerSec / base.opsPerSec, p50Ratio: r.latencyMs.p50 / base.latencyMs.p50 };

    for (const phase of ['demo', 'scale']) {
      if (phase === 'scale') {
        const t = Date.now();
        await addScaleData(raw, today, SETTINGS.scaleDepartments);
        progress(`scale data added in ${Date.now() - t} ms`);
        const tn = Date.now();
        analysisRound = await addNeedsScaleData(raw, rounds, actor, { year: demoRound.year + 1, today, needsPerDepartment: SETTINGS.scaleNeedsPerDepartment });
        progress(`needs scale round added in ${Date.now() - tn} ms: ${analysisRound.departments} departments, ${analysisRound.needs} needs`);
      }
      const size = await datasetSize(raw, today);
      const coverage = await coordinators.coverage();
      datasets[phase] = {
        ...size,
        coverage: { withoutPrimary: coverage.withoutPrimary.length, unacknowledged: coverage.unacknowledged.length, endingSoon: coverage.endingSoon.length },
      };
      expectedDepartments = size.departments;
      progress(`${phase}: ${JSON.stringify(datasets[phase])}`);

      const httpBase = await measureHttp(phase, 'bare Fastify route (baseline)', baseline.url, { accept: 'application/json' }, true, null);
      results.push(httpBase);
      for (const t of targets) {
        const probed = await probe(phase, t);
        if ('refused' in probed) {
          progress(`${phase}: ${t.name}: refused with ${probed.refused}; not measured`);
          results.push(notMeasured(phase, t.name, `refused: ${probed.refused}`));
          continue;
        }
        results.push(compare(await measureHttp(phase, t.name, appUrl + t.path, t.headers, false, probed.queriesPerOp), httpBase));
      }

      const dbBase = await measureService(phase, 'raw pg Client: select 1 (baseline)', () => raw.query('select 1'), true);
      results.push(dbBase);
      results.push(compare(await measureService(phase, 'CoordinatorService.coverage()', () => coordinators.coverage(), false), dbBase));
      results.push(compare(await measureService(phase, 'OrganisationRegistryService.listDepartments()', () => registry.listDepartments(), false), dbBase));
      let titleFlip = 0;
      results.push(
        compare(
          await measureService(
            phase,
            ROUND_STEP_TARGET,
            () => rounds.update(actor, demoRound.id, { title: `${demoRound.title}${titleFlip++ % 2 ? '' : ' (ändrad)'}` }),
            false,
          ),
          dbBase,
        ),
      );
      const round = analysisRound;
      const analysed = compare(
        await measureService(phase, 'NeedsAnalysisService.analyse() (a strategist: the whole round, no filter)', () => needsAnalysis.analyse(round.roundId, { all: true, departmentIds: [], committeeIds: [] }), false),
        dbBase,
      );
      results.push(analysed);
      progress(`${phase}: needs analysis of ${round.departments} departments × ${round.needs} needs: p50 ${analysed.latencyMs.p50.toFixed(1)} ms, p99 ${analysed.latencyMs.p99.toFixed(1)} ms`);
      if (phase === 'scale') {
        checks.push({
          name: `the needs analysis answers well under a second (p99 ≤ ${NEEDS_ANALYSIS_P99_LIMIT_MS} ms)`,
          ok: analysed.latencyMs.p99 <= NEEDS_ANALYSIS_P99_LIMIT_MS,
          detail: `${round.departments} departments, ${round.needs} needs: p50 ${analysed.latencyMs.p50.toFixed(1)} ms, p99 ${analysed.latencyMs.p99.toFixed(1)} ms over ${analysed.count} calls`,
        });
      }
    }

    // Needs created by 50 concurrent coordinators, each with its own token for its own department of a
    // round collecting needs, over HTTP at once; then the same rows inserted by raw pg over as many
    // connections at once (the baseline). Every 201 must have stored exactly one need.
    {
      const phase = 'needs';
      const tc = Date.now();
      const setup = await addConcurrentCoordinators(raw, rounds, actor, {
        // The needs scale round has year + 1, the digest case year + 2 and year + 3.
        year: demoRound.year + 4,
        today,
        count: SETTINGS.concurrentCoordinators,
        passwordHash: await app.get(PasswordHasher).hash(DEMO_PASSWORD),
        responsibilities: [...DEFAULT_RESPONSIBILITIES],
      });
      const tokens: string[] = new Array<string>(setup.coordinators.length);
      // Signed in a few at a time (each sign-in verifies an argon2 hash: memory- and CPU-hard by design).
      for (let i = 0; i < setup.coordinators.length; i += 4) {
        await Promise.all(
          setup.coordinators.slice(i, i + 4).map(async (c, j) => {
            const res = await fetch(`${appUrl}/api/v1/auth/token`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', accept: 'application/json' },
              body: JSON.stringify({ email: c.email, password: DEMO_PASSWORD }),
            });
            if (res.status !== 200) throw new Error(`could not sign in ${c.email}: ${res.status} ${await res.text()}`);
            tokens[i + j] = ((await res.json()) as { accessToken: string }).accessToken;
          }),
        );
      }
      progress(`${phase}: ${setup.coordinators.length} coordinators, each of its own department, signed in (${Date.now() - tc} ms with their data)`);
      const url = `${appUrl}/api/v1/rounds/${setup.roundId}/needs`;
      const clients = setup.coordinators.map((c, i) => ({
        headers: { accept: 'application/json', authorization: `Bearer ${tokens[i]}` },
        body: { ...setup.need, departmentId: c.departmentId },
      }));
      // One need first, alone on a quiet server: that it is accepted, and its statements.
      await settle();
      const before = queries.count;
      const first = await fetch(url, { method: 'POST', headers: { ...clients[0].headers, 'content-type': 'application/json' }, body: JSON.stringify(clients[0].body) });
      const firstBody = await first.text();
      if (first.status !== 201) throw new Error(`${phase}: a coordinator could not create a need: ${first.status} ${firstBody}`);
      const statementsPerNeed = queries.count - before;
      progress(`${phase}: ${CONCURRENT_NEEDS_TARGET}`);
      const job = { url, clients, maxRequests: SETTINGS.httpMaxRequests };
      const rss = new RssSampler();
      rss.start();
      const warm = await load.posts({ ...job, durationSec: SETTINGS.httpWarmupSec });
      const f = await load.posts({ ...job, durationSec: SETTINGS.httpDurationSec });
      rssPeakMiB[phase] = rss.stop();
      if (f.non2xx + warm.non2xx > 0 || f.errors + warm.errors > 0) {
        failed = true;
        progress(`${phase}: ${f.non2xx + warm.non2xx} non-2xx (${JSON.stringify(f.statusCodes)}), ${f.errors + warm.errors} errors`);
      }
      const stored = Number(
        (await raw.query<{ n: string }>(`select count(*) as n from need where round_id = $1 and title = $2`, [setup.roundId, setup.need.title])).rows[0].n,
      );
      const acknowledged = 1 + warm.ok + f.ok;
      checks.push({
        name: 'every need a coordinator was answered 201 for is stored, once',
        ok: stored === acknowledged,
        detail: `${acknowledged} created (201), ${stored} stored, by ${setup.coordinators.length} coordinators`,
      });
      progress(`${phase}: raw pg insert into need over ${setup.coordinators.length} connections (baseline)`);
      const rawFigures = await rawConcurrentNeedInserts(db.url, setup, { durationSec: SETTINGS.httpDurationSec, maxRows: SETTINGS.httpMaxRequests });
      const rawBase: BenchResult = {
        phase,
        kind: 'service',
        target: `raw pg: insert into need over ${setup.coordinators.length} connections at once (baseline)`,
        isBaseline: true,
        opsPerSec: rawFigures.rows / rawFigures.durationSec,
        latencyMs: summarise(rawFigures.latenciesMs),
        count: rawFigures.rows,
        durationSec: rawFigures.durationSec,
        queriesPerOp: 1,
      };
      results.push(rawBase);
      results.push(
        compare(
          {
            phase,
            kind: 'http',
            target: CONCURRENT_NEEDS_TARGET,
            isBaseline: false,
            opsPerSec: f.rps,
            latencyMs: f.latencyMs,
            count: f.ok,
            durationSec: f.durationSec,
            queriesPerOp: statementsPerNeed,
            bytesPerResponse: f.bytesPerResponse,
            non2xx: f.non2xx,
            errors: f.errors,
            timeouts: f.timeouts,
          },
          rawBase,
        ),
      );
      progress(`${phase}: ${f.rps.toFixed(0)} needs/s over HTTP, ${rawBase.opsPerSec.toFixed(0)} rows/s raw`);
    }

    // Status digests: one sweep over 290 municipalities' worth of departments (its time reported, never
    // asserted), then a rerun that finds every digest recorded. The first sweep's statements are counted.
    {
      const digests = app.get(DigestService);
      const td = Date.now();
      const scale = await addDigestScaleData(raw, rounds, actor, {
        year: demoRound.year + 2,
        today,
        municipalities: SETTINGS.digestMunicipalities,
        perMunicipality: SETTINGS.digestDepartmentsPerMunicipality,
      });
      progress(`digest scale data added in ${Date.now() - td} ms: ${scale.departments} departments (${scale.municipalities} municipalities), ${scale.managers} management users`);
      const sweep = async (target: string) => {
        progress(`digests: ${target}`);
        await settle();
        const before = queries.count;
        const started = performance.now();
        const outcome = await digests.sweep();
        const ms = performance.now() - started;
        const statements = queries.count - before;
        const result: BenchResult = {
          phase: 'digests',
          kind: 'service',
          target: `${target}: ${outcome.due} due, ${outcome.queued} emailed`,
          isBaseline: false,
          opsPerSec: 1000 / ms,
          latencyMs: { mean: ms, p50: ms, p90: ms, p99: ms, max: ms },
          count: 1,
          durationSec: ms / 1000,
          queriesPerOp: statements,
        };
        results.push(result);
        progress(`digests: ${result.target} in ${ms.toFixed(0)} ms, ${statements} statements`);
        return { outcome, statements };
      };
      const first = await sweep(`DigestService.sweep() over ${scale.departments} departments`);
      await sweep('DigestService.sweep() again (every digest already recorded)');
      checks.push({
        name: `the digest sweep is set-based (at most ${DIGEST_SWEEP_MAX_STATEMENTS} statements)`,
        ok: first.statements <= DIGEST_SWEEP_MAX_STATEMENTS && first.outcome.due > 0,
        detail: `${first.statements} statements for ${first.outcome.due} due digests over ${scale.departments} departments`,
      });
    }

    // Set-based: the statements per request or call do not grow with the dataset. (Compared in
    // whole statements: an authenticated request touches its session at most once a minute,
    // which may add one statement to one of the probe's requests.)
    for (const r of results.filter((x) => x.phase === 'demo' && !x.isBaseline)) {
      const s = results.find((x) => x.phase === 'scale' && x.kind === r.kind && x.target === r.target);
      if (!s || r.queriesPerOp === null || s.queriesPerOp === null) continue;
      const demoQ = Math.round(r.queriesPerOp * 100) / 100;
      const scaleQ = Math.round(s.queriesPerOp * 100) / 100;
      checks.push({
        name: `queries per op do not grow with the data: ${r.target}`,
        ok: Math.floor(scaleQ) <= Math.floor(demoQ),
        detail: `${demoQ} at ${datasets.demo.departments} departments, ${scaleQ} at ${datasets.scale.departments}`,
      });
    }
    for (const r of results.filter((x) => x.notMeasured)) {
      checks.push({ name: `measured: ${r.phase} ${r.target}`, ok: false, detail: r.notMeasured! });
    }
    // At country scale (its own databases and apps): the sweeps, tasks and analysis at 1× and 10×, and the worker's email rate.
    if (WITH_COUNTRY) {
      for (const part of [countryScaleBench, emailThroughputBench]) {
        const r = await part(progress);
        results.push(...r.results);
        checks.push(...r.checks);
      }
    }
    // Other work on the machine skews the figures (the ratios less than the absolute numbers).
    checks.push({
      name: 'the machine was otherwise idle',
      ok: machine.loadAvgAtStart[0] < machine.cpus * 0.5,
      detail: `1-minute load average ${machine.loadAvgAtStart[0].toFixed(2)} at start on ${machine.cpus} CPUs (before this run's own load)`,
    });
    const bad = results.filter((r) => (r.non2xx ?? 0) + (r.errors ?? 0) + (r.timeouts ?? 0) > 0);
    checks.push({
      name: 'every HTTP response was a 2xx',
      ok: bad.length === 0,
      detail: bad.length ? bad.map((r) => `${r.phase} ${r.target}`).join(', ') : 'no non-2xx, errors or timeouts',
    });

    machine.loadAvgAtEnd = loadavg();
    const budgets = judgeBudgets(results, BUDGETS);
    const finishedAt = new Date();
    const report: BenchReport = {
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      wallSec: (finishedAt.getTime() - startedAt.getTime()) / 1000,
      machine,
      database: { kind: db.kind, serverVersion },
      settings: SETTINGS,
      datasets,
      results,
      memory: { apiRssPeakMiB: rssPeakMiB, processHighWaterMiB: residentHighWaterMiB() },
      budgets,
      checks,
    };
    const path = writeReport(report, join(resolve(__dirname, '..'), 'var', 'bench'));
    process.stdout.write(`\n${formatReport(report)}\n\nresults: ${path} (${report.wallSec.toFixed(0)} s)\n`);
    if (WRITE_RESULTS) {
      const md = join(__dirname, 'RESULTS.md');
      // A run with other settings than the defaults is not "a full run": the file says so at the top.
      const overrides = Object.keys(process.env).filter((k) => k.startsWith('BENCH_') && process.env[k] !== '');
      writeFileSync(md, formatResultsMarkdown(report, overrides));
      process.stdout.write(`written: ${md}\n`);
    }
    if (failed) process.exitCode = 1;
  } finally {
    progress('stopping');
    await teardown.run();
    clearTimeout(watchdog);
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    // Everything is closed; should a stray handle remain, do not hang on it.
    setTimeout(() => {
      progress('a handle kept the process alive after teardown: exiting');
      process.exit(process.exitCode ?? 0);
    }, 3_000).unref();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench failed: ${(e as Error)?.stack ?? String(e)}\n`);
  process.exitCode = 1;
});
