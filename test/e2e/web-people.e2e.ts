import { DEMO_PASSWORD, DemoUsersSeeder } from '@samverka/identity';
import { NotificationDispatcher } from '@samverka/notifications';
import { CoordinatorService, DemoCitySeeder, demoEmail, OrganisationRegistryService } from '@samverka/organisation';
import { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { checkPage, describeProblems, hasProblems, launchBrowser, signInThroughForm, trackDocuments } from '../support/browser';
import { e2eContext, E2eContext } from '../support/e2e';
import { eventually } from '../support/eventually';
import { TEST_ACTOR } from '../support/given';
import { ReceivedMail, TestSmtpServer } from '../support/smtp';
import { DEMO_USER } from '../support/web-suite';

const NEW_PASSWORD = 'ett långt och hemligt lösenord';

/**
 * The appointed person without a login, end to end in Chromium without JavaScript: an admin appoints
 * them and creates their login; they receive both emails, choose a password with the link, follow the
 * appointment email's link (through sign-in) and acknowledge; a used link says so. Axe on every page.
 */
describe('the web UI: a login for the appointed person, and acknowledging', () => {
  let smtp: TestSmtpServer;
  let ctx: E2eContext;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const departments = new Map<string, string>();

  beforeAll(async () => {
    smtp = await TestSmtpServer.start();
    [ctx, browser] = await Promise.all([e2eContext({ SMTP_URL: smtp.url }), launchBrowser()]);
    await ctx.app.get(DemoCitySeeder).seed(TEST_ACTOR);
    await ctx.app.get(DemoUsersSeeder).seed(TEST_ACTOR);
    for (const d of await ctx.app.get(OrganisationRegistryService).listDepartments()) departments.set(d.name, d.id);
  });
  afterAll(async () => {
    await browser?.close();
    await ctx?.close();
    await smtp?.stop();
  });
  beforeEach(async () => {
    context = await browser.newContext({ javaScriptEnabled: false, locale: 'sv-SE' });
    page = await context.newPage();
    trackDocuments(page);
  });
  afterEach(() => context?.close());

  const open = async (path: string): Promise<Response> => (await page.goto(ctx.baseUrl + path))!;
  /** Axe clean, valid HTML (html-validate's recommended rules), and no sideways scrolling at 390 px or 1280 px. */
  const expectAccessible = async () => {
    const problems = await checkPage(page);
    if (hasProblems(problems)) throw new Error(`${page.url()} has problems:\n${describeProblems(problems)}`);
  };
  const submit = async (name: string): Promise<Response> => {
    const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.getByRole('button', { name, exact: true }).click()]);
    await page.waitForLoadState();
    return response;
  };
  /** The emails to `email` with `subject`, once the dispatcher has sent them. */
  const mailTo = async (email: string, subject: RegExp): Promise<ReceivedMail> => {
    const found = await eventually(
      `an email "${subject.source}" to ${email}`,
      async () => {
        await ctx.app.get(NotificationDispatcher).dispatchDue('e2e', 50);
        return smtp.received.filter((m) => m.to.includes(email) && subject.test(m.parsed.subject ?? ''));
      },
      (mails) => mails.length > 0,
    );
    return found[found.length - 1];
  };
  /** The path (and query) of the link in a mail's text that starts with the service's address and contains `part`. */
  const linkIn = (mail: ReceivedMail, part: string): string => {
    const url = (mail.parsed.text ?? '').split(/\s+/).find((w) => /^https?:\/\//.test(w) && w.includes(part));
    if (!url) throw new Error(`no link with ${part} in:\n${mail.parsed.text}`);
    const u = new URL(url);
    return u.pathname + u.search;
  };

  it('an admin creates a login for the appointed person, who chooses a password with the emailed link, signs in and acknowledges', async () => {
    const email = demoEmail('Ahmed Khalil');
    const departmentId = departments.get('Grundskoleförvaltningen')!;

    // Sofia Berglund (admin) appoints Ahmed Khalil, who has no login, as deputy of Grundskoleförvaltningen.
    await signInThroughForm(page, ctx.baseUrl, DEMO_USER.admin, DEMO_PASSWORD);
    await open(`/forvaltningar/${departmentId}`);
    // The form asks first whether the person exists; then a search by name or e-mail narrows the list.
    await page.getByLabel('En person som redan finns i Samverka').check();
    await page.getByRole('button', { name: 'Fortsätt', exact: true }).click();
    await page.waitForLoadState();
    await expect(page.getByLabel('Namn', { exact: true }).count()).resolves.toBe(0);
    await page.getByLabel('Sök person på namn eller e-postadress').fill('khalil');
    await page.getByRole('button', { name: 'Sök person', exact: true }).click();
    await page.waitForLoadState();
    expect(new URL(page.url()).searchParams.get('sok')).toBe('khalil');
    await expect(page.locator('#personId option').allTextContents()).resolves.toEqual(['Välj person', `Ahmed Khalil (${email})`]);
    await expectAccessible();
    await page.getByLabel('Ersättare', { exact: true }).check();
    await page.getByLabel('Välj person').selectOption({ label: `Ahmed Khalil (${email})` });
    expect((await submit('Utse')).status()).toBe(303);

    // The department page says he has no login, and leads to the users page's form for one, his e-mail filled in.
    await page.getByRole('link', { name: 'Skapa inloggning för Ahmed Khalil' }).click();
    await page.waitForLoadState();
    expect(new URL(page.url()).pathname).toBe('/admin/anvandare/ny');
    await expect(page.getByLabel('E-postadress').inputValue()).resolves.toBe(email);
    await expectAccessible();
    await open('/admin/anvandare?sok=khalil');
    await expect(page.locator('#users-summary').textContent()).resolves.toBe('Ingen användare har ”khalil” i namnet eller e-postadressen.');
    await expectAccessible();
    await open(`/admin/anvandare/ny?epost=${encodeURIComponent(email)}`);
    const created = await submit('Skapa inloggning');
    expect(created.status()).toBe(303);
    await expect(page.locator('h1').textContent()).resolves.toBe('Ahmed Khalil');
    await expect(page.locator('.govuk-notification-banner').textContent()).resolves.toContain('Ahmed Khalil har fått ett e-postmeddelande med en länk för att välja lösenord.');
    await expectAccessible();
    await open('/admin/anvandare?sok=khalil');
    await expect(page.locator('#users-summary').textContent()).resolves.toBe('Visar 1–1 av 1 användare som matchar ”khalil”.');

    // Ahmed receives both emails: the appointment (naming who appointed him, in the second person) and the link.
    const appointed = await mailTo(email, /^Du är utsedd till ersättare.* på Grundskoleförvaltningen$/);
    expect(appointed.parsed.text).toContain('Sofia Berglund har utsett dig till ersättare för samordnaren för medborgarservice på Grundskoleförvaltningen.');
    const acknowledgeLink = linkIn(appointed, '/bekrafta');
    expect(acknowledgeLink).toMatch(new RegExp(`^/forvaltningar/${departmentId}/uppdrag/[0-9a-f-]{36}/bekrafta$`));
    const invited = await mailTo(email, /^Du har fått ett konto i Samverka$/);
    expect(invited.parsed.text).toContain('Länken fungerar en gång och gäller till');
    const setPasswordLink = linkIn(invited, '/satt-losenord');

    // In his own browser: the link asks for a password, twice, and signs him in.
    await context.clearCookies();
    await open(setPasswordLink);
    await expect(page.locator('h1').textContent()).resolves.toBe('Välj ditt lösenord');
    await expectAccessible();
    await page.getByLabel('Nytt lösenord').fill(NEW_PASSWORD);
    await page.getByLabel('Skriv lösenordet igen').fill('något annat lösenord');
    expect((await submit('Spara lösenordet och logga in')).status()).toBe(400);
    await expect(page.locator('#confirmation-error').textContent()).resolves.toContain('Skriv samma lösenord två gånger');
    await expectAccessible();
    await page.getByLabel('Nytt lösenord').fill(NEW_PASSWORD);
    await page.getByLabel('Skriv lösenordet igen').fill(NEW_PASSWORD);
    expect((await submit('Spara lösenordet och logga in')).status()).toBe(303);
    expect(page.url()).toBe(`${ctx.baseUrl}/`);
    await expect(page.locator('.samverka-account__name').textContent()).resolves.toBe('Inloggad som Ahmed Khalil');

    // Signed out, the appointment email's link leads through sign-in back to the assignment.
    await context.clearCookies();
    await open(acknowledgeLink);
    expect(page.url()).toBe(`${ctx.baseUrl}/logga-in?next=${encodeURIComponent(acknowledgeLink)}`);
    await page.getByLabel('E-postadress').fill(email);
    await page.getByLabel('Lösenord').fill(NEW_PASSWORD);
    expect((await submit('Logga in')).status()).toBe(303);
    expect(page.url()).toBe(ctx.baseUrl + acknowledgeLink);
    await expect(page.locator('h1').textContent()).resolves.toBe('Ersättare för Grundskoleförvaltningen');
    await expect(page.locator('main').textContent()).resolves.toContain('Utsedd av');
    await expectAccessible();
    expect((await submit('Bekräfta uppdraget')).status()).toBe(303);
    await expect(page.locator('.govuk-notification-banner').textContent()).resolves.toContain('Du har bekräftat uppdraget som ersättare för Grundskoleförvaltningen.');
    await expect(page.locator('h2#bekrafta').textContent()).resolves.toBe('Uppdraget är bekräftat');
    await expect(page.getByRole('button', { name: 'Bekräfta uppdraget', exact: true }).count()).resolves.toBe(0);
    await expectAccessible();
    const assignmentId = acknowledgeLink.split('/')[4];
    expect((await ctx.app.get(CoordinatorService).get(assignmentId)).acknowledgedAt).not.toBeNull();

    // The link was for one use.
    const again = await open(setPasswordLink);
    expect(again.status()).toBe(410);
    await expect(page.locator('h1').textContent()).resolves.toBe('Länken har redan använts');
    await expectAccessible();
  });

  it('shows an assignment to the department readers without the button, and refuses everyone else', async () => {
    const departmentId = departments.get('Kulturförvaltningen')!;
    const [deputy] = (await ctx.app.get(CoordinatorService).listForDepartment(departmentId)).filter((a) => a.person?.name === 'Ahmed Khalil');
    const path = `/forvaltningar/${departmentId}/uppdrag/${deputy.id}/bekrafta`;

    await signInThroughForm(page, ctx.baseUrl, DEMO_USER.strategist, DEMO_PASSWORD);
    expect((await open(path)).status()).toBe(200);
    await expect(page.getByRole('button', { name: 'Bekräfta uppdraget', exact: true }).count()).resolves.toBe(0);
    await expect(page.locator('main').textContent()).resolves.toContain('Bara Ahmed Khalil kan bekräfta uppdraget.');
    await expectAccessible();
    // Under another department the assignment does not exist.
    expect((await open(`/forvaltningar/${departments.get('Grundskoleförvaltningen')}/uppdrag/${deputy.id}/bekrafta`)).status()).toBe(404);

    await context.clearCookies();
    await signInThroughForm(page, ctx.baseUrl, DEMO_USER.coordinator, DEMO_PASSWORD);
    expect((await open(path)).status()).toBe(403);
    // The users pages are for admins alone.
    for (const p of ['/admin/anvandare', '/admin/anvandare/ny']) expect((await open(p)).status()).toBe(403);

    // A link that never existed gets its own page.
    await context.clearCookies();
    const unknown = await open('/satt-losenord?token=finns-inte');
    expect(unknown.status()).toBe(404);
    await expect(page.locator('h1').textContent()).resolves.toBe('Länken fungerar inte');
    await expectAccessible();
  });

  it('lets an admin grant and revoke roles, disable and enable an account and send the link again, explaining refusals', async () => {
    await signInThroughForm(page, ctx.baseUrl, DEMO_USER.admin, DEMO_PASSWORD);
    await open('/admin/anvandare/ny');
    await page.getByLabel('E-postadress').fill('vera.ny@malmo.example');
    expect((await submit('Skapa inloggning')).status()).toBe(400);
    await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain('Ange ett namn');
    await expectAccessible();
    await page.getByLabel('Namn').fill('Vera Ny');
    expect((await submit('Skapa inloggning')).status()).toBe(303);
    const userUrl = page.url().replace(/\?.*$/, '');

    // Management needs a department.
    await page.getByLabel('Förvaltningsledning').check();
    expect((await submit('Ge behörigheten')).status()).toBe(400);
    await expect(page.locator('#departmentId-error').textContent()).resolves.toContain('Välj vilken förvaltning');
    await expectAccessible();
    await page.getByLabel('Förvaltningsledning').check();
    await page.getByLabel('Förvaltning', { exact: true }).selectOption({ label: 'Kulturförvaltningen' });
    expect((await submit('Ge behörigheten')).status()).toBe(303);
    await expect(page.locator('#behorigheter + p + ul').textContent()).resolves.toContain('Förvaltningsledning, Kulturförvaltningen');
    await expectAccessible();
    expect((await submit('Ta bort Förvaltningsledning, Kulturförvaltningen för Vera Ny')).status()).toBe(303);
    await expect(page.locator('.govuk-notification-banner').textContent()).resolves.toContain('Behörigheten är borttagen.');

    expect((await submit('Skicka ny länk för att välja lösenord')).status()).toBe(303);
    await expect(page.locator('.govuk-notification-banner').textContent()).resolves.toContain('Vera Ny har fått en ny länk för att välja lösenord.');
    expect((await submit('Inaktivera kontot')).status()).toBe(303);
    await expect(page.locator('main').textContent()).resolves.toContain('Inaktiverat');
    await expect(page.getByRole('button', { name: 'Skicka ny länk för att välja lösenord' }).count()).resolves.toBe(0);
    expect((await submit('Aktivera kontot')).status()).toBe(303);
    expect(page.url()).toBe(`${userUrl}?klart=aktiverad`);

    // Her own account she cannot disable: the page says why.
    await open(`/admin/anvandare?sok=${encodeURIComponent('sofia.berglund')}`);
    await page.getByRole('link', { name: 'Sofia Berglund' }).click();
    await page.waitForLoadState();
    expect((await submit('Inaktivera kontot')).status()).toBe(409);
    await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain('Du kan inte inaktivera ditt eget konto');
    await expectAccessible();
  });
});
