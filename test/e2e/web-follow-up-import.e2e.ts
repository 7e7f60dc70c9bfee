import { FollowUpService, ReportingPeriod } from '@samverka/follow-up';
import { Locator, Page, Response } from 'playwright-core';
import { E2eContext } from '../support/e2e';
import { GivenFollowUp, RoundInFollowUp } from '../support/given-follow-up';
import { DEMO_USER, webSuite } from '../support/web-suite';

const PRESCHOOL = 'Förskoleförvaltningen';

/**
 * The follow-up's CSV import page in a real Chromium with JavaScript switched off: Förskoleförvaltningen's
 * coordinator downloads the period's file, uploads an edited one with a bad row (the dry run names its
 * line, no confirmation), then a fixed Windows-1252, comma-separated one, confirms and sees the result.
 * A strategist sees the files but no upload; management is refused. Every page is checked.
 */
describe('the web UI: importing follow-up reports from CSV', () => {
  let ctx: E2eContext;
  let page: Page;
  let adopted: RoundInFollowUp;
  let period: ReportingPeriod;
  let departmentId: string;
  const web = webSuite();
  beforeAll(async () => {
    ctx = web.ctx;
    departmentId = web.departmentId(PRESCHOOL);
    adopted = await new GivenFollowUp(ctx.app, ctx.given).roundInFollowUp({
      participantDepartmentIds: [departmentId],
      items: [
        { areaCode: 'LOKAL_SERVICE', title: 'Vägledning på biblioteken', responsibilities: [{ departmentId, role: 'responsible' }, { contactCentre: true, role: 'accountable' }] },
        { areaCode: 'LOKAL_SERVICE', title: 'Servicepunkter', responsibilities: [{ departmentId, role: 'responsible' }, { contactCentre: true, role: 'accountable' }] },
      ],
    });
    [period] = await ctx.app.get(FollowUpService).periods(adopted.round.id);
  }, 120_000);
  beforeEach(() => {
    page = web.page;
  });
  const path = () => `/planomgangar/${adopted.round.id}/uppfoljning/forvaltningar/${departmentId}/import`;
  const button = (name: string) => page.getByRole('button', { name, exact: true });
  async function submit(target: Locator): Promise<Response> {
    const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), target.click()]);
    await page.waitForLoadState();
    return response;
  }
  const tableRows = async () => (await page.locator('table tbody tr').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());

  it('downloads the file, reviews an edited one row by line number, and imports the fixed one on confirmation', async () => {
    await web.signIn(DEMO_USER.coordinator);
    expect((await web.open(path())).status()).toBe(200);
    await expect(page.locator('h1').textContent()).resolves.toBe('Importera uppföljningen från en CSV-fil');
    await web.expectAccessible();

    const link = page.getByRole('link', { name: new RegExp(`^Hämta CSV-filen för ${period.label}`) });
    const download = await page.request.get(ctx.baseUrl + (await link.getAttribute('href')));
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toBe('text/csv; charset=utf-8');
    const [code1, code2] = adopted.items.map((i) => i.code);
    const lines = (await download.text()).replace(/^\uFEFF/, '').split('\r\n');
    expect(lines.slice(1, 3)).toEqual([`${code1};LOKAL_SERVICE;Vägledning på biblioteken;;;;;;`, `${code2};LOKAL_SERVICE;Servicepunkter;;;;;;`]);

    // A row delayed without its cause: the dry run names line 3, and nothing can be confirmed.
    lines[1] = `${code1};LOKAL_SERVICE;Vägledning på biblioteken;Enligt plan;40;Utbildningen pågår;;;`;
    lines[2] = `${code2};LOKAL_SERVICE;Servicepunkter;Försenad;10;Lokalen är inte klar;;;`;
    await page.locator('#period').selectOption(period.id);
    await page.locator('#file').setInputFiles({ name: 'uppfoljning.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\r\n'), 'utf8') });
    const reviewed = await submit(button('Granska filen'));
    expect(reviewed.status()).toBe(200);
    await expect(page.locator('main').textContent()).resolves.toContain('1 rad har fel. Inget importeras');
    expect(await tableRows()).toEqual([`2 ${code1} Ny rapport`, expect.stringMatching(new RegExp(`^3 ${code2} Fel Orsak: Beskriv orsaken.*Vad som behövs: Beskriv vad som behövs`))]);
    await expect(button('Importera 2 rapporter').count()).resolves.toBe(0);
    await web.expectAccessible();

    // Fixed, and saved by Excel on Windows: Windows-1252 with commas.
    const fixed = Buffer.from(
      `Kod,Status,Färdigt (%),Kommentar,Orsak,Vad som behövs\r\n${code1},Enligt plan,40,Utbildningen pågår,,\r\n${code2},Försenad,10,Lokalen är inte klar,Bygglovet dröjer,Beslut om tillfällig lokal\r\n`,
      'latin1',
    );
    await page.locator('#file').setInputFiles({ name: 'uppfoljning.csv', mimeType: 'text/csv', buffer: fixed });
    expect((await submit(button('Granska filen'))).status()).toBe(200);
    await expect(page.locator('main').textContent()).resolves.toContain('Filen lästes som Windows-1252 med komma mellan fälten.');
    expect(await tableRows()).toEqual([`2 ${code1} Ny rapport`, `3 ${code2} Ny rapport`]);
    await web.expectAccessible();

    const confirmed = await submit(button('Importera 2 rapporter'));
    expect(confirmed.status()).toBe(303);
    expect(page.url()).toBe(`${ctx.baseUrl}${path()}?importerade=2&oforandrade=0`);
    await expect(page.locator('.govuk-notification-banner').textContent()).resolves.toContain('2 rapporter importerades.');
    await web.expectAccessible();
    const stored: Array<{ status: string; cause: string | null; source: string }> = await ctx.dataSource.query(
      'select status, cause, source from follow_up_report where department_id = $1 order by status',
      [departmentId],
    );
    expect(stored).toEqual([
      { status: 'delayed', cause: 'Bygglovet dröjer', source: 'csv' },
      { status: 'on_track', cause: null, source: 'csv' },
    ]);
  });

  it('shows a strategist the files but no upload, and refuses management', async () => {
    await web.signIn(DEMO_USER.strategist);
    expect((await web.open(path())).status()).toBe(200);
    await expect(page.locator('main').textContent()).resolves.toContain('Bara förvaltningens samordnare importerar förvaltningens rapporter.');
    await expect(page.locator('#file').count()).resolves.toBe(0);
    await web.expectAccessible();
    await web.signIn(DEMO_USER.management);
    expect((await web.open(path())).status()).toBe(403);
  });
});
