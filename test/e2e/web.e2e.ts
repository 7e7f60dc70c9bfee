import { DEMO_PASSWORD } from '@samverka/identity';
import { addDays, formatSwedishDate } from '@samverka/kernel';
import { CoordinatorService, demoEmail } from '@samverka/organisation';
import { randomUUID } from 'node:crypto';
import { Locator, Page, Response } from 'playwright-core';
import { signInThroughForm } from '../support/browser';
import { E2eContext } from '../support/e2e';
import { eventually } from '../support/eventually';
import { webSuite, DEMO_USER } from '../support/web-suite';
import { TEST_PASSWORD } from '../support/given';

const { admin: ADMIN, strategist: STRATEGIST } = DEMO_USER;


/** The demo city's users (password DEMO_PASSWORD), one per role. */

/**
 * The web UI in a real Chromium with JavaScript switched off: every page
 * must work as plain HTML forms and links, and pass axe (WCAG 2.1 AA).
 * Every flow signs in first, through the real sign-in form, as the user the
 * flow is for (sign-in itself and access: web-access.e2e.ts).
 */
describe('the web UI', () => {
  let ctx: E2eContext;
  let page: Page;
  let today: string;

  const web = webSuite();
  beforeAll(() => {
    ctx = web.ctx;
    today = ctx.app.get(CoordinatorService).today();
  });
  beforeEach(() => {
    page = web.page;
  });
  const departmentPath = (name: string) => web.departmentPath(name);
  const open = (path: string) => web.open(path);

  /** Signs in through the sign-in form; the browser is then on the start page. */
  async function signIn(email: string, password = DEMO_PASSWORD): Promise<void> {
    const response = await signInThroughForm(page, ctx.baseUrl, email, password);
    expect(response.status()).toBe(303);
    expect(page.url()).toBe(`${ctx.baseUrl}/`);
  }

  const expectAccessible = () => web.expectAccessible();

  /** Submits a form by its button and returns the response to the POST itself (before any redirect). */
  async function submit(button: Locator): Promise<Response> {
    const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), button.click()]);
    await page.waitForLoadState();
    return response;
  }

  const row = (table: Locator, text: string) => table.locator('tbody tr').filter({ hasText: text });
  const departmentsTable = () => page.locator('table.samverka-departments');
  const historyTable = () => page.locator('table.samverka-history');
  const errorSummary = () => page.locator('.govuk-error-summary');
  const banner = () => page.locator('.govuk-notification-banner--success');
  const appointButton = () => page.getByRole('button', { name: 'Utse', exact: true });
  /** The appoint form asks first whether an existing or a new person is appointed (a GET form), then shows that person's fields. */
  const choosePerson = async (label: 'En person som redan finns i Samverka' | 'En ny person') => {
    await page.getByLabel(label).check();
    await page.getByRole('button', { name: 'Fortsätt', exact: true }).click();
    await page.waitForLoadState();
  };

  it('renders every page in Swedish in one layout with landmarks, who is signed in, a strict CSP and the GOV.UK stylesheet', async () => {
    await signIn(ADMIN);
    const response = await open('/');
    expect(response.status()).toBe(200);
    await expect(page.title()).resolves.toBe('Start – Samverka');
    expect(await page.locator('html').getAttribute('lang')).toBe('sv');
    await expect(page.locator('header').count()).resolves.toBe(1);
    await expect(page.locator('main#main-content').count()).resolves.toBe(1);
    await expect(page.locator('footer').count()).resolves.toBe(1);
    const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
    await expect(nav.getByRole('link').allTextContents()).resolves.toEqual(['Start', 'Förvaltningar', 'Planomgångar', 'Användare', 'Utskick', 'API-dokumentation'].map((t) => expect.stringContaining(t)));
    expect(await nav.getByRole('link', { name: 'Start' }).getAttribute('aria-current')).toBe('page');
    expect(await nav.getByRole('link', { name: 'API-dokumentation' }).getAttribute('href')).toBe('/api/docs');
    // Who is signed in, and a sign-out button (a form posting with the session's CSRF token).
    const header = page.locator('header');
    await expect(header.locator('.samverka-account__name').textContent()).resolves.toBe('Inloggad som Sofia Berglund');
    const signOut = header.locator('form[action="/logga-ut"]');
    expect(await signOut.getAttribute('method')).toBe('post');
    expect(await signOut.locator('input[name=_csrf]').getAttribute('value')).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    await expect(signOut.getByRole('button', { name: 'Logga ut' }).count()).resolves.toBe(1);
    // No script at all and no inline styles, under a Content-Security-Policy that allows neither.
    await expect(page.locator('script').count()).resolves.toBe(0);
    await expect(page.locator('[style]').count()).resolves.toBe(0);
    await expect(page.locator('style').count()).resolves.toBe(0);
    const csp = response.headers()['content-security-policy'];
    expect(csp).toContain("script-src 'none'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("form-action 'self'");
    expect(response.headers()['cache-control']).toBe('no-store');

    const href = await page.locator('link[rel=stylesheet]').getAttribute('href');
    expect(href).toMatch(/^\/assets\/samverka\.css\?v=[0-9a-f]{12}$/);
    const css = await fetch(ctx.baseUrl + href!);
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(css.headers.get('cache-control')).toContain('immutable');
    const body = await css.text();
    expect(body).toContain('.govuk-skip-link');
    expect(body).toContain('system-ui');
    expect(body).not.toContain('GDS Transport');
    const revalidated = await fetch(`${ctx.baseUrl}/assets/samverka.css`, { headers: { 'if-none-match': css.headers.get('etag')! } });
    expect(revalidated.status).toBe(304);
    // The page really is styled: the skip link is off-screen until focused.
    const skipBox = await page.locator('.govuk-skip-link').boundingBox();
    expect(skipBox === null || skipBox.width <= 1).toBe(true);
  });

  it('makes the skip link the first thing Tab reaches, leading to the main content', async () => {
    await signIn(STRATEGIST);
    await open('/forvaltningar');
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    await expect(focused.textContent()).resolves.toBe('Hoppa till huvudinnehållet');
    expect(await focused.getAttribute('href')).toBe('#main-content');
    expect(await focused.boundingBox()).toMatchObject({ width: expect.any(Number) });
    expect((await focused.boundingBox())!.width).toBeGreaterThan(1); // visible once focused
    await page.keyboard.press('Enter');
    // Following the link is a same-page navigation the browser finishes after the key press returns.
    await eventually('the skip link followed', async () => new URL(page.url()).hash, (hash) => hash === '#main-content');
  });

  it('summarises coverage on the start page for admins and strategists, with links to the departments that need attention', async () => {
    await signIn(STRATEGIST);
    await expect(page.locator('h1').textContent()).resolves.toBe('Samverka');
    const figure = (label: string) => page.locator('.samverka-figures__item').filter({ hasText: label }).locator('dd');
    await expect(figure('Aktiva förvaltningar').textContent()).resolves.toBe('13');
    await expect(figure('Förvaltningar utan samordnare i dag').textContent()).resolves.toBe('2');
    await expect(figure('Uppdrag som inte är bekräftade').textContent()).resolves.toBe('2');
    await expect(figure('Uppdrag som upphör inom 30 dagar').textContent()).resolves.toBe('1');

    const missing = page.locator('h2#utan-samordnare + ul');
    await expect(missing.getByRole('link').allTextContents()).resolves.toEqual(['Miljöförvaltningen', 'Stadsbyggnadskontoret']);
    expect(await missing.getByRole('link', { name: 'Miljöförvaltningen' }).getAttribute('href')).toBe(departmentPath('Miljöförvaltningen'));
    expect(await page.getByRole('link', { name: 'Visa förvaltningar som saknar samordnare i förvaltningslistan' }).getAttribute('href')).toBe('/forvaltningar?status=saknar');
    await expect(page.locator('h2#upphor-snart + ul').textContent()).resolves.toContain(`Johan Ek, samordnare, slutar ${formatSwedishDate(addDays(today, 20))}`);
    await expectAccessible();
  });

  it('lists the departments with coordinator, deputies and status, and filters by status without JavaScript', async () => {
    await signIn(STRATEGIST);
    await open('/forvaltningar');
    await expect(page.title()).resolves.toBe('Förvaltningar – Samverka');
    await expect(departmentsTable().locator('tbody tr').count()).resolves.toBe(13);

    const environment = row(departmentsTable(), 'Miljöförvaltningen');
    await expect(environment.locator('th').textContent()).resolves.toBe('Miljöförvaltningen (MF)');
    await expect(environment.locator('td').allTextContents()).resolves.toEqual(['Miljönämnden', 'IngenErsättare: Ingen', 'Saknar samordnare']);
    expect(await environment.locator('.govuk-tag').getAttribute('class')).toContain('govuk-tag--red');
    const service = row(departmentsTable(), 'Serviceförvaltningen');
    await expect(service.locator('td').allTextContents()).resolves.toEqual(['Servicenämnden', 'Maria LindqvistErsättare: Jonas Berg', 'Samordnare finns']);
    await expect(row(departmentsTable(), 'Kulturförvaltningen').locator('.govuk-tag').allTextContents()).resolves.toEqual(['Ej bekräftad']);
    await expect(row(departmentsTable(), 'Gymnasie').locator('.govuk-tag').allTextContents()).resolves.toEqual(['Upphör snart']);
    await expectAccessible();

    await page.getByLabel('Visa').selectOption({ label: 'Saknar samordnare' });
    await page.getByRole('button', { name: 'Filtrera' }).click();
    await page.waitForLoadState();
    expect(new URL(page.url()).search).toBe('?status=saknar');
    await expect(departmentsTable().locator('tbody th a').allTextContents()).resolves.toEqual(['Miljöförvaltningen', 'Stadsbyggnadskontoret']);
    await expect(page.getByLabel('Visa').inputValue()).resolves.toBe('saknar');
    await expect(departmentsTable().locator('caption').textContent()).resolves.toContain('2 av 13');
  });

  it("shows a department's details, its current coordinators with mandate and responsibilities, and its history", async () => {
    await signIn(ADMIN);
    const response = await open(departmentPath('Kulturförvaltningen'));
    expect(response.status()).toBe(200);
    await expect(page.title()).resolves.toBe('Kulturförvaltningen – Samverka');
    await expect(page.locator('h1').textContent()).resolves.toBe('Kulturförvaltningen');
    const summary = page.locator('main > dl.govuk-summary-list');
    await expect(summary.textContent()).resolves.toMatch(/Kod\s+KUF/);
    await expect(summary.textContent()).resolves.toMatch(/Nämnd\s+Kulturnämnden/);
    await expect(summary.textContent()).resolves.toContain('Ahmed Khalil har inte bekräftat sitt uppdrag.');

    const primary = page.locator('.govuk-summary-card').filter({ hasText: 'Samordnare: Elin Öberg' });
    await expect(primary.textContent()).resolves.toContain('Bibliotekschef');
    await expect(primary.textContent()).resolves.toContain('Mandat att företräda förvaltningen');
    await expect(primary.locator('ul.govuk-list li').allTextContents()).resolves.toEqual([
      'Lyssna in de strategiska behoven inom medborgarservice i förvaltningen.',
      'Föra fram förvaltningens behov i samarbetsprocessen.',
      'Förankra och få inriktning för arbetet med medborgarservice i förvaltningsledningen.',
    ]);
    await expect(primary.textContent()).resolves.toContain(`Från ${formatSwedishDate(addDays(today, -250))}, tills vidare`);
    await expect(primary.getByRole('button', { name: /Bekräfta uppdraget/ }).count()).resolves.toBe(0);
    // Only Ahmed Khalil himself acknowledges his assignment: the admin sees that it is not done, and can end it.
    const deputy = page.locator('.govuk-summary-card').filter({ hasText: 'Ersättare: Ahmed Khalil' });
    await expect(deputy.locator('.govuk-tag').filter({ hasText: 'Ej bekräftad' }).count()).resolves.toBe(1);
    await expect(deputy.getByRole('button', { name: /Bekräfta uppdraget/ }).count()).resolves.toBe(0);
    await expect(deputy.locator('details > summary').textContent()).resolves.toContain('Avsluta uppdraget för Ahmed Khalil som ersättare');

    await expect(historyTable().locator('tbody tr').count()).resolves.toBe(2);
    // The appoint form asks whose appointment it is first; then it starts with the default mandate, the three responsibilities and today.
    await expect(page.getByLabel('Mandat').count()).resolves.toBe(0);
    await choosePerson('En ny person');
    await expect(page.getByLabel('Ansvar').inputValue()).resolves.toBe(
      'Lyssna in de strategiska behoven inom medborgarservice i förvaltningen.\n' +
        'Föra fram förvaltningens behov i samarbetsprocessen.\n' +
        'Förankra och få inriktning för arbetet med medborgarservice i förvaltningsledningen.',
    );
    await expect(page.getByLabel('Mandat').inputValue()).resolves.toContain('samarbetsprocessen för medborgarservice');
    await expect(page.getByLabel('Startdatum').inputValue()).resolves.toBe(today);
    await expectAccessible();
  });

  it('appoints a new person as coordinator through the form, and the department no longer lacks one', async () => {
    await signIn(ADMIN);
    await open(departmentPath('Miljöförvaltningen'));
    await choosePerson('En ny person');
    await page.getByLabel('Samordnare', { exact: true }).check();
    await page.getByLabel('Namn', { exact: true }).fill('Örjan Åström');
    await page.getByLabel('E-postadress').fill('orjan.astrom@malmo.example');
    await page.getByLabel('Titel (valfritt)').fill('Miljöstrateg');
    const response = await submit(appointButton());

    expect(response.status()).toBe(303);
    expect(page.url()).toMatch(new RegExp(`${departmentPath('Miljöförvaltningen')}\\?utsedd=[0-9a-f-]{36}$`));
    await expect(banner().textContent()).resolves.toContain(`Örjan Åström är utsedd till samordnare för Miljöförvaltningen från ${formatSwedishDate(today)}.`);
    const card = page.locator('.govuk-summary-card').filter({ hasText: 'Samordnare: Örjan Åström' });
    await expect(card.textContent()).resolves.toContain('Miljöstrateg');
    await expect(card.textContent()).resolves.toContain('orjan.astrom@malmo.example');
    await expect(row(historyTable(), 'Örjan Åström').locator('td').allTextContents()).resolves.toEqual([
      'Samordnare',
      'Örjan Åström',
      formatSwedishDate(today),
      'Tills vidare',
      'Aktivt',
      'Nej',
      '',
    ]);
    await expectAccessible();

    await open('/forvaltningar');
    const environment = row(departmentsTable(), 'Miljöförvaltningen');
    await expect(environment.locator('td').nth(1).textContent()).resolves.toBe('Örjan ÅströmErsättare: Ingen');
    await expect(environment.locator('.govuk-tag').allTextContents()).resolves.toEqual(['Ej bekräftad']);
  });

  it('shows the form again with an error summary naming each wrong field, keeping what was typed', async () => {
    await signIn(ADMIN);
    const path = departmentPath('Stadsbyggnadskontoret');
    await open(path);
    await choosePerson('En ny person');
    await page.getByLabel('Ersättare', { exact: true }).check();
    await page.getByLabel('E-postadress').fill('inte-en-adress');
    await page.getByLabel('Titel (valfritt)').fill('Planarkitekt');
    await page.getByLabel('Slutdatum (valfritt)').fill('2020-01-01');
    const response = await submit(appointButton());

    expect(response.status()).toBe(400);
    expect(page.url()).toBe(`${ctx.baseUrl}${path}/samordnare`);
    await expect(page.title()).resolves.toBe('Fel: Stadsbyggnadskontoret – Samverka');
    const links = errorSummary().getByRole('link');
    await expect(links.allTextContents()).resolves.toEqual([
      'Ange ett namn',
      expect.stringContaining('Ange en giltig e-postadress'),
      'Slutdatum kan inte vara före startdatum',
    ]);
    await expect(Promise.all((await links.all()).map((l) => l.getAttribute('href')))).resolves.toEqual(['#personName', '#personEmail', '#validTo']);
    await expect(page.locator('#personName-error').textContent()).resolves.toBe('Fel: Ange ett namn');
    expect(await page.locator('#personEmail').getAttribute('aria-describedby')).toContain('personEmail-error');
    // What the user typed is still there.
    await expect(page.getByLabel('Ersättare', { exact: true }).isChecked()).resolves.toBe(true);
    await expect(page.getByLabel('Namn', { exact: true }).count()).resolves.toBe(1);
    await expect(page.getByLabel('E-postadress').inputValue()).resolves.toBe('inte-en-adress');
    await expect(page.getByLabel('Titel (valfritt)').inputValue()).resolves.toBe('Planarkitekt');
    await expect(page.getByLabel('Slutdatum (valfritt)').inputValue()).resolves.toBe('2020-01-01');
    await expectAccessible();

    // The error summary's links lead to the fields.
    await links.first().click();
    expect(new URL(page.url()).hash).toBe('#personName');
    // Nothing was saved.
    await expect(historyTable().count()).resolves.toBe(0);
    // Reloading the form's address as a plain GET leads back to the department page.
    await open(`${path}/samordnare`);
    expect(page.url()).toBe(`${ctx.baseUrl}${path}`);
  });

  it('explains an overlapping appointment (409) beside the start date', async () => {
    await signIn(ADMIN);
    const path = departmentPath('Stadskontoret');
    await open(path);
    await choosePerson('En person som redan finns i Samverka');
    await page.getByLabel('Samordnare', { exact: true }).check();
    await page.getByLabel('Välj person').selectOption({ label: 'Jonas Berg (jonas.berg@malmo.example)' });
    const earlier = addDays(today, -30);
    await page.getByLabel('Startdatum').fill(earlier);
    const response = await submit(appointButton());

    expect(response.status()).toBe(409);
    const message = `Stadskontoret har redan Ingrid Wallin som samordnare från ${formatSwedishDate(addDays(today, -10))}; avsluta eller ändra det uppdraget först`;
    await expect(errorSummary().getByRole('link').allTextContents()).resolves.toEqual([message]);
    expect(await errorSummary().getByRole('link').getAttribute('href')).toBe('#validFrom');
    await expect(page.locator('#validFrom-error').textContent()).resolves.toBe(`Fel: ${message}`);
    await expect(page.getByLabel('Startdatum').inputValue()).resolves.toBe(earlier);
    await expect(page.getByLabel('Välj person').inputValue()).resolves.not.toBe('');
    await expect(historyTable().locator('tbody tr').count()).resolves.toBe(1);
  });

  it('lets the appointed person, and only them, acknowledge their assignment with its button', async () => {
    // Ahmed Khalil, deputy of Kulturförvaltningen since long ago, gets an account.
    await ctx.given.user({ email: demoEmail('Ahmed Khalil') });
    await signIn(demoEmail('Ahmed Khalil'), TEST_PASSWORD);
    // The start page asks him to acknowledge; the navigation leads to his department.
    await expect(page.locator('h2#bekrafta').textContent()).resolves.toBe('Bekräfta ditt uppdrag');
    const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
    await expect(nav.getByRole('link').allTextContents()).resolves.toEqual(['Start', 'Kulturförvaltningen', 'Planomgångar'].map((t) => expect.stringContaining(t)));
    await expectAccessible();

    await nav.getByRole('link', { name: 'Kulturförvaltningen' }).click();
    await page.waitForLoadState();
    expect(page.url()).toBe(ctx.baseUrl + departmentPath('Kulturförvaltningen'));
    expect(await nav.getByRole('link', { name: 'Kulturförvaltningen' }).getAttribute('aria-current')).toBe('page');
    // Only his own card has the button; a coordinator appoints and ends nothing.
    await expect(page.getByRole('button', { name: /Bekräfta uppdraget/ }).count()).resolves.toBe(1);
    await expect(page.getByText(/Avsluta uppdraget/).count()).resolves.toBe(0);
    await expect(page.locator('#utse').count()).resolves.toBe(0);
    const response = await submit(page.getByRole('button', { name: 'Bekräfta uppdraget för Ahmed Khalil som ersättare' }));

    expect(response.status()).toBe(303);
    await expect(banner().textContent()).resolves.toContain('Ahmed Khalil har bekräftat uppdraget som ersättare.');
    const deputy = page.locator('.govuk-summary-card').filter({ hasText: 'Ersättare: Ahmed Khalil' });
    await expect(deputy.getByRole('button', { name: /Bekräfta uppdraget/ }).count()).resolves.toBe(0);
    await expect(deputy.textContent()).resolves.toMatch(/Bekräftat\s+\d+ \p{L}+ \d{4} kl\. \d{2}:\d{2}/u);
    await expectAccessible();
    await open('/');
    await expect(page.locator('h2#bekrafta').count()).resolves.toBe(0);
  });

  it('lets a person whose assignment has not started yet acknowledge it from the start page', async () => {
    const department = await ctx.given.department({ name: 'Provförvaltningen' });
    const user = await ctx.given.user({ name: 'Vera Framtid' });
    const assignment = await ctx.given.coordinator(department, { personId: user.user.personId, validFrom: addDays(today, 10) });
    await signIn(user.email, TEST_PASSWORD);

    // Not a coordinator yet, so no department page: the start page has the assignment and its button.
    const card = page.locator('.govuk-summary-card').filter({ hasText: 'Samordnare för Provförvaltningen' });
    await expect(card.textContent()).resolves.toContain(`Från ${formatSwedishDate(addDays(today, 10))}, tills vidare`);
    await expect(card.getByRole('link').count()).resolves.toBe(0);
    await expectAccessible();
    await expect(open(`/forvaltningar/${department.id}`).then((r) => r.status())).resolves.toBe(403);
    // The button's address opened directly (the appointment email's link) is the assignment's own page, not a 403.
    await expect(open(`/forvaltningar/${department.id}/uppdrag/${assignment.id}/bekrafta`).then((r) => r.status())).resolves.toBe(200);
    await expect(page.locator('h1').textContent()).resolves.toBe('Samordnare för Provförvaltningen');
    await expect(page.getByRole('button', { name: 'Bekräfta uppdraget', exact: true }).count()).resolves.toBe(1);
    await expectAccessible();
    await open('/');
    const response = await submit(card.getByRole('button', { name: 'Bekräfta uppdraget som samordnare för Provförvaltningen' }));

    expect(response.status()).toBe(303);
    expect(page.url()).toBe(`${ctx.baseUrl}/?bekraftad=${assignment.id}`);
    await expect(banner().textContent()).resolves.toContain('Du har bekräftat uppdraget som samordnare för Provförvaltningen.');
    await expect(page.locator('.govuk-summary-card').count()).resolves.toBe(0);
    expect((await ctx.app.get(CoordinatorService).get(assignment.id)).acknowledgedAt).not.toBeNull();
  });

  it('ends the previous coordinator the day before when a new one is appointed, and the history shows it', async () => {
    await signIn(ADMIN);
    const path = departmentPath('Fritidsförvaltningen');
    await open(path);
    await choosePerson('En person som redan finns i Samverka');
    await page.getByLabel('Samordnare', { exact: true }).check();
    await page.getByLabel('Välj person').selectOption({ label: 'Björn Åkesson (bjorn.akesson@malmo.example)' });
    const response = await submit(appointButton());

    expect(response.status()).toBe(303);
    await expect(banner().textContent()).resolves.toContain('Björn Åkesson är utsedd till samordnare för Fritidsförvaltningen');
    const cards = page.locator('.govuk-summary-card__title');
    await expect(cards.allTextContents()).resolves.toEqual(['Samordnare: Björn Åkesson']);
    await expect(row(historyTable(), 'Sara Holm').locator('td').allTextContents()).resolves.toEqual([
      'Samordnare',
      'Sara Holm',
      formatSwedishDate(addDays(today, -60)),
      formatSwedishDate(addDays(today, -1)),
      'Avslutat',
      'Ja',
      'Ersatt av ny samordnare',
    ]);
    await expect(historyTable().locator('tbody tr').first().locator('td').nth(1).textContent()).resolves.toBe('Björn Åkesson');
  });

  it('ends an assignment with a last day and a reason, and explains a malformed date', async () => {
    await signIn(ADMIN);
    const path = departmentPath('Fastighets- och gatukontoret');
    await open(path);
    const card = page.locator('.govuk-summary-card').filter({ hasText: 'Samordnare: Per Nilsson' });
    await card.locator('summary').click();
    await card.getByLabel('Sista dag (valfritt)').fill('31/12');
    let response = await submit(card.getByRole('button', { name: 'Avsluta uppdraget för Per Nilsson som samordnare' }));

    expect(response.status()).toBe(400);
    await expect(errorSummary().getByRole('link').allTextContents()).resolves.toEqual([expect.stringContaining('Sista dag måste vara ett riktigt datum')]);
    const again = page.locator('.govuk-summary-card').filter({ hasText: 'Samordnare: Per Nilsson' });
    expect(await again.locator('details').getAttribute('open')).not.toBeNull();
    await expect(again.getByLabel('Sista dag (valfritt)').inputValue()).resolves.toBe('31/12');
    await expectAccessible();

    const lastDay = addDays(today, 5);
    await again.getByLabel('Sista dag (valfritt)').fill(lastDay);
    await again.getByLabel('Anledning (valfritt)').fill('Byter tjänst');
    response = await submit(again.getByRole('button', { name: 'Avsluta uppdraget för Per Nilsson som samordnare' }));

    expect(response.status()).toBe(303);
    await expect(banner().textContent()).resolves.toContain(`Uppdraget för Per Nilsson som samordnare har sista dag ${formatSwedishDate(lastDay)}.`);
    await expect(row(historyTable(), 'Per Nilsson').locator('td').allTextContents()).resolves.toEqual([
      'Samordnare',
      'Per Nilsson',
      formatSwedishDate(addDays(today, -20)),
      formatSwedishDate(lastDay),
      'Aktivt',
      'Nej',
      'Byter tjänst',
    ]);
  });

  it('passes axe on a phone-sized screen too, where the tables scroll in a focusable region', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    await signIn(ADMIN);
    for (const path of ['/', '/forvaltningar', departmentPath('Serviceförvaltningen')]) {
      await open(path);
      await expectAccessible();
    }
    const region = page.getByRole('region', { name: 'Alla uppdrag i förvaltningen, det senaste först' });
    expect(await region.getAttribute('tabindex')).toBe('0');
    await expect(region.locator('table').count()).resolves.toBe(1);
  });

  it('answers an unknown department, or an address that cannot be one, with a Swedish 404 page', async () => {
    await signIn(ADMIN);
    for (const path of [`/forvaltningar/${randomUUID()}`, '/forvaltningar/inte-ett-id']) {
      const response = await open(path);
      expect(response.status()).toBe(404);
      expect(response.headers()['content-type']).toBe('text/html; charset=utf-8');
      await expect(page.title()).resolves.toBe('Sidan kunde inte hittas – Samverka');
      await expect(page.locator('h1').textContent()).resolves.toBe('Sidan kunde inte hittas');
    }
    await expectAccessible();
    // An address no page has: the same 404 page, still showing who is signed in.
    const unknown = await open('/finns-inte');
    expect(unknown.status()).toBe(404);
    await expect(page.locator('h1').textContent()).resolves.toBe('Sidan kunde inte hittas');
    await expect(page.locator('.samverka-account__name').textContent()).resolves.toBe('Inloggad som Sofia Berglund');
    const csrf = await page.locator('input[name=_csrf]').first().getAttribute('value');
    const posted = await page.request.post(`${ctx.baseUrl}/forvaltningar/${randomUUID()}/samordnare`, {
      form: { kind: 'primary', _csrf: csrf! },
      headers: { accept: 'text/html' },
      maxRedirects: 0,
    });
    expect(posted.status()).toBe(404);
    // The JSON API keeps its own errors.
    const api = await (await ctx.as([{ role: 'admin' }])).api('GET', `/api/v1/departments/${randomUUID()}`);
    expect(api.status).toBe(404);
    expect(api.body).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('pages a long list of departments with a numbered navigation, and finds one by search, without JavaScript', async () => {
    // 55 more departments (68 in all): two pages of 50.
    await ctx.dataSource.query(
      `insert into department (code, name, committee_id)
       select 'SIDTEST' || i, 'Testförvaltning ' || lpad(i::text, 2, '0'), (select id from committee order by name limit 1) from generate_series(1, 55) i`,
    );
    try {
      const [{ n }] = (await ctx.dataSource.query(`select count(*)::int as n from department`)) as Array<{ n: number }>;
      expect(n).toBeGreaterThan(50);
      expect(n).toBeLessThanOrEqual(100);
      await signIn(STRATEGIST);
      await open('/forvaltningar');
      await expect(departmentsTable().locator('tbody tr').count()).resolves.toBe(50);
      await expect(departmentsTable().locator('caption').textContent()).resolves.toBe(`${n} förvaltningar (1–50 visas)`);
      const pages = page.getByRole('navigation', { name: 'Sidor med förvaltningar' });
      await expect(pages.textContent()).resolves.toContain('Sida 1 av 2');
      expect(await pages.getByRole('link', { name: 'Sida 1', exact: true }).getAttribute('aria-current')).toBe('page');
      expect(await pages.getByRole('link', { name: 'Sida 2', exact: true }).getAttribute('aria-current')).toBeNull();
      await expect(pages.getByRole('link', { name: 'Föregående sida' }).count()).resolves.toBe(0);
      await expectAccessible();

      await pages.getByRole('link', { name: 'Nästa sida' }).click();
      await page.waitForLoadState();
      expect(new URL(page.url()).search).toBe('?sida=2');
      await expect(page.title()).resolves.toBe('Förvaltningar, sida 2 – Samverka');
      await expect(departmentsTable().locator('tbody tr').count()).resolves.toBe(n - 50);
      expect(await pages.getByRole('link', { name: 'Sida 2', exact: true }).getAttribute('aria-current')).toBe('page');
      await expect(pages.getByRole('link', { name: 'Nästa sida' }).count()).resolves.toBe(0);
      await expectAccessible();

      await page.getByLabel('Sök på namn, kod eller nämnd').fill('testförvaltning 0');
      await page.getByRole('button', { name: 'Sök', exact: true }).click();
      await page.waitForLoadState();
      expect(new URL(page.url()).search).toBe(`?sok=${encodeURIComponent('testförvaltning 0').replace(/%20/g, '+')}`);
      await expect(departmentsTable().locator('tbody th a').allTextContents()).resolves.toEqual(Array.from({ length: 9 }, (_, i) => `Testförvaltning 0${i + 1}`));
      await expect(departmentsTable().locator('caption').textContent()).resolves.toBe('9 av 9 förvaltningar som matchar ”testförvaltning 0”');
      await expect(page.getByRole('navigation', { name: 'Sidor med förvaltningar' }).count()).resolves.toBe(0);
      await expect(page.getByLabel('Sök på namn, kod eller nämnd').inputValue()).resolves.toBe('testförvaltning 0');
      await expectAccessible();
      // The status filter keeps the search: none of them has a coordinator.
      await page.getByLabel('Visa').selectOption({ label: 'Saknar samordnare' });
      await page.getByRole('button', { name: 'Filtrera' }).click();
      await page.waitForLoadState();
      expect(new URL(page.url()).search).toBe(`?status=saknar&sok=${encodeURIComponent('testförvaltning 0').replace(/%20/g, '+')}`);
      await expect(departmentsTable().locator('caption').textContent()).resolves.toBe('9 av 9 förvaltningar som matchar ”testförvaltning 0”: saknar samordnare');

      // A page past the end says so, and leads back.
      await open('/forvaltningar?sida=9');
      await expect(departmentsTable().locator('tbody').textContent()).resolves.toContain('Sidan finns inte');
      expect(await pages.getByRole('link', { name: 'Föregående sida' }).getAttribute('href')).toBe('/forvaltningar?sida=2');
    } finally {
      await ctx.dataSource.query(`delete from department where code like 'SIDTEST%'`);
    }
  });

  it('shows an unexpected error as a Swedish page with an error id to quote', async () => {
    const coordinators = ctx.app.get(CoordinatorService);
    await signIn(ADMIN);
    const spy = jest.spyOn(coordinators, 'coverage').mockRejectedValueOnce(new Error('database on fire'));
    try {
      const response = await open('/');
      expect(response.status()).toBe(500);
      await expect(page.locator('h1').textContent()).resolves.toBe('Något gick fel');
      const errorId = await page.locator('.samverka-error-id').textContent();
      expect(errorId).toMatch(/^[0-9a-f-]{36}$/);
      await expect(page.locator('main').textContent()).resolves.not.toContain('database on fire');
      await expectAccessible();
    } finally {
      spy.mockRestore();
    }
  });
});
