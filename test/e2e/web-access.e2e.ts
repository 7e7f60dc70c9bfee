import { DEMO_PASSWORD, UserAdminService } from '@samverka/identity';
import { NeedService, SubmissionService } from '@samverka/needs';
import { CoordinatorService } from '@samverka/organisation';
import { PlanDraftService, PlanQueryService } from '@samverka/plan';
import { ConsultationService } from '@samverka/consultation';
import { PlanRoundQueryService } from '@samverka/rounds';
import { Browser, BrowserContext, Cookie, Page, Response } from 'playwright-core';
import { fillSignInForm, signInThroughForm } from '../support/browser';
import { E2eContext } from '../support/e2e';
import { webSuite, DEMO_USER } from '../support/web-suite';
import { TEST_ACTOR, TEST_PASSWORD } from '../support/given';
import { GivenPlan } from '../support/given-plan-allocation';
import { FORSKOLENAMNDEN, GivenConsultation } from '../support/given-consultation-compile';
import { GivenConsultationRows } from '../support/given-consultation-respond';
import { DataSource } from 'typeorm';

const { admin: ADMIN, strategist: STRATEGIST, coordinator: COORDINATOR, management: MANAGEMENT, secretary: SECRETARY } = DEMO_USER;



const SESSION_COOKIE = 'samverka_session';
const LOGIN_CSRF_COOKIE = 'samverka_login_csrf';
const MAX_FAILURES = 3;

/**
 * Signing in and out of the web UI, and who may reach what, in a real
 * Chromium with JavaScript switched off (axe on every page shown).
 */
describe('the web UI: signing in and access', () => {
  let ctx: E2eContext;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  const web = webSuite({ SIGN_IN_MAX_FAILURES_PER_ACCOUNT: String(MAX_FAILURES) });
  beforeAll(() => {
    ctx = web.ctx;
    browser = web.browser;
  });
  beforeEach(() => {
    context = web.context;
    page = web.page;
  });
  const departmentPath = (name: string) => web.departmentPath(name);
  const open = (path: string) => web.open(path);

  const expectAccessible = () => web.expectAccessible();

  const signIn = (email: string, password = DEMO_PASSWORD, path = '/logga-in') => signInThroughForm(page, ctx.baseUrl, email, password, path);

  /** Submits a form by its button and returns the response to the POST itself (before any redirect). */
  async function submit(buttonName: string): Promise<Response> {
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.getByRole('button', { name: buttonName, exact: true }).click(),
    ]);
    await page.waitForLoadState();
    return response;
  }

  const cookie = async (name: string, on: BrowserContext = context): Promise<Cookie | undefined> => (await on.cookies(ctx.baseUrl)).find((c) => c.name === name);
  const errorSummary = () => page.locator('.govuk-error-summary');
  const navLinks = () => page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link').allTextContents();
  const csrfOnPage = async () => (await page.locator('input[name=_csrf]').first().getAttribute('value'))!;
  /** A GET with only the given session cookie, redirects not followed. */
  const getWithCookie = (path: string, token: string) =>
    fetch(ctx.baseUrl + path, { headers: { cookie: `${SESSION_COOKIE}=${token}`, accept: 'text/html' }, redirect: 'manual' });

  it('shows a Swedish sign-in page that passes axe, under a strict CSP, and sends anyone not signed in there', async () => {
    const start = await fetch(`${ctx.baseUrl}/`, { headers: { accept: 'text/html' }, redirect: 'manual' });
    expect(start.status).toBe(303);
    expect(start.headers.get('location')).toBe('/logga-in');

    const response = await open('/');
    expect(page.url()).toBe(`${ctx.baseUrl}/logga-in`);
    expect(response.status()).toBe(200);
    await expect(page.title()).resolves.toBe('Logga in – Samverka');
    await expect(page.locator('h1').textContent()).resolves.toBe('Logga in');
    expect(await page.getByLabel('E-postadress').getAttribute('autocomplete')).toBe('username');
    expect(await page.getByLabel('Lösenord').getAttribute('type')).toBe('password');
    expect(await page.getByLabel('Lösenord').getAttribute('autocomplete')).toBe('current-password');
    await expect(page.getByRole('button', { name: 'Logga in', exact: true }).count()).resolves.toBe(1);
    // Nobody is signed in: no navigation, no account, no single sign-on (not configured here).
    await expect(page.getByRole('navigation').count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: 'Logga ut' }).count()).resolves.toBe(0);
    await expect(page.locator('a[href^="/logga-in/sso"]').count()).resolves.toBe(0);
    // Login CSRF: the hidden field matches an HttpOnly, SameSite=Strict cookie.
    const loginCsrf = await cookie(LOGIN_CSRF_COOKIE);
    expect(loginCsrf).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(await page.locator('form input[name=_csrf]').getAttribute('value')).toBe(loginCsrf!.value);
    // The strict Content-Security-Policy, and nothing on the page that it would block.
    const csp = response.headers()['content-security-policy'];
    expect(csp).toContain("script-src 'none'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("form-action 'self'");
    await expect(page.locator('script, style, [style]').count()).resolves.toBe(0);
    await expectAccessible();
  });

  it('refuses a wrong password with an error summary, keeps the e-mail but never the password, sets no session cookie, and answers an unknown address the same way', async () => {
    const user = await ctx.given.user({});
    const wrong = 'inte det rätta lösenordet';
    const response = await signIn(user.email, wrong);

    expect(response.status()).toBe(401);
    expect(page.url()).toBe(`${ctx.baseUrl}/logga-in`);
    await expect(page.title()).resolves.toBe('Fel: Logga in – Samverka');
    await expect(errorSummary().getByRole('link').allTextContents()).resolves.toEqual(['Fel e-postadress eller lösenord']);
    expect(await errorSummary().getByRole('link').getAttribute('href')).toBe('#email');
    await expect(page.getByLabel('E-postadress').inputValue()).resolves.toBe(user.email);
    await expect(page.getByLabel('Lösenord').inputValue()).resolves.toBe('');
    await expect(page.content()).resolves.not.toContain(wrong);
    await expect(cookie(SESSION_COOKIE)).resolves.toBeUndefined();
    await expectAccessible();
    const known = await page.locator('main').innerHTML();

    // An address nobody has: the very same page (it must not tell whether an account exists).
    const unknown = await signIn('ingen.alls@malmo.example', wrong);
    expect(unknown.status()).toBe(401);
    expect((await page.locator('main').innerHTML()).replace('ingen.alls@malmo.example', user.email).replace(/name="_csrf" value="[^"]*"/, '')).toBe(
      known.replace(/name="_csrf" value="[^"]*"/, ''),
    );

    // Empty fields: asked for, beside each field.
    await page.getByLabel('E-postadress').fill('');
    const empty = await submit('Logga in');
    expect(empty.status()).toBe(400);
    await expect(errorSummary().getByRole('link').allTextContents()).resolves.toEqual(['Ange din e-postadress', 'Ange ditt lösenord']);
    await expect(page.locator('#email-error').textContent()).resolves.toBe('Fel: Ange din e-postadress');
    await expectAccessible();
  });

  it('sends an unauthenticated visit to a department page to sign-in, and back to that page after signing in', async () => {
    const path = `${departmentPath('Förskoleförvaltningen')}?utsedd=ingen`;
    const direct = await fetch(ctx.baseUrl + path, { headers: { accept: 'text/html' }, redirect: 'manual' });
    expect(direct.status).toBe(303);
    expect(direct.headers.get('location')).toBe(`/logga-in?next=${encodeURIComponent(path)}`);

    await open(path);
    expect(page.url()).toBe(`${ctx.baseUrl}/logga-in?next=${encodeURIComponent(path)}`);
    expect(await page.locator('input[name=next]').getAttribute('value')).toBe(path);
    await fillSignInForm(page, MANAGEMENT, DEMO_PASSWORD);
    const response = await submit('Logga in');

    expect(response.status()).toBe(303);
    expect(response.headers()['location']).toBe(path);
    expect(page.url()).toBe(ctx.baseUrl + path);
    await expect(page.locator('h1').textContent()).resolves.toBe('Förskoleförvaltningen');
    // A manager reads the page; appointing and ending are for admins.
    await expect(page.locator('#utse').count()).resolves.toBe(0);
    await expect(page.getByText(/Avsluta uppdraget/).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: /Bekräfta uppdraget/ }).count()).resolves.toBe(0);
    await expect(navLinks()).resolves.toEqual(['Start', 'Förskoleförvaltningen', 'Planomgångar'].map((t) => expect.stringContaining(t)));
    await expectAccessible();

    // A form posted without a session leads to sign-in and then to the form's page (nothing is posted again).
    const posted = await fetch(`${ctx.baseUrl}${departmentPath('Förskoleförvaltningen')}/samordnare`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      body: 'kind=primary',
      redirect: 'manual',
    });
    expect(posted.status).toBe(303);
    expect(posted.headers.get('location')).toBe(`/logga-in?next=${encodeURIComponent(`${departmentPath('Förskoleförvaltningen')}/samordnare`)}`);
  });

  it("refuses a coordinator other departments' pages and the department list with a Swedish 403 page, and shows them their own", async () => {
    await signIn(COORDINATOR);
    expect(page.url()).toBe(`${ctx.baseUrl}/`);
    await expect(navLinks()).resolves.toEqual(['Start', 'Förskoleförvaltningen', 'Planomgångar'].map((t) => expect.stringContaining(t)));
    await expect(page.locator('h2#dina-forvaltningar').textContent()).resolves.toBe('Din förvaltning');
    await expect(page.locator('h2#dina-forvaltningar + ul').textContent()).resolves.toMatch(/Förskoleförvaltningen\s+\(du är samordnare\)/);
    await expect(page.locator('.samverka-figures').count()).resolves.toBe(0);
    await expectAccessible();

    for (const path of [departmentPath('Kulturförvaltningen'), '/forvaltningar']) {
      const response = await open(path);
      expect(response.status()).toBe(403);
      await expect(page.title()).resolves.toBe('Du har inte behörighet till sidan – Samverka');
      await expect(page.locator('h1').textContent()).resolves.toBe('Du har inte behörighet till sidan');
      await expect(page.locator('main').textContent()).resolves.not.toContain('Gå till förvaltningarna');
    }
    await expectAccessible();

    const own = await open(departmentPath('Förskoleförvaltningen'));
    expect(own.status()).toBe(200);
    // Appointing is for admins, even with the right form token.
    const before = await ctx.app.get(CoordinatorService).listForDepartment(web.departmentId('Förskoleförvaltningen'), true);
    const posted = await page.request.post(`${ctx.baseUrl}${departmentPath('Förskoleförvaltningen')}/samordnare`, {
      form: { _csrf: await csrfOnPage(), kind: 'deputy', personChoice: 'new', personName: 'Ny Person', personEmail: 'ny.person@malmo.example', mandate: 'M', responsibilities: 'R', validFrom: '2030-01-01' },
      maxRedirects: 0,
    });
    expect(posted.status()).toBe(403);
    await expect(ctx.app.get(CoordinatorService).listForDepartment(web.departmentId('Förskoleförvaltningen'), true)).resolves.toHaveLength(before.length);
  });

  it('shows a committee secretary their committee, and a user without a role that they have none yet', async () => {
    await signIn(SECRETARY);
    await expect(navLinks()).resolves.toEqual(['Start', 'Planomgångar'].map((t) => expect.stringContaining(t)));
    await expect(page.locator('h2#din-namnd').textContent()).resolves.toBe('Din nämnd');
    await expect(page.locator('main').textContent()).resolves.toContain('Du är nämndsekreterare för Förskolenämnden.');
    await expectAccessible();
    await expect(open('/forvaltningar').then((r) => r.status())).resolves.toBe(403);

    await context.clearCookies();
    const nobody = await ctx.given.user({ name: 'Ingrid Utan Roll' });
    await signIn(nobody.email, TEST_PASSWORD);
    await expect(page.locator('.samverka-account__name').textContent()).resolves.toBe('Inloggad som Ingrid Utan Roll');
    await expect(page.locator('main').textContent()).resolves.toContain('Ditt konto har ingen roll i Samverka ännu.');
    await expectAccessible();
  });

  it("refuses a form posted without the session's CSRF token with a Swedish 403 page, and changes nothing", async () => {
    await signIn(ADMIN);
    const path = departmentPath('Fastighets- och gatukontoret');
    await open(path);
    const coordinators = ctx.app.get(CoordinatorService);
    const [assignment] = await coordinators.listForDepartment(web.departmentId('Fastighets- och gatukontoret'));
    const endAddress = `${ctx.baseUrl}${path}/uppdrag/${assignment.id}/avsluta`;
    const token = await csrfOnPage();

    // Another session's token is no better than none.
    const other = await browser.newContext({ javaScriptEnabled: false });
    const otherPage = await other.newPage();
    await signInThroughForm(otherPage, ctx.baseUrl, ADMIN, DEMO_PASSWORD);
    const othersToken = (await otherPage.locator('input[name=_csrf]').first().getAttribute('value'))!;
    await other.close();
    expect(othersToken).not.toBe(token);

    const forms: Array<Record<string, string>> = [{ reason: 'Utan token' }, { reason: 'Fel token', _csrf: 'fel' }, { reason: 'Annans token', _csrf: othersToken }];
    for (const form of forms) {
      const posted = await page.request.post(endAddress, { form, maxRedirects: 0 });
      expect(posted.status()).toBe(403);
      expect(posted.headers()['content-type']).toBe('text/html; charset=utf-8');
      const html = await posted.text();
      expect(html).toContain('Formuläret har gått ut');
      expect(html).toContain('ladda om den och försök igen');
    }
    await expect(coordinators.get(assignment.id)).resolves.toMatchObject({ validTo: null, endReason: null });

    // With the page's own token the same form works.
    const posted = await page.request.post(endAddress, { form: { reason: 'Med rätt token', _csrf: token }, maxRedirects: 0 });
    expect(posted.status()).toBe(303);
    await expect(coordinators.get(assignment.id)).resolves.toMatchObject({ endReason: 'Med rätt token' });

    // The 403 page itself, as a browser shows it.
    await page.route(endAddress, (route) => route.continue({ postData: 'reason=x&_csrf=fel' }));
    await open(path);
    const card = page.locator('.govuk-summary-card').first();
    await card.locator('summary').click();
    const refused = await submit(`Avsluta uppdraget för ${assignment.person!.name} som samordnare`);
    expect(refused.status()).toBe(403);
    await expect(page.locator('h1').textContent()).resolves.toBe('Formuläret har gått ut');
    await expectAccessible();
  });

  it('signs out: the session is revoked, the cookie cleared, and the old cookie afterwards leads to sign-in', async () => {
    await signIn(STRATEGIST);
    const before = (await cookie(SESSION_COOKIE))!.value;
    expect((await getWithCookie('/forvaltningar', before)).status).toBe(200);

    const response = await submit('Logga ut');
    expect(response.status()).toBe(303);
    expect(page.url()).toBe(`${ctx.baseUrl}/logga-in?utloggad=1`);
    await expect(page.locator('.govuk-notification-banner').textContent()).resolves.toContain('Du är utloggad');
    await expect(cookie(SESSION_COOKIE)).resolves.toBeUndefined();
    await expectAccessible();

    const reused = await getWithCookie('/forvaltningar', before);
    expect(reused.status).toBe(303);
    expect(reused.headers.get('location')).toBe('/logga-in?next=%2Fforvaltningar');
    // The dead cookie is cleared too.
    expect(reused.headers.get('set-cookie')).toMatch(new RegExp(`^${SESSION_COOKIE}=;`));
    // Signing out again without a session: already signed out.
    const again = await fetch(`${ctx.baseUrl}/logga-ut`, {
      method: 'POST',
      headers: { cookie: `${SESSION_COOKIE}=${before}`, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      body: '_csrf=x',
      redirect: 'manual',
    });
    expect(again.status).toBe(303);
    expect(again.headers.get('location')).toBe('/logga-in?utloggad=1');
  });

  it('sets the session cookie HttpOnly and SameSite=Lax for the session lifetime, and makes a new session on every sign-in, ending the previous one', async () => {
    const started = Date.now() / 1000;
    await signIn(ADMIN);
    const session = (await cookie(SESSION_COOKIE))!;
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/', secure: false });
    expect(session.expires).toBeGreaterThan(started + ctx.config.identity.sessionTtlHours * 3600 - 60);
    expect(session.expires).toBeLessThan(Date.now() / 1000 + ctx.config.identity.sessionTtlHours * 3600 + 60);
    // The login CSRF cookie is done with.
    await expect(cookie(LOGIN_CSRF_COOKIE)).resolves.toBeUndefined();
    // Signed in already: the sign-in page goes straight on.
    await open('/logga-in?next=/forvaltningar');
    expect(page.url()).toBe(`${ctx.baseUrl}/forvaltningar`);

    // Another browser that has (been given) that session cookie signs in: it gets a new session, and the old one ends.
    const other = await browser.newContext({ javaScriptEnabled: false });
    try {
      const otherPage = await other.newPage();
      await otherPage.goto(`${ctx.baseUrl}/logga-in`);
      await other.addCookies([{ name: SESSION_COOKIE, value: session.value, url: ctx.baseUrl, httpOnly: true, sameSite: 'Lax' }]);
      await fillSignInForm(otherPage, STRATEGIST, DEMO_PASSWORD);
      await Promise.all([otherPage.waitForURL(`${ctx.baseUrl}/`), otherPage.getByRole('button', { name: 'Logga in', exact: true }).click()]);
      const renewed = (await cookie(SESSION_COOKIE, other))!;
      expect(renewed.value).not.toBe(session.value);
      await expect(otherPage.locator('.samverka-account__name').textContent()).resolves.toBe('Inloggad som Erik Strand');
      expect((await getWithCookie('/', session.value)).status).toBe(303);
      expect((await getWithCookie('/', renewed.value)).status).toBe(200);
    } finally {
      await other.close();
    }
  });

  it('never leaves the site after signing in: next=//evil.example and other addresses elsewhere land on the start page', async () => {
    await open('/logga-in?next=//evil.example');
    await expect(page.locator('input[name=next]').count()).resolves.toBe(0);
    await fillSignInForm(page, STRATEGIST, DEMO_PASSWORD);
    const response = await submit('Logga in');
    expect(response.headers()['location']).toBe('/');
    expect(page.url()).toBe(`${ctx.baseUrl}/`);

    // A forged next in the posted form itself is ignored too.
    await context.clearCookies();
    for (const next of ['//evil.example', 'https://evil.example/', '/\\evil.example', '/\t/evil.example', 'javascript:alert(1)']) {
      await open('/logga-in');
      const posted = await page.request.post(`${ctx.baseUrl}/logga-in`, {
        form: { _csrf: await csrfOnPage(), email: STRATEGIST, password: DEMO_PASSWORD, next },
        maxRedirects: 0,
      });
      expect([next, posted.status(), posted.headers()['location']]).toEqual([next, 303, '/']);
      await context.clearCookies();
    }
  });

  it('refuses a sign-in form that did not come from this site (login CSRF), and a fresh form then works', async () => {
    const forged = await page.request.post(`${ctx.baseUrl}/logga-in`, { form: { _csrf: 'x'.repeat(32), email: ADMIN, password: DEMO_PASSWORD }, maxRedirects: 0 });
    expect(forged.status()).toBe(403);
    await expect(forged.text()).resolves.toContain('Inloggningssidan hade gått ut');
    await expect(cookie(SESSION_COOKIE)).resolves.toBeUndefined();

    // The form was shown, but its cookie has gone (expired, or another site's form): shown again, with a new token.
    await open('/logga-in');
    await context.clearCookies();
    await fillSignInForm(page, ADMIN, DEMO_PASSWORD);
    const refused = await submit('Logga in');
    expect(refused.status()).toBe(403);
    await expect(errorSummary().textContent()).resolves.toContain('Inloggningssidan hade gått ut');
    await expect(page.getByLabel('E-postadress').inputValue()).resolves.toBe(ADMIN);
    await expect(cookie(SESSION_COOKIE)).resolves.toBeUndefined();
    await expectAccessible();
    await page.getByLabel('Lösenord').fill(DEMO_PASSWORD);
    const accepted = await submit('Logga in');
    expect(accepted.status()).toBe(303);
    await expect(cookie(SESSION_COOKIE)).resolves.toMatchObject({ httpOnly: true, sameSite: 'Lax', value: expect.stringMatching(/^\S{20,}$/) });
  });

  it('locks an account out after repeated wrong passwords with the Swedish message, even for the right password', async () => {
    const user = await ctx.given.user({});
    for (let i = 0; i < MAX_FAILURES; i++) expect((await signIn(user.email, `fel ${i}`)).status()).toBe(401);
    const locked = await signIn(user.email, 'fel igen');
    expect(locked.status()).toBe(429);
    expect(Number(locked.headers()['retry-after'])).toBeGreaterThan(0);
    const message = /^För många misslyckade inloggningsförsök\. Försök igen om \d+ minuter\.$/;
    await expect(errorSummary().getByRole('link').textContent()).resolves.toMatch(message);
    await expectAccessible();

    const right = await signIn(user.email, TEST_PASSWORD);
    expect(right.status()).toBe(429);
    await expect(errorSummary().getByRole('link').textContent()).resolves.toMatch(message);
    await expect(cookie(SESSION_COOKIE)).resolves.toBeUndefined();
  });

  it('tells a disabled account so once the password is right, and otherwise says nothing about it', async () => {
    const user = await ctx.given.user({});
    await ctx.app.get(UserAdminService).disable(TEST_ACTOR, user.user.id);
    expect((await signIn(user.email, 'fel lösenord')).status()).toBe(401);
    await expect(errorSummary().getByRole('link').textContent()).resolves.toBe('Fel e-postadress eller lösenord');
    const response = await signIn(user.email, TEST_PASSWORD);
    expect(response.status()).toBe(403);
    await expect(errorSummary().getByRole('link').textContent()).resolves.toBe('Kontot är avstängt. Kontakta administratören.');
    await expect(cookie(SESSION_COOKIE)).resolves.toBeUndefined();
  });

  it("refuses the needs steps' confirmation pages to all but the step's takers: handing in to the department's coordinators, approving to its management", async () => {
    const preschool = web.departmentId('Förskoleförvaltningen');
    const round = await ctx.given.roundInCollectingNeeds({ participantDepartmentIds: [preschool] });
    await ctx.app.get(NeedService).create(TEST_ACTOR, round.id, ctx.given.need(preschool, { title: 'Ett behov att lämna in' }));
    const base = `/planomgangar/${round.id}/behov/${preschool}`;
    const statusFor = async (email: string, path: string) => {
      await web.signIn(email);
      return (await open(path)).status();
    };
    // Handing in: the coordinator is asked; the manager, the strategist, the secretary and the admin are refused.
    expect(await statusFor(COORDINATOR, `${base}/lamna-in`)).toBe(200);
    await expect(page.locator('h1').textContent()).resolves.toBe('Vill du lämna in behoven?');
    await expectAccessible();
    for (const email of [MANAGEMENT, STRATEGIST, SECRETARY, ADMIN]) expect({ email, status: await statusFor(email, `${base}/lamna-in`) }).toEqual({ email, status: 403 });
    // Approving: the manager is asked once handed in; the coordinator and the others are refused.
    await ctx.app.get(SubmissionService).submit(TEST_ACTOR, round.id, preschool);
    expect(await statusFor(MANAGEMENT, `${base}/godkann`)).toBe(200);
    await expect(page.locator('h1').textContent()).resolves.toBe('Vill du godkänna behoven?');
    await expectAccessible();
    for (const email of [COORDINATOR, STRATEGIST, SECRETARY, ADMIN]) expect({ email, status: await statusFor(email, `${base}/godkann`) }).toEqual({ email, status: 403 });
  });

  it("lets the round's readers the allocation matrix and the printable version, a department's own people and the city-wide roles its summary, and only its own people mark it read", async () => {
    const preschool = web.departmentId('Förskoleförvaltningen');
    const culture = web.departmentId('Kulturförvaltningen');
    const round = await ctx.given.roundInDraftingPlan({ year: 2093, participantDepartmentIds: [preschool, culture] });
    const plans = new GivenPlan(ctx.app);
    await plans.draft(round.id, [
      { areaCode: 'LOKAL_SERVICE', code: 'LS-1', title: 'Gemensam ingång', responsibilities: [{ departmentId: preschool, role: 'accountable', expectations: 'Leder arbetet.', effortHours: 10 }] },
    ]);
    await plans.freeze(round.id, new Date());
    const base = `/planomgangar/${round.id}`;
    const pages = [`${base}/ansvarsfordelning`, `${base}/plan/versioner/1/utskrift`, `${base}/ansvarsfordelning/${preschool}`, `${base}/ansvarsfordelning/${culture}`];
    // [who, the status of each page above]
    const rows: Array<[string, number[]]> = [
      [ADMIN, [200, 200, 200, 200]],
      [STRATEGIST, [200, 200, 200, 200]],
      [COORDINATOR, [200, 200, 200, 403]],
      [MANAGEMENT, [200, 200, 200, 403]],
      [SECRETARY, [200, 200, 403, 403]],
    ];
    for (const [who, statuses] of rows) {
      await context.clearCookies();
      expect((await signIn(who)).status()).toBe(303);
      const got: number[] = [];
      for (const path of pages) got.push((await open(path)).status());
      expect({ who, got }).toEqual({ who, got: statuses });
    }
    // Marking read, with the session's own form token: the department's people only.
    const reads = async () => Number((await ctx.app.get(DataSource).query('select count(*) as n from plan_summary_read where round_id = $1', [round.id]))[0].n);
    for (const who of [STRATEGIST, ADMIN, SECRETARY]) {
      await context.clearCookies();
      await signIn(who);
      await open(`${base}/ansvarsfordelning`);
      const token = await csrfOnPage();
      const response = await page.request.post(`${ctx.baseUrl}${base}/ansvarsfordelning/${preschool}/last`, { form: { _csrf: token, version: '1' }, maxRedirects: 0 });
      expect({ who, status: response.status() }).toEqual({ who, status: 403 });
    }
    expect(await reads()).toBe(0);
    await context.clearCookies();
    await signIn(MANAGEMENT);
    await open(`${base}/ansvarsfordelning/${preschool}`);
    await expectAccessible();
    const token = await csrfOnPage();
    expect((await page.request.post(`${ctx.baseUrl}${base}/ansvarsfordelning/${culture}/last`, { form: { _csrf: token, version: '1' }, maxRedirects: 0 })).status()).toBe(403);
    expect((await page.request.post(`${ctx.baseUrl}${base}/ansvarsfordelning/${preschool}/last`, { form: { _csrf: token, version: '1' }, maxRedirects: 0 })).status()).toBe(303);
    expect(await reads()).toBe(1);
  });

  it("refuses everyone but strategists the round's launch confirmation, reminders and deadline form, even with the session's form token", async () => {
    const preschool = web.departmentId('Förskoleförvaltningen');
    const collecting = await ctx.given.roundInCollectingNeeds({ year: 2091, participantDepartmentIds: [preschool] });
    const preparing = await ctx.given.round({ year: 2092, participantDepartmentIds: [preschool] });
    for (const who of [COORDINATOR, MANAGEMENT, SECRETARY, ADMIN]) {
      await context.clearCookies();
      expect((await signIn(who)).status()).toBe(303);
      expect((await open(`/planomgangar/${preparing.id}/starta`)).status()).toBe(403);
      await open(`/planomgangar/${collecting.id}`);
      const token = await csrfOnPage();
      const post = (path: string, form: Record<string, string>) => page.request.post(`${ctx.baseUrl}/planomgangar/${collecting.id}${path}`, { form: { _csrf: token, ...form }, maxRedirects: 0 });
      expect((await post(`/forvaltningar/${preschool}/paminnelse`, {})).status()).toBe(403);
      expect((await post('/tidsfrister', { needsDeadline: collecting.deadlines.needs, version: String(collecting.version), autoCloseNeeds: 'ja' })).status()).toBe(403);
    }
    const rounds = ctx.app.get(PlanRoundQueryService);
    expect((await rounds.historyOf(collecting.id)).map((e) => e.type)).toEqual(['CREATED', 'LAUNCH']);
    await expect(rounds.view(collecting.id)).resolves.toMatchObject({ version: collecting.version, autoClose: { needs: false } });

    await context.clearCookies();
    await signIn(STRATEGIST);
    expect((await open(`/planomgangar/${preparing.id}/starta`)).status()).toBe(200);
    await expectAccessible();
  });

  it('lets only admins reach the users pages, the appointed person and the department readers an assignment page, and anyone the set-password page', async () => {
    const kultur = web.departmentId('Kulturförvaltningen');
    const [deputy] = (await ctx.app.get(CoordinatorService).listForDepartment(kultur)).filter((a) => a.kind === 'deputy');
    const assignmentPage = `${departmentPath('Kulturförvaltningen')}/uppdrag/${deputy.id}/bekrafta`;
    const userPage = `/admin/anvandare/${(await ctx.app.get(UserAdminService).findByEmail(ADMIN))!.id}`;
    const pages = ['/admin/anvandare', '/admin/anvandare/ny', userPage, assignmentPage];
    // [who, the status of each page above]
    const rows: Array<[string, number[]]> = [
      [ADMIN, [200, 200, 200, 200]],
      [STRATEGIST, [403, 403, 403, 200]],
      [COORDINATOR, [403, 403, 403, 403]],
      [MANAGEMENT, [403, 403, 403, 403]],
      [SECRETARY, [403, 403, 403, 403]],
    ];
    for (const [who, statuses] of rows) {
      await context.clearCookies();
      await signIn(who);
      const got: number[] = [];
      for (const path of pages) got.push((await open(path)).status());
      expect({ who, got }).toEqual({ who, got: statuses });
    }
    // Nobody signed in: sent to sign in, and back; the set-password page needs no sign-in.
    await context.clearCookies();
    for (const path of pages) {
      const response = await fetch(ctx.baseUrl + path, { headers: { accept: 'text/html' }, redirect: 'manual' });
      expect({ path, status: response.status, location: response.headers.get('location') }).toEqual({ path, status: 303, location: `/logga-in?next=${encodeURIComponent(path)}` });
    }
    expect((await open('/satt-losenord?token=okand')).status()).toBe(404);
    await expectAccessible();
  });
  it("lets only strategists open the plan's forms, strategists and admins the draft, and everyone who reads the round its frozen versions", async () => {
    const preschool = web.departmentId('Förskoleförvaltningen');
    const culture = web.departmentId('Kulturförvaltningen');
    const round = await ctx.given.roundInDraftingPlan({ participantDepartmentIds: [preschool] });
    const other = await ctx.given.roundInDraftingPlan({ participantDepartmentIds: [culture] });
    const drafts = ctx.app.get(PlanDraftService);
    const item = await drafts.createItem(TEST_ACTOR, round.id, { areaCode: 'LOKAL_SERVICE', title: 'Vägledning', description: 'På biblioteken.' });
    await drafts.freeze(TEST_ACTOR, round.id);
    await drafts.updateItem(TEST_ACTOR, round.id, item.id, { title: 'Vägledning på alla bibliotek' });
    await drafts.freeze(TEST_ACTOR, round.id);
    await drafts.createItem(TEST_ACTOR, other.id, { areaCode: 'LOKAL_SERVICE', title: 'Annat', description: 'Annat.' });
    await drafts.freeze(TEST_ACTOR, other.id);
    const plan = `/planomgangar/${round.id}/plan`;
    const forms = ['/texter', '/insatser/ny', `/insatser/${item.id}`, `/insatser/${item.id}/ta-bort`, `/insatser/${item.id}/ansvar`, '/las'].map((p) => plan + p);
    const versions = ['/versioner', '/versioner/1', '/versioner/1/jamfor/2'].map((p) => plan + p);
    const otherPlan = `/planomgangar/${other.id}/plan`;
    const status = async (path: string) => (await page.request.get(ctx.baseUrl + path, { maxRedirects: 0 })).status();
    // [who, the draft page, each form, each version page, the round they take no part in (its plan and its versions)]
    const rows: Array<[string, number, number, number, number]> = [
      [STRATEGIST, 200, 200, 200, 200],
      [ADMIN, 200, 403, 200, 200],
      // Participants are sent from the draft to the latest frozen version.
      [COORDINATOR, 303, 403, 200, 403],
      [MANAGEMENT, 303, 403, 200, 403],
      [SECRETARY, 303, 403, 200, 403],
    ];
    for (const [who, draft, form, version, elsewhere] of rows) {
      await context.clearCookies();
      await signIn(who);
      const got = { draft: await status(plan), forms: [] as number[], versions: [] as number[], elsewhere: [await status(otherPlan), await status(`${otherPlan}/versioner/1`)] };
      for (const path of forms) got.forms.push(await status(path));
      for (const path of versions) got.versions.push(await status(path));
      expect({ who, got }).toEqual({ who, got: { draft, forms: forms.map(() => form), versions: versions.map(() => version), elsewhere: [elsewhere, elsewhere] } });
      if (who === STRATEGIST) continue;
      // Their form token does not let them post a change either.
      await open(`${plan}/versioner`);
      const token = await csrfOnPage();
      const post = (path: string, form: Record<string, string>) => page.request.post(`${ctx.baseUrl}${plan}${path}`, { form: { _csrf: token, ...form }, maxRedirects: 0 });
      expect((await post('/texter', { introduction: 'Ändrad' })).status()).toBe(403);
      expect((await post(`/insatser/${item.id}/ta-bort`, {})).status()).toBe(403);
      // Searching the needs the item form offers is the editors' too: it would list every department's handed-in needs.
      expect((await post('/insatser', { behovAtgard: 'sok', behovSok: 'a' })).status()).toBe(403);
      expect((await post(`/insatser/${item.id}`, { behovSida: '2' })).status()).toBe(403);
      expect((await post('/las', {})).status()).toBe(403);
    }
    const after = await ctx.app.get(PlanQueryService).draft(round.id);
    expect([after.document.texts.introduction, after.document.areas.flatMap((a) => a.items).length, after.state.latestVersion]).toEqual(['', 1, 2]);
  });

  it("lets strategists and admins reach the plan's needs and questions pages, and a department's questions only its own people besides them", async () => {
    const preschool = web.departmentId('Förskoleförvaltningen');
    const kultur = web.departmentId('Kulturförvaltningen');
    const round = await ctx.given.roundInDraftingPlan({ year: 2094, participantDepartmentIds: [preschool, kultur] });
    const pages = [`/planomgangar/${round.id}/plan/behov`, `/planomgangar/${round.id}/plan/fragor`, `/planomgangar/${round.id}/ansvarsfordelning/${preschool}/fragor`, `/planomgangar/${round.id}/ansvarsfordelning/${kultur}/fragor`];
    // [who, the status of each page above]
    const rows: Array<[string, number[]]> = [
      [ADMIN, [200, 200, 200, 200]],
      [STRATEGIST, [200, 200, 200, 200]],
      [COORDINATOR, [403, 403, 200, 403]],
      [MANAGEMENT, [403, 403, 200, 403]],
      [SECRETARY, [403, 403, 403, 403]],
    ];
    for (const [who, statuses] of rows) {
      await context.clearCookies();
      await signIn(who);
      const got: number[] = [];
      for (const path of pages) got.push((await open(path)).status());
      expect({ who, got }).toEqual({ who, got: statuses });
    }
    // The coordinator of Förskoleförvaltningen cannot post a question for Kulturförvaltningen, even with the session's form token.
    await context.clearCookies();
    await signIn(COORDINATOR);
    await open(pages[2]);
    const posted = await page.request.post(`${ctx.baseUrl}${pages[3]}`, { form: { _csrf: await csrfOnPage(), itemId: round.id, question: 'Kapad' }, maxRedirects: 0 });
    expect(posted.status()).toBe(403);
    const deferred = await page.request.post(`${ctx.baseUrl}/planomgangar/${round.id}/plan/behov/${round.id}/skjut-upp`, { form: { _csrf: await csrfOnPage(), reason: 'Nej' }, maxRedirects: 0 });
    expect(deferred.status()).toBe(403);
  });

  it('lets every reader of the round reach the compilation page, and only strategists post a triage', async () => {
    const committees = new Map(((await ctx.dataSource.query('select id, name from committee')) as Array<{ id: string; name: string }>).map((r) => [r.name, r.id]));
    const given = new GivenConsultation(ctx.app);
    const ours = await given.sentTo([web.departmentId('Förskoleförvaltningen')], [committees.get('Förskolenämnden')!], { year: 2081 });
    const { proposalIds } = await given.response(ours.id, committees.get('Förskolenämnden')!, FORSKOLENAMNDEN);
    const theirs = await given.sentTo([web.departmentId('Kulturförvaltningen')], [committees.get('Kulturnämnden')!], { year: 2082 });
    const pages = [`/planomgangar/${ours.id}/remiss/sammanstallning`, `/planomgangar/${theirs.id}/remiss/sammanstallning`];
    // [who, the status of each page above]
    const rows: Array<[string, number[]]> = [
      [ADMIN, [200, 200]],
      [STRATEGIST, [200, 200]],
      [COORDINATOR, [200, 403]],
      [MANAGEMENT, [200, 403]],
      [SECRETARY, [200, 403]],
    ];
    for (const [who, statuses] of rows) {
      await context.clearCookies();
      await signIn(who);
      const got: number[] = [];
      for (const path of pages) got.push((await open(path)).status());
      expect({ who, got }).toEqual({ who, got: statuses });
      if (who === STRATEGIST) continue;
      const posted = await page.request.post(`${ctx.baseUrl}${pages[0]}/forslag/${proposalIds[0]}/behandla`, { form: { _csrf: await csrfOnPage(), decision: 'noted', motivation: 'Kapad' }, maxRedirects: 0 });
      expect({ who, status: posted.status() }).toEqual({ who, status: 403 });
    }
    const [row] = (await ctx.dataSource.query('select triage_decision from consultation_proposal where id = $1', [proposalIds[0]])) as Array<{ triage_decision: string | null }>;
    expect(row.triage_decision).toBeNull();
  });

  it("lets round readers reach the remiss's status page, strategists prepare it, and a committee's secretary ask for its extension only", async () => {
    const preschool = web.departmentId('Förskoleförvaltningen');
    const kultur = web.departmentId('Kulturförvaltningen');
    const round = await ctx.given.roundInDraftingPlan({ year: 2095, participantDepartmentIds: [preschool, kultur] });
    const dataSource = ctx.app.get(DataSource);
    const committeeOf = async (departmentId: string) => ((await dataSource.query('select committee_id from department where id = $1', [departmentId])) as Array<{ committee_id: string }>)[0].committee_id;
    const [preschoolCommittee, kulturCommittee] = [await committeeOf(preschool), await committeeOf(kultur)];
    await dataSource.query('insert into plan (round_id) values ($1)', [round.id]);
    await dataSource.query(`update plan set latest_version = 1 where round_id = $1`, [round.id]);
    await dataSource.query(`insert into plan_version (round_id, version, frozen_at, snapshot) values ($1, 1, now(), '{"areas": []}'::jsonb)`, [round.id]);
    await ctx.app.get(ConsultationService).prepare(TEST_ACTOR, round.id, { planVersion: 1, replyBy: '2095-06-30', committeeIds: [preschoolCommittee, kulturCommittee], coverLetter: 'Planen på remiss.' });
    const remiss = `/planomgangar/${round.id}/remiss`;
    const pages = [remiss, `${remiss}/forbered`, `${remiss}/${preschoolCommittee}/anstand`, `${remiss}/${kulturCommittee}/anstand`];
    // [who, the status of each page above]; the secretary is Förskolenämnden's
    const rows: Array<[string, number[]]> = [
      [ADMIN, [200, 403, 403, 403]],
      [STRATEGIST, [200, 200, 200, 200]],
      [COORDINATOR, [200, 403, 403, 403]],
      [MANAGEMENT, [200, 403, 403, 403]],
      [SECRETARY, [200, 403, 200, 403]],
    ];
    for (const [who, statuses] of rows) {
      await context.clearCookies();
      await signIn(who);
      const got: number[] = [];
      for (const path of pages) got.push((await open(path)).status());
      expect({ who, got }).toEqual({ who, got: statuses });
    }
    // The secretary cannot post Kulturnämnden's request, nor prepare the remiss, even with the session's form token.
    await open(pages[2]);
    const token = await csrfOnPage();
    expect((await page.request.post(`${ctx.baseUrl}${pages[3]}`, { form: { _csrf: token, requestedReplyBy: '2095-07-31', reason: 'Kapad' }, maxRedirects: 0 })).status()).toBe(403);
    expect((await page.request.post(`${ctx.baseUrl}${pages[1]}`, { form: { _csrf: token, planVersion: '1', replyBy: '2095-07-31', coverLetter: 'Kapad', committeeIds: preschoolCommittee }, maxRedirects: 0 })).status()).toBe(403);
    expect((await ctx.app.get(ConsultationService).get(round.id)).coverLetter).toBe('Planen på remiss.');
  });

  it("lets a committee's response page its own secretaries, strategists and admins, and its forms only its secretaries and strategists", async () => {
    const preschool = web.departmentId('Förskoleförvaltningen');
    const kultur = web.departmentId('Kulturförvaltningen');
    const round = await ctx.given.roundInDraftingPlan({ year: 2096, participantDepartmentIds: [preschool, kultur] });
    const committees = (await ctx.app.get(DataSource).query(`select id, name from committee where name in ('Förskolenämnden', 'Kulturnämnden')`)) as Array<{ id: string; name: string }>;
    const fskn = committees.find((c) => c.name === 'Förskolenämnden')!.id;
    const kn = committees.find((c) => c.name === 'Kulturnämnden')!.id;
    await new GivenConsultationRows(ctx.app.get(DataSource)).consultation(round.id, [fskn, kn]);
    const pages = [`/planomgangar/${round.id}/remiss/${fskn}`, `/planomgangar/${round.id}/remiss/${kn}`];
    // [who, the status of each committee's page, whether the page offers them the form]
    const rows: Array<[string, number[], boolean]> = [
      [ADMIN, [200, 200], false],
      [STRATEGIST, [200, 200], true],
      [COORDINATOR, [403, 403], false],
      [MANAGEMENT, [403, 403], false],
      [SECRETARY, [200, 403], true],
    ];
    for (const [who, statuses, form] of rows) {
      await context.clearCookies();
      await signIn(who);
      const got: number[] = [];
      for (const path of pages) got.push((await open(path)).status());
      await open(pages[0]);
      const offered = (await page.getByRole('button', { name: 'Spara utkast', exact: true }).count()) > 0;
      expect({ who, got, offered }).toEqual({ who, got: statuses, offered: form });
    }
    // Förskolenämnden's secretary cannot save, submit or upload for Kulturnämnden, even with the session's form token; an admin cannot write at all.
    for (const who of [SECRETARY, ADMIN]) {
      await context.clearCookies();
      await signIn(who);
      await open(pages[0]);
      const token = await csrfOnPage();
      const saved = await page.request.post(`${ctx.baseUrl}${pages[1]}`, { form: { _csrf: token, action: 'draft', summary: 'Kapad' }, maxRedirects: 0 });
      const submitted = await page.request.post(`${ctx.baseUrl}${pages[1]}/skicka`, { form: { _csrf: token }, maxRedirects: 0 });
      const uploaded = await page.request.post(`${ctx.baseUrl}${pages[1]}/dokument`, { multipart: { _csrf: token, file: { name: 'a.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4') } }, maxRedirects: 0 });
      expect({ who, statuses: [saved.status(), submitted.status(), uploaded.status()] }).toEqual({ who, statuses: [403, 403, 403] });
    }
    await expect(ctx.app.get(DataSource).query('select count(*) as n from consultation_response where round_id = $1', [round.id])).resolves.toEqual([{ n: '0' }]);
  });
});
