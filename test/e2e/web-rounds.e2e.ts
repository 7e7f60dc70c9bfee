import { addDays, formatSwedishDate } from '@samverka/kernel';
import { SUBMISSION_STATUS_LABELS } from '@samverka/needs';
import { NotificationEntity } from '@samverka/notifications';
import { PlanRoundCommandService, PlanRoundQueryService, PlanRoundStepService, PlanRoundView } from '@samverka/rounds';
import { Locator, Page, Response } from 'playwright-core';
import { E2eContext } from '../support/e2e';
import { TEST_ACTOR } from '../support/given';
import { webSuite, DEMO_USER } from '../support/web-suite';

const { admin: ADMIN, strategist: STRATEGIST, coordinator: COORDINATOR, management: MANAGEMENT } = DEMO_USER;


/** The demo city's users (password DEMO_PASSWORD). */

/**
 * Planomgångar in the web UI, in a real Chromium with JavaScript switched
 * off: a strategist creates and launches a round through the form and steers
 * it with the step forms (a blocked step is disabled with its reasons, and
 * can be forced with a motivation); participants read it; others are refused.
 * The e2e app runs on the system clock: dates are relative to the service's today.
 */
describe('the web UI: plan rounds', () => {
  let ctx: E2eContext;
  let page: Page;
  let rounds: PlanRoundQueryService;
  let commands: PlanRoundCommandService;
  let steps: PlanRoundStepService;
  let today: string;
  let nextYear = 2040;

  const web = webSuite();
  beforeAll(() => {
    ctx = web.ctx;
    rounds = ctx.app.get(PlanRoundQueryService);
    commands = ctx.app.get(PlanRoundCommandService);
    steps = ctx.app.get(PlanRoundStepService);
    today = rounds.today();
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

  /** A round made through the service (each in a year of its own), collecting needs unless `launch` is false. */
  async function roundFor(departments: string[], launch = true): Promise<PlanRoundView> {
    const year = nextYear++;
    const round = await commands.create(TEST_ACTOR, {
      title: `Utvecklingsplan för kontaktcenter ${year} och framåt`,
      year,
      caseNumber: `STK-${year}-0001`,
      participantDepartmentIds: departments.map((d) => web.departmentId(d)),
      deadlines: { needs: addDays(today, 30), consultationReply: addDays(today, 90), decision: addDays(today, 150) },
    });
    return launch ? steps.transition(TEST_ACTOR, round.id, { type: 'LAUNCH' }) : round;
  }

  const roundPath = (id: string) => `/planomgangar/${id}`;
  const button = (name: string) => page.getByRole('button', { name, exact: true });
  const errorSummary = () => page.locator('.govuk-error-summary');
  const banner = () => page.locator('.govuk-notification-banner--success');
  const phase = () => page.locator('.samverka-round-phase .govuk-tag');
  const participantRow = (name: string) => page.locator('table.samverka-participants tbody tr').filter({ hasText: name });
  const historyRows = () => page.locator('table.samverka-round-history tbody tr');
  const stepForms = () => page.locator('form[action$="/steg"]');

  it('lets a strategist create a round through the form and start collecting needs; the page shows the phase, the blocked close and who has done what', async () => {
    await signIn(STRATEGIST);
    await expect(page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link').allTextContents()).resolves.toEqual(
      ['Start', 'Förvaltningar', 'Planomgångar'].map((t) => expect.stringContaining(t)),
    );
    await open('/planomgangar');
    await expect(page.title()).resolves.toBe('Planomgångar – Samverka');
    await expectAccessible();
    await page.getByRole('link', { name: 'Ny planomgång' }).click();
    await page.waitForLoadState();
    expect(page.url()).toBe(`${ctx.baseUrl}/planomgangar/ny`);

    // Next year's plan, every active department and the five areas, to start with.
    const year = Number(today.slice(0, 4)) + 1;
    await expect(page.getByLabel('Titel').inputValue()).resolves.toBe(`Utvecklingsplan för kontaktcenter ${year} och framåt`);
    await expect(page.getByLabel('År', { exact: true }).inputValue()).resolves.toBe(String(year));
    const participants = page.locator('input[name=participantDepartmentIds]');
    await expect(participants.count()).resolves.toBe(13);
    await expect(page.locator('input[name=participantDepartmentIds]:checked').count()).resolves.toBe(13);
    await expect(page.locator('#areas-3-name').inputValue()).resolves.toBe('Lokal service');
    await expectAccessible();

    const needs = addDays(today, 30);
    await page.getByLabel('Diarienummer').fill('STK-2026-1400');
    await page.getByLabel('Sista dag för behov').fill(needs);
    await page.getByLabel('Sista dag för remissvar (valfritt)').fill(addDays(today, 90));
    await page.getByLabel('Planerat beslut (valfritt)').fill(addDays(today, 150));
    await page.getByLabel('Kulturförvaltningen', { exact: true }).uncheck();
    await page.locator('#areas-5-code').fill('bibliotek');
    await page.locator('#areas-5-name').fill('Bibliotek som servicepunkter');
    await page.getByLabel('Stäng behovsinsamlingen automatiskt').check();
    const response = await submit(button('Skapa och starta behovsinsamlingen'));

    // The round is saved; launching asks first, on a page of its own: who will be emailed, and which departments nobody.
    expect(response.status()).toBe(303);
    expect(page.url()).toMatch(new RegExp(`/planomgangar/[0-9a-f-]{36}/starta\\?skapad=1$`));
    const id = new URL(page.url()).pathname.split('/')[2];
    await expect(rounds.view(id)).resolves.toMatchObject({ state: 'preparing' });
    await expect(page.locator('h1').textContent()).resolves.toBe('Starta behovsinsamlingen');
    await expect(banner().textContent()).resolves.toContain('Planomgången är skapad och sparad som förberedelse.');
    const promised = Number((await page.locator('.samverka-launch-recipients').textContent())!.match(/^(\d+) personer får e-post/)![1]);
    await expect(page.locator('.samverka-launch-uncovered li').allTextContents()).resolves.toContain('Miljöförvaltningen');
    await expectAccessible();
    const launched = await submit(button('Starta behovsinsamlingen'));

    expect(launched.status()).toBe(303);
    expect(page.url()).toBe(`${ctx.baseUrl}/planomgangar/${id}?steg=LAUNCH`);
    await expect(banner().textContent()).resolves.toContain('Behovsinsamlingen har startat.');
    // As many people were emailed as the confirmation said.
    const queued = await ctx.dataSource
      .getRepository<NotificationEntity>('NotificationEntity')
      .createQueryBuilder('n')
      .where('n.dedup_key like :launched or n.dedup_key like :phase', { launched: `round.launched:${id}:%`, phase: `round.phase_changed:${id}:%` })
      .getMany();
    expect(promised).toBeGreaterThan(0);
    expect(new Set(queued.map((n) => n.recipientEmail)).size).toBe(promised);
    await expect(page.locator('h1').textContent()).resolves.toBe(`Utvecklingsplan för kontaktcenter ${year} och framåt`);
    await expect(page.locator('.govuk-caption-xl').textContent()).resolves.toContain('STK-2026-1400');
    await expect(phase().textContent()).resolves.toBe('Behovsinsamling');
    await expect(page.locator('.samverka-current-deadline').textContent()).resolves.toContain(`Sista dag för behov: ${formatSwedishDate(needs)}`);

    // The timeline: preparation done, collecting needs current (with its deadline), the rest to come.
    const current = page.locator('.samverka-timeline li[aria-current="step"]');
    await expect(current.count()).resolves.toBe(1);
    await expect(current.locator('h3').textContent()).resolves.toBe('Behovsinsamling');
    await expect(current.textContent()).resolves.toContain(`Sista dag för behov: ${formatSwedishDate(needs)}`);
    await expect(current.textContent()).resolves.toContain(`Sedan ${formatSwedishDate(today)}`);
    await expect(page.locator('.samverka-timeline li').first().textContent()).resolves.toContain('Klar');
    await expect(page.locator('.samverka-timeline li').nth(2).textContent()).resolves.toContain('Kommande');

    // Nobody has submitted needs yet: the close is disabled, with the reason right under it.
    const close = button('Stäng behovsinsamlingen');
    await expect(close.isDisabled()).resolves.toBe(true);
    const describedBy = (await close.getAttribute('aria-describedby'))!;
    await expect(page.locator(`#${describedBy}`).textContent()).resolves.toContain('12 förvaltningar har inte lämnat in behov');
    await expect(button('Stäng ändå – Stäng behovsinsamlingen').isEnabled()).resolves.toBe(true);

    // What each department has done, and who coordinates it.
    await expect(page.locator('table.samverka-participants tbody tr').count()).resolves.toBe(12);
    await expect(participantRow('Kulturförvaltningen').count()).resolves.toBe(0);
    await expect(participantRow('Miljöförvaltningen').textContent()).resolves.toContain('Saknar samordnare');
    const preschool = participantRow('Förskoleförvaltningen');
    await expect(preschool.textContent()).resolves.toContain('Annika Åsberg');
    await expect(preschool.textContent()).resolves.toContain(SUBMISSION_STATUS_LABELS.draft);
    await expect(historyRows().locator('td:nth-child(3)').allTextContents()).resolves.toEqual(['Startade behovsinsamlingen', 'Skapade planomgången']);
    await expect(historyRows().first().locator('td').nth(1).textContent()).resolves.toBe('Erik Strand');
    await expectAccessible();

    // What was saved: the chosen participants and areas, the auto-close.
    const saved = await rounds.view(id);
    expect(saved).toMatchObject({ state: 'collectingNeeds', caseNumber: 'STK-2026-1400', autoClose: { needs: true, consultation: false } });
    expect(saved.participants.map((p) => p.name)).not.toContain('Kulturförvaltningen');
    expect(saved.areas.map((a) => a.code)).toEqual(['TILLGANGLIGHET', 'RATTIGHETSBASERAD', 'DIGITALISERING', 'LOKAL_SERVICE', 'SAMARBETSPROCESS', 'BIBLIOTEK']);

    // The list shows it with its phase and deadline.
    await open('/planomgangar');
    const row = page.locator('table.samverka-rounds tbody tr').filter({ hasText: 'STK-2026-1400' });
    await expect(row.locator('td').allTextContents()).resolves.toEqual([String(year), 'STK-2026-1400', 'Behovsinsamling', `Sista dag för behov: ${formatSwedishDate(needs)}`]);
    expect(await row.getByRole('link').getAttribute('href')).toBe(roundPath(id));
    await expectAccessible();
  });

  it('shows the form again with an error summary naming each wrong field, keeping what was typed, and creates nothing', async () => {
    await signIn(STRATEGIST);
    await open('/planomgangar/ny');
    const before = (await rounds.list({ all: true, departmentIds: [], committeeIds: [] })).length;
    await page.getByLabel('Titel').fill('');
    await page.getByLabel('Diarienummer').fill('STK-2026-2000');
    await page.getByLabel('Sista dag för behov').fill(addDays(today, 30));
    await page.getByLabel('Planerat beslut (valfritt)').fill(addDays(today, 10));
    const response = await submit(button('Spara som förberedelse'));

    expect(response.status()).toBe(400);
    expect(page.url()).toBe(`${ctx.baseUrl}/planomgangar`);
    await expect(page.title()).resolves.toBe('Fel: Ny planomgång – Samverka');
    const links = errorSummary().getByRole('link');
    await expect(links.allTextContents()).resolves.toEqual(['Ange en titel', 'Datum för planerat beslut måste ligga efter sista dag för behov']);
    await expect(links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).resolves.toEqual(['#title', '#decisionDeadline']);
    await expect(page.locator('#title-error').textContent()).resolves.toBe('Fel: Ange en titel');
    await expect(page.locator('#decisionDeadline-error').textContent()).resolves.toContain('måste ligga efter sista dag för behov');
    await expect(page.getByLabel('Diarienummer').inputValue()).resolves.toBe('STK-2026-2000');
    await expect(page.getByLabel('Planerat beslut (valfritt)').inputValue()).resolves.toBe(addDays(today, 10));
    await expect(page.locator('input[name=participantDepartmentIds]:checked').count()).resolves.toBe(13);
    await expectAccessible();
    await expect(rounds.list({ all: true, departmentIds: [], committeeIds: [] })).resolves.toHaveLength(before);
  });

  it('forces the close of collecting needs with a motivation, and refuses a step on a stale page with the conflict and nothing changed', async () => {
    const round = await roundFor(['Förskoleförvaltningen', 'Miljöförvaltningen', 'Serviceförvaltningen']);
    await signIn(STRATEGIST);
    await open(roundPath(round.id));
    const force = button('Stäng ändå – Stäng behovsinsamlingen');
    const motivation = page.getByLabel('Motivering', { exact: true });

    // Forcing asks for the motivation.
    const empty = await submit(force);
    expect(empty.status()).toBe(400);
    await expect(errorSummary().getByRole('link').allTextContents()).resolves.toEqual(['Skriv en motivering till varför du stänger ändå']);
    expect(await errorSummary().getByRole('link').getAttribute('href')).toBe('#close-needs-force-reason');
    await expect(phase().textContent()).resolves.toBe('Behovsinsamling');

    // Someone changes the round after the page was shown: the step is refused, and the page shows the round as it is now.
    await commands.update(TEST_ACTOR, round.id, { title: 'Utvecklingsplan (ändrad titel)' });
    await motivation.fill('Nämnderna behöver planen före årsskiftet');
    const stale = await submit(force);
    expect(stale.status()).toBe(409);
    await expect(errorSummary().textContent()).resolves.toContain('Planomgången har ändrats av någon annan');
    await expect(page.locator('h1').textContent()).resolves.toBe('Utvecklingsplan (ändrad titel)');
    await expect(phase().textContent()).resolves.toBe('Behovsinsamling');
    await expect(rounds.view(round.id)).resolves.toMatchObject({ state: 'collectingNeeds', forcedSteps: [] });
    expect((await rounds.historyOf(round.id)).map((e) => e.type)).toEqual(['CREATED', 'LAUNCH', 'UPDATED']);
    await expect(motivation.inputValue()).resolves.toBe('Nämnderna behöver planen före årsskiftet');

    // From the fresh page the same step goes through.
    const forced = await submit(force);
    expect(forced.status()).toBe(303);
    expect(page.url()).toBe(`${ctx.baseUrl}${roundPath(round.id)}?steg=CLOSE_NEEDS`);
    await expect(banner().textContent()).resolves.toContain('Behovsinsamlingen är stängd (framtvingad). Planomgången är nu i fasen planarbete.');
    await expect(phase().textContent()).resolves.toBe('Planarbete');
    await expect(page.locator('.samverka-timeline li[aria-current="step"] h3').textContent()).resolves.toBe('Planarbete');
    const latest = historyRows().first();
    await expect(latest.locator('td').nth(2).textContent()).resolves.toContain('Stängde behovsinsamlingen (framtvingad): Nämnderna behöver planen före årsskiftet');
    await expect(latest.locator('td').nth(2).textContent()).resolves.toContain('Villkor som inte var uppfyllda: 3 förvaltningar har inte lämnat in behov');
    await expect(latest.locator('td').nth(3).textContent()).resolves.toBe('Behovsinsamling → Planarbete');
    await expect(page.locator('#framtvingade-steg + ul').textContent()).resolves.toContain('Nämnderna behöver planen före årsskiftet');
    await expect(rounds.view(round.id)).resolves.toMatchObject({ state: 'draftingPlan' });
    await expectAccessible();
  });

  it("shows a participating department's coordinator the round without any step forms, and refuses others the rounds their department is not in", async () => {
    const theirs = await roundFor(['Förskoleförvaltningen', 'Serviceförvaltningen']);
    const other = await roundFor(['Kulturförvaltningen'], false);

    await signIn(COORDINATOR);
    await open('/planomgangar');
    const listed = page.locator('table.samverka-rounds tbody th');
    await expect(listed.allTextContents()).resolves.toContain(theirs.title);
    await expect(listed.allTextContents()).resolves.not.toContain(other.title);
    await expect(page.getByRole('link', { name: 'Ny planomgång' }).count()).resolves.toBe(0);
    // Their own department's status in each round they take part in.
    const ownRow = page.locator('table.samverka-rounds tbody tr').filter({ hasText: theirs.title });
    await expect(ownRow.locator('.samverka-own-status').textContent()).resolves.toContain(SUBMISSION_STATUS_LABELS.draft);

    const own = await open(roundPath(theirs.id));
    expect(own.status()).toBe(200);
    await expect(phase().textContent()).resolves.toBe('Behovsinsamling');
    await expect(stepForms().count()).resolves.toBe(0);
    await expect(page.locator('main button').count()).resolves.toBe(0);
    await expect(page.locator('main').textContent()).resolves.toContain('2 förvaltningar har inte lämnat in behov');
    await expectAccessible();

    // Steering is for strategists, even with the page's own form token.
    const token = (await page.locator('input[name=_csrf]').first().getAttribute('value'))!;
    const posted = await page.request.post(`${ctx.baseUrl}${roundPath(theirs.id)}/steg`, {
      form: { _csrf: token, type: 'CLOSE_NEEDS', force: 'ja', reason: 'Försök', version: String(theirs.version) },
      maxRedirects: 0,
    });
    expect(posted.status()).toBe(403);
    // So are reminding, changing the deadlines, and the launch's confirmation page.
    const preschoolId = web.departmentId('Förskoleförvaltningen');
    const remind = await page.request.post(`${ctx.baseUrl}${roundPath(theirs.id)}/forvaltningar/${preschoolId}/paminnelse`, { form: { _csrf: token }, maxRedirects: 0 });
    expect(remind.status()).toBe(403);
    const deadlines = await page.request.post(`${ctx.baseUrl}${roundPath(theirs.id)}/tidsfrister`, {
      form: { _csrf: token, needsDeadline: today, version: String(theirs.version), confirmPastDeadline: 'ja' },
      maxRedirects: 0,
    });
    expect(deadlines.status()).toBe(403);
    expect((await open(`${roundPath(other.id)}/starta`)).status()).toBe(403);
    expect((await rounds.historyOf(theirs.id)).map((e) => e.type)).toEqual(['CREATED', 'LAUNCH']);
    await expect(rounds.view(theirs.id)).resolves.toMatchObject({ state: 'collectingNeeds', version: theirs.version, deadlines: { needs: theirs.deadlines.needs } });
    expect((await open('/planomgangar/ny')).status()).toBe(403);
    const refused = await open(roundPath(other.id));
    expect(refused.status()).toBe(403);
    await expect(page.locator('h1').textContent()).resolves.toBe('Du har inte behörighet till sidan');

    await web.context.clearCookies();
    await signIn(MANAGEMENT);
    expect((await open(roundPath(other.id))).status()).toBe(403);
    await open('/planomgangar');
    await expect(page.locator('table.samverka-rounds tbody th').allTextContents()).resolves.not.toContain(other.title);

    // An admin reads every round, but does not steer.
    await web.context.clearCookies();
    await signIn(ADMIN);
    expect((await open(roundPath(other.id))).status()).toBe(200);
    await expect(phase().textContent()).resolves.toBe('Förberedelse');
    await expect(stepForms().count()).resolves.toBe(0);
  });

  it('lets a strategist remind one department now: its coordinators are emailed once, the history says so, and a second reminder the same day is refused', async () => {
    const round = await roundFor(['Förskoleförvaltningen', 'Miljöförvaltningen', 'Serviceförvaltningen']);
    const preschoolId = web.departmentId('Förskoleförvaltningen');
    await signIn(STRATEGIST);
    await open(roundPath(round.id));
    // A second tab, opened before the reminder (a page left open).
    const stale = await web.context.newPage();
    await stale.goto(`${ctx.baseUrl}${roundPath(round.id)}`);

    // Miljöförvaltningen has nobody to remind: no button.
    await expect(participantRow('Miljöförvaltningen').getByRole('button').count()).resolves.toBe(0);
    const reminded = await submit(button('Påminn Förskoleförvaltningen'));
    expect(reminded.status()).toBe(303);
    expect(page.url()).toBe(`${ctx.baseUrl}${roundPath(round.id)}?paminnelse=${preschoolId}`);
    await expect(banner().textContent()).resolves.toContain('Påminnelsen är skickad till Förskoleförvaltningen (Annika Åsberg');
    await expect(participantRow('Förskoleförvaltningen').textContent()).resolves.toContain('Påmind i dag av Erik Strand');
    await expect(participantRow('Förskoleförvaltningen').getByRole('button').count()).resolves.toBe(0);
    const latest = historyRows().first();
    await expect(latest.locator('td').nth(1).textContent()).resolves.toBe('Erik Strand');
    await expect(latest.locator('td').nth(2).textContent()).resolves.toContain('Påminde Förskoleförvaltningen om att lämna in behoven');
    await expectAccessible();

    const remindersQueued = async () =>
      (
        await ctx.dataSource
          .getRepository<NotificationEntity>('NotificationEntity')
          .createQueryBuilder('n')
          .where('n.dedup_key like :key', { key: `needs.reminder:manual:${round.id}:${preschoolId}:%` })
          .getMany()
      ).map((n) => n.recipientEmail);
    const queued = await remindersQueued();
    expect(queued).toContain(COORDINATOR);
    expect(new Set(queued).size).toBe(queued.length);

    // The page left open tries again: refused with the reason, nothing more is sent or recorded.
    const [again] = await Promise.all([
      stale.waitForResponse((r) => r.request().method() === 'POST'),
      stale.getByRole('button', { name: 'Påminn Förskoleförvaltningen', exact: true }).click(),
    ]);
    await stale.waitForLoadState();
    expect(again.status()).toBe(409);
    await expect(stale.locator('.govuk-error-summary').textContent()).resolves.toContain(
      'Förskoleförvaltningen har redan fått en påminnelse i dag. Du kan påminna förvaltningen igen i morgon.',
    );
    await expect(stale.locator('.govuk-error-summary a').getAttribute('href')).resolves.toBe('#forvaltningar');
    await expect(remindersQueued()).resolves.toEqual(queued);
    expect((await rounds.historyOf(round.id)).filter((e) => e.type === 'REMINDER_SENT')).toHaveLength(1);
    await stale.close();
  });

  it('changes the deadlines on the round page; moving the needs deadline into the past asks on a page of its own first', async () => {
    const round = await roundFor(['Förskoleförvaltningen', 'Serviceförvaltningen']);
    await signIn(STRATEGIST);
    await open(roundPath(round.id));

    // A later reply date and auto-close: saved at once.
    await page.getByText('Ändra tidsfrister och automatisk stängning').click();
    await page.getByLabel('Sista dag för remissvar (valfritt)').fill(addDays(today, 100));
    await page.getByLabel('Stäng behovsinsamlingen automatiskt dagen efter sista dag för behov').check();
    const saved = await submit(button('Spara tidsfrister'));
    expect(saved.status()).toBe(303);
    await expect(banner().textContent()).resolves.toContain('Tidsfristerna är sparade.');
    await expect(rounds.view(round.id)).resolves.toMatchObject({ deadlines: { consultationReply: addDays(today, 100) }, autoClose: { needs: true } });

    // A date that is no date: the form again, with the error at the field.
    await page.getByText('Ändra tidsfrister och automatisk stängning').click();
    await page.getByLabel('Sista dag för behov', { exact: true }).fill('2026-13-45');
    const wrong = await submit(button('Spara tidsfrister'));
    expect(wrong.status()).toBe(400);
    expect(await errorSummary().getByRole('link').first().getAttribute('href')).toBe('#needsDeadline');
    await expect(page.getByLabel('Sista dag för behov', { exact: true }).inputValue()).resolves.toBe('2026-13-45');

    // Today: the confirmation page says what it means; nothing is saved until confirmed.
    await page.getByLabel('Sista dag för behov', { exact: true }).fill(today);
    const asked = await submit(button('Spara tidsfrister'));
    expect(asked.status()).toBe(200);
    await expect(page.locator('h1').textContent()).resolves.toBe('Bekräfta ny sista dag för behov');
    await expect(page.locator('main').textContent()).resolves.toContain(`till ${formatSwedishDate(today)}, som är i dag`);
    await expectAccessible();
    await expect(rounds.view(round.id)).resolves.toMatchObject({ deadlines: { needs: round.deadlines.needs } });

    const confirmed = await submit(button('Ja, flytta sista dagen'));
    expect(confirmed.status()).toBe(303);
    expect(page.url()).toBe(`${ctx.baseUrl}${roundPath(round.id)}?tidsfrister=1`);
    await expect(page.locator('.samverka-current-deadline').textContent()).resolves.toContain(`Sista dag för behov: ${formatSwedishDate(today)}`);
    await expect(rounds.view(round.id)).resolves.toMatchObject({ deadlines: { needs: today, consultationReply: addDays(today, 100) }, autoClose: { needs: true } });
    await expect(historyRows().first().locator('td').nth(2).textContent()).resolves.toContain('Ändrade tidsfrister');
  });
});
