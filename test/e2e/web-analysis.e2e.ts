import { NeedService, SubmissionService } from '@samverka/needs';
import { PlanRoundView } from '@samverka/rounds';
import { Page } from 'playwright-core';
import { E2eContext } from '../support/e2e';
import { TEST_ACTOR } from '../support/given';
import { webSuite, DEMO_USER } from '../support/web-suite';

const { strategist: STRATEGIST, coordinator: COORDINATOR } = DEMO_USER;


/** The demo city's users (password DEMO_PASSWORD). */

const PRESCHOOL = 'Förskoleförvaltningen';
const CULTURE = 'Kulturförvaltningen';
/** sv-SE groups thousands with a no-break space. */
const NBSP = '\u00a0';

/**
 * Behovsanalys in the web UI, in a real Chromium with JavaScript switched
 * off: the round's needs counted in three tables (each also drawn as a heat
 * map), filtered through a GET form, downloaded as CSV and XLSX with the
 * same filter and the page's own session; participants see only what their
 * scope allows, others are refused. Every page shown is checked with axe.
 */
describe('the web UI: needs analysis', () => {
  let ctx: E2eContext;
  let page: Page;
  let needs: NeedService;

  const web = webSuite();
  beforeAll(() => {
    ctx = web.ctx;
    needs = ctx.app.get(NeedService);
  });
  beforeEach(() => {
    page = web.page;
  });
  const open = (path: string) => web.open(path);
  const expectAccessible = () => web.expectAccessible();

  const signIn = (email: string) => web.signIn(email);

  const analysisPath = (round: PlanRoundView) => `/planomgangar/${round.id}/analys`;

  /**
   * A round in which Förskoleförvaltningen and Kulturförvaltningen take part, with three needs:
   * two of Förskoleförvaltningen's in Lokal service (at libraries, one also by telephone), one of
   * Kulturförvaltningen's in Digitalisering (on the web).
   */
  async function roundWithNeeds(): Promise<PlanRoundView> {
    const round = await ctx.given.roundInCollectingNeeds({ participantDepartmentIds: [web.departmentId(PRESCHOOL), web.departmentId(CULTURE)] });
    const need = (departmentName: string, values: { areaCode: string; title: string; channels: string[]; districts: string[]; targetGroups: string[]; monthlyVolume: number }) =>
      needs.create(TEST_ACTOR, round.id, { departmentId: web.departmentId(departmentName), description: 'Invånare frågar om detta.', priority: 'medium', ...values });
    await need(PRESCHOOL, { areaCode: 'LOKAL_SERVICE', title: 'Vägledning på biblioteken', channels: ['library'], districts: ['norr'], targetGroups: ['newcomers'], monthlyVolume: 3400 });
    await need(PRESCHOOL, { areaCode: 'LOKAL_SERVICE', title: 'Frågor om förskoleplats', channels: ['library', 'telephone'], districts: ['norr'], targetGroups: ['guardians'], monthlyVolume: 100 });
    await need(CULTURE, { areaCode: 'DIGITALISERING', title: 'Öppettider på webben', channels: ['web'], districts: [], targetGroups: [], monthlyVolume: 12 });
    // Handed in: the analysis counts handed-in and approved needs by default.
    for (const name of [PRESCHOOL, CULTURE]) await ctx.app.get(SubmissionService).submit(TEST_ACTOR, round.id, web.departmentId(name));
    return round;
  }

  /** A matrix's table as text: the header row, then each row (its name first). */
  async function table(id: string): Promise<string[][]> {
    const rows = page.locator(`#${id} table tr`);
    const texts: string[][] = [];
    for (let i = 0; i < (await rows.count()); i++) texts.push((await rows.nth(i).locator('th, td').allTextContents()).map((t) => t.trim()));
    return texts;
  }
  const summary = () => page.locator('.samverka-analysis-summary').textContent();

  it('shows a strategist the needs counted as tables and heat maps, filters them by channel, and downloads them with the same filter', async () => {
    const round = await roundWithNeeds();
    await signIn(STRATEGIST);

    // From the round page.
    await open(`/planomgangar/${round.id}`);
    await page.getByRole('link', { name: 'Behovsanalys: behoven per område, kanal, stadsområde och förvaltning' }).click();
    await page.waitForLoadState();
    expect(page.url()).toBe(`${ctx.baseUrl}${analysisPath(round)}`);
    await expect(page.title()).resolves.toBe(`Behovsanalys – ${round.title} – Samverka`);
    await expect(summary()).resolves.toBe(`3 behov från 2 förvaltningar, sammanlagt 3${NBSP}512 ärenden per månad.`);

    await expect(page.locator('table caption').allTextContents()).resolves.toEqual([
      'Antal behov per utvecklingsområde och kanal (ärenden per månad)',
      'Antal behov per stadsområde och målgrupp (ärenden per månad)',
      'Antal behov per förvaltning och utvecklingsområde (ärenden per månad)',
    ]);
    // Every area of the round is a row; the channels named, in the reference data's order.
    await expect(table('omrade-kanal')).resolves.toEqual([
      ['Utvecklingsområde', 'Telefon', 'Webb och e-tjänster', 'Bibliotek'],
      ['Tillgänglighet och serviceinriktat bemötande', '0', '0', '0'],
      ['Rättighetsbaserad service', '0', '0', '0'],
      ['Digitalisering och servicekommunikation', '0', '1 (12/mån)', '0'],
      ['Lokal service', '1 (100/mån)', '0', `2 (3${NBSP}500/mån)`],
      ['Samarbetsprocess', '0', '0', '0'],
    ]);
    await expect(table('stadsomrade-malgrupp')).resolves.toEqual([
      ['Stadsområde', 'Vårdnadshavare', 'Nyanlända', 'Ingen målgrupp'],
      ['Norr', '1 (100/mån)', `1 (3${NBSP}400/mån)`, '0'],
      ['Inget stadsområde', '0', '0', '1 (12/mån)'],
    ]);
    await expect(table('forvaltning-omrade')).resolves.toEqual([
      ['Förvaltning', 'Tillgänglighet och serviceinriktat bemötande', 'Rättighetsbaserad service', 'Digitalisering och servicekommunikation', 'Lokal service', 'Samarbetsprocess'],
      [PRESCHOOL, '0', '0', '0', `2 (3${NBSP}500/mån)`, '0'],
      [CULTURE, '0', '0', '1 (12/mån)', '0', '0'],
    ]);
    // Each matrix also as a heat map: an image with a name, one cell per table cell.
    const charts = page.locator('svg[role="img"]');
    await expect(charts.count()).resolves.toBe(3);
    await expect(charts.first().getAttribute('aria-label')).resolves.toBe(
      'Antal behov per utvecklingsområde och kanal. Mörkare ruta betyder fler behov. Siffrorna finns i tabellen ovanför.',
    );
    await expect(page.locator('#omrade-kanal svg .cell path').count()).resolves.toBe(5 * 3);
    await expect(page.locator('.samverka-analysis-gaps li').allTextContents()).resolves.toContain(`${PRESCHOOL} har inga behov inom Samarbetsprocess.`);
    // The page says which statuses it counts.
    await expect(page.locator('.samverka-analysis-counted').textContent()).resolves.toBe('Räknar behov med status inlämnad och godkänd.');
    await expectAccessible();

    // Filter by channel: only the needs at libraries are counted; the form shows the filter.
    await page.getByLabel('Kanal', { exact: true }).selectOption({ label: 'Bibliotek' });
    await Promise.all([page.waitForURL(/kanal=library/), page.getByRole('button', { name: 'Filtrera', exact: true }).click()]);
    await page.waitForLoadState();
    expect(new URL(page.url()).searchParams.get('kanal')).toBe('library');
    await expect(page.getByLabel('Kanal', { exact: true }).locator('option:checked').textContent()).resolves.toBe('Bibliotek');
    await expect(summary()).resolves.toBe(`2 behov från 1 förvaltning, sammanlagt 3${NBSP}500 ärenden per månad.`);
    await expect(table('omrade-kanal')).resolves.toEqual([
      ['Utvecklingsområde', 'Telefon', 'Bibliotek'],
      ['Tillgänglighet och serviceinriktat bemötande', '0', '0'],
      ['Rättighetsbaserad service', '0', '0'],
      ['Digitalisering och servicekommunikation', '0', '0'],
      ['Lokal service', '1 (100/mån)', `2 (3${NBSP}500/mån)`],
      ['Samarbetsprocess', '0', '0'],
    ]);
    await expect(table('forvaltning-omrade').then((rows) => rows.map((r) => r[0]))).resolves.toEqual(['Förvaltning', PRESCHOOL]);
    await expectAccessible();

    // The downloads carry the filter, and the page's session cookie is enough for them.
    const csvHref = (await page.getByRole('link', { name: 'Ladda ner behoven som CSV' }).getAttribute('href'))!;
    expect(csvHref).toBe(`/api/v1/rounds/${round.id}/needs.csv?channel=library`);
    const csv = await page.request.get(`${ctx.baseUrl}${csvHref}`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers()['content-disposition']).toBe(`attachment; filename="behov-${round.year}.csv"`);
    const body = await csv.body();
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = body.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toMatch(/^Förvaltning;Utvecklingsområde;Rubrik;/);
    expect(lines.filter((l) => l.startsWith(PRESCHOOL))).toHaveLength(2);
    expect(body.toString('utf8')).toContain('Vägledning på biblioteken');
    expect(body.toString('utf8')).not.toContain('Öppettider på webben');

    const xlsxHref = (await page.getByRole('link', { name: 'Ladda ner behoven som Excel (XLSX)' }).getAttribute('href'))!;
    expect(xlsxHref).toBe(`/api/v1/rounds/${round.id}/needs.xlsx?channel=library`);
    const xlsx = await page.request.get(`${ctx.baseUrl}${xlsxHref}`);
    expect(xlsx.status()).toBe(200);
    expect(xlsx.headers()['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect((await xlsx.body()).subarray(0, 2).toString('latin1')).toBe('PK');

    // A filter that matches nothing: said so, no tables and no downloads.
    await open(`${analysisPath(round)}?kanal=letter`);
    await expect(page.locator('.samverka-analysis-empty').textContent()).resolves.toBe('Inga behov matchar filtret.');
    await expect(page.locator('table').count()).resolves.toBe(0);
    await expect(page.locator('svg[role="img"]').count()).resolves.toBe(0);
    await expect(page.getByRole('link', { name: 'Visa alla behov' }).getAttribute('href')).resolves.toBe(analysisPath(round));
    await expectAccessible();
  });

  it("shows a participating coordinator only their own department's needs, and refuses a coordinator whose department is not in the round (403)", async () => {
    const round = await roundWithNeeds();
    await signIn(COORDINATOR);

    expect((await open(analysisPath(round))).status()).toBe(200);
    await expect(summary()).resolves.toBe(`2 behov från 1 förvaltning, sammanlagt 3${NBSP}500 ärenden per månad.`);
    await expect(page.getByLabel('Förvaltning', { exact: true }).locator('option').allTextContents()).resolves.toEqual(['Alla', PRESCHOOL]);
    await expect(page.locator('main').textContent()).resolves.not.toContain(CULTURE);
    // Naming another department in the query string shows nothing more.
    await open(`${analysisPath(round)}?forvaltning=${web.departmentId(CULTURE)}`);
    await expect(summary()).resolves.toBe(`2 behov från 1 förvaltning, sammanlagt 3${NBSP}500 ärenden per månad.`);
    await expectAccessible();

    const other = await ctx.given.roundInCollectingNeeds({ participantDepartmentIds: [web.departmentId(CULTURE)] });
    const refused = await open(analysisPath(other));
    expect(refused.status()).toBe(403);
    await expect(page.locator('h1').textContent()).resolves.toBe('Du har inte behörighet till sidan');
  });

  it("counts handed-in needs by default; the status filter (a GET form) adds the drafts, only the department's own", async () => {
    const round = await ctx.given.roundInCollectingNeeds({ participantDepartmentIds: [web.departmentId(PRESCHOOL), web.departmentId(CULTURE)] });
    await needs.create(TEST_ACTOR, round.id, ctx.given.need(web.departmentId(PRESCHOOL), { title: 'Ett utkast', monthlyVolume: 40 }));

    await signIn(COORDINATOR);
    await open(analysisPath(round));
    await expect(page.locator('.samverka-analysis-empty').textContent()).resolves.toBe('Inga behov är inlämnade ännu.');
    await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Alla, även utkast' });
    await page.getByRole('button', { name: 'Filtrera', exact: true }).click();
    await page.waitForLoadState();
    expect(new URL(page.url()).searchParams.get('status')).toBe('alla');
    await expect(summary()).resolves.toBe('1 behov från 1 förvaltning, sammanlagt 40 ärenden per månad.');
    await expect(page.locator('.samverka-analysis-counted').textContent()).resolves.toBe(
      'Räknar behov med status inlämnad, godkänd, utkast och skickad tillbaka. Behov som inte är inlämnade räknas bara för de förvaltningar som du själv företräder.',
    );
    await expect(page.getByRole('link', { name: 'Ladda ner behoven som CSV' }).getAttribute('href')).resolves.toBe(`/api/v1/rounds/${round.id}/needs.csv?includeDrafts=true`);
    await expectAccessible();

    // The strategist asks for the drafts too, and gets none: a draft is its department's own.
    await signIn(STRATEGIST);
    await open(`${analysisPath(round)}?status=alla`);
    await expect(page.locator('.samverka-analysis-empty').textContent()).resolves.toBe('Inga behov matchar filtret.');
    await expect(page.locator('main').textContent()).resolves.not.toContain('Ett utkast');
  });
});
