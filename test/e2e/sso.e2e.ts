import { createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { launchBrowser } from '../support/browser';
import { e2eContext, E2eContext } from '../support/e2e';
import { startOidcProvider, TestAccount, TestIdentityProvider } from '../support/oidc-provider';

/**
 * Single sign-on end to end: the real app, over HTTP, against a real OpenID
 * Provider (`oidc-provider`) in the test process. One test drives Chromium;
 * the others a small fetch-based user agent that keeps cookies per origin,
 * follows redirects and fills in the provider's sign-in form, so each
 * response along the way can be looked at.
 */

const CLIENT_SECRET = randomBytes(24).toString('base64url');
const KNOWN = { id: 'anna', name: 'Anna Lindqvist', email: 'anna.lindqvist@kommun.example', emailVerified: true };
const UNVERIFIED = { id: 'bertil', name: 'Bertil Ek', email: 'bertil.ek@kommun.example', emailVerified: false };
const UNKNOWN = { id: 'okand', name: 'Okänd Person', email: 'okand@kommun.example', emailVerified: true };
const VIA_USERINFO = { id: 'cecilia', name: 'Cecilia Berg', email: 'cecilia.berg@kommun.example', emailVerified: true, emailOnlyFromUserinfo: true };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const s256 = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');

interface Page {
  status: number;
  url: URL;
  headers: Headers;
  body: string;
}

/** A browser without the rendering: cookies per origin, manual redirects, form posts. */
class UserAgent {
  private readonly jar = new Map<string, Map<string, string>>();

  cookie(origin: string, name: string): string | undefined {
    return this.jar.get(origin)?.get(name);
  }

  setCookie(origin: string, name: string, value: string): void {
    if (!this.jar.has(origin)) this.jar.set(origin, new Map());
    this.jar.get(origin)!.set(name, value);
  }

  /** One request, no redirect followed. */
  async request(url: URL | string, init: { method?: string; form?: Record<string, string> } = {}): Promise<Page> {
    const target = new URL(url);
    const cookies = [...(this.jar.get(target.origin) ?? new Map<string, string>())].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(target, {
      method: init.method ?? (init.form ? 'POST' : 'GET'),
      redirect: 'manual',
      headers: {
        accept: 'text/html',
        'user-agent': 'samverka-e2e',
        ...(cookies ? { cookie: cookies } : {}),
        ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: init.form ? new URLSearchParams(init.form).toString() : undefined,
    });
    for (const header of res.headers.getSetCookie()) {
      const [pair, ...attributes] = header.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const gone = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === '';
      if (gone) this.jar.get(target.origin)?.delete(name);
      else this.setCookie(target.origin, name, value);
    }
    return { status: res.status, url: target, headers: res.headers, body: await res.text() };
  }

  /** Follows redirects (as GETs) until a page, or until `stopAt` says the next hop is far enough. */
  async follow(url: URL | string, stopAt: (next: URL) => boolean = () => false, first?: { form?: Record<string, string> }): Promise<{ page: Page; stoppedAt?: URL }> {
    let page = await this.request(url, first);
    for (let hops = 0; page.status >= 300 && page.status < 400; hops++) {
      if (hops > 10) throw new Error(`Too many redirects from ${String(url)}`);
      const next = new URL(page.headers.get('location')!, page.url);
      if (stopAt(next)) return { page, stoppedAt: next };
      page = await this.request(next);
    }
    return { page };
  }
}

const CALLBACK_PATH = '/logga-in/sso/callback';

/**
 * Starts at Samverka, signs in at the provider as `accountId` (unless this user agent already has a session there),
 * and stops just before the callback reaches Samverka.
 */
async function signInAtProvider(
  ua: UserAgent,
  app: { baseUrl: string },
  idp: TestIdentityProvider,
  accountId: string,
  next = '/forvaltningar',
): Promise<{ authorizationUrl: URL; callbackUrl: URL }> {
  const start = await ua.request(`${app.baseUrl}/logga-in/sso?next=${encodeURIComponent(next)}`);
  expect(start.status).toBe(303);
  const authorizationUrl = new URL(start.headers.get('location')!);
  expect(authorizationUrl.origin).toBe(idp.issuer);
  const isCallback = (url: URL) => url.origin === app.baseUrl && url.pathname === CALLBACK_PATH;
  const { page: loginForm, stoppedAt: alreadySignedIn } = await ua.follow(authorizationUrl, isCallback);
  // Signed in at the provider already (its own session cookie): straight back.
  if (alreadySignedIn) return { authorizationUrl, callbackUrl: alreadySignedIn };
  expect(loginForm.status).toBe(200);
  const action = /<form[^>]*action="([^"]+)"/.exec(loginForm.body)?.[1];
  if (!action || !loginForm.body.includes('name="login"')) throw new Error(`No sign-in form at the provider:\n${loginForm.body}`);
  const { stoppedAt } = await ua.follow(new URL(action.replace(/&amp;/g, '&'), loginForm.url), isCallback, {
    form: { prompt: 'login', login: accountId, password: 'vilket lösenord som helst' },
  });
  if (!stoppedAt) throw new Error('The provider did not send the browser back to Samverka');
  return { authorizationUrl, callbackUrl: stoppedAt };
}

/** A provider and the app set up for each other: the app's port is chosen first, so PUBLIC_URL and the registered redirect URI agree. */
async function providerAndApp(clientSecret: string | undefined, accounts: TestAccount[]): Promise<{ idp: TestIdentityProvider; ctx: E2eContext }> {
  const port = await freePort();
  const publicUrl = `http://127.0.0.1:${port}`;
  const idp = await startOidcProvider({ redirectUri: publicUrl + CALLBACK_PATH, clientSecret, accounts });
  try {
    const ctx = await e2eContext(
      { PUBLIC_URL: publicUrl, OIDC_ISSUER_URL: idp.issuer, OIDC_CLIENT_ID: idp.clientId, ...(clientSecret ? { OIDC_CLIENT_SECRET: clientSecret } : {}) },
      { port },
    );
    return { idp, ctx };
  } catch (err) {
    await idp.close();
    throw err;
  }
}

describe('single sign-on (OpenID Connect)', () => {
  let idp: TestIdentityProvider;
  let ctx: E2eContext;
  let userId: string;
  let userinfoUserId: string;

  beforeAll(async () => {
    ({ idp, ctx } = await providerAndApp(CLIENT_SECRET, [KNOWN, UNVERIFIED, UNKNOWN, VIA_USERINFO]));
    userId = (await ctx.given.user({ email: KNOWN.email, name: KNOWN.name, password: null })).user.id;
    await ctx.given.user({ email: UNVERIFIED.email, name: UNVERIFIED.name, password: null });
    userinfoUserId = (await ctx.given.user({ email: VIA_USERINFO.email, name: VIA_USERINFO.name, password: null })).user.id;
  });
  afterAll(async () => {
    await ctx?.close();
    await idp?.close();
  });

  async function auditedSignIns(subjectId: string): Promise<Array<Record<string, unknown>>> {
    const rows: Array<{ after: Record<string, unknown> }> = await ctx.dataSource.query(
      `select after from audit_event where action = 'auth.signed_in' and subject_id = $1 order by occurred_at`,
      [subjectId],
    );
    return rows.map((r) => r.after);
  }

  function expectErrorPage(page: Page, status: number, text: RegExp): void {
    expect(page.status).toBe(status);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.body).toContain('<html lang="sv"');
    expect(page.body).toMatch(text);
    expect(sessionCookieSetBy(page)).toBeUndefined();
  }

  /** The session cookie a response set, if any. */
  const sessionCookieSetBy = (page: Page) => page.headers.getSetCookie().find((c) => c.startsWith('samverka_session='));

  it('signs in a user whose verified e-mail the provider vouches for, and lands where the sign-in started', async () => {
    const signInsBefore = (await auditedSignIns(userId)).length;
    const browser = new UserAgent();
    const { callbackUrl } = await signInAtProvider(browser, ctx, idp, KNOWN.id, '/forvaltningar?aktiva=ja');
    const landing = await browser.request(callbackUrl);

    expect(landing.status).toBe(303);
    expect(landing.headers.get('location')).toBe('/forvaltningar?aktiva=ja');
    const sessionCookie = sessionCookieSetBy(landing)!;
    expect(sessionCookie).toMatch(/HttpOnly/i);
    expect(sessionCookie).toMatch(/SameSite=Lax/i);
    expect(browser.cookie(ctx.baseUrl, 'samverka_sso')).toBeUndefined();

    const start = await browser.request(`${ctx.baseUrl}/`);
    expect(start.status).toBe(200);
    expect(start.body).toContain(KNOWN.name);
    const cookieHeader = { cookie: `samverka_session=${browser.cookie(ctx.baseUrl, 'samverka_session')}` };
    const me = await ctx.api('GET', '/api/v1/me', undefined, cookieHeader);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ userId, name: KNOWN.name, email: KNOWN.email });

    const signIns = await auditedSignIns(userId);
    expect(signIns).toHaveLength(signInsBefore + 1);
    expect(signIns.at(-1)).toMatchObject({ method: 'oidc', kind: 'web', ip: '127.0.0.1' });
  });

  it('works in a real browser (Chromium)', async () => {
    const chromium = await launchBrowser();
    try {
      const context = await chromium.newContext({ locale: 'sv-SE' });
      const page = await context.newPage();
      await page.goto(`${ctx.baseUrl}/logga-in/sso`);
      expect(page.url().startsWith(`${idp.issuer}/interaction/`)).toBe(true);
      await page.fill('input[name="login"]', KNOWN.id);
      await page.fill('input[name="password"]', 'vilket lösenord som helst');
      await Promise.all([page.waitForURL(`${ctx.baseUrl}/`), page.click('button[type="submit"]')]);
      await expect(page.locator('body').textContent()).resolves.toContain(KNOWN.name);

      const me = await page.goto(`${ctx.baseUrl}/api/v1/me`);
      expect(me?.status()).toBe(200);
      expect(await me?.json()).toMatchObject({ userId, name: KNOWN.name });
      const cookies = await context.cookies(ctx.baseUrl);
      expect(cookies.find((c) => c.name === 'samverka_session')).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
      expect(cookies.find((c) => c.name === 'samverka_sso')).toBeUndefined();
    } finally {
      await chromium.close();
    }
  });

  it('uses PKCE (S256), state and nonce, and the provider checks the verifier', async () => {
    const browser = new UserAgent();
    const start = await browser.request(`${ctx.baseUrl}/logga-in/sso`);
    const authorizationUrl = new URL(start.headers.get('location')!);
    const params = authorizationUrl.searchParams;
    expect(params.get('response_type')).toBe('code');
    expect(params.get('code_challenge_method')).toBe('S256');
    expect(params.get('redirect_uri')).toBe(`${ctx.baseUrl}${CALLBACK_PATH}`);
    expect(params.get('scope')).toBe('openid email profile');
    expect(params.get('nonce')).toMatch(/^[\w-]{32,}$/);
    const state = params.get('state')!;
    const [login] = await ctx.dataSource.query(
      `select code_verifier, nonce, return_to, extract(epoch from expires_at - now()) as ttl from oidc_login where state = $1`,
      [state],
    );
    expect(params.get('code_challenge')).toBe(s256(login.code_verifier));
    expect(params.get('nonce')).toBe(login.nonce);
    expect(login.return_to).toBe('/');
    expect(Number(login.ttl)).toBeGreaterThan(590);
    expect(Number(login.ttl)).toBeLessThanOrEqual(600);

    // A code issued for one sign-in, presented with another sign-in's state (and so its verifier), is refused by the provider.
    const first = await signInAtProvider(browser, ctx, idp, KNOWN.id);
    const second = await browser.request(`${ctx.baseUrl}/logga-in/sso`);
    const secondState = new URL(second.headers.get('location')!).searchParams.get('state')!;
    const swapped = new URL(first.callbackUrl);
    swapped.searchParams.set('state', secondState);
    const errorsBefore = idp.grantErrors.length;
    const refused = await browser.request(swapped);
    expectErrorPage(refused, 400, /kunde inte slutföras/);
    expect(idp.grantErrors.slice(errorsBefore).join('\n')).toContain('code_verifier does not match code_challenge');
    expect(idp.authorizationRequests.every((r) => r.get('code_challenge_method') === 'S256' && r.has('code_challenge'))).toBe(true);
  });

  it('refuses a callback used a second time', async () => {
    const browser = new UserAgent();
    const { callbackUrl } = await signInAtProvider(browser, ctx, idp, KNOWN.id);
    const stateCookie = browser.cookie(ctx.baseUrl, 'samverka_sso')!;
    expect((await browser.request(callbackUrl)).status).toBe(303);

    // Replayed from the same browser (whose state cookie is gone) …
    expectErrorPage(await browser.request(callbackUrl), 400, /startades inte i den här webbläsaren/);
    // … and with the state cookie put back: the sign-in under way was used up.
    const replay = new UserAgent();
    replay.setCookie(ctx.baseUrl, 'samverka_sso', stateCookie);
    expectErrorPage(await replay.request(callbackUrl), 400, /har gått ut eller har redan använts/);
  });

  it('refuses a sign-in that took longer than ten minutes', async () => {
    const browser = new UserAgent();
    const { callbackUrl } = await signInAtProvider(browser, ctx, idp, KNOWN.id);
    await ctx.dataSource.query(`update oidc_login set expires_at = now() - interval '1 second' where state = $1`, [callbackUrl.searchParams.get('state')]);
    expectErrorPage(await browser.request(callbackUrl), 400, /Inloggningen har gått ut eller har redan använts/);
  });

  it('ends the session the browser had before (no session fixation)', async () => {
    const browser = new UserAgent();
    await browser.request((await signInAtProvider(browser, ctx, idp, KNOWN.id)).callbackUrl);
    const first = browser.cookie(ctx.baseUrl, 'samverka_session')!;
    await browser.request((await signInAtProvider(browser, ctx, idp, KNOWN.id)).callbackUrl);
    const second = browser.cookie(ctx.baseUrl, 'samverka_session')!;
    expect(second).not.toBe(first);
    expect((await ctx.api('GET', '/api/v1/me', undefined, { cookie: `samverka_session=${first}` })).status).toBe(401);
    expect((await ctx.api('GET', '/api/v1/me', undefined, { cookie: `samverka_session=${second}` })).status).toBe(200);
  });

  it('refuses a tampered state', async () => {
    const browser = new UserAgent();
    const { callbackUrl } = await signInAtProvider(browser, ctx, idp, KNOWN.id);
    const tampered = new URL(callbackUrl);
    tampered.searchParams.set('state', randomBytes(32).toString('base64url'));
    expectErrorPage(await browser.request(tampered), 400, /startades inte i den här webbläsaren/);

    // Even when the (attacker's) browser carries a cookie matching the forged state.
    const forger = new UserAgent();
    forger.setCookie(ctx.baseUrl, 'samverka_sso', tampered.searchParams.get('state')!);
    expectErrorPage(await forger.request(tampered), 400, /har gått ut eller har redan använts/);
  });

  it('does not complete a callback in another browser than the one that started the sign-in', async () => {
    const attacker = new UserAgent();
    const { callbackUrl } = await signInAtProvider(attacker, ctx, idp, KNOWN.id);
    const victim = new UserAgent();
    expectErrorPage(await victim.request(callbackUrl), 400, /startades inte i den här webbläsaren/);
  });

  it('tells someone without an account that there is none (403)', async () => {
    const browser = new UserAgent();
    const { callbackUrl } = await signInAtProvider(browser, ctx, idp, UNKNOWN.id);
    const page = await browser.request(callbackUrl);
    expectErrorPage(page, 403, new RegExp(`Det finns inget konto i Samverka för ${UNKNOWN.email.replace(/\./g, '\\.')}`));
  });

  it('refuses an e-mail address the provider has not verified', async () => {
    const browser = new UserAgent();
    const { callbackUrl } = await signInAtProvider(browser, ctx, idp, UNVERIFIED.id);
    const page = await browser.request(callbackUrl);
    expectErrorPage(page, 400, /Identitetsleverantören har inte bekräftat e-postadressen bertil\.ek@kommun\.example/);
  });

  it('asks the userinfo endpoint when the ID token does not say whether the e-mail is verified', async () => {
    const browser = new UserAgent();
    const { callbackUrl } = await signInAtProvider(browser, ctx, idp, VIA_USERINFO.id, '/');
    const landing = await browser.request(callbackUrl);
    expect(landing.status).toBe(303);
    expect(landing.headers.get('location')).toBe('/');
    expect(await auditedSignIns(userinfoUserId)).toEqual([expect.objectContaining({ method: 'oidc' })]);
  });

  it('shows the provider refusing the sign-in as a Swedish page', async () => {
    const browser = new UserAgent();
    const start = await browser.request(`${ctx.baseUrl}/logga-in/sso`);
    const { page: loginForm } = await browser.follow(new URL(start.headers.get('location')!));
    const uid = /\/interaction\/([\w-]+)/.exec(loginForm.body)?.[1];
    expect(uid).toMatch(/^[\w-]{10,}$/);
    const { stoppedAt } = await browser.follow(`${idp.issuer}/interaction/${uid}/abort`, (url) => url.pathname === CALLBACK_PATH);
    expect(stoppedAt?.searchParams.get('error')).toBe('access_denied');
    expectErrorPage(await browser.request(stoppedAt!), 400, /Inloggningen avbröts hos identitetsleverantören/);
  });

  it.each(['//evil.example/', 'https://evil.example/', '/\\evil.example', '/logga-in/sso'])('goes to the start page, not to next=%s', async (next) => {
    const browser = new UserAgent();
    const { callbackUrl } = await signInAtProvider(browser, ctx, idp, KNOWN.id, next);
    const landing = await browser.request(callbackUrl);
    expect(landing.status).toBe(303);
    expect(landing.headers.get('location')).toBe('/');
  });

  it('forgets sign-ins that were started but never completed', async () => {
    await ctx.dataSource.query(
      `insert into oidc_login (state, code_verifier, nonce, return_to, expires_at) values ('abandoned', 'v', 'n', '/', now() - interval '1 minute')`,
    );
    await new UserAgent().request(`${ctx.baseUrl}/logga-in/sso`);
    expect(await ctx.dataSource.query(`select state from oidc_login where state = 'abandoned'`)).toEqual([]);
  });
});

describe('single sign-on as a public client (no client secret: PKCE only)', () => {
  let idp: TestIdentityProvider;
  let ctx: E2eContext;
  beforeAll(async () => {
    ({ idp, ctx } = await providerAndApp(undefined, [KNOWN]));
  });
  afterAll(async () => {
    await ctx?.close();
    await idp?.close();
  });

  it('signs in', async () => {
    const user = await ctx.given.user({ email: KNOWN.email, name: KNOWN.name, password: null });
    const browser = new UserAgent();
    const { callbackUrl } = await signInAtProvider(browser, ctx, idp, KNOWN.id);
    const landing = await browser.request(callbackUrl);
    expect(landing.status).toBe(303);
    const me = await ctx.api('GET', '/api/v1/me', undefined, { cookie: `samverka_session=${browser.cookie(ctx.baseUrl, 'samverka_session')}` });
    expect(me.body).toMatchObject({ userId: user.user.id });
  });
});

describe('single sign-on, not configured', () => {
  let ctx: E2eContext;
  beforeAll(async () => {
    ctx = await e2eContext();
  });
  afterAll(() => ctx?.close());

  it.each(['/logga-in/sso', '/logga-in/sso/callback?code=x&state=y'])('%s is a Swedish 404 page', async (path) => {
    const res = await fetch(ctx.baseUrl + path, { headers: { accept: 'text/html' }, redirect: 'manual' });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await res.text()).toContain('Sidan kunde inte hittas');
  });
});
