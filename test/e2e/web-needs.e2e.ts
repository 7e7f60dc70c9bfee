import { NeedService, SUBMISSION_STATUS_LABELS, SubmissionService } from '@samverka/needs';
import { NotificationDispatcher } from '@samverka/notifications';
import { PlanRoundView } from '@samverka/rounds';
import { Locator, Page, Response } from 'playwright-core';
import { E2eContext } from '../support/e2e';
import { TEST_ACTOR } from '../support/given';
import { TestSmtpServer } from '../support/smtp';
import { webSuite, DEMO_USER } from '../support/web-suite';

const { strategist: STRATEGIST, coordinator: COORDINATOR, management: MANAGEMENT, secretary: SECRETARY } = DEMO_USER;


/** The demo city's users (password DEMO_PASSWORD). */

const PRESCHOOL = 'Förskoleförvaltningen';
const CULTURE = 'Kulturförvaltningen';

/**
 * A department's needs in a plan round, in the web UI, in a real Chromium
 * with JavaScript switched off: the coordinator logs needs through the form
 * (errors shown with a summary, what was typed kept), changes and removes
 * them, and hands in; management endorses or returns with a comment; nobody
 * reads another department's needs. Every page shown is checked with axe.
 */
describe('the web UI: needs', () => {
  let ctx: E2eContext;
  let page: Page;
  let needs: NeedService;
  let submissions: SubmissionService;

  // The emails go to a real SMTP server: started before the app (this hook runs first), which reads SMTP_URL at start.
  let smtp: TestSmtpServer;
  const env: Record<string, string> = {};
  beforeAll(async () => {
    smtp = await TestSmtpServer.start();
    env.SMTP_URL = smtp.url;
  });
  afterAll(() => smtp?.stop());
  const web = webSuite(env);
  beforeAll(() => {
    ctx = web.ctx;
    needs = ctx.app.get(NeedService);
    submissions = ctx.app.get(SubmissionService);
  });
  beforeEach(() => {
    page = web.page;
  });
  const open = (path: string) => web.open(path);
  const expectAccessible = () => web.expectAccessible();

  const signIn = (email: string) => web.signIn(email);

  /** Submits a form by its button and returns the response to the POST itself (before any redirect). */
  async function submit(button: Locator): Promise<Response> {
    const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), button.click()]);
    await page.waitForLoadState();
    return response;
  }

  /** A launched round (collecting needs) in which Förskoleförvaltningen and Kulturförvaltningen take part. */
  const launchedRound = (): Promise<PlanRoundView> => ctx.given.roundInCollectingNeeds({ participantDepartmentIds: [web.departmentId(PRESCHOOL), web.departmentId(CULTURE)] });

  const needsPath = (round: PlanRoundView, department: string) => `/planomgangar/${round.id}/behov/${web.departmentId(department)}`;
  const statusOf = async (round: PlanRoundView, department: string) =>
    (await submissions.list(round.id, { all: true, departmentIds: [], committeeIds: [] })).find((s) => s.departmentId === web.departmentId(department))!;
  /** The department's needs as its own people read them (drafts included). */
  const needsOf = (round: PlanRoundView, department: string) =>
    needs.list(round.id, { all: false, departmentIds: [web.departmentId(department)], committeeIds: [] }, { departmentId: web.departmentId(department) });

  const button = (name: string) => page.getByRole('button', { name, exact: true });
  const link = (name: string) => page.getByRole('link', { name, exact: true });
  /** Follows a link and waits for the page it opens. */
  async function follow(target: Locator): Promise<void> {
    await target.click();
    await page.waitForLoadState();
  }
  const errorSummary = () => page.locator('.govuk-error-summary');
  const errorLinks = () => errorSummary().getByRole('link');
  const banner = () => page.locator('.govuk-notification-banner--success');
  const statusTags = () => page.locator('#status .govuk-summary-list__row').first().locator('.govuk-tag');
  const cards = () => page.locator('.samverka-need');
  /** A card's rows as "key: value". */
  async function cardRows(card: Locator): Promise<string[]> {
    const [keys, values] = await Promise.all([card.locator('dt').allTextContents(), card.locator('dd').allTextContents()]);
    return keys.map((key, i) => `${key}: ${values[i]}`);
  }

  it('lets a coordinator add a need through the form (fixing what the error summary names) and hand it in; the manager endorses it', async () => {
    const round = await launchedRound();
    await signIn(COORDINATOR);

    // From the round page, the coordinator's own department's needs.
    await open(`/planomgangar/${round.id}`);
    await page.getByRole('link', { name: 'Er förvaltnings behov' }).click();
    await page.waitForLoadState();
    expect(page.url()).toBe(`${ctx.baseUrl}${needsPath(round, PRESCHOOL)}`);
    await expect(page.title()).resolves.toBe(`Förskoleförvaltningens behov – ${round.title} – Samverka`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Förskoleförvaltningens behov');
    await expect(statusTags().allTextContents()).resolves.toEqual(['Utkast']);
    await expect(page.locator('.samverka-no-needs').textContent()).resolves.toBe('Förvaltningen har inte lagt till några behov ännu.');
    await expect(page.locator('#areaCode option').allTextContents()).resolves.toEqual([
      'Välj utvecklingsområde',
      'Tillgänglighet och serviceinriktat bemötande',
      'Rättighetsbaserad service',
      'Digitalisering och servicekommunikation',
      'Lokal service',
      'Samarbetsprocess',
    ]);
    // Nothing to hand in yet: instead, the department may report that it has nothing to report.
    await expect(link('Lämna in behoven').count()).resolves.toBe(0);
    await expect(button('Meddela inget att rapportera').count()).resolves.toBe(1);
    await expectAccessible();

    // No title and no channel: both named in the summary, linking to their fields; what was typed is kept.
    await page.getByLabel('Utvecklingsområde').selectOption({ label: 'Lokal service' });
    await page.getByLabel('Beskrivning', { exact: true }).fill('Invånare tar med kommunala ärenden till biblioteken,\nsärskilt om förskoleplats.');
    await page.getByLabel('Norr', { exact: true }).check();
    await page.getByLabel('Nyanlända', { exact: true }).check();
    await page.getByLabel('Iakttagelser från medarbetare').check();
    await page.getByLabel('Underlagets källa').fill('Bibliotekens personal');
    await page.getByLabel('Ärenden per månad (valfritt)').fill('350');
    await page.getByLabel('Hög', { exact: true }).check();
    const invalid = await submit(button('Lägg till behovet'));
    expect(invalid.status()).toBe(400);
    await expect(page.title()).resolves.toBe(`Fel: Förskoleförvaltningens behov – ${round.title} – Samverka`);
    await expect(errorLinks().allTextContents()).resolves.toEqual(['Ange en rubrik', 'Välj minst en kanal']);
    await expect(errorLinks().evaluateAll((as) => as.map((a) => a.getAttribute('href')))).resolves.toEqual(['#title', '#channels']);
    await expect(page.locator('#title-error').textContent()).resolves.toBe('Fel: Ange en rubrik');
    await expect(page.locator('#channels-error').textContent()).resolves.toBe('Fel: Välj minst en kanal');
    await expect(page.getByLabel('Utvecklingsområde').inputValue()).resolves.toBe('LOKAL_SERVICE');
    await expect(page.getByLabel('Beskrivning', { exact: true }).inputValue()).resolves.toContain('särskilt om förskoleplats.');
    await expect(page.getByLabel('Norr', { exact: true }).isChecked()).resolves.toBe(true);
    await expect(page.getByLabel('Iakttagelser från medarbetare').isChecked()).resolves.toBe(true);
    await expect(page.getByLabel('Ärenden per månad (valfritt)').inputValue()).resolves.toBe('350');
    await expect(page.getByLabel('Hög', { exact: true }).isChecked()).resolves.toBe(true);
    await expectAccessible();
    await expect(needsOf(round, PRESCHOOL)).resolves.toHaveLength(0);

    await page.getByLabel('Rubrik', { exact: true }).fill('Vägledning på biblioteken');
    await page.getByLabel('Bibliotek', { exact: true }).check();
    await page.getByLabel('Annan förvaltnings reception').check();
    const added = await submit(button('Lägg till behovet'));
    expect(added.status()).toBe(303);
    const [saved] = await needsOf(round, PRESCHOOL);
    expect(saved).toMatchObject({
      areaCode: 'LOKAL_SERVICE',
      title: 'Vägledning på biblioteken',
      channels: ['library', 'other_reception'],
      districts: ['norr'],
      targetGroups: ['newcomers'],
      evidence: { kind: 'staffObservation', source: 'Bibliotekens personal', date: null },
      monthlyVolume: 350,
      priority: 'high',
      consequence: null,
    });
    expect(page.url()).toBe(`${ctx.baseUrl}${needsPath(round, PRESCHOOL)}?tillagt=${saved.id}`);
    await expect(banner().textContent()).resolves.toContain('Behovet ”Vägledning på biblioteken” är tillagt.');
    await expect(cards().count()).resolves.toBe(1);
    await expect(cards().locator('.govuk-summary-card__title').textContent()).resolves.toBe('Vägledning på biblioteken');
    await expect(cardRows(cards().first())).resolves.toEqual([
      'Utvecklingsområde: Lokal service',
      'Beskrivning: Invånare tar med kommunala ärenden till biblioteken,\nsärskilt om förskoleplats.',
      'Kanaler: Bibliotek, Annan förvaltnings reception',
      'Stadsområden: Norr',
      'Målgrupper: Nyanlända',
      'Ärenden per månad: Ungefär 350',
      'Prioritet: Hög',
      'Underlag: Iakttagelser från medarbetare: Bibliotekens personal',
      'Konsekvens om behovet inte tillgodoses: Inte angivet',
    ]);
    // The form is empty again, for the next need.
    await expect(page.getByLabel('Rubrik', { exact: true }).inputValue()).resolves.toBe('');
    await expectAccessible();

    // Handing in asks first, on a page of its own; then the needs can no longer change, and management is asked to approve them.
    await follow(link('Lämna in behoven'));
    expect(page.url()).toBe(`${ctx.baseUrl}${needsPath(round, PRESCHOOL)}/lamna-in`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Vill du lämna in behoven?');
    await expect(page.locator('main').textContent()).resolves.toContain(`Du lämnar in ett behov för Förskoleförvaltningen till planomgången ${round.title}.`);
    await expectAccessible();
    await expect(statusOf(round, PRESCHOOL)).resolves.toMatchObject({ status: 'draft' });
    const handedIn = await submit(button('Ja, lämna in behoven'));
    expect(handedIn.status()).toBe(303);
    expect(page.url()).toBe(`${ctx.baseUrl}${needsPath(round, PRESCHOOL)}?steg=lamna-in`);
    await expect(banner().textContent()).resolves.toContain('Behoven är inlämnade.');
    await expect(statusTags().allTextContents()).resolves.toEqual(['Inlämnad']);
    await expect(page.locator('form[action$="/behov/' + web.departmentId(PRESCHOOL) + '"]').count()).resolves.toBe(0);
    await expect(page.getByRole('link', { name: 'Ändra behovet Vägledning på biblioteken' }).count()).resolves.toBe(0);
    await expect(page.locator('#inlamning + p').textContent()).resolves.toContain('Behoven är inlämnade och kan inte ändras.');
    await expectAccessible();
    await expect(statusOf(round, PRESCHOOL)).resolves.toMatchObject({ status: 'submitted', needCount: 1 });

    // The manager: the need, and the forms to approve or send back. Sending back asks for a comment.
    await signIn(MANAGEMENT);
    await open(`/planomgangar/${round.id}`);
    await page.getByRole('link', { name: 'Er förvaltnings behov' }).click();
    await page.waitForLoadState();
    expect(page.url()).toBe(`${ctx.baseUrl}${needsPath(round, PRESCHOOL)}`);
    await expect(cards().locator('.govuk-summary-card__title').allTextContents()).resolves.toEqual(['Vägledning på biblioteken']);
    await expect(page.locator('#lagg-till').count()).resolves.toBe(0);
    await expectAccessible();
    const noComment = await submit(button('Skicka tillbaka behoven'));
    expect(noComment.status()).toBe(400);
    await expect(errorLinks().allTextContents()).resolves.toEqual(['Skriv vad som behöver göras innan behoven lämnas in igen']);
    await expect(errorLinks().getAttribute('href')).resolves.toBe('#skicka-tillbaka-comment');
    await expectAccessible();
    await expect(statusOf(round, PRESCHOOL)).resolves.toMatchObject({ status: 'submitted' });

    // Approving asks first too.
    await follow(link('Godkänn behoven'));
    expect(page.url()).toBe(`${ctx.baseUrl}${needsPath(round, PRESCHOOL)}/godkann`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Vill du godkänna behoven?');
    await expect(page.locator('main').textContent()).resolves.toContain(`Du godkänner ett behov från Förskoleförvaltningen i planomgången ${round.title}.`);
    await expectAccessible();
    const endorsed = await submit(button('Ja, godkänn behoven'));
    expect(endorsed.status()).toBe(303);
    expect(page.url()).toBe(`${ctx.baseUrl}${needsPath(round, PRESCHOOL)}?steg=godkann`);
    await expect(banner().textContent()).resolves.toContain('Behoven är godkända.');
    await expect(statusTags().allTextContents()).resolves.toEqual(['Godkänd']);
    await expect(link('Godkänn behoven').count()).resolves.toBe(0);
    // The history names who handed in and who approved.
    await expect(page.locator('.samverka-submission-history__entry').allTextContents()).resolves.toEqual([
      expect.stringContaining('lämnade in behoven'),
      expect.stringContaining('godkände behoven'),
    ]);
    await expect(statusOf(round, PRESCHOOL)).resolves.toMatchObject({ status: 'endorsed' });
    await expectAccessible();

    // The round page shows Förskoleförvaltningen's submission as endorsed.
    await open(`/planomgangar/${round.id}`);
    await expect(page.locator('table.samverka-participants tbody tr').filter({ hasText: PRESCHOOL }).textContent()).resolves.toContain(SUBMISSION_STATUS_LABELS.endorsed);
  });

  it('lets a coordinator change a need and remove it on pages of their own, report nothing to report, and see what management wrote when it returns', async () => {
    const round = await launchedRound();
    const need = await needs.create(TEST_ACTOR, round.id, {
      departmentId: web.departmentId(PRESCHOOL),
      areaCode: 'TILLGANGLIGHET',
      title: 'Skyltning vid förskolornas entréer',
      description: 'Vårdnadshavare hittar inte rätt.',
      channels: ['telephone'],
      districts: [],
      targetGroups: ['guardians'],
      priority: 'low',
    });
    await signIn(COORDINATOR);
    await open(needsPath(round, PRESCHOOL));

    // Change: the form holds the need as saved; a mistake is shown on the same page, then the change is saved.
    await page.getByRole('link', { name: 'Ändra behovet Skyltning vid förskolornas entréer' }).click();
    await page.waitForLoadState();
    expect(page.url()).toBe(`${ctx.baseUrl}${needsPath(round, PRESCHOOL)}/${need.id}/andra`);
    await expect(page.title()).resolves.toBe('Ändra behovet – Samverka');
    await expect(page.getByLabel('Rubrik', { exact: true }).inputValue()).resolves.toBe('Skyltning vid förskolornas entréer');
    await expect(page.getByLabel('Telefon', { exact: true }).isChecked()).resolves.toBe(true);
    await expect(page.getByLabel('Låg', { exact: true }).isChecked()).resolves.toBe(true);
    await expect(page.getByLabel('Inget underlag').isChecked()).resolves.toBe(true);
    await expectAccessible();
    await page.getByLabel('Telefon', { exact: true }).uncheck();
    await page.getByLabel('Underlagets datum (valfritt)').fill('2020-02-30');
    const invalid = await submit(button('Spara ändringarna'));
    expect(invalid.status()).toBe(400);
    await expect(errorLinks().allTextContents()).resolves.toEqual([
      'Välj minst en kanal',
      'Välj vilken sorts underlag behovet bygger på, eller töm fälten för källa och datum',
      'Underlagets datum måste vara ett riktigt datum skrivet ÅÅÅÅ-MM-DD, till exempel 2026-03-01',
    ]);
    await expect(page.getByLabel('Underlagets datum (valfritt)').inputValue()).resolves.toBe('2020-02-30');
    await expectAccessible();
    await page.getByLabel('Webb och e-tjänster').check();
    await page.getByLabel('Underlagets datum (valfritt)').fill('');
    await page.getByLabel('Rubrik', { exact: true }).fill('Skyltning och vägvisning vid förskolorna');
    const changed = await submit(button('Spara ändringarna'));
    expect(changed.status()).toBe(303);
    expect(page.url()).toBe(`${ctx.baseUrl}${needsPath(round, PRESCHOOL)}?andrat=${need.id}`);
    await expect(banner().textContent()).resolves.toContain('Behovet ”Skyltning och vägvisning vid förskolorna” är ändrat.');
    await expect(needs.get(need.id)).resolves.toMatchObject({ title: 'Skyltning och vägvisning vid förskolorna', channels: ['web'], evidence: null });

    // Remove: a page that asks first.
    await page.getByRole('link', { name: 'Ta bort behovet Skyltning och vägvisning vid förskolorna' }).click();
    await page.waitForLoadState();
    await expect(page.locator('h1').textContent()).resolves.toBe('Vill du ta bort behovet?');
    await expect(page.locator('.samverka-need .govuk-summary-card__title').textContent()).resolves.toBe('Skyltning och vägvisning vid förskolorna');
    await expectAccessible();
    const removed = await submit(button('Ja, ta bort behovet'));
    expect(removed.status()).toBe(303);
    await expect(banner().textContent()).resolves.toContain('Behovet är borttaget.');
    await expect(cards().count()).resolves.toBe(0);
    await expect(needsOf(round, PRESCHOOL)).resolves.toHaveLength(0);

    // Nothing to report: a reason is required.
    const noReason = await submit(button('Meddela inget att rapportera'));
    expect(noReason.status()).toBe(400);
    await expect(errorLinks().allTextContents()).resolves.toEqual(['Skriv varför förvaltningen inte har något att rapportera']);
    await expect(errorLinks().getAttribute('href')).resolves.toBe('#inget-att-rapportera-reason');
    await expectAccessible();
    await page.getByLabel('Varför har förvaltningen inget att rapportera?').fill('Behoven lämnades i förra omgången och gäller fortfarande');
    expect((await submit(button('Meddela inget att rapportera'))).status()).toBe(303);
    await expect(statusTags().allTextContents()).resolves.toEqual(['Inget att rapportera']);
    await expect(page.locator('#status').textContent()).resolves.toContain('Behoven lämnades i förra omgången och gäller fortfarande');

    // Management returns it with a comment: the coordinator sees the comment, and may add needs again.
    await signIn(MANAGEMENT);
    await open(needsPath(round, PRESCHOOL));
    await page.getByLabel('Kommentar till samordnaren').fill('Vi har nya behov kring lokal service, lägg in dem.');
    expect((await submit(button('Skicka tillbaka behoven'))).status()).toBe(303);
    await expect(banner().textContent()).resolves.toContain('Behoven är skickade tillbaka till samordnaren');

    // The coordinator receives the email, with the comment and the link to the needs page.
    const before = smtp.received.length;
    const due = await ctx.app.get(NotificationDispatcher).dispatchDue('e2e', 100);
    const sent = (await smtp.waitFor(before + due.sent)).slice(before).filter((m) => m.to.includes(COORDINATOR));
    const returnMail = sent.find((m) => m.parsed.subject === `Förskoleförvaltningens behov i ${round.title} är skickade tillbaka till dig`)!;
    expect(returnMail).toBeDefined();
    expect(returnMail.parsed.text).toContain('Vi har nya behov kring lokal service, lägg in dem.');
    expect(returnMail.parsed.text).toContain(`${needsPath(round, PRESCHOOL)}`);

    await signIn(COORDINATOR);
    await open(needsPath(round, PRESCHOOL));
    await expect(statusTags().allTextContents()).resolves.toEqual(['Skickad tillbaka']);
    await expect(page.locator('.samverka-return-comment').textContent()).resolves.toContain('Vi har nya behov kring lokal service, lägg in dem.');
    // The history keeps the comment, after the needs are handed in again too.
    await expect(page.locator('.samverka-submission-history').textContent()).resolves.toContain('Vi har nya behov kring lokal service, lägg in dem.');
    await expect(page.locator('#lagg-till').count()).resolves.toBe(1);
    await expectAccessible();
  });

  it("refuses a coordinator another department's needs (403), and shows strategists and the committee's secretary the needs without any forms", async () => {
    const round = await launchedRound();
    await needs.create(TEST_ACTOR, round.id, {
      departmentId: web.departmentId(CULTURE),
      areaCode: 'LOKAL_SERVICE',
      title: 'Datorer och skrivare för invånare',
      description: 'Besökare på biblioteken behöver skriva ut blanketter.',
      channels: ['library'],
      districts: ['hela_staden'],
      targetGroups: ['older_people'],
      priority: 'medium',
    });
    await signIn(COORDINATOR);

    // On the round page, only the own department links to its needs.
    await open(`/planomgangar/${round.id}`);
    const row = (name: string) => page.locator('table.samverka-participants tbody tr').filter({ hasText: name });
    await expect(row(PRESCHOOL).locator('th a').getAttribute('href')).resolves.toBe(needsPath(round, PRESCHOOL));
    await expect(row(CULTURE).locator('a').count()).resolves.toBe(0);

    const refused = await open(needsPath(round, CULTURE));
    expect(refused.status()).toBe(403);
    await expect(page.locator('h1').textContent()).resolves.toBe('Du har inte behörighet till sidan');
    await expect(page.locator('main').textContent()).resolves.not.toContain('Datorer och skrivare');

    // Writing for another department is refused too, even with the session's own form token.
    await open(needsPath(round, PRESCHOOL));
    const token = (await page.locator('input[name=_csrf]').first().getAttribute('value'))!;
    const post = (path: string, form: Record<string, string>) => page.request.post(`${ctx.baseUrl}${path}`, { form: { _csrf: token, ...form }, maxRedirects: 0 });
    const foreign = await post(needsPath(round, CULTURE), { areaCode: 'LOKAL_SERVICE', title: 'Inte min förvaltning', description: 'x', channels: 'web', priority: 'low' });
    expect(foreign.status()).toBe(403);
    expect((await post(`${needsPath(round, CULTURE)}/lamna-in`, {})).status()).toBe(403);
    expect((await post(`${needsPath(round, PRESCHOOL)}/godkann`, {})).status()).toBe(403);
    // The confirmation pages are the step-takers' own too.
    expect((await open(`${needsPath(round, PRESCHOOL)}/godkann`)).status()).toBe(403);
    expect((await open(`${needsPath(round, CULTURE)}/lamna-in`)).status()).toBe(403);
    await open(needsPath(round, PRESCHOOL));
    await expect(needsOf(round, CULTURE)).resolves.toHaveLength(1);
    await expect(statusOf(round, CULTURE)).resolves.toMatchObject({ status: 'draft' });

    // A manager writes no needs.
    await signIn(MANAGEMENT);
    await open(needsPath(round, PRESCHOOL));
    const managerToken = (await page.locator('input[name=_csrf]').first().getAttribute('value'))!;
    const asManager = await page.request.post(`${ctx.baseUrl}${needsPath(round, PRESCHOOL)}`, {
      form: { _csrf: managerToken, areaCode: 'LOKAL_SERVICE', title: 'Från ledningen', description: 'x', channels: 'web', priority: 'low' },
      maxRedirects: 0,
    });
    expect(asManager.status()).toBe(403);
    expect((await open(needsPath(round, CULTURE))).status()).toBe(403);

    // The committee's secretary reads the department the committee serves, not others.
    await signIn(SECRETARY);
    expect((await open(needsPath(round, PRESCHOOL))).status()).toBe(200);
    await expect(page.locator('main form').count()).resolves.toBe(0);
    expect((await open(needsPath(round, CULTURE))).status()).toBe(403);

    // A strategist reads every department's needs once handed in, and is offered no forms; a draft is the department's own.
    await signIn(STRATEGIST);
    expect((await open(needsPath(round, CULTURE))).status()).toBe(200);
    await expect(page.locator('.samverka-draft-hidden').textContent()).resolves.toBe(
      'Förvaltningen har ett utkast med ett behov. Behoven visas här när förvaltningen har lämnat in dem.',
    );
    await expect(cards().count()).resolves.toBe(0);
    await expect(page.locator('main').textContent()).resolves.not.toContain('Datorer och skrivare');
    await expectAccessible();
    await submissions.submit(TEST_ACTOR, round.id, web.departmentId(CULTURE));
    await open(needsPath(round, CULTURE));
    await expect(cards().locator('.govuk-summary-card__title').allTextContents()).resolves.toEqual(['Datorer och skrivare för invånare']);
    await expect(cardRows(cards().first())).resolves.toContain('Stadsområden: Hela staden');
    await expect(page.locator('main form').count()).resolves.toBe(0);
    await expect(page.getByRole('link', { name: /^Ändra/ }).count()).resolves.toBe(0);
    await expectAccessible();
  });
});
