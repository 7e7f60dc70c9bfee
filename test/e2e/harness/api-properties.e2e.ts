import fc from 'fast-check';
import { DemoUsersSeeder, SessionService } from '@samverka/identity';
import { DemoCitySeeder, OrganisationRegistryService } from '@samverka/organisation';
import { DemoRoundSeeder, PlanRoundView } from '@samverka/rounds';
import { AuthedApi, E2eContext, e2eContext } from '../../support/e2e';
import { RoleSpec, TEST_ACTOR } from '../../support/given';
import { DataFingerprint, Fingerprint } from './data-fingerprint';
import { assertWithReplay, envCount, harnessSeed, reportRun, RunTally } from './harness-run';
import { encodeSegment } from './hostile';
import { bodyText, Caller, CALLERS, GeneratedRequest, isPick, OpenApiDocument, Operation, operationsOf, Pick, requestsFor } from './openapi-requests';

/**
 * The API under a hostile client, generated from the OpenAPI document (issue 11, the harness).
 *
 * Every operation the document lists gets requests built from its own description: path ids (of
 * existing rows, random, malformed), query strings, headers (each role, none, garbage tokens, If-Match,
 * content types) and bodies (valid ones, and valid ones mutated: wrong types, null, missing and
 * unknown fields, oversized strings, control characters, lone surrogates, nesting 5,000 deep, huge
 * numbers, impossible dates, SQL and script). One property run sends one request per operation, in
 * a generated order. Every answer is below 500, and a 4xx carries `{ code, message }`. Writes are
 * checked against the data as described in data-fingerprint.ts. Sizes: HARNESS_RUNS (default: enough
 * runs for 10,000 requests), HARNESS_SEED replays a run.
 */

const FILE = 'test/e2e/harness/api-properties.e2e.ts';
const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const MIN_REQUESTS = 10_000;

jest.setTimeout(600_000);

describe('the API under generated hostile requests', () => {
  let ctx: E2eContext;
  let ops: Operation[];
  let docCount: number;
  const callers = new Map<Caller, AuthedApi>();
  const callerReach = new Map<Caller, string>();
  let round: PlanRoundView;

  beforeAll(async () => {
    ctx = await e2eContext({ SIGN_IN_MAX_FAILURES_PER_ADDRESS: '10000', SIGN_IN_MAX_FAILURES_PER_ACCOUNT: '100', SIGN_IN_WINDOW_MINUTES: '1' });
    await ctx.app.get(DemoCitySeeder).seed(TEST_ACTOR);
    await ctx.app.get(DemoUsersSeeder).seed(TEST_ACTOR);
    round = (await ctx.app.get(DemoRoundSeeder).seed(TEST_ACTOR))!;
    await ctx.given.submittedRound();
    const doc = await ctx.api('GET', '/api/docs-json');
    expect(doc.status).toBe(200);
    ops = operationsOf(doc.body as OpenApiDocument);
    docCount = Object.values((doc.body as OpenApiDocument).paths).reduce((n, item) => n + Object.keys(item).filter((m) => m !== 'parameters').length, 0);
    for (const caller of CALLERS) await makeCaller(caller);
  }, 300_000);
  afterAll(() => ctx?.close());

  /** A new user in the caller's role, signed in over HTTP: the coordinator and manager of the demo round's first department, its committee's secretary. */
  async function makeCaller(caller: Caller): Promise<void> {
    const departmentId = round.participants[0].departmentId;
    const department = (await ctx.dataSource.query<{ committee_id: string }[]>('select committee_id from department where id = $1', [departmentId]))[0];
    // The run may have deactivated them (an accepted PATCH): active again, so the new caller can be appointed.
    const registry = ctx.app.get(OrganisationRegistryService);
    await registry.updateCommittee(TEST_ACTOR, department.committee_id, { active: true });
    await registry.updateDepartment(TEST_ACTOR, departmentId, { active: true });
    const roles: Record<Caller, RoleSpec[] | 'nobody'> = {
      admin: [{ role: 'admin' }],
      strategist: [{ role: 'strategist' }],
      management: [{ role: 'management', departmentId }],
      secretary: [{ role: 'committee_secretary', committeeId: department.committee_id }],
      coordinator: 'nobody',
      nobody: 'nobody',
    };
    const authed = await ctx.as(roles[caller]);
    if (caller === 'coordinator') {
      await ctx.given.coordinator({ id: departmentId } as Parameters<E2eContext['given']['coordinator']>[0], { personId: authed.personId, kind: 'deputy', validFrom: '2020-01-01' });
    }
    callers.set(caller, authed);
    callerReach.set(caller, JSON.stringify(await reachOf(authed)));
  }

  const reachOf = async (authed: AuthedApi) => {
    const me = await authed.api('GET', '/api/v1/me');
    return me.status === 200 ? { roles: me.body.roles, coordinatorOf: me.body.coordinatorOf, managementOf: me.body.managementOf, secretaryOf: me.body.secretaryOf } : { status: me.status };
  };

  /** What an accepted write can do to a caller (sign it out, disable it, change its roles or assignments): one query, a text per user. */
  const callersState = async (): Promise<Map<string, string>> => {
    const rows = await ctx.dataSource.query<{ id: string; state: string }[]>(
      `select u.id, json_build_array(u.disabled_at,
          (select count(*) from auth_session s where s.user_id = u.id and s.revoked_at is null),
          (select json_agg(g.id order by g.id) from role_grant g where g.user_id = u.id and g.revoked_at is null),
          (select json_agg(json_build_array(a.id, a.valid_from, a.valid_to) order by a.id) from coordinator_assignment a where a.person_id = u.person_id))::text as state
         from app_user u where u.id = any($1)`,
      [[...callers.values()].map((c) => c.userId)],
    );
    return new Map(rows.map((r) => [r.id, r.state]));
  };

  /** After an accepted write: a caller signed out gets a new token (no password check: the session service, as a sign-in would); one that lost its reach is replaced. */
  async function restoreCallers(before: Map<string, string>, now: Map<string, string>): Promise<void> {
    for (const caller of CALLERS) {
      const authed = callers.get(caller)!;
      if (before.get(authed.userId) === now.get(authed.userId)) continue;
      let reach = JSON.stringify(await reachOf(authed));
      if (reach === callerReach.get(caller)) continue;
      if (reach.includes('"status":401')) {
        const { token } = await ctx.app.get(SessionService).create(authed.userId, 'api', 'password', { ip: '127.0.0.1', userAgent: 'harness' });
        const renewed = { ...authed, token, api: ctx.withToken(token) };
        reach = JSON.stringify(await reachOf(renewed));
        if (reach === callerReach.get(caller)) {
          callers.set(caller, renewed);
          continue;
        }
      }
      await makeCaller(caller);
    }
  }

  it('has a data fingerprint that sees an insert, an update to the same value and a delete, and ignores a session being touched', async () => {
    const fingerprint = await DataFingerprint.of(ctx.dataSource);
    const start = await fingerprint.take();
    const committee = await ctx.given.committee();
    const inserted = await fingerprint.take();
    expect(DataFingerprint.changed(start, inserted).sort()).toEqual(['audit_event', 'committee']);
    await ctx.dataSource.query('update committee set name = name where id = $1', [committee.id]);
    const updated = await fingerprint.take();
    expect(DataFingerprint.changed(inserted, updated)).toEqual(['committee']);
    await ctx.dataSource.query('delete from committee where id = $1', [committee.id]);
    const deleted = await fingerprint.take();
    expect(DataFingerprint.changed(updated, deleted)).toEqual(['committee']);
    await ctx.dataSource.query("update auth_session set last_seen_at = now() + interval '1 minute'");
    expect(DataFingerprint.changed(deleted, await fingerprint.take())).toEqual([]);
    await ctx.dataSource.query("update auth_session set revoked_at = revoked_at");
    expect(DataFingerprint.changed(deleted, await fingerprint.take())).toEqual([]);
  });

  it('answers every generated request below 500, with the error body on a 4xx, and writes only what it accepted', async () => {
    const seed = harnessSeed();
    const numRuns = envCount('HARNESS_RUNS', Math.ceil(MIN_REQUESTS / ops.length));
    const tally = new RunTally();
    const fingerprint = await DataFingerprint.of(ctx.dataSource);
    let last: Fingerprint = await fingerprint.take();
    let knownCallers = await callersState();
    const getOps = new Map(ops.filter((o) => o.method === 'GET').map((o) => [o.template, o]));

    // What exists, for "an id of an existing row": ids by table (refreshed after accepted writes) and the answers of list reads (by address).
    let idsByTable: Map<string, string[]> | null = null;
    const listed = new Map<string, unknown>();
    const uuidTables = (
      await ctx.dataSource.query<{ table_name: string }[]>(
        "select table_name from information_schema.columns where table_schema = 'public' and column_name = 'id' and data_type = 'uuid' order by 1",
      )
    ).map((r) => r.table_name);
    const tableIds = async () => {
      if (!idsByTable) {
        const rows = await ctx.dataSource.query<{ t: string; id: string }[]>(uuidTables.map((t) => `select '${t}' as t, id::text as id from "${t}"`).join(' union all ') + ' order by 1, 2');
        idsByTable = new Map();
        for (const { t, id } of rows) idsByTable.set(t, [...(idsByTable.get(t) ?? []), id]);
      }
      return idsByTable;
    };
    const snake = (s: string) => s.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/-/g, '_').toLowerCase();
    const IRREGULAR: Record<string, string> = { people: 'person' };
    /** The ids of the table a name points at: `committeeId` → committee, `participantDepartmentIds` → department, `coordinator-assignments` → coordinator_assignment. */
    const idsNamed = async (name: string): Promise<string[]> => {
      const plain = Object.hasOwn(IRREGULAR, name) ? IRREGULAR[name] : snake(name).replace(/_?ids?$/, '').replace(/s$/, '');
      const ids = await tableIds();
      const tables = uuidTables.filter((t) => plain && (plain === t || plain.endsWith(`_${t}`) || t.endsWith(`_${plain}`)));
      const found = tables.flatMap((t) => ids.get(t) ?? []);
      return found.length ? found : [...ids.values()].flat();
    };
    const collect = (value: unknown, key: string, out: string[] = []): string[] => {
      if (Array.isArray(value)) value.forEach((v) => collect(v, key, out));
      else if (value && typeof value === 'object') {
        for (const [k, v] of Object.entries(value)) {
          if (k === key && (typeof v === 'string' || typeof v === 'number')) out.push(String(v));
          else collect(v, key, out);
        }
      }
      return out;
    };
    const admin = () => callers.get('admin')!;
    const listAt = async (path: string) => {
      if (!listed.has(path)) {
        const res = await admin().api('GET', path);
        listed.set(path, res.status === 200 ? res.body : null);
      }
      return listed.get(path);
    };
    /** Candidates for a path parameter: what the list read just before it names (the parameter's own key, else `id`), else the ids of the table its name points at. */
    const pathCandidates = async (template: string, name: string, filled: (t: string) => string): Promise<string[]> => {
      const prefix = template.slice(0, template.indexOf(`/{${name}}`));
      if (getOps.has(prefix)) {
        const answer = await listAt(filled(prefix));
        const own = collect(answer, name);
        if (own.length) return own;
        const ids = collect(answer, 'id');
        if (ids.length) return ids;
      }
      const segment = prefix.split('/').pop() ?? '';
      return idsNamed(name === 'id' ? segment : name);
    };
    const pickFrom = (candidates: string[], pick: Pick) => (candidates.length ? candidates[pick.n % candidates.length] : '00000000-0000-4000-8000-000000000000');
    const resolveBody = async (value: unknown): Promise<unknown> => {
      if (isPick(value)) return pickFrom(await idsNamed(value.pick), value);
      if (Array.isArray(value)) {
        // (a mutation may have given the array an own `constructor`: no Array.prototype.map here)
        const out: unknown[] = [];
        for (let i = 0; i < value.length; i++) out.push(await resolveBody(value[i]));
        return out;
      }
      if (value && typeof value === 'object') {
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(value)) Object.defineProperty(out, k, { value: await resolveBody(v), enumerable: true, writable: true, configurable: true });
        return out;
      }
      return value;
    };

    const op = (key: string) => ops.find((o) => o.key === key)!;
    const describeRequest = (r: GeneratedRequest, path: string, text: string | undefined) =>
      `${op(r.op).method} ${path.length > 300 ? `${path.slice(0, 300)}… (${path.length} chars)` : path}\n  as ${JSON.stringify(r.auth)} headers ${JSON.stringify(r.headers)}\n  body ${text === undefined ? '(none)' : text.length > 600 ? `${text.slice(0, 600)}… (${text.length} chars)` : text}`;

    // HARNESS_COLLECT=1 (when hunting bugs): note each failure and go on, then fail with all of them (one per operation and kind).
    const collected = new Map<string, string>();
    const fail = (kind: string, o: Operation, message: string) => {
      if (process.env.HARNESS_COLLECT !== '1') throw new Error(message);
      if (!collected.has(`${kind} ${o.key}`)) collected.set(`${kind} ${o.key}`, message.slice(0, 1500));
    };

    async function send(r: GeneratedRequest): Promise<void> {
      const o = op(r.op);
      const values: Record<string, string> = {};
      const filled = (t: string) => t.replace(/\{([^}]+)\}/g, (whole, name: string) => values[name] ?? whole);
      for (const p of o.pathParams) {
        const v = r.path[p.name];
        values[p.name] = 'raw' in v ? v.raw : 'uuid' in v ? v.uuid : encodeSegment(pickFrom(await tally.timed('existing ids', () => pathCandidates(o.template, p.name, filled)), v.existing));
      }
      const path = filled(o.template);
      const query = (await Promise.all(r.query.map(async ([k, v]) => [k, await resolveBody(v)] as const)))
        .map(([k, v]) => `${encodeSegment(k)}=${encodeSegment(typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v))}`)
        .join('&');
      const url = query ? `${path}?${query}` : path;
      const resolvedText = bodyText('json' in r.body ? { json: await resolveBody(r.body.json) } : r.body);
      const headers: Record<string, string> = { ...r.headers };
      if (r.auth !== 'none') headers.authorization = 'header' in r.auth ? r.auth.header : `Bearer ${callers.get(r.auth.caller)!.token}`;
      if (resolvedText === undefined) delete headers['content-type'];
      const res = await tally.timed('requests', () => tally.timed(o.key, () => ctx.api(o.method, url, resolvedText, headers)));
      tally.record(o.key, res.status);
      const what = () => `${describeRequest(r, url, resolvedText)}\n  answered ${res.status} ${JSON.stringify(res.body)?.slice(0, 600)}`;
      if (res.status >= 500) return fail('5xx', o, `A ${res.status} for input alone:\n${what()}`);
      if (res.status >= 400 && !(typeof res.body?.code === 'string' && typeof res.body?.message === 'string')) return fail('body', o, `A ${res.status} without the error body { code, message }:\n${what()}`);
      if (!MUTATING.has(o.method)) return;

      const now = await tally.timed('fingerprints', () => fingerprint.take());
      tally.fingerprints++;
      if (res.status < 200 || res.status >= 300) {
        const changed = DataFingerprint.changed(last, now);
        if (changed.length) fail('write', o, `A refused request (or a read before it) changed ${changed.join(', ')}:\n${what()}`);
        last = now;
        return;
      }
      tally.acceptedWrites++;
      await tally.timed('read back', () => readBack(o, path, resolvedText, res, what));
      // An accepted write may have signed a caller out, disabled it or changed its roles: a new one takes its place.
      await tally.timed('callers', async () => {
        const now = await callersState();
        if ([...now].every(([id, state]) => knownCallers.get(id) === state)) return;
        await restoreCallers(knownCallers, now);
        knownCallers = await callersState();
      });
      last = await tally.timed('fingerprints', () => fingerprint.take());
    }

    /** An accepted write reads back as answered: the resource's GET gives the same body, and the fields sent are there as sent (trimmed). */
    async function readBack(o: Operation, path: string, sent: string | undefined, res: { status: number; body: any }, what: () => string): Promise<void> {
      if (!res.body || typeof res.body !== 'object' || typeof res.body.id !== 'string') return;
      const itemTemplate = o.method === 'POST' ? [...getOps.keys()].find((t) => new RegExp(`^${escape(o.template)}/\\{[^}/]+\\}$`).test(t)) : getOps.has(o.template) ? o.template : undefined;
      if (!itemTemplate) return;
      const itemPath = o.method === 'POST' ? `${path}/${encodeSegment(res.body.id)}` : path;
      const read = await admin().api('GET', itemPath);
      tally.readBacks++;
      if (read.status !== 200 || JSON.stringify(sortKeys(read.body)) !== JSON.stringify(sortKeys(res.body))) {
        return fail('readback', o, `An accepted write does not read back as answered (GET ${itemPath}: ${read.status} ${JSON.stringify(read.body)?.slice(0, 600)}):\n${what()}`);
      }
      let body: unknown;
      try {
        body = sent === undefined ? undefined : JSON.parse(sent);
      } catch {
        return;
      }
      if (!body || typeof body !== 'object' || Array.isArray(body)) return;
      for (const [k, v] of Object.entries(body)) {
        if (!Object.hasOwn(res.body, k) || (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean')) continue;
        const expected = typeof v === 'string' ? v.trim() : v;
        const got: unknown = res.body[k];
        // (trimmed as the server trims; a blank optional text is stored as none; e-mail addresses compare without case)
        const same =
          typeof expected === 'string'
            ? (expected === '' && got === null) || (typeof got === 'string' && (got === expected || (k.toLowerCase().includes('email') && got.toLowerCase() === expected.toLowerCase())))
            : got === expected;
        if (!same) return fail('stored', o, `An accepted write stored ${k} = ${JSON.stringify(got)}, not the ${JSON.stringify(v)} sent:\n${what()}`);
      }
    }

    const order = fc.shuffledSubarray(ops.map((_, i) => i), { minLength: ops.length, maxLength: ops.length });
    let generatedAt = performance.now();
    let runIndex = 0;
    const property = fc.asyncProperty(fc.tuple(fc.tuple(...ops.map(requestsFor)), order), async ([requests, sequence]) => {
      tally.spent.generation = (tally.spent.generation ?? 0) + performance.now() - generatedAt;
      // What exists is read again every few runs (an id that went away since is just a 404).
      if (runIndex++ % 8 === 0) {
        idsByTable = null;
        listed.clear();
      }
      for (const i of sequence) await send(requests[i]);
      generatedAt = performance.now();
    });
    await assertWithReplay(property, { seed, numRuns, runsVariable: 'HARNESS_RUNS', file: FILE });
    if (collected.size) throw new Error(`${collected.size} failures:\n\n${[...collected.values()].join('\n\n')}`);

    // The end: nothing written since the last check either.
    const end = await fingerprint.take();
    tally.fingerprints++;
    expect(DataFingerprint.changed(last, end)).toEqual([]);
    reportRun('api', tally, { seed, runs: numRuns, operations: docCount });

    expect(tally.serverErrors).toBe(0);
    expect(docCount).toBeGreaterThan(50);
    expect(ops).toHaveLength(docCount);
    expect(tally.covered.size).toBe(docCount);
    expect(tally.requests).toBe(numRuns * docCount);
    if (!process.env.HARNESS_RUNS) expect(tally.requests).toBeGreaterThanOrEqual(MIN_REQUESTS);
    // Some writes were accepted (valid bodies get through), so the read-back check ran.
    expect(tally.acceptedWrites).toBeGreaterThan(0);
  });
});

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const sortKeys = (v: unknown): unknown =>
  Array.isArray(v) ? v.map(sortKeys) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, sortKeys(x)])) : v;
