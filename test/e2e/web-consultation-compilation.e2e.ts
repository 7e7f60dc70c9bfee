import { CompilationService } from '@samverka/consultation';
import { PlanRoundView } from '@samverka/rounds';
import { Page, Response } from 'playwright-core';
import { E2eContext } from '../support/e2e';
import { GivenPlan } from '../support/given-plan-allocation';
import { FORSKOLENAMNDEN, GivenConsultation, KULTURNAMNDEN } from '../support/given-consultation-compile';
import { TEST_ACTOR } from '../support/given';
import { principal } from '../support/principals';
import { webSuite, DEMO_USER } from '../support/web-suite';

const { strategist: STRATEGIST, secretary: SECRETARY } = DEMO_USER;

/**
 * The compilation page in a real Chromium with JavaScript switched off: the strategist reads the counts,
 * the responses, the comments per area and the proposals × committees, triages a proposal (the error
 * summary first, then the decision with the item it changed); Förskolenämnden's secretary sees what became
 * of what it asked for, without a form. Every page is checked (axe, html-validate, no sideways scrolling).
 */
describe('the web UI: the compilation and triage', () => {
  let ctx: E2eContext;
  let page: Page;
  let round: PlanRoundView;
  let committees: Map<string, string>;
  let fskn: string[];

  const web = webSuite();
  beforeAll(async () => {
    ctx = web.ctx;
    const rows: Array<{ id: string; name: string }> = await ctx.dataSource.query('select id, name from committee');
    committees = new Map(rows.map((r) => [r.name, r.id]));
    const given = new GivenConsultation(ctx.app);
    const departments = [web.departmentId('Förskoleförvaltningen'), web.departmentId('Kulturförvaltningen')];
    round = await given.sentTo(departments, [committees.get('Förskolenämnden')!, committees.get('Kulturnämnden')!], { year: 2093, caseNumber: 'STK-2024-1400' });
    fskn = (await given.response(round.id, committees.get('Förskolenämnden')!, FORSKOLENAMNDEN)).proposalIds;
    await given.response(round.id, committees.get('Kulturnämnden')!, KULTURNAMNDEN);
    await given.closed(round.id);
  });
  beforeEach(() => {
    page = web.page;
  });

  const path = () => `/planomgangar/${round.id}/remiss/sammanstallning`;
  async function submitIn(card: string, button: string): Promise<Response> {
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.locator(`#forslag-${card}`).getByRole('button', { name: button }).click(),
    ]);
    await page.waitForLoadState();
    return response;
  }

  it('shows the strategist the compilation and lets a proposal be triaged, errors first', async () => {
    await web.signIn(STRATEGIST);
    expect((await web.open(path())).status()).toBe(200);
    await web.expectAccessible();
    await expect(page.locator('h1').textContent()).resolves.toBe('Sammanställning av remissvar');
    await expect(page.locator('.samverka-compilation-stances').getByRole('row', { name: /Tillstyrker med synpunkter/ }).textContent()).resolves.toContain('2');
    await expect(page.locator('.samverka-compilation-responses tbody tr').count()).resolves.toBe(2);
    await expect(page.locator('.samverka-compilation-matrix tbody tr').count()).resolves.toBe(4);
    await expect(page.locator('body').textContent()).resolves.toContain('4 förslag är inte behandlade.');
    await expect(page.getByRole('link', { name: /Word-dokument/ }).getAttribute('href')).resolves.toBe(`/api/v1/rounds/${round.id}/consultation/compilation/document.docx`);

    // accepted without the items it changed, and no good reason why: the error summary names the field
    const card = page.locator(`#forslag-${fskn[0]}`);
    await card.getByLabel('Tillgodoses', { exact: true }).check();
    await card.getByLabel(/^Motivering/).fill('Ja');
    const refused = await submitIn(fskn[0], 'Spara beslutet');
    expect(refused.status()).toBe(400);
    await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain('Ange vilka insatser i planen förslaget ändrade');
    await web.expectAccessible();
    await expect(page.locator(`#forslag-${fskn[0]}-motivation`).inputValue()).resolves.toBe('Ja');

    await page.locator(`#forslag-${fskn[0]}`).getByLabel('SP-1 Gemensam samarbetsprocess').check();
    await page.locator(`#forslag-${fskn[0]}-motivation`).fill('Ansvarsfördelningen förtydligas i samarbetsprocessen');
    const saved = await submitIn(fskn[0], 'Spara beslutet');
    expect(saved.status()).toBe(303);
    expect(page.url()).toContain(`${path()}?klart=behandlat#forslag-${fskn[0]}`);
    await expect(page.locator('.govuk-notification-banner').textContent()).resolves.toContain('Förslaget är behandlat.');
    await expect(page.locator(`#forslag-${fskn[0]}`).textContent()).resolves.toContain('SP-1 Gemensam samarbetsprocess');
    await web.expectAccessible();

    // Triaged, it has a re-triage form: closed, pre-filled with the triage, its version hidden.
    const card0 = page.locator(`#forslag-${fskn[0]}`);
    await expect(card0.locator('details').getAttribute('open')).resolves.toBeNull();
    await expect(card0.locator('input[name=version]').inputValue()).resolves.toBe('1');
    await card0.locator('details summary').click();
    await expect(page.locator(`#forslag-${fskn[0]}-motivation`).inputValue()).resolves.toBe('Ansvarsfördelningen förtydligas i samarbetsprocessen');
    await expect(card0.getByLabel('SP-1 Gemensam samarbetsprocess').isChecked()).resolves.toBe(true);
    await page.locator(`#forslag-${fskn[0]}-motivation`).fill('Ansvarsfördelningen förtydligas per förvaltning');
    // Meanwhile another strategist changes it: this form's version is stale, and nothing of it is written.
    const other = principal({ strategist: true, name: 'Bo Strateg' });
    await ctx.app.get(CompilationService).triage(other, TEST_ACTOR, round.id, fskn[0], { decision: 'accepted', motivation: 'Ändrat av någon annan', itemCodes: ['SP-1'] }, 1);
    const stale = await submitIn(fskn[0], 'Spara det ändrade beslutet');
    expect(stale.status()).toBe(409);
    await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain('Förslaget har behandlats av någon annan sedan du läste det');
    await expect(page.locator(`#forslag-${fskn[0]} dl`).textContent()).resolves.toContain('Ändrat av någon annan');
    await expect(page.locator(`#forslag-${fskn[0]}-motivation`).inputValue()).resolves.toBe('Ansvarsfördelningen förtydligas per förvaltning');
    await expect(card0.locator('input[name=version]').inputValue()).resolves.toBe('2');
    await web.expectAccessible();
    const retriaged = await submitIn(fskn[0], 'Spara det ändrade beslutet');
    expect(retriaged.status()).toBe(303);
    await expect(page.locator(`#forslag-${fskn[0]} dl`).textContent()).resolves.toContain('Ansvarsfördelningen förtydligas per förvaltning');
    await expect(card0.locator('input[name=version]').inputValue()).resolves.toBe('3');

    // Traceability: version 2 changes SP-1, and the diff shows the proposal that asked for it.
    const plan = new GivenPlan(ctx.app);
    await plan.retitle(round.id, 'SP-1', 'Gemensam samarbetsprocess med tydlig ansvarsfördelning');
    await plan.freeze(round.id, new Date('2026-04-20T08:00:00Z'));
    expect((await web.open(`/planomgangar/${round.id}/plan/versioner/1/jamfor/2`)).status()).toBe(200);
    await expect(page.locator('#andrad-SP-1 .samverka-plan-diff-proposals').textContent()).resolves.toContain(
      'Förskolenämnden: Förtydliga ansvarsfördelningen och förväntningarna på respektive förvaltning i samarbetsprocessen (tillgodoses)',
    );
    await web.expectAccessible();
  });

  it("shows Förskolenämnden's secretary what became of its proposal, without forms", async () => {
    await web.signIn(SECRETARY);
    expect((await web.open(`${path()}?namnd=${committees.get('Förskolenämnden')}`)).status()).toBe(200);
    await web.expectAccessible();
    await expect(page.locator('h1').textContent()).resolves.toBe('Sammanställning: Förskolenämnden');
    await expect(page.locator('.govuk-summary-card').count()).resolves.toBe(1);
    await expect(page.locator('.govuk-summary-card').textContent()).resolves.toMatch(/Tillgodoses[\s\S]*Ansvarsfördelningen förtydligas/);
    await expect(page.locator('form[action*="behandla"]').count()).resolves.toBe(0);
    const token = await page.locator('input[name=_csrf]').first().getAttribute('value');
    const posted = await page.request.post(`${ctx.baseUrl}${path()}/forslag/${fskn[0]}/behandla`, { form: { _csrf: token ?? '', decision: 'noted', motivation: 'x' }, maxRedirects: 0 });
    expect(posted.status()).toBe(403);
  });
});
