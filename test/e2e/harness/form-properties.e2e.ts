import fc from 'fast-check';
import { DEMO_PASSWORD, DemoUsersSeeder, SessionService } from '@samverka/identity';
import { sessionCookieName } from '../../../apps/api/src/auth/session-cookie';
import { DemoCitySeeder } from '@samverka/organisation';
import { NeedService } from '@samverka/needs';
import { DemoRoundSeeder } from '@samverka/rounds';
import { E2eContext, e2eContext } from '../../support/e2e';
import { TEST_ACTOR } from '../../support/given';
import { DEMO_USER } from '../../support/web-suite';
import { DataFingerprint, Fingerprint } from './data-fingerprint';
import { assertWithReplay, envCount, harnessSeed, reportRun, RunTally } from './harness-run';
import { encodeSegment, hostileString, malformedSegment } from './hostile';
import { FormField, formRoutes, formsOf, linksOf, routeMatcher, routesOf, WebClient } from './web-forms';

/**
 * Every web form under a hostile browser (issue 11, the harness). The forms are the POST routes
 * outside /api in the running app's route table; their fields and the ids in their addresses come
 * from the pages the app renders (crawled as each demo user). Each property run posts once to every
 * form: as a signed-in role or nobody, with the page's CSRF token or without one (absent, wrong,
 * another session's, non-ASCII, repeated), fields the page offers or hostile values (control
 * characters, lone surrogates as raw bytes, oversized, SQL, script, impossible dates), missing,
 * repeated and unknown fields, and now and then another encoding.
 *  - never a 5xx;
 *  - without a valid CSRF token, never a write (data-fingerprint.ts);
 *  - with one: a 303 redirect, or a page (200 or 4xx, HTML) that re-renders the form — and a page
 *    means nothing was saved.
 * HARNESS_FORM_RUNS sets the runs (default 150: 2,250 requests for 15 forms); HARNESS_SEED replays.
 */

const FILE = 'test/e2e/harness/form-properties.e2e.ts';
const MIN_FORMS = 10;
const CRAWL_LIMIT = 40;

type User = keyof typeof DEMO_USER | 'anonymous';
const USERS: User[] = ['admin', 'strategist', 'coordinator', 'management', 'secretary', 'anonymous'];

type Csrf = 'valid' | 'absent' | 'wrong' | 'nonAscii' | 'otherSession' | 'wrongThenValid';

interface FormRequest {
  form: string;
  user: User;
  path: Record<string, { existing: number } | { uuid: string } | { raw: string }>;
  csrf: Csrf;
  fields: [string, { offered: number } | { value: string } | 'absent' | 'twice'][];
  extra: [string, string][];
  encoding: 'form' | 'multipart' | 'json' | 'text';
}

jest.setTimeout(600_000);

describe('the web forms under generated hostile posts', () => {
  let ctx: E2eContext;
  let forms: string[];
  const clients = new Map<User, WebClient>();
  const tokens = new Map<User, string>();
  /** by form template: the addresses' parameters seen in links, and the fields its pages render */
  const seenParams = new Map<string, (Record<string, string> & { by?: User })[]>();
  const seenFields = new Map<string, Map<string, FormField>>();
  /** by form template: the users whose pages render it */
  const formUsers = new Map<string, Set<User>>();
  let crawlMs = 0;

  beforeAll(async () => {
    ctx = await e2eContext({ SIGN_IN_MAX_FAILURES_PER_ADDRESS: '10000', SIGN_IN_MAX_FAILURES_PER_ACCOUNT: '100', SIGN_IN_WINDOW_MINUTES: '1' });
    await ctx.app.get(DemoCitySeeder).seed(TEST_ACTOR);
    await ctx.app.get(DemoUsersSeeder).seed(TEST_ACTOR);
    const round = await ctx.app.get(DemoRoundSeeder).seed(TEST_ACTOR);
    const routes = routesOf(ctx.app.getHttpAdapter().getInstance().printRoutes({ commonPrefix: false }));
    forms = formRoutes(routes);
    // A need in the demo round, logged by the department its demo coordinator answers for (so the need forms have one to work on).
    const [{ department_id: departmentId }] = await ctx.dataSource.query<{ department_id: string }[]>(
      'select a.department_id from coordinator_assignment a join person p on p.id = a.person_id where p.email = $1 limit 1',
      [DEMO_USER.coordinator],
    );
    if (round?.participants.some((p) => p.departmentId === departmentId)) {
      await ctx.app.get(NeedService).create(TEST_ACTOR, round.id, ctx.given.need(departmentId, { areaCode: round.areas[0].code }));
    }
    for (const user of USERS) await ready(user);
    const matchers = routes.filter((r) => r.path.includes(':')).map((r) => [r.path, routeMatcher(r.path)] as const);
    const formMatchers = forms.map((f) => [f, routeMatcher(f)] as const);
    // Crawl the pages each user can reach: the ids in their links, and the forms they render.
    const crawlStarted = performance.now();
    for (const user of USERS) {
      const queue = ['/'];
      const visited = new Set<string>();
      while (queue.length && visited.size < CRAWL_LIMIT) {
        const path = queue.shift()!;
        if (visited.has(path)) continue;
        visited.add(path);
        const page = await clients.get(user)!.request('GET', path);
        if (page.status !== 200) continue;
        for (const link of linksOf(page.text)) {
          const bare = link.split('?')[0];
          for (const [template, match] of matchers) {
            const params = match(bare);
            if (params) seenParams.set(template, [...(seenParams.get(template) ?? []), { ...params, by: user }]);
          }
          if (!visited.has(link) && !link.startsWith('/logga-')) queue.push(link);
        }
        for (const pageForm of formsOf(page.text)) {
          const form = formMatchers.find(([, match]) => match(pageForm.action.split('?')[0]))?.[0];
          if (!form) continue;
          formUsers.set(form, new Set([...(formUsers.get(form) ?? []), user]));
          const fields = seenFields.get(form) ?? new Map<string, FormField>();
          for (const field of pageForm.fields) {
            const known = fields.get(field.name);
            fields.set(field.name, known ? { ...known, values: [...new Set([...known.values, ...field.values])].slice(0, 50) } : field);
          }
          seenFields.set(form, fields);
        }
      }
    }
    crawlMs = Math.round(performance.now() - crawlStarted);
  }, 300_000);
  afterAll(() => ctx?.close());

  /** A client in the state the run expects: signed in as the demo user (anonymous: with the sign-in page's token), and the CSRF token its pages carry. */
  async function ready(user: User, restore = false): Promise<void> {
    const client = clients.get(user) ?? new WebClient(ctx.baseUrl);
    clients.set(user, client);
    if (user === 'anonymous') {
      client.cookies.clear();
      const page = await client.request('GET', '/logga-in');
      tokens.set(user, formsOf(page.text)[0]?.fields.find((f) => f.name === '_csrf')?.values[0] ?? '');
      return;
    }
    if (restore) {
      // Back after the sign-out form: a new session as the sign-in form would make it (without hashing the password again).
      const [{ id }] = await ctx.dataSource.query<{ id: string }[]>('select u.id from app_user u join person p on p.id = u.person_id where p.email = $1', [DEMO_USER[user]]);
      const session = await ctx.app.get(SessionService).create(id, 'web', 'password', { ip: '127.0.0.1', userAgent: 'harness' });
      client.cookies.clear();
      client.cookies.set(sessionCookieName(ctx.config), session.token);
    } else {
      await client.signIn(DEMO_USER[user], DEMO_PASSWORD);
    }
    const home = await client.request('GET', '/');
    const token = /name="_csrf" value="([^"]+)"/.exec(home.text)?.[1];
    if (!token) throw new Error(`No CSRF token on the start page for ${user}`);
    tokens.set(user, token);
  }

  /** The run's own signed-in callers whose user an admin form has disabled. */
  async function disabledCallers(): Promise<Set<User>> {
    const rows = await ctx.dataSource.query<{ email: string }[]>('select p.email from app_user u join person p on p.id = u.person_id where u.disabled_at is not null and p.email = any($1)', [Object.values(DEMO_USER)]);
    const emails = new Set(rows.map((r) => r.email));
    return new Set(USERS.filter((u) => u !== 'anonymous' && emails.has(DEMO_USER[u])));
  }

  const signedIn = (user: User) => [...clients.get(user)!.cookies.keys()].some((k) => k.endsWith('samverka_session'));

  it('answers every generated post below 500, never writes without a valid CSRF token, and answers a valid one with a redirect or the form again', async () => {
    const seed = harnessSeed();
    const numRuns = envCount('HARNESS_FORM_RUNS', 150);
    const tally = new RunTally();
    const fingerprint = await DataFingerprint.of(ctx.dataSource);
    let last: Fingerprint = await fingerprint.take();
    const byToken: Record<string, number> = {};

    const requestFor = (form: string): fc.Arbitrary<FormRequest> => {
      const params = [...form.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]);
      const fields = [...(seenFields.get(form)?.values() ?? [])].filter((f) => f.name !== '_csrf');
      const fieldValue = fc.oneof(
        { arbitrary: fc.nat().map((offered) => ({ offered })), weight: 4 },
        { arbitrary: hostileString.map((value) => ({ value })), weight: 4 },
        { arbitrary: fc.constant('absent' as const), weight: 1 },
        { arbitrary: fc.constant('twice' as const), weight: 1 },
      );
      return fc.record({
        form: fc.constant(form),
        // Mostly a user whose pages show the form (so the post gets past the access rules), else anyone.
        user: fc.oneof({ arbitrary: fc.constantFrom<User>(...(formUsers.get(form)?.size ? formUsers.get(form)! : USERS)), weight: 3 }, { arbitrary: fc.constantFrom<User>(...USERS), weight: 1 }),
        path: fc.record(
          Object.fromEntries(
            params.map((p) => [
              p,
              fc.oneof(
                { arbitrary: fc.nat().map((existing) => ({ existing })), weight: 8 },
                { arbitrary: fc.uuid().map((uuid) => ({ uuid })), weight: 1 },
                { arbitrary: malformedSegment.map((raw) => ({ raw })), weight: 1 },
              ),
            ]),
          ),
        ) as fc.Arbitrary<FormRequest['path']>,
        csrf: fc.oneof({ arbitrary: fc.constant<Csrf>('valid'), weight: 5 }, { arbitrary: fc.constantFrom<Csrf>('absent', 'wrong', 'nonAscii', 'otherSession', 'wrongThenValid'), weight: 3 }),
        fields: fc.tuple(...fields.map((f) => fieldValue.map((v) => [f.name, v] as [string, FormRequest['fields'][number][1]]))),
        extra: fc.oneof({ arbitrary: fc.constant([] as [string, string][]), weight: 4 }, { arbitrary: fc.array(fc.tuple(fc.constantFrom('extra', 'id', '_method', '__proto__', '_csrf[]', 'email'), hostileString), { maxLength: 2 }), weight: 1 }),
        encoding: fc.oneof({ arbitrary: fc.constant('form' as const), weight: 12 }, { arbitrary: fc.constantFrom('multipart' as const, 'json' as const, 'text' as const), weight: 1 }),
      });
    };

    /**
     * An id the pages link to, for a parameter of a form's address: from the links to any address that
     * shares the form's address up to that parameter (a need's edit form: links to that need's pages),
     * keeping the parameters before it as they were seen together (that need, in its round and department).
     */
    const existingParams = (form: string, user: User, n: number): Record<string, string> => {
      const names = [...form.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]);
      for (let k = names.length; k > 0; k--) {
        const upTo = form.slice(0, form.indexOf(`:${names[k - 1]}`) + names[k - 1].length + 1);
        const seen = [...seenParams].filter(([template]) => template === upTo || template.startsWith(`${upTo}/`)).flatMap(([, list]) => list);
        // Mostly what this user's own pages link to (odd n), else what anyone's do.
        const own = seen.filter((p) => p.by === user);
        const pool = own.length && n % 2 === 1 ? own : seen;
        if (pool.length) return pool[Math.floor(n / 2) % pool.length];
      }
      return {};
    };

    async function send(r: FormRequest): Promise<void> {
      const client = clients.get(r.user)!;
      const token = tokens.get(r.user) ?? '';
      const picks = Object.values(r.path).filter((v): v is { existing: number } => 'existing' in v);
      const existing = existingParams(r.form, r.user, picks.reduce((sum, v) => sum + v.existing, 0));
      const path = r.form.replace(/:([A-Za-z]+)/g, (_m, name: string) => {
        const v = r.path[name];
        if ('raw' in v) return v.raw;
        if ('uuid' in v) return v.uuid;
        return encodeSegment(existing[name] ?? '00000000-0000-4000-8000-000000000000');
      });
      const fieldsSpec = seenFields.get(r.form);
      const pairs: [string, string][] = [];
      const other = tokens.get(r.user === 'admin' ? 'coordinator' : 'admin') ?? 'x';
      const csrfPairs: Record<Csrf, [string, string][]> = {
        valid: [['_csrf', token]],
        absent: [],
        wrong: [['_csrf', 'A'.repeat(token.length || 32)]],
        nonAscii: [['_csrf', 'å'.repeat(token.length || 32)]],
        otherSession: [['_csrf', other]],
        wrongThenValid: [['_csrf', 'B'.repeat(token.length || 32)], ['_csrf', token]],
      };
      pairs.push(...csrfPairs[r.csrf]);
      for (const [name, v] of r.fields) {
        if (v === 'absent') continue;
        const offered = fieldsSpec?.get(name)?.values ?? [];
        const value = v === 'twice' ? (offered[0] ?? 'x') : 'value' in v ? v.value : offered.length ? offered[v.offered % offered.length] : '';
        pairs.push([name, value]);
        if (v === 'twice') pairs.push([name, offered[1] ?? 'y']);
      }
      pairs.push(...r.extra);
      const { body, contentType } = encode(pairs, r.encoding);
      const res = await tally.timed('requests', () => client.request('POST', path, body, { 'content-type': contentType }));
      tally.record(r.form, res.status);
      const key = `${r.csrf === 'valid' ? 'token' : 'no token'} ${res.status}`;
      byToken[key] = (byToken[key] ?? 0) + 1;
      // Valid: the page's own token — for nobody, the sign-in form's (login CSRF); for a signed-in user, the session's (any other form).
      // A JSON body keeps the last of a repeated key (JSON.parse), so there "wrong, then valid" is the valid token;
      // form-encoded and multipart bodies keep both, which is no token.
      const effective = r.csrf === 'wrongThenValid' && r.encoding === 'json' ? 'valid' : r.csrf;
      const valid = effective === 'valid' && token !== '' && (r.user === 'anonymous') === (r.form === '/logga-in');
      const what = () =>
        `POST ${path.length > 300 ? `${path.slice(0, 300)}…` : path} as ${r.user}, CSRF ${r.csrf}, ${r.encoding}\n  body ${body.length > 600 ? `${body.slice(0, 600)}… (${body.length} chars)` : body}\n  answered ${res.status} ${res.headers.get('location') ?? ''} ${res.text.slice(0, 300)}`;
      if (res.status >= 500) throw new Error(`A ${res.status} for a form post:\n${what()}`);
      // A page re-rendered with a new token (the sign-in form renews its own after a mismatch): the next valid post uses it.
      const renewed = /name="_csrf" value="([^"]+)"/.exec(res.text)?.[1];
      if (renewed) tokens.set(r.user, renewed);
      // (An address that is not even well-formed — raw bytes that are no UTF-8 — never reaches the form: any 4xx will do.)
      const wellFormedAddress = Object.values(r.path).every((v) => !('raw' in v));
      if (valid && wellFormedAddress) {
        const page = res.status === 200 || (res.status >= 400 && res.status < 500);
        if (!(res.status === 303 && res.headers.get('location')) && !(page && (res.headers.get('content-type') ?? '').startsWith('text/html'))) {
          throw new Error(`A post with a valid token answered neither a redirect nor a page:\n${what()}`);
        }
      }
      const now = await tally.timed('fingerprints', () => fingerprint.take());
      tally.fingerprints++;
      const changed = DataFingerprint.changed(last, now);
      if (changed.length && (!valid || res.status !== 303)) {
        throw new Error(`${valid ? 'A post answered with a page (nothing saved)' : 'A post without a valid CSRF token'} changed ${changed.join(', ')}:\n${what()}`);
      }
      if (changed.length) tally.acceptedWrites++;
      last = now;
      // Signed out (the sign-out form), signed in (the sign-in form), or an admin form disabled one of the
      // run's own callers (which ends their sessions): back to the state the run expects.
      const disabled = changed.length ? await disabledCallers() : new Set<User>();
      if (disabled.size) await ctx.dataSource.query('update app_user u set disabled_at = null from person p where p.id = u.person_id and p.email = any($1)', [[...disabled].map((u) => DEMO_USER[u as Exclude<User, 'anonymous'>])]);
      let restored = false;
      for (const user of USERS) {
        if (disabled.has(user) || signedIn(user) !== (user !== 'anonymous')) {
          await tally.timed('restore', () => ready(user, true));
          restored = true;
        }
      }
      if (restored) last = await fingerprint.take();
    }

    const property = fc.asyncProperty(fc.tuple(...forms.map(requestFor)), async (requests) => {
      for (const r of requests) await send(r);
    });
    await assertWithReplay(property, { seed, numRuns, runsVariable: 'HARNESS_FORM_RUNS', file: FILE });
    expect(DataFingerprint.changed(last, await fingerprint.take())).toEqual([]);
    reportRun('forms', tally, { seed, runs: numRuns, crawlMs, byToken, forms: forms.length, formsWithFieldsFromPages: seenFields.size, formsWithIdsFromLinks: seenParams.size });

    expect(tally.serverErrors).toBe(0);
    expect(forms.length).toBeGreaterThanOrEqual(MIN_FORMS);
    expect(tally.covered.size).toBe(forms.length);
    expect(tally.requests).toBe(numRuns * forms.length);
    expect(tally.acceptedWrites).toBeGreaterThan(0);
  });
});

function encode(pairs: [string, string][], encoding: FormRequest['encoding']): { body: string; contentType: string } {
  switch (encoding) {
    case 'json':
      // Written by hand so a repeated key stays repeated, as a hostile client would send it.
      return { body: `{${pairs.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',')}}`, contentType: 'application/json' };
    case 'text':
      return { body: pairs.map(([k, v]) => `${k}=${v}`).join('\n'), contentType: 'text/plain' };
    case 'multipart': {
      const boundary = 'harnessboundary';
      const parts = pairs.map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join('');
      return { body: `${parts}--${boundary}--\r\n`, contentType: `multipart/form-data; boundary=${boundary}` };
    }
    default:
      return { body: pairs.map(([k, v]) => `${encodeSegment(k)}=${encodeSegment(v)}`).join('&'), contentType: 'application/x-www-form-urlencoded' };
  }
}
