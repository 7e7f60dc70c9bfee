import { ConsultationService } from '@samverka/consultation';
import { NeedService, SubmissionService } from '@samverka/needs';
import { PlanDraftService, PlanQueryService } from '@samverka/plan';
import { PlanRoundStepService, PlanRoundView } from '@samverka/rounds';
import { Locator, Page, Response } from 'playwright-core';
import { E2eContext } from '../support/e2e';
import { TEST_ACTOR } from '../support/given';
import { webSuite, DEMO_USER } from '../support/web-suite';

const { strategist: STRATEGIST, coordinator: COORDINATOR } = DEMO_USER;
const PRESCHOOL = 'Förskoleförvaltningen';
const CULTURE = 'Kulturförvaltningen';

/**
 * The plan's pages in a real Chromium with JavaScript switched off: a strategist starts the plan,
 * writes its texts, adds items in two areas answering handed-in needs, allocates R/A/C/I with
 * expectations, freezes version 1, sees the item without an accountable among the reasons that
 * stop consultation, changes one item, freezes version 2, and the diff shows exactly that change.
 * A second accountable is refused with the service's message and nothing is written. Every page
 * shown passes the one page check (axe, html-validate, no sideways scrolling).
 */
describe('the web UI: the plan', () => {
  let ctx: E2eContext;
  let page: Page;
  let plans: PlanQueryService;
  const web = webSuite();
  beforeAll(() => {
    ctx = web.ctx;
    plans = ctx.app.get(PlanQueryService);
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
  async function follow(target: Locator): Promise<void> {
    await target.click();
    await page.waitForLoadState();
  }
  const button = (name: string) => page.getByRole('button', { name, exact: true });
  const link = (name: string) => page.getByRole('link', { name, exact: true });
  const errorLinks = () => page.locator('.govuk-error-summary').getByRole('link');
  const banner = () => page.locator('.govuk-notification-banner--success');
  const h1 = () => page.locator('h1').textContent();

  /** A round drafting its plan, in which both departments handed in one need each. */
  const draftingRound = (): Promise<PlanRoundView> =>
    ctx.given.roundInDraftingPlan({ participantDepartmentIds: [web.departmentId(PRESCHOOL), web.departmentId(CULTURE)], need: { title: 'Vägledning på biblioteken' } });
  const planPath = (round: PlanRoundView) => `/planomgangar/${round.id}/plan`;
  const needGroup = (department: string) => page.getByRole('group', { name: department, exact: true });

  /** Fills one organisation's row of the responsibilities form. */
  async function allocate(organisation: string, role: string, expectations: string, hours: string): Promise<void> {
    await page.getByLabel(`Roll för ${organisation}`, { exact: true }).selectOption({ label: role });
    await page.getByLabel(`Förväntningar på ${organisation}`, { exact: true }).fill(expectations);
    await page.getByLabel(`Tid i timmar per år (valfritt) för ${organisation}`, { exact: true }).fill(hours);
  }

  it('lets a strategist build the plan, allocate responsibilities, freeze two versions and see exactly what changed', async () => {
    const round = await draftingRound();
    await web.signIn(STRATEGIST);

    // From the round page to the plan, which has none yet: the start form.
    await open(`/planomgangar/${round.id}`);
    await follow(link('Utvecklingsplan'));
    expect(page.url()).toBe(`${ctx.baseUrl}${planPath(round)}`);
    await expect(h1()).resolves.toBe('Utvecklingsplan');
    await expect(page.locator('.samverka-plan-state').textContent()).resolves.toContain('Planomgången har ingen plan ännu.');
    await expectAccessible();
    expect((await submit(button('Påbörja planen'))).status()).toBe(303);
    await expect(banner().textContent()).resolves.toContain('Planen är påbörjad.');
    await expect(page.locator('.samverka-plan-state').textContent()).resolves.toContain('Utkast. Ingen version är låst ännu.');
    await expect(link('2 behov saknar svar').getAttribute('href')).resolves.toBe(`${planPath(round)}/behov`);
    await expectAccessible();

    // The texts, with an area's introduction.
    await follow(link('Skriv planens texter'));
    await expect(h1()).resolves.toBe('Planens texter');
    await expectAccessible();
    await page.getByLabel('Inledning', { exact: true }).fill('Planen bygger på förvaltningarnas behov.');
    await page.getByLabel('Kontaktcenters uppdrag och mandat', { exact: true }).fill('Kontaktcenter ger vägledning och hänvisar.\n\nKontaktcenter fattar inga beslut i förvaltningarnas ärenden.');
    await page.getByLabel('Förvaltningarnas ansvar för de egna myndighetsprocesserna', { exact: true }).fill('Förvaltningarna handlägger och beslutar.');
    await page.getByLabel('Inledning för Lokal service', { exact: true }).fill('Service nära invånarna.');
    expect((await submit(button('Spara texterna'))).status()).toBe(303);
    await expect(banner().textContent()).resolves.toContain('Texterna är sparade.');
    await expect(page.locator('#text-contactCentreMandate + p + p').textContent()).resolves.toBe('Kontaktcenter fattar inga beslut i förvaltningarnas ärenden.');

    // An item in Lokal service, first without a title: the error summary names it and keeps what was typed.
    await follow(page.getByRole('link', { name: 'Lägg till en insats i Lokal service' }));
    await expect(h1()).resolves.toBe('Ny insats');
    await expect(page.getByLabel('Utvecklingsområde').inputValue()).resolves.toBe('LOKAL_SERVICE');
    await expect(page.locator('#startsOn-hint').textContent()).resolves.toContain('t.ex. 2027-03-01 eller 2027 T1');
    await expectAccessible();
    await page.getByLabel('Beskrivning', { exact: true }).fill('Bibliotekens personal vägleder i kommunala ärenden.');
    await page.getByLabel('Start (valfritt)').fill('2027 T1');
    await needGroup(PRESCHOOL).getByLabel('Vägledning på biblioteken').check();
    const invalid = await submit(button('Lägg till insatsen'));
    expect(invalid.status()).toBe(400);
    await expect(errorLinks().evaluateAll((as) => as.map((a) => a.getAttribute('href')))).resolves.toContain('#title');
    await expect(needGroup(PRESCHOOL).getByLabel('Vägledning på biblioteken').isChecked()).resolves.toBe(true);
    await expect(page.getByLabel('Start (valfritt)').inputValue()).resolves.toBe('2027 T1');
    await expectAccessible();
    await page.getByLabel('Rubrik', { exact: true }).fill('Vägledning på biblioteken');
    expect((await submit(button('Lägg till insatsen'))).status()).toBe(303);
    await expect(banner().textContent()).resolves.toContain('Insatsen är tillagd.');
    expect(page.url()).toBe(`${ctx.baseUrl}${planPath(round)}?klart=ny-insats#insats-LS-1`);

    // An item in Digitalisering answering the other department's need, code generated.
    await page.goto(`${ctx.baseUrl}${planPath(round)}/insatser/ny?omrade=DIGITALISERING`);
    await page.getByLabel('Rubrik', { exact: true }).fill('Chatt för frågor om kulturskolan');
    await page.getByLabel('Beskrivning', { exact: true }).fill('En chatt på webben.');
    await needGroup(CULTURE).getByLabel('Vägledning på biblioteken').check();
    expect((await submit(button('Lägg till insatsen'))).status()).toBe(303);
    const items = await page.locator('.samverka-plan-item h3').allTextContents();
    expect(items).toEqual(['DI-1 Chatt för frågor om kulturskolan', 'LS-1 Vägledning på biblioteken']);
    await expect(page.locator('#insats-LS-1').textContent()).resolves.toContain(`Vägledning på biblioteken (${PRESCHOOL})`);
    await expectAccessible();

    // R/A/C/I for LS-1: the contact centre accountable, one department responsible, the other informed.
    await follow(page.getByRole('link', { name: 'Fördela ansvar för LS-1' }));
    await expect(h1()).resolves.toBe('Ansvarsfördelning för LS-1');
    await expect(page.locator('fieldset legend').allTextContents()).resolves.toEqual(['Kontaktcenter', PRESCHOOL, CULTURE]);
    await expectAccessible();
    await allocate('Kontaktcenter', 'Ansvarig (A)', 'Leda arbetet och utbilda bibliotekens personal senast 2027-03-01.', '340');
    await allocate(PRESCHOOL, 'Utför (R)', 'Ta fram vägledningsmaterial om förskoleplats.', '120');
    await allocate(CULTURE, 'Informeras (I)', 'Få veta när vägledningen startar.', '');
    expect((await submit(button('Spara ansvarsfördelningen'))).status()).toBe(303);
    await expect(banner().textContent()).resolves.toContain('Ansvarsfördelningen är sparad.');
    const rows = page.locator('#insats-LS-1 .samverka-plan-responsibilities tbody tr');
    await expect(rows.evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent!.trim()).join(' | ')))).resolves.toEqual([
      'Kontaktcenter | Ansvarig (A) | Leda arbetet och utbilda bibliotekens personal senast 2027-03-01. | 340 h/år (0,20 åa)',
      `${PRESCHOOL} | Utför (R) | Ta fram vägledningsmaterial om förskoleplats. | 120 h/år (0,07 åa)`,
      `${CULTURE} | Informeras (I) | Få veta när vägledningen startar. | Inte uppskattad`,
    ]);
    await expectAccessible();

    // DI-1 gets a department consulted, but nobody accountable.
    await follow(page.getByRole('link', { name: 'Fördela ansvar för DI-1' }));
    await allocate(CULTURE, 'Rådfrågas (C)', 'Svara på frågor om kulturskolan.', '20');
    expect((await submit(button('Spara ansvarsfördelningen'))).status()).toBe(303);

    // Freezing asks first, naming the version and who is emailed; then the version's page.
    await follow(link('Lås en ny version'));
    await expect(h1()).resolves.toBe('Vill du låsa version 1 av planen?');
    await expect(page.locator('.samverka-plan-recipients li').allTextContents()).resolves.toEqual([PRESCHOOL, CULTURE]);
    await expectAccessible();
    expect((await submit(button('Lås versionen'))).status()).toBe(303);
    expect(page.url()).toBe(`${ctx.baseUrl}${planPath(round)}/versioner/1`);
    await expect(h1()).resolves.toBe('Utvecklingsplan, version 1');
    await expect(page.locator('.samverka-plan-item h3').allTextContents()).resolves.toEqual(['DI-1 Chatt för frågor om kulturskolan', 'LS-1 Vägledning på biblioteken']);
    await expect(page.getByRole('link', { name: 'Ändra insatsen LS-1' }).count()).resolves.toBe(0);
    await expectAccessible();

    // The plan page: version 1 locked; consultation is stopped by the item without an accountable.
    await open(planPath(round));
    await expect(page.locator('.samverka-plan-state').textContent()).resolves.toContain('Version 1 är den senast låsta versionen.');
    await expect(page.locator('.samverka-plan-blockers li').allTextContents()).resolves.toContain('Insatsen DI-1 saknar ansvarig (A)');
    await expect(page.locator('#insats-DI-1 .govuk-tag').allTextContents()).resolves.toContain('Saknar ansvarig (A)');
    await expect(link('Lås en ny version').count()).resolves.toBe(0);
    await expectAccessible();

    // One change to LS-1, then version 2.
    await follow(page.getByRole('link', { name: 'Ändra insatsen LS-1' }));
    await expect(h1()).resolves.toBe('Ändra insatsen LS-1');
    await expect(needGroup(PRESCHOOL).getByLabel('Vägledning på biblioteken').isChecked()).resolves.toBe(true);
    await expectAccessible();
    await page.getByLabel('Rubrik', { exact: true }).fill('Vägledning på alla bibliotek');
    expect((await submit(button('Spara ändringarna'))).status()).toBe(303);
    await expect(page.locator('.samverka-plan-state').textContent()).resolves.toContain('Utkastet har ändringar som inte är låsta (sedan version 1).');
    await follow(link('Lås en ny version'));
    await expect(h1()).resolves.toBe('Vill du låsa version 2 av planen?');
    await expect(page.locator('.samverka-plan-recipients li').allTextContents()).resolves.toEqual([CULTURE, PRESCHOOL].sort((a, b) => a.localeCompare(b, 'sv')));
    expect((await submit(button('Lås versionen'))).status()).toBe(303);
    expect(page.url()).toBe(`${ctx.baseUrl}${planPath(round)}/versioner/2`);

    // The diff: exactly LS-1's title, word by word.
    await follow(link('Vad som ändrades sedan föregående version'));
    expect(page.url()).toBe(`${ctx.baseUrl}${planPath(round)}/versioner/1/jamfor/2`);
    await expect(h1()).resolves.toBe('Ändringar från version 1 till version 2');
    await expect(page.locator('.samverka-plan-diff-item h3').allTextContents()).resolves.toEqual(['LS-1 Vägledning på alla bibliotek']);
    await expect(page.locator('.samverka-plan-diff-item dt').allTextContents()).resolves.toEqual(['Rubrik']);
    // Screen readers hear what was added and removed (the marks alone are not announced).
    await expect(page.locator('.samverka-plan-diff-item ins').allTextContents()).resolves.toEqual(['tillagt: alla bibliotek']);
    await expect(page.locator('.samverka-plan-diff-item del').allTextContents()).resolves.toEqual(['borttaget: biblioteken']);
    await expect(page.locator('.samverka-plan-diff-added, .samverka-plan-diff-removed, .samverka-plan-diff-responsibilities, .samverka-plan-diff-texts').count()).resolves.toBe(0);
    await expectAccessible();

    // The versions list, and the pick-two form (GET) back to the same comparison.
    await open(`${planPath(round)}/versioner`);
    await expect(page.locator('.samverka-plan-versions tbody th').allTextContents()).resolves.toEqual(['Version 2', 'Version 1']);
    await expectAccessible();
    await follow(button('Visa ändringarna'));
    expect(page.url()).toBe(`${ctx.baseUrl}${planPath(round)}/versioner/1/jamfor/2`);
  });

  it('refuses a second accountable (A) with the message in the error summary, and writes nothing', async () => {
    const round = await draftingRound();
    const drafts = ctx.app.get(PlanDraftService);
    await drafts.start(TEST_ACTOR, round.id, { startFrom: 'empty' });
    const item = await drafts.createItem(TEST_ACTOR, round.id, { areaCode: 'LOKAL_SERVICE', title: 'Vägledning', description: 'På biblioteken.' });
    await drafts.setResponsibilities(TEST_ACTOR, round.id, item.id, { responsibilities: [{ contactCentre: true, role: 'accountable', expectations: 'Leda arbetet.' }] });
    await web.signIn(STRATEGIST);
    await open(`${planPath(round)}/insatser/${item.id}/ansvar`);
    await allocate(PRESCHOOL, 'Ansvarig (A)', 'Också ansvarig.', '10');
    const refused = await submit(button('Spara ansvarsfördelningen'));
    expect(refused.status()).toBe(409);
    await expect(errorLinks().allTextContents()).resolves.toEqual([`Insatsen ${item.code} kan bara ha en ansvarig (A)`]);
    await expect(page.getByLabel(`Förväntningar på ${PRESCHOOL}`, { exact: true }).inputValue()).resolves.toBe('Också ansvarig.');
    await expectAccessible();
    const draft = await plans.draft(round.id);
    const saved = draft.document.areas.flatMap((a) => a.items).find((i) => i.id === item.id)!;
    expect(saved.responsibilities.map((r) => [r.organisation.name, r.role])).toEqual([['Kontaktcenter', 'accountable']]);
  });

  it("explains the item form's refusals at their fields: a term that is none, an end before the start, a code another item has", async () => {
    const round = await draftingRound();
    const drafts = ctx.app.get(PlanDraftService);
    await drafts.createItem(TEST_ACTOR, round.id, { areaCode: 'LOKAL_SERVICE', title: 'Vägledning', description: 'På biblioteken.' });
    await web.signIn(STRATEGIST);
    await open(`${planPath(round)}/insatser/ny?omrade=LOKAL_SERVICE`);
    await page.getByLabel('Kod (valfritt)').fill('ls-1');
    await page.getByLabel('Rubrik', { exact: true }).fill('Samma kod');
    await page.getByLabel('Beskrivning', { exact: true }).fill('En till.');
    await page.getByLabel('Start (valfritt)').fill('2027 T9');
    const invalid = await submit(button('Lägg till insatsen'));
    expect(invalid.status()).toBe(400);
    await expect(errorLinks().evaluateAll((as) => as.map((a) => a.getAttribute('href')))).resolves.toEqual(['#startsOn']);
    await expect(page.locator('#startsOn-error').count()).resolves.toBe(1);
    await page.getByLabel('Start (valfritt)').fill('2027 T1');
    await page.getByLabel('Slut (valfritt)').fill('2026-06-30');
    expect((await submit(button('Lägg till insatsen'))).status()).toBe(400);
    await expect(errorLinks().evaluateAll((as) => as.map((a) => a.getAttribute('href')))).resolves.toEqual(['#endsOn']);
    await page.getByLabel('Slut (valfritt)').fill('2027 T3');
    const taken = await submit(button('Lägg till insatsen'));
    expect(taken.status()).toBe(409);
    await expect(errorLinks().allTextContents()).resolves.toEqual(['Koden LS-1 används redan i planen']);
    await expect(errorLinks().getAttribute('href')).resolves.toBe('#code');
    await expect(page.getByLabel('Kod (valfritt)').inputValue()).resolves.toBe('LS-1');
    await expectAccessible();
    const draft = await plans.draft(round.id);
    expect(draft.document.areas.flatMap((a) => a.items).map((i) => i.title)).toEqual(['Vägledning']);
  });

  it('offers a city\'s worth of needs a page at a time, searchable, keeping what was typed and ticked until the item is saved', async () => {
    const collecting = await ctx.given.roundInCollectingNeeds({ participantDepartmentIds: [web.departmentId(PRESCHOOL), web.departmentId(CULTURE)] });
    const needs = ctx.app.get(NeedService);
    for (let i = 1; i <= 55; i++) {
      await needs.create(TEST_ACTOR, collecting.id, ctx.given.need(web.departmentId(PRESCHOOL), { title: `Förskolebehov ${String(i).padStart(2, '0')}` }));
    }
    await needs.create(TEST_ACTOR, collecting.id, ctx.given.need(web.departmentId(CULTURE), { title: 'Kulturkort på biblioteken' }));
    for (const name of [PRESCHOOL, CULTURE]) await ctx.app.get(SubmissionService).submit(TEST_ACTOR, collecting.id, web.departmentId(name));
    const round = await ctx.app.get(PlanRoundStepService).transition(TEST_ACTOR, collecting.id, { type: 'CLOSE_NEEDS' });
    await web.signIn(STRATEGIST);
    await open(`${planPath(round)}/insatser/ny?omrade=LOKAL_SERVICE`);
    const shown = () => page.locator('#behov-visas').textContent();
    const chosen = () => page.locator('.samverka-plan-need-group input:checked').evaluateAll((inputs) => inputs.map((i) => i.parentElement?.querySelector('label')?.textContent));
    await expect(shown()).resolves.toBe('Visar 1–50 av 56 behov att välja bland.');
    await expect(page.locator('.samverka-plan-need-group input[name="needIds"]').count()).resolves.toBe(50);
    await expect(button('Föregående behov').count()).resolves.toBe(0);

    // Typed and ticked, then the next page: nothing saved, everything kept, the ticked need among the chosen.
    await page.getByLabel('Rubrik', { exact: true }).fill('Vägledning om förskola och kultur');
    await page.getByLabel('Beskrivning', { exact: true }).fill('Samlad vägledning.');
    await needGroup(PRESCHOOL).getByLabel('Förskolebehov 01').check();
    expect((await submit(button('Nästa behov'))).status()).toBe(200);
    await expect(page.getByLabel('Rubrik', { exact: true }).inputValue()).resolves.toBe('Vägledning om förskola och kultur');
    await expect(page.getByRole('heading', { name: 'Valda behov (1)' }).count()).resolves.toBe(1);
    await expect(chosen()).resolves.toEqual(['Förskolebehov 01']);
    await expect(shown()).resolves.toBe('Visar 51–55 av 55 behov att välja bland.');
    await expect(page.locator('.samverka-plan-need-group input[name="needIds"]:not(:checked)').count()).resolves.toBe(5);
    await expectAccessible();

    // Enter in the search box searches (it does not save); the department narrows too.
    await page.getByLabel('Ord i behovets rubrik').fill('kulturkort');
    const [searched] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.getByLabel('Ord i behovets rubrik').press('Enter')]);
    await page.waitForLoadState();
    expect(searched.status()).toBe(200);
    await expect(shown()).resolves.toBe('Visar 1–1 av 1 behov som matchar sökningen.');
    await needGroup(CULTURE).getByLabel('Kulturkort på biblioteken').check();
    await page.getByLabel('Ord i behovets rubrik').fill('');
    await page.getByLabel('Förvaltning', { exact: true }).selectOption({ label: CULTURE });
    expect((await submit(button('Sök behov'))).status()).toBe(200);
    await expect(shown()).resolves.toBe('Inga behov matchar sökningen.'); // the department's one need is chosen
    await expect(chosen()).resolves.toEqual(['Förskolebehov 01', 'Kulturkort på biblioteken']);
    expect(await plans.draft(round.id).then((d) => d.document.areas.flatMap((a) => a.items))).toEqual([]);

    // Saved: the item answers both needs.
    expect((await submit(button('Lägg till insatsen'))).status()).toBe(303);
    await expect(page.locator('#insats-LS-1').textContent()).resolves.toContain(`Förskolebehov 01 (${PRESCHOOL})`);
    await expect(page.locator('#insats-LS-1').textContent()).resolves.toContain(`Kulturkort på biblioteken (${CULTURE})`);
  });

  it('shows a coordinator the latest frozen version instead of the draft, and none of the forms', async () => {
    const round = await draftingRound();
    const drafts = ctx.app.get(PlanDraftService);
    await drafts.createItem(TEST_ACTOR, round.id, { areaCode: 'LOKAL_SERVICE', title: 'Vägledning', description: 'På biblioteken.' });
    await web.signIn(COORDINATOR);
    const before = await open(planPath(round));
    expect(page.url()).toBe(`${ctx.baseUrl}${planPath(round)}/versioner`);
    expect(before.status()).toBe(200);
    await expect(page.locator('main').textContent()).resolves.toContain('Planen har ingen låst version ännu.');
    await expectAccessible();
    await drafts.freeze(TEST_ACTOR, round.id);
    await open(planPath(round));
    expect(page.url()).toBe(`${ctx.baseUrl}${planPath(round)}/versioner/1`);
    await expect(page.locator('.samverka-plan-item h3').allTextContents()).resolves.toEqual(['LS-1 Vägledning']);
    await expect(page.getByRole('link', { name: /Ändra insatsen|Fördela ansvar|Ta bort insatsen/ }).count()).resolves.toBe(0);
    await expectAccessible();
    for (const path of ['texter', 'insatser/ny', 'las']) expect({ path, status: (await open(`${planPath(round)}/${path}`)).status() }).toEqual({ path, status: 403 });
  });
  it('shows the plan read only once the round has gone to consultation, and answers its forms with why (409)', async () => {
    const round = await ctx.given.roundInDraftingPlan({ participantDepartmentIds: [web.departmentId(PRESCHOOL)], areas: [{ code: 'LOKAL_SERVICE', name: 'Lokal service' }] });
    const drafts = ctx.app.get(PlanDraftService);
    const item = await drafts.createItem(TEST_ACTOR, round.id, { areaCode: 'LOKAL_SERVICE', title: 'Vägledning', description: 'På biblioteken.' });
    await drafts.setResponsibilities(TEST_ACTOR, round.id, item.id, { responsibilities: [{ contactCentre: true, role: 'accountable', expectations: 'Leda arbetet.' }] });
    await drafts.freeze(TEST_ACTOR, round.id);
    await ctx.app.get(ConsultationService).prepare(TEST_ACTOR, round.id, { planVersion: 1, replyBy: round.deadlines.consultationReply!, coverLetter: 'Planen på remiss.' });
    await web.signIn(STRATEGIST);
    await open(planPath(round));
    await expect(page.locator('.samverka-plan-consultation').textContent()).resolves.toContain('Planen kan skickas på remiss från planomgångens sida.');
    await ctx.app.get(PlanRoundStepService).transition(TEST_ACTOR, round.id, { type: 'SEND_FOR_CONSULTATION' });
    await open(planPath(round));
    await expect(page.locator('.samverka-plan-state').textContent()).resolves.toContain('Planen kan ändras bara medan planomgången tar fram planen.');
    await expect(page.getByRole('link', { name: /Ändra insatsen|Fördela ansvar|Lägg till en insats|Skriv planens texter|Lås en ny version/ }).count()).resolves.toBe(0);
    await expectAccessible();
    const refused = await open(`${planPath(round)}/insatser/${item.id}/ansvar`);
    expect(refused.status()).toBe(409);
    await expect(page.locator('main').textContent()).resolves.toContain('Planen kan bara ändras medan planomgången tar fram planen');
    await expectAccessible();
  });
});
