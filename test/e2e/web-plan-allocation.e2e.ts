import { PlanRoundView } from '@samverka/rounds';
import { Page } from 'playwright-core';
import { parseDocx } from '../support/docx';
import { E2eContext } from '../support/e2e';
import { GivenPlan } from '../support/given-plan-allocation';
import { DEMO_USER, webSuite } from '../support/web-suite';

const { strategist: STRATEGIST, coordinator: COORDINATOR } = DEMO_USER;

const PRESCHOOL = 'Förskoleförvaltningen';
const CULTURE = 'Kulturförvaltningen';

/**
 * Ansvarsfördelning in the web UI, in a real Chromium with JavaScript switched off: the matrix page
 * (filtered through a GET form, with its totals and downloads), a department's summary page (its items
 * beside the contact centre's part, the Word document, "Markera som läst" clearing the task) and a
 * plan version for printing. Every page shown is checked (axe, html-validate, no sideways scrolling).
 */
describe('the web UI: responsibility allocation', () => {
  let ctx: E2eContext;
  let page: Page;
  let round: PlanRoundView;

  const web = webSuite();
  beforeAll(async () => {
    ctx = web.ctx;
    round = await ctx.given.roundInDraftingPlan({ title: 'Utvecklingsplan 2027', caseNumber: 'STK-2026-1400', participantDepartmentIds: [web.departmentId(PRESCHOOL), web.departmentId(CULTURE)] });
    const plans = new GivenPlan(ctx.app);
    await plans.draft(round.id, [
      {
        areaCode: 'TILLGANGLIGHET',
        code: 'TI-1',
        title: 'Klarspråk i förskolans beslut',
        responsibilities: [
          { departmentId: web.departmentId(PRESCHOOL), role: 'accountable', expectations: 'Skriver om besluten senast 2027-06-30.', effortHours: 60 },
          { contactCentre: true, role: 'consulted', expectations: 'Granskar texterna.', effortHours: 10 },
        ],
      },
      {
        areaCode: 'LOKAL_SERVICE',
        code: 'LS-1',
        title: 'Bibliotekens servicepunkter med en mycket lång rubrik som måste radbrytas på en smal skärm',
        startsOn: '2027 T1',
        endsOn: '2027 T2',
        responsibilities: [
          { contactCentre: true, role: 'accountable', expectations: 'Leder arbetet och utbildar personalen.', effortHours: 200 },
          { departmentId: web.departmentId(CULTURE), role: 'responsible', expectations: 'Bemannar servicepunkterna.', effortHours: 300 },
          { departmentId: web.departmentId(PRESCHOOL), role: 'informed', expectations: 'Tar del av resultatet.' },
        ],
      },
    ]);
    await plans.freeze(round.id, new Date('2026-04-15T08:00:00Z'));
  });
  beforeEach(() => {
    page = web.page;
  });
  const open = (path: string) => web.open(path);
  const expectAccessible = () => web.expectAccessible();

  /** The matrix as text: each row's cells (the header row first, the totals last). */
  async function matrix(): Promise<string[][]> {
    const rows = page.locator('.samverka-allocation-matrix tr');
    const out: string[][] = [];
    for (let i = 0; i < (await rows.count()); i++) out.push((await rows.nth(i).locator('th, td').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim()));
    return out;
  }

  it('shows a strategist the matrix with the totals, filters it by area, and downloads it with the same filter', async () => {
    await web.signIn(STRATEGIST);
    const response = await open(`/planomgangar/${round.id}/ansvarsfordelning`);
    expect(response.status()).toBe(200);
    await expect(page.title()).resolves.toBe('Ansvarsfördelning – Utvecklingsplan 2027 – Samverka');
    await expect(page.locator('.samverka-allocation-facts').textContent()).resolves.toMatch(/STK-2026-1400[\s\S]*Version 1, fastställd 15 april 2026/);
    await expect(matrix()).resolves.toEqual([
      ['Insats', 'Kontaktcenter', PRESCHOOL, CULTURE],
      ['TI-1 Klarspråk i förskolans beslut Tillgänglighet och serviceinriktat bemötande', 'C', 'A', 'Ingen roll'],
      ['LS-1 Bibliotekens servicepunkter med en mycket lång rubrik som måste radbrytas på en smal skärm Lokal service', 'A', 'I', 'R'],
      ['Uppskattad insats, timmar per år', '210', '60', '300'],
    ]);
    await expectAccessible();

    await page.getByLabel('Utvecklingsområde', { exact: true }).selectOption({ label: 'Lokal service' });
    await Promise.all([page.waitForURL(/omrade=LOKAL_SERVICE/), page.getByRole('button', { name: 'Visa', exact: true }).click()]);
    await page.waitForLoadState();
    await expect(matrix()).resolves.toEqual([
      ['Insats', 'Kontaktcenter', PRESCHOOL, CULTURE],
      ['LS-1 Bibliotekens servicepunkter med en mycket lång rubrik som måste radbrytas på en smal skärm Lokal service', 'A', 'I', 'R'],
      ['Uppskattad insats, timmar per år', '200', '0', '300'],
    ]);
    await expectAccessible();

    const csvHref = (await page.getByRole('link', { name: 'Ladda ner ansvarsfördelningen som CSV' }).getAttribute('href'))!;
    expect(csvHref).toBe(`/api/v1/rounds/${round.id}/responsibilities.csv?version=1&areaCode=LOKAL_SERVICE`);
    const csv = await page.request.get(`${ctx.baseUrl}${csvHref}`);
    expect(csv.status()).toBe(200);
    const lines = (await csv.text()).replace(/^\uFEFF/, '').split('\r\n');
    expect(lines.slice(0, 2)).toEqual([
      'Utvecklingsområde;Kod;Insats;Start;Slut;Status;Kontaktcenter;Förskoleförvaltningen;Kulturförvaltningen',
      'Lokal service;LS-1;Bibliotekens servicepunkter med en mycket lång rubrik som måste radbrytas på en smal skärm;2027 T1;2027 T2;Planerad;A;I;R',
    ]);
    const xlsx = await page.request.get(`${ctx.baseUrl}${(await page.getByRole('link', { name: 'Ladda ner ansvarsfördelningen som Excel (XLSX)' }).getAttribute('href'))!}`);
    expect(xlsx.status()).toBe(200);

    // The version for printing, with the case number.
    await page.getByRole('link', { name: 'Visa planversionen för utskrift' }).click();
    await page.waitForLoadState();
    expect(new URL(page.url()).pathname).toBe(`/planomgangar/${round.id}/plan/versioner/1/utskrift`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Utvecklingsplan, version 1');
    await expect(page.locator('.samverka-allocation-facts').textContent()).resolves.toContain('STK-2026-1400');
    await expect(page.locator('h4').allTextContents()).resolves.toEqual(['TI-1 Klarspråk i förskolans beslut', 'LS-1 Bibliotekens servicepunkter med en mycket lång rubrik som måste radbrytas på en smal skärm']);
    await expectAccessible();
  });

  it("lets the department's coordinator read its summary from the task, download it, and mark it read", async () => {
    const preschool = web.departmentId(PRESCHOOL);
    await web.signIn(COORDINATOR);
    await open('/');
    const task = page.getByRole('link', { name: `Läs ansvarsfördelningen för ${PRESCHOOL} i Utvecklingsplan 2027 (version 1) och markera den som läst` });
    await Promise.all([page.waitForURL(/ansvarsfordelning/), task.click()]);
    await page.waitForLoadState();
    expect(new URL(page.url()).pathname).toBe(`/planomgangar/${round.id}/ansvarsfordelning/${preschool}`);
    await expect(page.locator('h1').textContent()).resolves.toBe(`Ansvarsfördelning för ${PRESCHOOL}`);
    await expect(page.locator('.samverka-allocation-summary-total').textContent()).resolves.toBe('60 timmar per år (0,04 årsarbetskrafter)');
    await expect(page.locator('.samverka-allocation-item h2').allTextContents()).resolves.toEqual([
      'TI-1 Klarspråk i förskolans beslut',
      'LS-1 Bibliotekens servicepunkter med en mycket lång rubrik som måste radbrytas på en smal skärm',
    ]);
    // Side by side: the department's part and the contact centre's.
    const firstItem = page.locator('.samverka-allocation-item').first();
    await expect(firstItem.locator('tbody tr').first().locator('th, td').allTextContents()).resolves.toEqual(['Roll', 'Ansvarig (A)', 'Rådfrågas (C)']);
    await expect(firstItem.locator('tbody tr').nth(1).locator('th, td').allTextContents()).resolves.toEqual(['Förväntningar', 'Skriver om besluten senast 2027-06-30.', 'Granskar texterna.']);
    await expect(page.getByRole('link', { name: 'Frågor och svar' }).getAttribute('href')).resolves.toBe(`/planomgangar/${round.id}/ansvarsfordelning/${preschool}/fragor`);
    await expectAccessible();

    // The Word document, with the page's own session.
    const docx = await page.request.get(`${ctx.baseUrl}${(await page.getByRole('link', { name: 'Ladda ner sammanställningen som Word-dokument' }).getAttribute('href'))!}`);
    expect(docx.status()).toBe(200);
    const document = await parseDocx(await docx.body());
    expect(document.text).toContain('Diarienummer: STK-2026-1400');
    expect(document.text).toContain('TI-1 Klarspråk i förskolans beslut');

    // Marked read: the page says so, the button is gone, and so is the task.
    await Promise.all([page.waitForURL(/last=1/), page.getByRole('button', { name: 'Markera som läst', exact: true }).click()]);
    await page.waitForLoadState();
    await expect(page.locator('.govuk-notification-banner').textContent()).resolves.toContain('Sammanställningen är markerad som läst.');
    await expect(page.locator('.samverka-allocation-read').textContent()).resolves.toMatch(/^Du markerade sammanställningen som läst \d+ \S+ \d{4}\.$/);
    await expect(page.getByRole('button', { name: 'Markera som läst', exact: true }).count()).resolves.toBe(0);
    await expectAccessible();
    await open('/');
    await expect(page.getByRole('link', { name: /Läs ansvarsfördelningen för Förskoleförvaltningen i Utvecklingsplan 2027/ }).count()).resolves.toBe(0);
  });

  it("refuses the coordinator another department's summary", async () => {
    await web.signIn(COORDINATOR);
    expect((await open(`/planomgangar/${round.id}/ansvarsfordelning/${web.departmentId(CULTURE)}`)).status()).toBe(403);
    await expectAccessible();
  });
});
