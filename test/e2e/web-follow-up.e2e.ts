import { FollowUpService } from '@samverka/follow-up';
import { addDays } from '@samverka/kernel';
import { PlanRoundQueryService } from '@samverka/rounds';
import { Locator, Page } from 'playwright-core';
import { TEST_ACTOR } from '../support/given';
import { GivenFollowUp, RoundInFollowUp } from '../support/given-follow-up';
import { DEMO_USER, webSuite } from '../support/web-suite';

/**
 * The follow-up in the web UI (JavaScript off): the round page links it; a coordinator reports on an item
 * of the department through the form (cause and need required when delayed, explained at the fields with
 * what was typed kept), then corrects it; strategists change the periods; every page passes the page check.
 */
describe('the web UI: the follow-up', () => {
  let page: Page;
  let adopted: RoundInFollowUp;
  let p1: string;
  const web = webSuite();

  beforeAll(async () => {
    const ctx = web.ctx;
    const today = ctx.app.get(PlanRoundQueryService).today();
    const preschool = web.departmentId('Förskoleförvaltningen');
    const culture = web.departmentId('Kulturförvaltningen');
    adopted = await new GivenFollowUp(ctx.app, ctx.given).roundInFollowUp({
      year: 2047,
      decidedOn: today,
      participantDepartmentIds: [preschool, culture],
      items: [
        { areaCode: 'LOKAL_SERVICE', title: 'Vägledning på förskolorna', responsibilities: [{ departmentId: preschool, role: 'responsible', effortHours: 100 }, { contactCentre: true, role: 'accountable' }] },
        { areaCode: 'LOKAL_SERVICE', title: 'Publika datorer på biblioteken', responsibilities: [{ departmentId: culture, role: 'responsible', effortHours: 300 }, { contactCentre: true, role: 'accountable' }] },
      ],
    });
    const periods = await ctx.app.get(FollowUpService).setPeriods(TEST_ACTOR, adopted.round.id, { periods: [{ label: 'Första tertialen', dueOn: addDays(today, -20) }, { label: 'Andra tertialen', dueOn: addDays(today, 60) }] });
    p1 = periods[0].id;
  });
  beforeEach(() => {
    page = web.page;
  });

  const base = () => `/planomgangar/${adopted.round.id}/uppfoljning`;
  async function submit(button: Locator): Promise<void> {
    await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), button.click()]);
    await page.waitForLoadState();
  }

  it('lets a coordinator report through the form, explains what a delay needs, and keeps the correction beside the first report', async () => {
    await web.signIn(DEMO_USER.coordinator);
    await web.open(`/planomgangar/${adopted.round.id}`);
    await Promise.all([page.waitForLoadState(), page.getByRole('link', { name: /^Uppföljning/ }).click()]);
    expect(new URL(page.url()).pathname).toBe(base());
    await expect(page.locator('#forsenade').isVisible()).resolves.toBe(true);
    await expect(page.locator('table').filter({ hasText: 'Rapporter vars sista rapportdag' }).innerText()).resolves.toContain('Förskoleförvaltningen');
    await web.expectAccessible();

    await Promise.all([page.waitForLoadState(), page.getByRole('link', { name: `${adopted.items[0].code} Vägledning på förskolorna` }).first().click()]);
    await expect(page.getByText('Du rapporterar för Förskoleförvaltningen').isVisible()).resolves.toBe(true);
    await web.expectAccessible();
    await page.getByLabel('Rapportperiod').selectOption(p1);
    await page.getByLabel('Försenad').check();
    await page.getByLabel('Färdigt (%)').fill('40');
    await page.getByLabel('Kommentar').fill('Utbildningen av personalen har börjat.');
    await submit(page.getByRole('button', { name: 'Skicka rapporten' }));
    const summary = await page.locator('.govuk-error-summary').innerText();
    expect(summary).toContain('Beskriv orsaken');
    expect(summary).toContain('Beskriv vad som behövs');
    await expect(page.getByLabel('Kommentar').inputValue()).resolves.toBe('Utbildningen av personalen har börjat.');
    await expect(page.getByLabel('Färdigt (%)').inputValue()).resolves.toBe('40');
    await web.expectAccessible();

    await page.getByLabel('Orsak').fill('Två förskolor saknar bemanning.');
    await page.getByLabel('Vad som behövs').fill('Vikarier under utbildningsdagarna.');
    await submit(page.getByRole('button', { name: 'Skicka rapporten' }));
    await expect(page.locator('.govuk-notification-banner').innerText()).resolves.toContain('Rapporten är sparad');
    await web.expectAccessible();

    await page.getByLabel('Rapportperiod').selectOption(p1);
    await page.getByLabel('Enligt plan').check();
    await page.getByLabel('Färdigt (%)').fill('60');
    await page.getByLabel('Kommentar').fill('Rättat: bemanningen är löst.');
    await submit(page.getByRole('button', { name: 'Skicka rapporten' }));
    const history = page.locator('.samverka-report');
    await expect(history.count()).resolves.toBe(2);
    await expect(history.nth(0).innerText()).resolves.toContain('Rättelse 1');
    await expect(history.nth(1).innerText()).resolves.toContain('Två förskolor saknar bemanning.');

    await web.open(base());
    await expect(page.locator('#hela-planen').innerText()).resolves.toContain('60 % klart');
    await expect(page.locator('#forsenade').isVisible()).resolves.toBe(true);
    await web.open(`${base()}/forvaltningar/${web.departmentId('Förskoleförvaltningen')}`);
    await expect(page.locator('h1').innerText()).resolves.toBe('Uppföljning för Förskoleförvaltningen');
    await expect(page.getByText('Inga rapporter är försenade.').isVisible()).resolves.toBe(true);
    await web.expectAccessible();
  });

  it('shows management the follow-up without a report form', async () => {
    await web.signIn(DEMO_USER.management);
    await web.open(`${base()}/insatser/${adopted.items[0].id}`);
    await expect(page.getByRole('button', { name: 'Skicka rapporten' }).count()).resolves.toBe(0);
    await web.expectAccessible();
    await web.open(`${base()}/forvaltningar/${web.departmentId('Kulturförvaltningen')}`);
    await expect(page.locator('.samverka-roll-up').innerText()).resolves.toContain('Ej rapporterad');
    await web.expectAccessible();
  });

  it('lets a strategist add a period and explains a date that is no date', async () => {
    await web.signIn(DEMO_USER.strategist);
    await web.open(base());
    await Promise.all([page.waitForLoadState(), page.getByRole('link', { name: 'Ändra rapportperioderna' }).click()]);
    await web.expectAccessible();
    await page.locator('#label-2').fill('Tredje tertialen');
    await page.locator('#dueOn-2').fill('2099-02-30');
    await submit(page.getByRole('button', { name: 'Spara perioderna' }));
    await expect(page.locator('.govuk-error-summary').innerText()).resolves.toContain('Sista rapportdag måste vara ett riktigt datum');
    await expect(page.locator('#label-2').inputValue()).resolves.toBe('Tredje tertialen');
    await web.expectAccessible();
    await page.locator('#dueOn-2').fill('2099-01-15');
    await submit(page.getByRole('button', { name: 'Spara perioderna' }));
    await expect(page.locator('.govuk-notification-banner').innerText()).resolves.toContain('Rapportperioderna är sparade');
    await expect(page.locator('#label-2').inputValue()).resolves.toBe('Tredje tertialen');
    await web.open(`${base()}?periodId=${p1}`);
    await expect(page.getByLabel('Rapportperiod').locator('option').count()).resolves.toBe(3);
    await web.expectAccessible();
  });
});
