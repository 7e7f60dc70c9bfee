import { NeedService, SubmissionService } from '@samverka/needs';
import { NotificationDispatcher } from '@samverka/notifications';
import { PlanDraftService } from '@samverka/plan';
import { PlanRoundStepService, PlanRoundView } from '@samverka/rounds';
import { Locator, Page, Response } from 'playwright-core';
import { E2eContext } from '../support/e2e';
import { TEST_ACTOR } from '../support/given';
import { GivenPlanRows } from '../support/given-plan-questions';
import { TestSmtpServer } from '../support/smtp';
import { webSuite, DEMO_USER } from '../support/web-suite';

const { strategist: STRATEGIST, coordinator: COORDINATOR } = DEMO_USER;
const PRESCHOOL = 'Förskoleförvaltningen';
const CULTURE = 'Kulturförvaltningen';

/**
 * The plan's needs coverage and questions in the web UI, in a real Chromium with JavaScript switched
 * off: the strategist defers a need (the error summary first, then the reason) and undoes it; the
 * department reads on its needs page what the plan does with each need; the coordinator asks about an
 * item, the strategist answers, and the thread shows the answer. Every page is checked (axe,
 * html-validate, no sideways scrolling).
 */
describe('the web UI: needs coverage and questions about the plan', () => {
  let ctx: E2eContext;
  let page: Page;
  let plan: GivenPlanRows;
  let round: PlanRoundView;
  let preschoolNeed: string;
  let cultureNeed: string;

  let smtp: TestSmtpServer;
  const env: Record<string, string> = {};
  beforeAll(async () => {
    smtp = await TestSmtpServer.start();
    env.SMTP_URL = smtp.url;
  });
  afterAll(() => smtp?.stop());
  const web = webSuite(env);
  beforeAll(async () => {
    ctx = web.ctx;
    plan = new GivenPlanRows(ctx.dataSource);
    round = await ctx.given.roundInDraftingPlan({ participantDepartmentIds: [web.departmentId(PRESCHOOL), web.departmentId(CULTURE)] });
    const needs = (await ctx.dataSource.query('select id, department_id from need where round_id = $1', [round.id])) as Array<{ id: string; department_id: string }>;
    preschoolNeed = needs.find((n) => n.department_id === web.departmentId(PRESCHOOL))!.id;
    cultureNeed = needs.find((n) => n.department_id === web.departmentId(CULTURE))!.id;
    await plan.item(round.id, { code: 'LS-3', title: 'Vägledning i Östra', needIds: [preschoolNeed], roles: [{ departmentId: web.departmentId(PRESCHOOL), role: 'accountable' }] });
    await plan.item(round.id, { code: 'LS-4', title: 'Öppettider på biblioteken' });
  });
  beforeEach(() => {
    page = web.page;
  });
  const open = (path: string) => web.open(path);
  const expectAccessible = () => web.expectAccessible();
  const button = (name: string) => page.getByRole('button', { name, exact: true });
  async function submit(target: Locator): Promise<Response> {
    const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), target.click()]);
    await page.waitForLoadState();
    return response;
  }
  const errorLinks = () => page.locator('.govuk-error-summary').getByRole('link');
  const banner = () => page.locator('.govuk-notification-banner--success');

  it('lets the strategist defer a need with a reason (a blank one named in the error summary) and undo it; the answered need shows its item', async () => {
    await web.signIn(STRATEGIST);
    const path = `/planomgangar/${round.id}/plan/behov`;
    expect((await open(path)).status()).toBe(200);
    await expect(page.locator('h1').textContent()).resolves.toBe('Behov och planen');
    await expect(page.locator('#saknar-svar').textContent()).resolves.toBe('Saknar svar (1)');
    await expect(page.locator(`#behov-${preschoolNeed}`).textContent()).resolves.toContain('LS-3 Vägledning i Östra');
    await expectAccessible();

    const card = page.locator(`#behov-${cultureNeed}`);
    const blank = await submit(card.getByRole('button'));
    expect(blank.status()).toBe(400);
    await expect(page.title()).resolves.toBe(`Fel: Behov och planen – ${round.title} – Samverka`);
    await expect(errorLinks().allTextContents()).resolves.toEqual(['Skriv varför behovet skjuts upp']);
    await expect(page.locator(`#reason-${cultureNeed}-error`).textContent()).resolves.toBe('Fel: Skriv varför behovet skjuts upp');
    await expectAccessible();

    await page.locator(`#reason-${cultureNeed}`).fill('Tas upp i nästa planomgång,\nnär bibliotekens öppettider är beslutade.');
    const deferred = await submit(page.locator(`#behov-${cultureNeed}`).getByRole('button'));
    expect(deferred.status()).toBe(303);
    await expect(banner().textContent()).resolves.toContain('Behovet är uppskjutet.');
    await expect(page.locator('#uppskjutna').textContent()).resolves.toBe('Uppskjutna (1)');
    await expect(page.locator(`#behov-${cultureNeed}`).textContent()).resolves.toContain('när bibliotekens öppettider är beslutade.');
    await expectAccessible();

    await submit(page.locator(`#behov-${cultureNeed}`).getByRole('button'));
    await expect(banner().textContent()).resolves.toContain('Uppskjutningen är borttagen');
    await expect(page.locator('#saknar-svar').textContent()).resolves.toBe('Saknar svar (1)');

    await page.locator(`#reason-${cultureNeed}`).fill('Nästa planomgång');
    await submit(page.locator(`#behov-${cultureNeed}`).getByRole('button'));
    await expect(page.locator('#uppskjutna').textContent()).resolves.toBe('Uppskjutna (1)');
  });

  it('pages a long coverage: each section counted whole, 50 a page, and a deferral on page 2 comes back to page 2', async () => {
    const collecting = await ctx.given.roundInCollectingNeeds({ participantDepartmentIds: [web.departmentId(PRESCHOOL)] });
    const needs = ctx.app.get(NeedService);
    for (let i = 1; i <= 55; i++) await needs.create(TEST_ACTOR, collecting.id, ctx.given.need(web.departmentId(PRESCHOOL), { title: `Behov ${String(i).padStart(2, '0')}` }));
    await ctx.app.get(SubmissionService).submit(TEST_ACTOR, collecting.id, web.departmentId(PRESCHOOL));
    const long = await ctx.app.get(PlanRoundStepService).transition(TEST_ACTOR, collecting.id, { type: 'CLOSE_NEEDS' });
    await web.signIn(STRATEGIST);
    const path = `/planomgangar/${long.id}/plan/behov`;
    expect((await open(path)).status()).toBe(200);
    await expect(page.locator('#saknar-svar').textContent()).resolves.toBe('Saknar svar (55)');
    await expect(page.locator('#saknar-svar + p').textContent()).resolves.toBe('Visar 1–50 av 55.');
    await expect(page.locator('.govuk-summary-card').count()).resolves.toBe(50);
    const nav = page.getByRole('navigation', { name: 'Sidor med behov' });
    await expect(nav.locator('.samverka-pagination-label').textContent()).resolves.toBe('Sida 1 av 2');
    await nav.getByRole('link', { name: 'Nästa sida' }).click();
    await page.waitForLoadState();
    expect(page.url()).toBe(`${ctx.baseUrl}${path}?sida=2`);
    await expect(page.locator('#saknar-svar + p').textContent()).resolves.toBe('Visar 51–55 av 55.');
    await expectAccessible();

    const last = page.locator('.govuk-summary-card').filter({ hasText: 'Behov 55' });
    await last.getByLabel(/Varför skjuts behovet upp/).fill('Nästa år');
    expect((await submit(last.getByRole('button'))).status()).toBe(303);
    expect(new URL(page.url()).searchParams.get('sida')).toBe('2');
    await expect(banner().textContent()).resolves.toContain('Behovet är uppskjutet.');
    await expect(page.locator('#saknar-svar').textContent()).resolves.toBe('Saknar svar (54)');
    await expect(page.locator('#uppskjutna').textContent()).resolves.toBe('Uppskjutna (1)');
  });

  it('shows each department on its needs page what the last frozen version does with its needs (strategists: the draft)', async () => {
    await web.signIn(COORDINATOR);
    const own = `/planomgangar/${round.id}/behov/${web.departmentId(PRESCHOOL)}`;
    expect((await open(own)).status()).toBe(200);
    // Nothing frozen yet: the draft is the strategists' own.
    await expect(page.locator('.samverka-need').first().textContent()).resolves.not.toContain('I planen');
    await ctx.app.get(PlanDraftService).freeze(TEST_ACTOR, round.id);
    await open(own);
    await expect(page.locator('.samverka-need').first().textContent()).resolves.toContain('Besvaras av insats LS-3');
    await expectAccessible();
    await web.signIn(STRATEGIST);
    await open(`/planomgangar/${round.id}/behov/${web.departmentId(CULTURE)}`);
    await expect(page.locator('.samverka-need').first().textContent()).resolves.toContain('Skjuts upp: Nästa planomgång');
  });

  it('lets the coordinator ask about an item where the department has a role; the strategist answers; the thread shows the answer', async () => {
    await web.signIn(COORDINATOR);
    const own = `/planomgangar/${round.id}/ansvarsfordelning/${web.departmentId(PRESCHOOL)}/fragor`;
    expect((await open(own)).status()).toBe(200);
    await expect(page.locator('#itemId option').allTextContents()).resolves.toEqual(['Välj insats', 'LS-3 Vägledning i Östra']);
    await expectAccessible();

    const invalid = await submit(button('Skicka frågan'));
    expect(invalid.status()).toBe(400);
    await expect(errorLinks().allTextContents()).resolves.toEqual(['Välj insatsen du vill fråga om', 'Skriv din fråga']);
    await expectAccessible();

    await page.getByLabel('Insats').selectOption({ label: 'LS-3 Vägledning i Östra' });
    await page.getByLabel('Din fråga').fill('Vad förväntas av oss senast i maj?');
    expect((await submit(button('Skicka frågan'))).status()).toBe(303);
    await expect(banner().textContent()).resolves.toContain('Frågan är skickad till kontaktcenter.');
    await expect(page.locator('.govuk-summary-card').first().textContent()).resolves.toMatch(/Vad förväntas av oss senast i maj\?[\s\S]*Inte besvarad ännu/);

    await web.signIn(STRATEGIST);
    expect((await open(`/planomgangar/${round.id}/plan/fragor`)).status()).toBe(200);
    await expectAccessible();
    await page.getByLabel('Svar på frågan om LS-3 Vägledning i Östra').fill('En kontaktperson per förskoleområde, senast den 15 maj.');
    expect((await submit(page.getByRole('button', { name: 'Skicka svaret om LS-3 Vägledning i Östra' }))).status()).toBe(303);
    await expect(banner().textContent()).resolves.toContain('Svaret är sparat');
    await expect(page.locator('#besvarade').textContent()).resolves.toBe('Besvarade (1)');
    await expectAccessible();

    await web.signIn(COORDINATOR);
    await open(own);
    await expect(page.locator('.govuk-summary-card').first().textContent()).resolves.toContain('En kontaktperson per förskoleområde, senast den 15 maj.');
    await expectAccessible();

    // The answer went out by email to the coordinator who asked.
    const before = smtp.received.length;
    const due = await ctx.app.get(NotificationDispatcher).dispatchDue('e2e', 50);
    const mails = (await smtp.waitFor(before + due.sent)).slice(before);
    expect(mails.filter((m) => m.to.includes(COORDINATOR)).map((m) => m.parsed.subject)).toContain(`Svar på frågan om insats LS-3 i ${round.title}`);
  });
});
