import { NeedService, SubmissionService } from '@samverka/needs';
import { OrganisationRegistryService } from '@samverka/organisation';
import { PlanRoundView } from '@samverka/rounds';
import { HtmlValidate } from 'html-validate';
import { Locator, Page } from 'playwright-core';
import { signInThroughForm } from '../support/browser';
import { E2eContext } from '../support/e2e';
import { TEST_ACTOR, TEST_PASSWORD } from '../support/given';
import { DEMO_USER, webSuite } from '../support/web-suite';

const PRESCHOOL = 'Förskoleförvaltningen';

/**
 * Att göra on the start page, in Chromium without JavaScript: each demo role signs in, finds its task
 * first on the start page, follows the link and does it with the pages there are. Axe on every page.
 */
describe('the web UI: tasks on the start page', () => {
  let ctx: E2eContext;
  let page: Page;
  const web = webSuite();
  beforeAll(() => {
    ctx = web.ctx;
  });
  beforeEach(() => {
    page = web.page;
  });

  let roundNumber = 0;
  /** A round collecting needs from Förskoleförvaltningen, with a title of its own (the tasks name it). */
  async function preschoolRound(): Promise<PlanRoundView> {
    const title = `Utvecklingsplan, omgång ${++roundNumber}`;
    return ctx.given.roundInCollectingNeeds({ title, participantDepartmentIds: [web.departmentId(PRESCHOOL)] });
  }
  const addNeed = (round: PlanRoundView) => ctx.app.get(NeedService).create(TEST_ACTOR, round.id, ctx.given.need(web.departmentId(PRESCHOOL)));
  const statusOf = async (round: PlanRoundView) =>
    (await ctx.app.get(SubmissionService).list(round.id, { all: true, departmentIds: [], committeeIds: [] })).find((s) => s.departmentId === web.departmentId(PRESCHOOL))!.status;

  /** The task list, the first list after the page's heading. */
  const taskList = () => page.locator('#att-gora + ul');
  const task = (name: string | RegExp): Locator => taskList().getByRole('link', { name });

  /** The start page, checked: "Att göra" is the first section after the introduction. */
  async function openStart(): Promise<void> {
    const response = await web.open('/');
    expect(response.status()).toBe(200);
    await expect(page.locator('h2').first().textContent()).resolves.toBe('Att göra');
    await web.expectAccessible();
    await expectValidHtml(await response.text());
  }

  /** The page as served validates under html-validate's recommended rules. */
  async function expectValidHtml(html: string): Promise<void> {
    const report = await new HtmlValidate({ extends: ['html-validate:recommended'] }).validateString(html);
    expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message} (${m.selector ?? ''})`))).toEqual([]);
  }

  /** Follows a task's link and lands on its page (200, axe clean). */
  async function follow(link: Locator, path: string): Promise<void> {
    await expect(link.getAttribute('href')).resolves.toBe(path);
    await Promise.all([page.waitForURL(`${ctx.baseUrl}${path}`), link.click()]);
    await web.expectAccessible();
  }

  /** Presses the step's button, and its confirmation's if the step asks for one; until the status has moved. */
  /** The needs page's step is a link to its confirmation page, whose button posts the step. */
  async function takeStep(link: RegExp, round: PlanRoundView, before: string): Promise<void> {
    expect(await statusOf(round)).toBe(before);
    await Promise.all([page.waitForURL(/\/(lamna-in|godkann)$/), page.getByRole('link', { name: link }).first().click()]);
    await web.expectAccessible();
    await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.getByRole('button', { name: /^Ja, / }).click()]);
    await page.waitForLoadState();
  }

  it('leads a coordinator to hand in their department’s needs, and the task is gone once they have', async () => {
    const round = await preschoolRound();
    await addNeed(round);
    await web.signIn(DEMO_USER.coordinator);
    await openStart();
    const title = `Lämna in behoven för ${PRESCHOOL} till ${round.title}: 1 behov i utkastet`;
    const link = task(title);
    await expect(link.count()).resolves.toBe(1);
    await expect(taskList().locator('li').filter({ hasText: title }).textContent()).resolves.toMatch(/Senast \d{1,2} \p{L}+ \d{4}/u);

    await follow(link, `/planomgangar/${round.id}/behov/${web.departmentId(PRESCHOOL)}`);
    await takeStep(/^Lämna in behoven/, round, 'draft');
    await expect(statusOf(round)).resolves.toBe('submitted');

    await openStart();
    await expect(task(new RegExp(round.title)).count()).resolves.toBe(0);
  });

  it('leads a manager to endorse what was handed in', async () => {
    const round = await preschoolRound();
    await addNeed(round);
    await ctx.app.get(SubmissionService).submit(TEST_ACTOR, round.id, web.departmentId(PRESCHOOL));
    await web.signIn(DEMO_USER.management);
    await openStart();
    const link = task(`Godkänn behoven från ${PRESCHOOL} till ${round.title}: 1 behov väntar på ditt godkännande`);
    await follow(link, `/planomgangar/${round.id}/behov/${web.departmentId(PRESCHOOL)}`);
    await takeStep(/^Godkänn behoven/, round, 'submitted');
    await expect(statusOf(round)).resolves.toBe('endorsed');

    await openStart();
    await expect(task(new RegExp(round.title)).count()).resolves.toBe(0);
  });

  it("leads a strategist to the round page with the round's progress", async () => {
    const round = await preschoolRound();
    await web.signIn(DEMO_USER.strategist);
    await openStart();
    const link = task(new RegExp(`^${round.title} \\(behovsinsamling\\): 0 av 1 förvaltning har lämnat in.*Nästa steg: Stäng behovsinsamlingen – 1 förvaltning har inte lämnat in behov\\.$`));
    await follow(link, `/planomgangar/${round.id}`);
    await expect(page.locator('h1').textContent()).resolves.toBe(round.title);
  });

  it('leads an admin to the failed emails and to the coverage gaps', async () => {
    await ctx.dataSource.query(`update notification set status = 'failed', last_error = 'Mottagaren finns inte' where id = (select id from notification order by created_at limit 1)`);
    await web.signIn(DEMO_USER.admin);
    await openStart();
    await follow(task(/e-postmeddelanden? kunde inte skickas/), '/admin/utskick?status=failed');
    await expect(page.locator('h1').textContent()).resolves.toBe('Utskick');

    await openStart();
    await follow(task(/^Luckor i samordnarnätet: /), '/forvaltningar');
  });

  it("shows a committee secretary their committee's departments, leading to the needs page", async () => {
    const round = await preschoolRound();
    await web.signIn(DEMO_USER.secretary);
    await openStart();
    await follow(task(`Förskolenämnden: behoven från ${PRESCHOOL} till ${round.title} – utkast`), `/planomgangar/${round.id}/behov/${web.departmentId(PRESCHOOL)}`);
  });

  it('leads an appointed person to acknowledge their assignment, which they do with the start page’s button', async () => {
    const user = await ctx.given.user({ name: 'Nora Nyberg' });
    const assignment = await ctx.given.coordinator(await ctx.app.get(OrganisationRegistryService).getDepartment(web.departmentId('Kulturförvaltningen')), { personId: user.user.personId, kind: 'deputy' });
    await page.context().clearCookies();
    expect((await signInThroughForm(page, ctx.baseUrl, user.email, TEST_PASSWORD)).status()).toBe(303);
    await openStart();
    const link = task('Bekräfta ditt uppdrag som ersättare för Kulturförvaltningen');
    await expect(link.getAttribute('href')).resolves.toBe(`/forvaltningar/${assignment.departmentId}/uppdrag/${assignment.id}/bekrafta`);

    await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.getByRole('button', { name: /^Bekräfta uppdraget/ }).click()]);
    await page.waitForLoadState();
    // Now a deputy of the department, the person lands on its page.
    await expect(page.locator('.govuk-notification-banner--success').textContent()).resolves.toContain('Nora Nyberg har bekräftat uppdraget som ersättare.');
    await openStart();
    await expect(task(/^Bekräfta ditt uppdrag/).count()).resolves.toBe(0);
  });

  it('tells someone with nothing to do so', async () => {
    const user = await ctx.given.user();
    await page.context().clearCookies();
    expect((await signInThroughForm(page, ctx.baseUrl, user.email, TEST_PASSWORD)).status()).toBe(303);
    await openStart();
    await expect(page.locator('#att-gora + p').textContent()).resolves.toBe('Inget att göra just nu.');
  });
});
