import { PlanDraftService } from '@samverka/plan';
import { PlanRoundStepService, PlanRoundView } from '@samverka/rounds';
import { Locator, Page, Response } from 'playwright-core';
import { E2eContext } from '../support/e2e';
import { TEST_ACTOR } from '../support/given';
import { DEMO_USER, webSuite } from '../support/web-suite';

const { strategist: STRATEGIST, secretary: SECRETARY, coordinator: COORDINATOR } = DEMO_USER;
const PRESCHOOL = 'Förskoleförvaltningen';

/**
 * The remiss's pages in a real Chromium with JavaScript switched off: a strategist prepares the
 * remiss (a refused form says what is wrong at each field), the workflow sends it, Förskolenämnden's
 * secretary asks for an extension from the status page, and the strategist approves it there; the
 * new reply date shows. Every page shown passes the one page check (axe, html-validate, overflow).
 */
describe('the web UI: the remiss (preparing, who has responded, extensions)', () => {
  let ctx: E2eContext;
  let page: Page;
  const web = webSuite();
  beforeAll(() => {
    ctx = web.ctx;
  });
  beforeEach(() => {
    page = web.page;
  });
  const open = (path: string) => web.open(path);
  const expectAccessible = () => web.expectAccessible();
  async function submit(button: Locator): Promise<Response> {
    const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), button.click()]);
    await page.waitForLoadState();
    return response;
  }
  const button = (name: string) => page.getByRole('button', { name, exact: true });
  const link = (name: string) => page.getByRole('link', { name, exact: true });
  const errorLinks = () => page.locator('.govuk-error-summary').getByRole('link');
  const banner = () => page.locator('.govuk-notification-banner--success');

  /** A round of Förskoleförvaltningen drafting its plan, one item (the contact centre accountable) frozen as version 1. */
  async function readyRound(): Promise<PlanRoundView> {
    const round = await ctx.given.roundInDraftingPlan({ participantDepartmentIds: [web.departmentId(PRESCHOOL)], areas: [{ code: 'LOKAL_SERVICE', name: 'Lokal service' }] });
    const drafts = ctx.app.get(PlanDraftService);
    const item = await drafts.createItem(TEST_ACTOR, round.id, { areaCode: 'LOKAL_SERVICE', title: 'Vägledning', description: 'På biblioteken.' });
    await drafts.setResponsibilities(TEST_ACTOR, round.id, item.id, { responsibilities: [{ contactCentre: true, role: 'accountable', expectations: 'Leda arbetet.' }] });
    await drafts.freeze(TEST_ACTOR, round.id);
    return round;
  }

  it('a strategist prepares the remiss, a secretary asks for an extension, the strategist approves it', async () => {
    const round = await readyRound();
    const status = `/planomgangar/${round.id}/remiss`;
    await web.signIn(STRATEGIST);
    await open(status);
    await expect(page.locator('main').textContent()).resolves.toContain('Ingen remiss är förberedd ännu.');
    await expectAccessible();
    await link('Förbered remissen').click();
    await page.waitForLoadState();
    expect(page.url()).toBe(`${ctx.baseUrl}${status}/forbered`);
    await expectAccessible();

    // Every committee is checked by default; a form without a reply date or a cover letter is refused at both fields.
    await page.getByLabel('Svarsdatum', { exact: true }).fill('');
    const refused = await submit(button('Spara remissen'));
    expect(refused.status()).toBe(400);
    await expect(errorLinks().allTextContents()).resolves.toEqual(['Ange svarsdatumet']);
    await expectAccessible();
    await page.getByLabel('Svarsdatum', { exact: true }).fill(round.deadlines.consultationReply!);
    const noLetter = await submit(button('Spara remissen'));
    expect(noLetter.status()).toBe(400);
    await expect(errorLinks().allTextContents()).resolves.toEqual(['Skriv ett följebrev']);
    await expectAccessible();
    await page.getByLabel('Följebrev', { exact: true }).fill('Kontaktcenter skickar planen på remiss.');
    await page.locator('#questionArea0').selectOption({ label: 'Lokal service' });
    await page.locator('#questionText0').fill('Hur kan biblioteken bidra?');
    const saved = await submit(button('Spara remissen'));
    expect(saved.status()).toBe(303);
    expect(page.url()).toBe(`${ctx.baseUrl}${status}?klart=forberedd`);
    await expect(banner().textContent()).resolves.toContain('Remissen är förberedd');
    await expect(page.locator('.samverka-recipient h3').allTextContents()).resolves.toContain('Förskolenämnden Väntar på svar');
    await expectAccessible();

    await ctx.app.get(PlanRoundStepService).transition(TEST_ACTOR, round.id, { type: 'SEND_FOR_CONSULTATION' });
    await open(`/planomgangar/${round.id}`);
    await link('Remissen: vem har svarat').click();
    await page.waitForLoadState();
    expect(page.url()).toBe(`${ctx.baseUrl}${status}`);

    // The secretary of Förskolenämnden asks for more time.
    await web.signIn(SECRETARY);
    await open(status);
    await expectAccessible();
    await link('Begär anstånd för Förskolenämnden').click();
    await page.waitForLoadState();
    await expectAccessible();
    await page.getByLabel('Nytt svarsdatum', { exact: true }).fill(round.deadlines.consultationReply!);
    const early = await submit(button('Skicka begäran'));
    expect(early.status()).toBe(400);
    await expect(errorLinks().allTextContents()).resolves.toEqual([expect.stringContaining('Det nya svarsdatumet måste ligga efter nuvarande svarsdatum'), 'Skriv varför nämnden behöver anstånd']);
    await expectAccessible();
    await page.getByLabel('Nytt svarsdatum', { exact: true }).fill('2099-01-31');
    await page.getByLabel('Skäl', { exact: true }).fill('Nämnden sammanträder först i februari.');
    expect((await submit(button('Skicka begäran'))).status()).toBe(303);
    await expect(banner().textContent()).resolves.toContain('Begäran om anstånd är skickad');
    await expect(page.locator('main').textContent()).resolves.toContain('Nämnden sammanträder först i februari.');
    await expect(button('Bevilja anståndet').count()).resolves.toBe(0);

    // A coordinator of the department reads the page, without forms.
    await web.signIn(COORDINATOR);
    expect((await open(status)).status()).toBe(200);
    await expect(button('Bevilja anståndet').count()).resolves.toBe(0);

    // The strategist approves it as asked: the new reply date shows.
    await web.signIn(STRATEGIST);
    await open(status);
    await expectAccessible();
    const noReason = await submit(button('Avslå anståndet'));
    expect(noReason.status()).toBe(400);
    await expect(errorLinks().allTextContents()).resolves.toEqual(['Skriv varför anståndet avslås']);
    await expectAccessible();
    expect((await submit(button('Bevilja anståndet'))).status()).toBe(303);
    await expect(banner().textContent()).resolves.toContain('Anståndet är beviljat');
    await expect(page.locator('main').textContent()).resolves.toContain('Svarsdatum: 31 januari 2099');
    await expectAccessible();
  });

  it("a secretary reaches the committee's response page by links only: from the round page directly, and through the status page; a strategist from the status page", async () => {
    const round = await readyRound();
    const [{ committee_id: committeeId }] = (await ctx.dataSource.query('select committee_id from department where id = $1', [web.departmentId(PRESCHOOL)])) as Array<{ committee_id: string }>;
    const responsePage = `${ctx.baseUrl}/planomgangar/${round.id}/remiss/${committeeId}`;
    await web.signIn(STRATEGIST);
    await open(`/planomgangar/${round.id}/remiss/forbered`);
    await page.getByLabel('Svarsdatum', { exact: true }).fill(round.deadlines.consultationReply!);
    await page.getByLabel('Följebrev', { exact: true }).fill('Kontaktcenter skickar planen på remiss.');
    expect((await submit(button('Spara remissen'))).status()).toBe(303);
    // Prepared, not sent: no link to a response page yet.
    await expect(link('Yttrandet från Förskolenämnden').count()).resolves.toBe(0);
    await ctx.app.get(PlanRoundStepService).transition(TEST_ACTOR, round.id, { type: 'SEND_FOR_CONSULTATION' });
    await open(`/planomgangar/${round.id}/remiss`);
    await link('Yttrandet från Förskolenämnden').click();
    await page.waitForLoadState();
    expect(page.url()).toBe(responsePage);

    await web.signIn(SECRETARY);
    await open(`/planomgangar/${round.id}`);
    await expectAccessible();
    await link('Er nämnds yttrande').click();
    await page.waitForLoadState();
    expect(page.url()).toBe(responsePage);
    await open(`/planomgangar/${round.id}`);
    await link('Remissen: vem har svarat').click();
    await page.waitForLoadState();
    await expectAccessible();
    await link('Yttrandet från Förskolenämnden').click();
    await page.waitForLoadState();
    expect(page.url()).toBe(responsePage);
  });
});
