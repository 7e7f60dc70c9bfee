import { FollowUpService } from '@samverka/follow-up';
import { addDays } from '@samverka/kernel';
import { PlanRoundQueryService } from '@samverka/rounds';
import { randomUUID } from 'node:crypto';
import { Locator, Page, Response } from 'playwright-core';
import { TEST_ACTOR } from '../support/given';
import { GivenFollowUp, RoundInFollowUp } from '../support/given-follow-up';
import { principal } from '../support/principals';
import { DEMO_USER, webSuite } from '../support/web-suite';

/**
 * Next year's round from this one, over HTTP and in Chromium with JavaScript off: `POST /api/v1/rounds`
 * with `fromRoundId` (201, 422 for an unknown round, 403 for anyone but a strategist), and the new-round
 * form's "Starta från föregående omgång", which fills the form in from the earlier round; either way
 * the new round's plan starts with exactly the unfinished items of the adopted one.
 */
describe("next year's round from this one", () => {
  const web = webSuite();
  let page: Page;
  let previous: RoundInFollowUp;
  let today: string;

  beforeAll(async () => {
    const ctx = web.ctx;
    today = ctx.app.get(PlanRoundQueryService).today();
    const fsk = web.departmentId('Förskoleförvaltningen');
    const me = randomUUID();
    await ctx.dataSource.query(`insert into person (id, name, email) values ($1, 'Rapportör', 'rapportor-next@malmo.example')`, [me]);
    previous = await new GivenFollowUp(ctx.app, ctx.given).roundInFollowUp({
      year: 2070,
      participantDepartmentIds: [fsk],
      decidedOn: addDays(today, -1),
      items: [
        { areaCode: 'LOKAL_SERVICE', title: 'Klar insats', responsibilities: [{ departmentId: fsk, role: 'responsible', effortHours: 10 }, { contactCentre: true, role: 'accountable' }] },
        { areaCode: 'LOKAL_SERVICE', title: 'Pågående insats', responsibilities: [{ departmentId: fsk, role: 'responsible', effortHours: 20 }, { contactCentre: true, role: 'accountable' }] },
      ],
    });
    const followUp = ctx.app.get(FollowUpService);
    const [period] = await followUp.periods(previous.round.id);
    const reporter = principal({ personId: me, coordinator: [fsk] });
    const report = { periodId: period.id, departmentId: fsk, comment: 'Läget.' };
    await followUp.report(reporter, TEST_ACTOR, previous.round.id, previous.items[0].id, { ...report, status: 'done', progress: 100 });
    await followUp.report(reporter, TEST_ACTOR, previous.round.id, previous.items[1].id, { ...report, status: 'at_risk', progress: 30, cause: 'Orsak', needed: 'Stöd' });
  });
  beforeEach(() => {
    page = web.page;
  });

  const carried = async (roundId: string) =>
    (await web.ctx.dataSource.query('select code, status, carried_over_from_code as "from" from plan_item where round_id = $1 and area_code = $2 order by position', [roundId, 'LOKAL_SERVICE'])) as Array<{ code: string; status: string; from: string }>;

  it('API: a strategist creates it (201) with the proposed deadlines and the unfinished items; an unknown round is 422; others are refused', async () => {
    const strategist = await web.ctx.as([{ role: 'strategist' }]);
    const manager = await web.ctx.as([{ role: 'management', departmentId: web.departmentId('Förskoleförvaltningen') }]);
    const body = { title: 'Utvecklingsplan för kontaktcenter 2072 och framåt', year: 2072, caseNumber: 'STK-2071-1', fromRoundId: previous.round.id };

    expect((await manager.api('POST', '/api/v1/rounds', body)).status).toBe(403);
    const unknown = await strategist.api('POST', '/api/v1/rounds', { ...body, fromRoundId: randomUUID() });
    expect(unknown.status).toBe(422);
    expect(unknown.body.details).toEqual([expect.objectContaining({ field: 'fromRoundId', rule: 'exists' })]);

    const created = await strategist.api('POST', '/api/v1/rounds', body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ state: 'preparing', areas: previous.round.areas, participants: [expect.objectContaining({ name: 'Förskoleförvaltningen' })] });
    const { needs } = created.body.deadlines as { needs: string };
    expect(needs > previous.round.deadlines.needs).toBe(true);
    expect(created.body.assignmentsEnding).toEqual(expect.any(Array));
    expect(await carried(created.body.id as string)).toEqual([{ code: previous.items[1].code, status: 'ongoing', from: previous.items[1].code }]);
  });

  const button = (name: string) => page.getByRole('button', { name, exact: true });
  async function submit(target: Locator): Promise<Response> {
    const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), target.click()]);
    await page.waitForLoadState();
    return response;
  }

  it('browser: the new-round form fills itself in from the earlier round and saves the round with the unfinished items', async () => {
    await web.signIn(DEMO_USER.strategist);
    await web.open('/planomgangar/ny');
    await web.expectAccessible();
    await page.getByLabel('Starta från föregående omgång').selectOption(previous.round.id);
    await Promise.all([page.waitForURL(/fran=/), button('Fyll i från omgången').click()]);
    await expect(page.locator('.samverka-start-from-chosen').textContent()).resolves.toContain(previous.round.title);
    await expect(page.locator('#year').inputValue()).resolves.toBe('2071');
    const proposal = await web.ctx.app.get(PlanRoundQueryService).nextRoundProposal(previous.round.id);
    await expect(page.locator('#needsDeadline').inputValue()).resolves.toBe(proposal!.deadlines.needs);
    await web.expectAccessible();

    await page.locator('#caseNumber').fill('STK-2070-9');
    const saved = await submit(button('Spara som förberedelse'));
    expect(saved.status()).toBe(303);
    const id = /planomgangar\/([0-9a-f-]{36})/.exec(page.url())![1];
    expect(await carried(id)).toEqual([{ code: previous.items[1].code, status: 'ongoing', from: previous.items[1].code }]);

    // an unknown round to start from is said at the choice
    const refused = await web.open(`/planomgangar/ny?fran=${randomUUID()}`);
    expect(refused.status()).toBe(422);
    await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain('Planomgången finns inte');
    await web.expectAccessible();
  });
});
