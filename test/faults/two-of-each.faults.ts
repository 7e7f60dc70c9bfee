import { DemoCity, demoCity, needBody, roundBody } from './demo-city';
import { Fleet, ServiceProcess } from './fleet';
import { Answer, call } from './http';
import { allSent, expectEachDeliveredOnce } from './mail-checks';

const ROUNDS = 6;
/** Coordinators' clients logging needs (and reading them back) meanwhile, alternating between the APIs. */
const NEED_CLIENTS = 2;
/** Each round's steps, in order; every step is raced by several clients through both APIs. */
const STEPS: Array<Record<string, unknown>> = [
  { type: 'LAUNCH' },
  { type: 'CLOSE_NEEDS', force: true, reason: 'Behoven togs in muntligt' },
  { type: 'REOPEN_NEEDS' },
  { type: 'CLOSE_NEEDS', force: true, reason: 'Behoven kompletterades muntligt' },
];
/** Clients racing for each version of a round: three take the step, one changes the case number. */
const STEPPERS = 3;

interface Race {
  roundId: string;
  version: number;
  answers: Array<{ kind: 'step' | 'edit'; type: string; answer: Answer }>;
}

/**
 * Two API processes and two workers on one database, under load: rounds steered by clients racing
 * through both APIs with If-Match (one wins each version, the others get 409, the history holds
 * exactly the winners), needs logged meanwhile, and both workers sending: no 500, no lost or doubled
 * transition, no email twice.
 */
describe('faults: two APIs and two workers on one database', () => {
  let fleet: Fleet;
  let apis: ServiceProcess[];
  let workers: ServiceProcess[];
  let city: DemoCity;

  beforeAll(async () => {
    fleet = await Fleet.start({ env: { WORKER_POLL_INTERVAL_MS: '200' } });
    const first = await fleet.startApi('api-1', { SEED_DEMO_DATA: 'true' });
    const [second, w1, w2] = await Promise.all([fleet.startApi('api-2'), fleet.startWorker('worker-1'), fleet.startWorker('worker-2')]);
    apis = [first, second];
    workers = [w1, w2];
    city = await demoCity(first.baseUrl!);
    // Slow enough that both workers have batches in flight together.
    fleet.smtp.answerAfter(5);
  }, 300_000);
  afterAll(async () => {
    await fleet?.close();
  });

  it('keeps every transition once, answers the losers 409 and no one 500, and sends each email once', async () => {
    const through = (i: number) => apis[i % 2].baseUrl!;
    const all: Answer[] = [];
    const races: Race[] = [];
    let stop = false;

    const steer = async (r: number) => {
      const created = await call(through(r), 'POST', '/api/v1/rounds', { token: city.strategistToken, body: roundBody(`Planomgång i kapplöpning ${r}`, 2040 + r) });
      all.push(created);
      expect(created.status).toBe(201);
      const roundId = created.body.id as string;
      let etag = created.etag!;
      for (let step = 0, version = 1; step < STEPS.length; version++) {
        const race: Race = { roundId, version, answers: [] };
        races.push(race);
        const contenders = [
          ...Array.from({ length: STEPPERS }, (_, c) =>
            call(through(r + c), 'POST', `/api/v1/rounds/${roundId}/events`, { token: city.strategistToken, body: STEPS[step], headers: { 'if-match': etag } }).then((answer) =>
              race.answers.push({ kind: 'step', type: STEPS[step].type as string, answer }),
            ),
          ),
          call(through(r + 1), 'PATCH', `/api/v1/rounds/${roundId}`, { token: city.strategistToken, body: { caseNumber: `STK-${2040 + r}-${version}` }, headers: { 'if-match': etag } }).then((answer) =>
            race.answers.push({ kind: 'edit', type: 'UPDATED', answer }),
          ),
        ];
        await Promise.all(contenders);
        all.push(...race.answers.map((a) => a.answer));
        const winner = race.answers.find((a) => a.answer.status === 200);
        if (!winner) throw new Error(`no winner for version ${version} of round ${r}: ${JSON.stringify(race.answers.map((a) => [a.answer.status, a.answer.body?.code]))}`);
        etag = winner.answer.etag!;
        if (winner.kind === 'step') step++;
      }
    };
    const needs: Array<{ title: string; answer: Answer }> = [];
    const logNeeds = async (client: number) => {
      for (let i = client; !stop; i++) {
        const title = `Behov i kapplöpning ${client}-${i}`;
        needs.push({ title, answer: await call(through(i), 'POST', `/api/v1/rounds/${city.roundId}/needs`, { token: city.coordinatorToken, body: needBody(city.departmentId, title) }) });
        all.push(await call(through(i + 1), 'GET', `/api/v1/rounds/${city.roundId}/needs`, { token: city.coordinatorToken }));
      }
    };

    const background = Promise.all(Array.from({ length: NEED_CLIENTS }, (_, c) => logNeeds(c)));
    try {
      await Promise.all(Array.from({ length: ROUNDS }, (_, r) => steer(r)));
    } finally {
      stop = true;
      await background;
    }
    all.push(...needs.map((n) => n.answer));

    // No 500 (nor anything unexpected): 2xx, or 409 for the losers of a race.
    expect(all.filter((a) => a.status >= 500 || a.status === 0).map((a) => ({ status: a.status, body: a.body, error: a.error }))).toEqual([]);
    // Each version of a round had one winner; every other contender got 409 (the version it named was gone, or the step no longer possible).
    expect(races.length).toBeGreaterThanOrEqual(ROUNDS * STEPS.length);
    const badRaces = races.filter((race) => {
      const statuses = race.answers.map((a) => a.answer.status);
      return statuses.filter((s) => s === 200).length !== 1 || statuses.filter((s) => s === 409).length !== STEPPERS;
    });
    expect(badRaces.map((race) => race.answers.map((a) => [a.kind, a.answer.status, a.answer.body?.code]))).toEqual([]);
    const conflicts = races.flatMap((race) => race.answers).filter((a) => a.answer.status === 409);
    expect(new Set(conflicts.map((a) => a.answer.body?.code))).toEqual(new Set(['VERSION_CONFLICT']));

    // The history holds exactly the winners, one entry per version, nothing lost or doubled.
    const histories = await fleet.sql(async (c) =>
      (
        await c.query<{ id: string; version: number; state: string; history: string[] }>(
          `select r.id, r.version, r.state, array(select e.type from plan_round_event e where e.round_id = r.id and e.version is not null order by e.version) as history
             from plan_round r where r.title like 'Planomgång i kapplöpning %'`,
        )
      ).rows,
    );
    expect(histories).toHaveLength(ROUNDS);
    for (const round of histories) {
      const won = races.filter((race) => race.roundId === round.id).map((race) => race.answers.find((a) => a.answer.status === 200)!.type);
      expect(round.history).toEqual(['CREATED', ...won]);
      expect(round.version).toBe(1 + won.length);
      expect(round.state).toBe('draftingPlan');
    }

    // The needs logged meanwhile through both APIs: each created once.
    expect(needs.filter((n) => n.answer.status !== 201)).toEqual([]);
    const stored = await fleet.sql(async (c) => (await c.query<{ title: string; n: number }>(`select title, count(*)::int as n from need where title like 'Behov i kapplöpning %' group by title`)).rows);
    expect(stored.map((s) => s.title).sort()).toEqual(needs.map((n) => n.title).sort());
    expect(stored.every((s) => s.n === 1)).toBe(true);

    // Both workers sent, and every email arrived exactly once.
    const rows = await allSent(fleet, '', 120_000);
    expect(expectEachDeliveredOnce(fleet, rows)).toBe(rows.length);
    const launchEmails = rows.filter((r) => r.kind === 'round.launched' && histories.some((h) => r.dedup_key.includes(h.id)));
    expect(launchEmails.length).toBeGreaterThanOrEqual(ROUNDS);
    const sentBy = workers.map((w) => w.grep(/"msg":"sent [1-9]/).length);
    expect(sentBy.every((n) => n > 0)).toBe(true);
    expect(workers.every((w) => w.running) && apis.every((a) => a.running)).toBe(true);

    process.stdout.write(
      `[faults] two APIs, two workers: ${all.length} requests, ${races.length} races (${conflicts.length} × 409), 0 × 500, ` +
        `${needs.length} needs, ${rows.length} emails each delivered once (worker rounds with sends: ${sentBy.join(' + ')})\n`,
    );
  }, 300_000);
});
