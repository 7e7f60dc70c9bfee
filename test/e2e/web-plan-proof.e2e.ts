import { NotificationDispatcher } from '@samverka/notifications';
import { PlanQueryService, PlanQuestionService } from '@samverka/plan';
import { PlanRoundView } from '@samverka/rounds';
import { Locator, Page, Response } from 'playwright-core';
import { headingsOf, parseDocx } from '../support/docx';
import { E2eContext } from '../support/e2e';
import { TEST_ACTOR } from '../support/given';
import { ReceivedMail, TestSmtpServer } from '../support/smtp';
import { webSuite, DEMO_USER } from '../support/web-suite';

const { strategist: STRATEGIST, coordinator: PRESCHOOL_COORDINATOR } = DEMO_USER;
const PRESCHOOL = 'Förskoleförvaltningen';
const CULTURE = 'Kulturförvaltningen';

/**
 * Issue 13's proof, as the people involved see it: a strategist builds the plan from the needs the
 * departments handed in, through the web UI with JavaScript off, and allocates responsibilities;
 * an item without an accountable stops consultation with its reason; freezing makes version 1
 * and every participating department's people get their summary by email (over real SMTP);
 * a change to one department's part makes a new version whose diff shows exactly that change, and
 * only that department's people are emailed, with exactly its items; the version's Word document
 * carries the case number and the items; a second accountable is refused (409) and nothing is
 * written; a coordinator of another department cannot read a department's questions.
 */
describe('issue 13: the plan and its responsibility allocation, end to end', () => {
  let ctx: E2eContext;
  let page: Page;
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
  });
  beforeEach(() => {
    page = web.page;
  });

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
  const planPath = (round: PlanRoundView) => `/planomgangar/${round.id}/plan`;
  const needGroup = (department: string) => page.getByRole('group', { name: department, exact: true });

  async function addItem(round: PlanRoundView, area: string, title: string, needOf: string): Promise<void> {
    await web.open(`${planPath(round)}/insatser/ny?omrade=${area}`);
    await page.getByLabel('Rubrik', { exact: true }).fill(title);
    await page.getByLabel('Beskrivning', { exact: true }).fill(`${title}: så här går det till.`);
    await needGroup(needOf).getByLabel('Vägledning på biblioteken').check();
    expect((await submit(button('Lägg till insatsen'))).status()).toBe(303);
  }

  /** Fills the responsibilities form of one item (organisation → [role, expectations, hours]) and posts it. */
  async function allocate(round: PlanRoundView, code: string, rows: Record<string, [string, string, string]>): Promise<Response> {
    await web.open(planPath(round));
    await follow(page.getByRole('link', { name: `Fördela ansvar för ${code}` }));
    for (const [organisation, [role, expectations, hours]] of Object.entries(rows)) {
      await page.getByLabel(`Roll för ${organisation}`, { exact: true }).selectOption({ label: role });
      await page.getByLabel(`Förväntningar på ${organisation}`, { exact: true }).fill(expectations);
      await page.getByLabel(`Tid i timmar per år (valfritt) för ${organisation}`, { exact: true }).fill(hours);
    }
    return submit(button('Spara ansvarsfördelningen'));
  }

  async function freeze(round: PlanRoundView, version: number): Promise<void> {
    await web.open(planPath(round));
    await follow(link('Lås en ny version'));
    await expect(page.locator('h1').textContent()).resolves.toBe(`Vill du låsa version ${version} av planen?`);
    expect((await submit(button('Lås versionen'))).status()).toBe(303);
    expect(page.url()).toBe(`${ctx.baseUrl}${planPath(round)}/versioner/${version}`);
  }

  /** Sends what the outbox holds and returns the summary emails of `version` that arrived. */
  async function summaryMails(round: PlanRoundView, version: number): Promise<ReceivedMail[]> {
    const before = smtp.received.length;
    const due = await ctx.app.get(NotificationDispatcher).dispatchDue('e2e', 200);
    const arrived = (await smtp.waitFor(before + due.sent)).slice(before);
    return arrived.filter((m) => m.parsed.subject?.includes(`${round.title}, version ${version}`));
  }

  it('builds, blocks, freezes, changes one department, emails only it, documents it, and keeps access and uniqueness', async () => {
    const round = await ctx.given.roundInDraftingPlan({
      participantDepartmentIds: [web.departmentId(PRESCHOOL), web.departmentId(CULTURE)],
      need: { title: 'Vägledning på biblioteken' },
    });
    await web.signIn(STRATEGIST);
    await web.open(planPath(round));
    expect((await submit(button('Påbörja planen'))).status()).toBe(303);

    // Two items answering the handed-in needs: LS-1 (Förskoleförvaltningen's need), DI-1 (Kulturförvaltningen's).
    await addItem(round, 'LOKAL_SERVICE', 'Vägledning på biblioteken', PRESCHOOL);
    await addItem(round, 'DIGITALISERING', 'Chatt om kulturskolan', CULTURE);
    expect(
      (
        await allocate(round, 'LS-1', {
          Kontaktcenter: ['Ansvarig (A)', 'Leda arbetet och utbilda personalen senast 2027-03-01.', '300'],
          [PRESCHOOL]: ['Utför (R)', 'Ta fram vägledningsmaterial om förskoleplats.', '120'],
        })
      ).status(),
    ).toBe(303);
    expect((await allocate(round, 'DI-1', { [CULTURE]: ['Utför (R)', 'Svara på frågor om kulturskolan i chatten.', '80'] })).status()).toBe(303);

    // Version 1; the item without an accountable stops consultation, on the plan page and on the round page.
    await freeze(round, 1);
    await web.open(planPath(round));
    await expect(page.locator('.samverka-plan-blockers li').allTextContents()).resolves.toContain('Insatsen DI-1 saknar ansvarig (A)');
    await web.open(`/planomgangar/${round.id}`);
    await expect(page.locator('main').textContent()).resolves.toContain('Insatsen DI-1 saknar ansvarig (A)');
    await web.expectAccessible();

    // Version 1's summaries go to both departments' people, each with its own items only.
    const first = await summaryMails(round, 1);
    const subjectsOf = (mails: ReceivedMail[]) => [...new Set(mails.map((m) => m.parsed.subject))].sort();
    expect(subjectsOf(first)).toEqual([`Ansvarsfördelning för ${CULTURE}: ${round.title}, version 1`, `Ansvarsfördelning för ${PRESCHOOL}: ${round.title}, version 1`].sort());
    const preschoolFirst = first.filter((m) => m.parsed.subject!.includes(PRESCHOOL));
    expect(preschoolFirst.map((m) => m.to).flat()).toContain(PRESCHOOL_COORDINATOR);
    for (const mail of preschoolFirst) {
      expect(mail.parsed.text).toContain('LS-1 Vägledning på biblioteken: Utför (R)');
      expect(mail.parsed.text).not.toContain('DI-1');
    }

    // The contact centre takes DI-1 (version 2: no department's own part changed, so nobody is emailed) …
    expect(
      (
        await allocate(round, 'DI-1', {
          Kontaktcenter: ['Ansvarig (A)', 'Bemanna chatten.', '200'],
          [CULTURE]: ['Utför (R)', 'Svara på frågor om kulturskolan i chatten.', '80'],
        })
      ).status(),
    ).toBe(303);
    await freeze(round, 2);
    expect(await summaryMails(round, 2)).toEqual([]);

    // … then one change to Förskoleförvaltningen's part of LS-1: version 3.
    expect(
      (
        await allocate(round, 'LS-1', {
          Kontaktcenter: ['Ansvarig (A)', 'Leda arbetet och utbilda personalen senast 2027-03-01.', '300'],
          [PRESCHOOL]: ['Utför (R)', 'Ta fram vägledningsmaterial om förskoleplats på fem språk.', '160'],
        })
      ).status(),
    ).toBe(303);
    await freeze(round, 3);

    // The diff shows exactly that change: one organisation's row of one item, nothing else.
    await web.open(`${planPath(round)}/versioner/2/jamfor/3`);
    await expect(page.locator('.samverka-plan-diff-responsibilities caption').allTextContents()).resolves.toEqual(['LS-1 Vägledning på biblioteken']);
    await expect(page.locator('.samverka-plan-diff-responsibilities tbody th').allTextContents()).resolves.toEqual([PRESCHOOL]);
    await expect(page.locator('.samverka-plan-diff-responsibilities tbody td').nth(1).textContent()).resolves.toContain('på fem språk');
    await expect(page.locator('.samverka-plan-diff-item, .samverka-plan-diff-added, .samverka-plan-diff-removed, .samverka-plan-diff-texts').count()).resolves.toBe(0);
    await web.expectAccessible();

    // Only Förskoleförvaltningen's people are emailed, and the email lists exactly its items.
    const third = await summaryMails(round, 3);
    expect(third.length).toBeGreaterThan(0);
    expect(subjectsOf(third)).toEqual([`Ändrad ansvarsfördelning för ${PRESCHOOL}: ${round.title}, version 3`]);
    expect(third.map((m) => m.to).flat()).toContain(PRESCHOOL_COORDINATOR);
    for (const mail of third) {
      expect(mail.parsed.text).toContain('på fem språk');
      expect(mail.parsed.text).toContain('LS-1 Vägledning på biblioteken');
      expect(mail.parsed.text).not.toContain('DI-1');
    }

    // Every item has its one accountable now: what still stops consultation is only the areas without an item, and the remiss not prepared.
    await web.open(planPath(round));
    await expect(page.locator('.samverka-plan-blockers li').allTextContents()).resolves.toEqual([
      'Området Tillgänglighet och serviceinriktat bemötande saknar insats',
      'Området Rättighetsbaserad service saknar insats',
      'Området Samarbetsprocess saknar insats',
      'Remissen är inte förberedd',
    ]);

    // Version 3's Word document, from its page's link: the case number, the headings, the items.
    await web.open(`${planPath(round)}/versioner/3`);
    const href = await link('Ladda ner som Word-dokument (.docx)').getAttribute('href');
    const download = await page.request.get(`${ctx.baseUrl}${href}`);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toContain('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const docx = await parseDocx(await download.body());
    expect(docx.text).toContain(round.caseNumber);
    expect(docx.text).toContain('Utvecklingsplan, version 3');
    expect(headingsOf(docx, 'Heading1')).toContain('Insatser per utvecklingsområde');
    expect(headingsOf(docx, 'Heading2')).toEqual(expect.arrayContaining(['Digitalisering och servicekommunikation', 'Lokal service']));
    expect(docx.text).toContain('LS-1 Vägledning på biblioteken');
    expect(docx.text).toContain('DI-1 Chatt om kulturskolan');

    // A second accountable on LS-1 is refused with 409, and the item keeps its one accountable.
    const refused = await allocate(round, 'LS-1', {
      Kontaktcenter: ['Ansvarig (A)', 'Leda arbetet.', '300'],
      [PRESCHOOL]: ['Ansvarig (A)', 'Också ansvarig.', '160'],
    });
    expect(refused.status()).toBe(409);
    const draft = await ctx.app.get(PlanQueryService).draft(round.id);
    const ls1 = draft.document.areas.flatMap((a) => a.items).find((i) => i.code === 'LS-1')!;
    expect(ls1.responsibilities.map((r) => [r.organisation.name, r.role, r.expectations])).toEqual([
      ['Kontaktcenter', 'accountable', 'Leda arbetet och utbilda personalen senast 2027-03-01.'],
      [PRESCHOOL, 'responsible', 'Ta fram vägledningsmaterial om förskoleplats på fem språk.'],
    ]);

    // Kulturförvaltningen asks about DI-1; Förskoleförvaltningen's coordinator cannot read that thread, page or API.
    const di1 = draft.document.areas.flatMap((a) => a.items).find((i) => i.code === 'DI-1')!;
    await ctx.app.get(PlanQuestionService).ask(TEST_ACTOR, round.id, di1.id, { departmentId: web.departmentId(CULTURE), question: 'Hur många timmar i veckan ska chatten vara öppen?' });
    await web.signIn(PRESCHOOL_COORDINATOR);
    const questionsPage = await page.goto(`${ctx.baseUrl}/planomgangar/${round.id}/ansvarsfordelning/${web.departmentId(CULTURE)}/fragor`);
    expect(questionsPage!.status()).toBe(403);
    await expect(page.locator('main').textContent()).resolves.not.toContain('Hur många timmar');
    const questionsApi = await page.request.get(`${ctx.baseUrl}/api/v1/rounds/${round.id}/plan/questions?departmentId=${web.departmentId(CULTURE)}`);
    expect(questionsApi.status()).toBe(403);
    expect(await questionsApi.text()).not.toContain('Hur många timmar');
  });
});
