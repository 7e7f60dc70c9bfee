import { eventually } from '../support/eventually';
import { DEMO, DemoCity, demoCity, needBody, roundBody } from './demo-city';
import { Fleet, ServiceProcess } from './fleet';
import { Answer, call } from './http';
import { allSent, expectEachDeliveredOnce, queueAlerts } from './mail-checks';

/** Short limits, so the database being away shows within a second or two. */
const LIMITS = { DATABASE_CONNECT_TIMEOUT_MS: '1000', DATABASE_STATEMENT_TIMEOUT_MS: '2000', DATABASE_RETRY_AFTER_SECONDS: '3' };
/** The longest a client waits for an answer: the connect and statement limits with room for a busy machine; longer is a hang. */
const HANG_MS = 12_000;
const CLIENTS = 4;
const OPS = ['need', 'round', 'launch', 'edit', 'signIn', 'read'] as const;
type Op = (typeof OPS)[number];

interface Outcome {
  op: Op;
  answer: Answer;
  /** What the write was about: the need's title, the round's id or title, the token. */
  subject: string;
  phase: 'before' | 'down' | 'after';
}

interface TrackedRound {
  id: string;
  title: string;
  /** The ETag of the version last answered (the client's If-Match for its next change). */
  etag: string;
  launched: boolean;
  busy: boolean;
}

/**
 * PostgreSQL stopped and started again (a real server, not a proxy) under a load of API writes and
 * reads, with the API and the worker running as their own processes: answers are 503 with Retry-After
 * while it is down (never a 500, never a hang), both processes carry on by themselves once it is back,
 * and nothing is half-written.
 */
describe('faults: PostgreSQL stopped and restarted under load', () => {
  let fleet: Fleet;
  let api: ServiceProcess;
  let worker: ServiceProcess;
  let city: DemoCity;

  beforeAll(async () => {
    fleet = await Fleet.start({ env: { ...LIMITS, WORKER_POLL_INTERVAL_MS: '200', MAIL_RETRY_BASE_SECONDS: '1', MAIL_MAX_ATTEMPTS: '20', MAIL_LEASE_SECONDS: '10' } });
    [api, worker] = await Promise.all([fleet.startApi('api', { SEED_DEMO_DATA: 'true' }), fleet.startWorker('worker', {}, false)]);
    await fleet.ready(worker);
    city = await demoCity(api.baseUrl!);
  }, 300_000);
  afterAll(async () => {
    await fleet?.close();
  });

  it('answers 503 with Retry-After while it is down, recovers without a restart, and keeps every write whole or absent', async () => {
    const base = api.baseUrl!;
    const outcomes: Outcome[] = [];
    const rounds: TrackedRound[] = [];
    const freeYears = Array.from({ length: 70 }, (_, i) => 2030 + i);
    let phase: Outcome['phase'] = 'before';
    let stop = false;
    let serial = 0;

    const record = (op: Op, answer: Answer, subject: string) => outcomes.push({ op, answer, subject, phase });
    const count = (op: Op, ok: boolean, when: Outcome['phase']) =>
      outcomes.filter((o) => o.op === op && o.phase === when && (ok ? o.answer.status < 300 && o.answer.status > 0 : o.answer.status === 503)).length;

    const operations: Record<Op, () => Promise<void>> = {
      need: async () => {
        const title = `Behov under fel ${++serial}`;
        record('need', await call(base, 'POST', `/api/v1/rounds/${city.roundId}/needs`, { token: city.coordinatorToken, body: needBody(city.departmentId, title), timeoutMs: HANG_MS }), title);
      },
      round: async () => {
        const year = freeYears.shift();
        if (year === undefined) return;
        const title = `Planomgång under fel ${++serial}`;
        const answer = await call(base, 'POST', '/api/v1/rounds', { token: city.strategistToken, body: roundBody(title, year), timeoutMs: HANG_MS });
        record('round', answer, title);
        if (answer.status === 201) rounds.push({ id: answer.body.id, title, etag: answer.etag!, launched: false, busy: false });
        else freeYears.push(year);
      },
      launch: async () => {
        // Always one round left to launch: a launch refused while the database is down is tried again on it.
        const waiting = rounds.filter((r) => !r.launched);
        const round = waiting.find((r) => !r.busy);
        if (!round || waiting.length < 2) return operations.round();
        round.busy = true;
        const answer = await call(base, 'POST', `/api/v1/rounds/${round.id}/events`, { token: city.strategistToken, body: { type: 'LAUNCH' }, headers: { 'if-match': round.etag }, timeoutMs: HANG_MS });
        record('launch', answer, round.id);
        if (answer.status === 200) Object.assign(round, { launched: true, etag: answer.etag! });
        round.busy = false;
      },
      edit: async () => {
        const round = rounds.find((r) => !r.busy);
        if (!round) return operations.round();
        round.busy = true;
        const answer = await call(base, 'PATCH', `/api/v1/rounds/${round.id}`, {
          token: city.strategistToken,
          body: { caseNumber: `STK-${++serial}` },
          headers: { 'if-match': round.etag },
          timeoutMs: HANG_MS,
        });
        record('edit', answer, round.id);
        if (answer.status === 200) round.etag = answer.etag!;
        round.busy = false;
      },
      signIn: async () => {
        const answer = await call(base, 'POST', '/api/v1/auth/token', { body: { email: DEMO.admin, password: DEMO.password }, timeoutMs: HANG_MS });
        record('signIn', answer, answer.status === 200 ? answer.body.accessToken : '');
      },
      read: async () => {
        record('read', await call(base, 'GET', `/api/v1/rounds/${city.roundId}/needs`, { token: city.strategistToken, timeoutMs: HANG_MS }), city.roundId);
      },
    };
    const client = async (offset: number) => {
      for (let i = offset; !stop; i++) await operations[OPS[i % OPS.length]]();
    };
    const load = Promise.all(Array.from({ length: CLIENTS }, (_, i) => client(i)));

    try {
      await eventually('writes and reads succeeding before the fault', async () => OPS.map((op) => count(op, true, 'before')), (n) => n.every((c) => c >= 3), 120_000);

      phase = 'down';
      await fleet.stopDatabase();
      await eventually('every kind of request refused while PostgreSQL is down', async () => OPS.map((op) => count(op, false, 'down')), (n) => n.every((c) => c >= 2), 120_000);

      await fleet.startDatabase();
      phase = 'after';
      await eventually('writes and reads succeeding again, without restarting anything', async () => OPS.map((op) => count(op, true, 'after')), (n) => n.every((c) => c >= 3), 120_000);
    } finally {
      stop = true;
      await load;
    }

    // Every answer was a success or a 503 telling the client when to come back; none hung, none was a 500.
    const unexpected = outcomes.filter((o) => !(o.answer.status >= 200 && o.answer.status < 300) && o.answer.status !== 503);
    for (const o of unexpected) if (o.answer.body?.errorId) process.stdout.write(`${api.grep(new RegExp(o.answer.body.errorId as string)).join('\n')}\n`);
    expect(unexpected.map((o) => ({ op: o.op, phase: o.phase, status: o.answer.status, body: o.answer.body, error: o.answer.error }))).toEqual([]);
    const refused = outcomes.filter((o) => o.answer.status === 503);
    expect(refused.length).toBeGreaterThanOrEqual(OPS.length * 2);
    expect(refused.filter((o) => o.answer.retryAfter !== LIMITS.DATABASE_RETRY_AFTER_SECONDS || o.answer.body?.code !== 'DATABASE_UNAVAILABLE')).toEqual([]);
    expect(Math.max(...outcomes.map((o) => o.answer.ms))).toBeLessThan(HANG_MS);
    // 503 only while the database was away (and the requests in flight when it went).
    expect(outcomes.filter((o) => o.answer.status === 503 && o.phase === 'before')).toEqual([]);

    // Nothing half-written: a need that got 201 is there with its audit entry; one that got 503 left no trace at all.
    const needs = outcomes.filter((o) => o.op === 'need');
    const stored = await fleet.sql(async (c) =>
      (
        await c.query<{ title: string; needs: number; audits: number }>(
          `select t.title,
                  (select count(*)::int from need n where n.title = t.title) as needs,
                  (select count(*)::int from audit_event a where a.action = 'need.created' and a.after->>'title' = t.title) as audits
             from unnest($1::text[]) as t(title)`,
          [needs.map((o) => o.subject)],
        )
      ).rows,
    );
    expect(stored).toHaveLength(needs.length);
    const byTitle = new Map(stored.map((s) => [s.title, s]));
    const halfNeeds = needs.filter((o) => {
      const s = byTitle.get(o.subject)!;
      return o.answer.status === 201 ? s.needs !== 1 || s.audits !== 1 : s.needs !== 0 || s.audits !== 0;
    });
    expect(halfNeeds.map((o) => ({ title: o.subject, status: o.answer.status, ...byTitle.get(o.subject) }))).toEqual([]);

    // A round that got 503 on creation does not exist; one created exists with one history entry per
    // version: CREATED, then exactly the steps and changes that got 200 (the refused ones left nothing),
    // and its launch emails exactly when its launch succeeded.
    const refusedRoundTitles = outcomes.filter((o) => o.op === 'round' && o.answer.status === 503).map((o) => o.subject);
    expect(refusedRoundTitles.length).toBeGreaterThanOrEqual(2);
    expect(await fleet.sql(async (c) => (await c.query('select title from plan_round where title = any($1::text[])', [refusedRoundTitles])).rows)).toEqual([]);
    const coordinators = await fleet.sql(async (c) => (await c.query<{ n: number }>(`select count(*)::int as n from notification where dedup_key like 'round.launched:' || $1 || ':%'`, [city.roundId])).rows[0].n);
    expect(coordinators).toBeGreaterThan(0);
    const roundsFound = await fleet.sql(async (c) =>
      (
        await c.query<{ id: string; state: string; version: number; history: string[]; launch_emails: number }>(
          `select r.id, r.state, r.version,
                  array(select e.type from plan_round_event e where e.round_id = r.id order by e.version) as history,
                  (select count(*)::int from notification n where n.dedup_key like 'round.launched:' || r.id || ':%') as launch_emails
             from plan_round r where r.id = any($1::uuid[])`,
          [rounds.map((r) => r.id)],
        )
      ).rows,
    );
    expect(roundsFound).toHaveLength(rounds.length);
    const wrong = roundsFound.filter((r) => {
      const steps = outcomes.filter((o) => (o.op === 'launch' || o.op === 'edit') && o.subject === r.id && o.answer.status === 200);
      const launched = steps.some((o) => o.op === 'launch');
      return (
        r.version !== 1 + steps.length ||
        r.history.length !== r.version ||
        r.history[0] !== 'CREATED' ||
        r.history.filter((t) => t === 'LAUNCH').length !== (launched ? 1 : 0) ||
        r.history.filter((t) => t === 'UPDATED').length !== steps.length - (launched ? 1 : 0) ||
        r.state !== (launched ? 'collectingNeeds' : 'preparing') ||
        r.launch_emails !== (launched ? coordinators : 0)
      );
    });
    expect(wrong).toEqual([]);
    expect(outcomes.filter((o) => o.op === 'launch' && o.answer.status === 200).length).toBeGreaterThanOrEqual(2);

    // A sign-in that got its token holds: the token works after the restart.
    const tokens = outcomes.filter((o) => o.op === 'signIn' && o.answer.status === 200).map((o) => o.subject);
    const checks = await Promise.all(tokens.map((token) => call(base, 'GET', '/api/v1/rounds', { token })));
    expect(checks.map((c) => c.status)).toEqual(tokens.map(() => 200));

    // The same two processes: the API answers ready, the worker sends every email queued before, during and after.
    expect([api.running, worker.running]).toEqual([true, true]);
    expect((await call(base, 'GET', '/health/ready')).status).toBe(200);
    const rows = await allSent(fleet, '', 120_000);
    expect(expectEachDeliveredOnce(fleet, rows)).toBe(rows.length);
    expect(rows.length).toBeGreaterThan(coordinators);

    process.stdout.write(
      `[faults] database restart: ${outcomes.length} requests (${OPS.map((op) => `${op} ${outcomes.filter((o) => o.op === op).length}`).join(', ')}), ` +
        `${refused.length} × 503, 0 × 500, slowest ${Math.max(...outcomes.map((o) => o.answer.ms))} ms, ${rows.length} emails each delivered once\n`,
    );
  }, 400_000);

  it('starts an API and a worker while PostgreSQL is down: they wait for it, and serve once it is back', async () => {
    await fleet.stopDatabase();
    const [lateApi, lateWorker] = await Promise.all([fleet.startApi('api-late', {}, false), fleet.startWorker('worker-late', {}, false)]);
    const waiting = (p: ServiceProcess) => p.grep(/waiting for the database/).length;
    // Each says it waits and tries again (not once: it does not give up), and is still running.
    await eventually(
      'both waiting for the database',
      async () => [lateApi, lateWorker].map((p) => (p.running ? waiting(p) : `exited ${p.exitCode}: ${p.tail(5)}`)),
      (w) => w.every((n) => typeof n === 'number' && n >= 3),
      90_000,
    );

    await fleet.startDatabase();
    await Promise.all([fleet.ready(lateApi), fleet.ready(lateWorker)]);
    expect((await call(lateApi.baseUrl!, 'GET', `/api/v1/rounds/${city.roundId}`, { token: city.strategistToken })).status).toBe(200);
    // The late worker sends too (the first one is stopped, so these are the late worker's).
    await worker.kill('SIGTERM');
    await queueAlerts(fleet, 'faults:late', 5);
    const rows = await allSent(fleet, 'faults:late', 60_000);
    expect(expectEachDeliveredOnce(fleet, rows)).toBe(5);
    expect([lateApi.running, lateWorker.running, api.running]).toEqual([true, true, true]);
  }, 300_000);
});
