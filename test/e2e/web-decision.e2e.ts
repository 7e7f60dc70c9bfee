import { addDays, formatSwedishDate } from '@samverka/kernel';
import { PlanDraftService } from '@samverka/plan';
import { PlanRoundQueryService, PlanRoundStepService, PlanRoundView } from '@samverka/rounds';
import { Locator, Page } from 'playwright-core';
import { TEST_ACTOR } from '../support/given';
import { DEMO_USER, webSuite } from '../support/web-suite';

/**
 * The decision in the web UI (JavaScript off): the round page's RECORD_DECISION form asks for the outcome,
 * the date, the body (Kommunstyrelsen unless changed) and the §; a date in the future is explained at its
 * field with what was typed kept; the recorded decision is shown on the page, which passes the page check.
 */
describe('the web UI: the decision on the plan', () => {
  let page: Page;
  let round: PlanRoundView;
  let today: string;
  const web = webSuite();

  beforeAll(async () => {
    const ctx = web.ctx;
    today = ctx.app.get(PlanRoundQueryService).today();
    const drafts = ctx.app.get(PlanDraftService);
    const steps = ctx.app.get(PlanRoundStepService);
    round = await ctx.given.roundInDraftingPlan({ year: 2045, caseNumber: 'STK-2024-1400', participantDepartmentIds: [web.departmentId('Förskoleförvaltningen')] });
    for (const areaCode of ['TILLGANGLIGHET', 'RATTIGHETSBASERAD', 'DIGITALISERING', 'LOKAL_SERVICE', 'SAMARBETSPROCESS']) {
      const { id } = await drafts.createItem(TEST_ACTOR, round.id, { areaCode, title: `Insats inom ${areaCode}`, description: 'Beskrivning.' });
      await drafts.setResponsibilities(TEST_ACTOR, round.id, id, { responsibilities: [{ contactCentre: true, role: 'accountable', expectations: 'Leder.' }] });
    }
    await drafts.freeze(TEST_ACTOR, round.id);
    await ctx.dataSource.query(`insert into consultation (round_id, plan_version, reply_by, cover_letter) values ($1, 1, $2, 'Planen på remiss.')`, [round.id, addDays(today, 30)]);
    await steps.transition(TEST_ACTOR, round.id, { type: 'SEND_FOR_CONSULTATION' });
    await steps.transition(TEST_ACTOR, round.id, { type: 'CLOSE_CONSULTATION', force: true, reason: 'Alla svar inkomna' });
    await steps.transition(TEST_ACTOR, round.id, { type: 'SUBMIT_FOR_DECISION' });
  });
  beforeEach(() => {
    page = web.page;
  });

  const decisionForm = () => page.locator('#steg-record-decision');
  async function submit(button: Locator): Promise<void> {
    await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), button.click()]);
    await page.waitForLoadState();
  }

  it('asks for the date, the body and the §, explains a date in the future, and shows the recorded decision', async () => {
    await web.signIn(DEMO_USER.strategist);
    await web.open(`/planomgangar/${round.id}`);
    const form = decisionForm();
    await expect(form.getByLabel('Beslutande organ').inputValue()).resolves.toBe('Kommunstyrelsen');
    await web.expectAccessible();

    await form.getByLabel('Antagen').check();
    await form.getByLabel('Beslutsdatum').fill(addDays(today, 1));
    await form.getByLabel('Paragraf i protokollet (§)').fill('§ 210');
    await submit(form.getByRole('button', { name: 'Registrera beslutet' }));
    await expect(page.locator('.govuk-error-summary').innerText()).resolves.toContain('Beslutsdatum kan inte ligga i framtiden');
    await expect(decisionForm().getByLabel('Beslutsdatum').inputValue()).resolves.toBe(addDays(today, 1));
    await expect(decisionForm().getByLabel('Paragraf i protokollet (§)').inputValue()).resolves.toBe('§ 210');
    await web.expectAccessible();

    await decisionForm().getByLabel('Antagen').check();
    await decisionForm().getByLabel('Beslutsdatum').fill(today);
    await submit(decisionForm().getByRole('button', { name: 'Registrera beslutet' }));
    await expect(page.locator('.samverka-round-phase .govuk-tag').innerText()).resolves.toBe('Uppföljning');
    const decisions = page.locator('.samverka-decisions li');
    await expect(decisions.count()).resolves.toBe(1);
    await expect(decisions.first().innerText()).resolves.toContain(`Kommunstyrelsen beslutade ${formatSwedishDate(today)} (§ 210) om version 1 av planen.`);
    await web.expectAccessible();
  });
});
