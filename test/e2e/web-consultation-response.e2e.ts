import { PlanRoundView } from '@samverka/rounds';
import { Locator, Page, Response } from 'playwright-core';
import { signInThroughForm } from '../support/browser';
import { docxWith } from '../support/documents';
import { E2eContext } from '../support/e2e';
import { TEST_PASSWORD } from '../support/given';
import { GivenConsultationRows } from '../support/given-consultation-respond';
import { SEED_RESPONSE_TEXTS, seedResponseInputs } from '../support/seeds';
import { TestSmtpServer } from '../support/smtp';
import { DEMO_USER, webSuite } from '../support/web-suite';

const PRESCHOOL = 'Förskoleförvaltningen';
const CULTURE = 'Kulturförvaltningen';

/**
 * The committee's response in the web UI, in a real Chromium with JavaScript switched off:
 * Kulturnämnden's secretary uploads the signed DOCX (its text prefilled in the form), finds the
 * proposals in the seed text, keeps them, is told what is missing, submits through the confirmation
 * page and sees the registered response; Förskolenämnden's secretary is refused (403); an upload
 * without the form's token is refused. Every page is checked (axe, html-validate, no sideways scrolling).
 */
describe('the web UI: a committee responds to the remiss', () => {
  let ctx: E2eContext;
  let page: Page;
  let round: PlanRoundView;
  let kulturId: string;
  let secretaryEmail: string;
  let smtp: TestSmtpServer;
  const env: Record<string, string> = {};
  beforeAll(async () => {
    smtp = await TestSmtpServer.start();
    env.SMTP_URL = smtp.url;
  });
  afterAll(() => smtp?.stop());
  const web = webSuite(env);
  beforeAll(async () => {
    ctx = web.ctx;
    round = await ctx.given.roundInDraftingPlan({ participantDepartmentIds: [web.departmentId(PRESCHOOL), web.departmentId(CULTURE)] });
    const committees = (await ctx.dataSource.query(`select id, name from committee where name in ('Kulturnämnden', 'Förskolenämnden')`)) as Array<{ id: string; name: string }>;
    kulturId = committees.find((c) => c.name === 'Kulturnämnden')!.id;
    const forskoleId = committees.find((c) => c.name === 'Förskolenämnden')!.id;
    await new GivenConsultationRows(ctx.dataSource).consultation(round.id, [forskoleId, kulturId], { questions: ['Hur vill ni delta i samarbetsprocessen?'] });
    const secretary = await ctx.given.user({ name: 'Karin Sekreterare', roles: [{ role: 'committee_secretary', committeeId: kulturId }] });
    secretaryEmail = secretary.email;
  });
  beforeEach(() => {
    page = web.page;
  });
  const path = () => `/planomgangar/${round.id}/remiss/${kulturId}`;
  const button = (name: string) => page.getByRole('button', { name, exact: true });
  async function submit(target: Locator): Promise<Response> {
    const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), target.click()]);
    await page.waitForLoadState();
    return response;
  }
  const errorLinks = () => page.locator('.govuk-error-summary').getByRole('link');
  const signInAsSecretary = async () => {
    await web.context.clearCookies();
    const res = await signInThroughForm(page, ctx.baseUrl, secretaryEmail, TEST_PASSWORD);
    expect(res.status()).toBe(303);
  };

  it("lets the committee's secretary upload the document, find and keep the proposals, and submit through the confirmation", async () => {
    await signInAsSecretary();
    expect((await web.open(path())).status()).toBe(200);
    await expect(page.locator('h1').textContent()).resolves.toBe('Yttrande från Kulturnämnden');
    await expect(page.getByRole('link', { name: 'Planversion 1' }).getAttribute('href')).resolves.toBe(`/planomgangar/${round.id}/plan/versioner/1`);
    await expect(page.locator('main').textContent()).resolves.toContain('Hur vill ni delta i samarbetsprocessen?');
    await web.expectAccessible();

    // The signed document, without JavaScript: its text comes back in the full-text field (a paragraph of the seed a paragraph of the document).
    const docx = await docxWith(SEED_RESPONSE_TEXTS.kulturnamnden.split(/\n\s*\n/).map((p) => p.replace(/\s*\n\s*/g, ' ').trim()));
    await page.locator('#file').setInputFiles({ name: 'Yttrande Kulturnämnden.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: docx });
    const uploaded = await submit(button('Ladda upp dokumentet'));
    expect(uploaded.status()).toBe(200);
    await expect(page.locator('#text').inputValue()).resolves.toContain('Kulturnimnden foreslar kontaktcenter att');
    await expect(page.getByRole('link', { name: 'Yttrande Kulturnämnden.docx' }).count()).resolves.toBe(1);
    await web.expectAccessible();

    // The finder: its proposals as rows, none kept until the secretary says so.
    const found = await submit(button('Hitta förslag i texten'));
    expect(found.status()).toBe(200);
    await expect(page.locator('.govuk-notification-banner--success').textContent()).resolves.toContain('3 förslag hittades i texten');
    const expected = seedResponseInputs({ forskolenamnden: kulturId, kulturnamnden: kulturId }).kulturnamnden.proposals.map((p) => p.text);
    for (const [i, text] of expected.entries()) {
      await expect(page.locator(`#proposal-${i}-text`).inputValue()).resolves.toBe(text);
      await expect(page.locator(`#proposal-${i}-keep`).isChecked()).resolves.toBe(false);
    }
    await web.expectAccessible();
    for (const i of expected.keys()) await page.locator(`#proposal-${i}-keep`).check();
    await page.getByLabel('Tillstyrker med synpunkter', { exact: true }).check();
    await page.locator('#adoptedOn').fill('2025-03-20');
    await page.locator('#minuteReference').fill('§ 31');
    await page.locator('#signatories').fill('Janne Grönholm\nAnnika Cedhagen');

    // No summary yet: the confirmation shows the draft, and submitting names what is missing.
    const toConfirm = await submit(button('Skicka in yttrandet'));
    expect(toConfirm.status()).toBe(200);
    await expect(page.locator('h1').textContent()).resolves.toBe('Vill du skicka in yttrandet?');
    await web.expectAccessible();
    const refused = await submit(button('Skicka in yttrandet'));
    expect(refused.status()).toBe(400);
    await expect(errorLinks().allTextContents()).resolves.toEqual(['Sammanfatta yttrandet']);
    await expect(page.locator('#summary-error').textContent()).resolves.toBe('Fel: Sammanfatta yttrandet');
    await expect(page.locator('#proposal-2-keep').isChecked()).resolves.toBe(true);
    await web.expectAccessible();

    await page.locator('#summary').fill('Kulturnämnden ser positivt på utvecklingsplanen men saknar en analys av behovet av fysisk service.');
    await submit(button('Skicka in yttrandet'));
    await expect(page.locator('h1').textContent()).resolves.toBe('Vill du skicka in yttrandet?');
    await expect(page.locator('main').textContent()).resolves.toContain('Ett kvitto skickas med e-post');
    // The draft saved again meanwhile (another tab): what was confirmed is no longer what would be registered.
    await ctx.dataSource.query(`update consultation_response set updated_at = updated_at + interval '1 second' where committee_id = $1 and status = 'draft'`, [kulturId]);
    const stale = await submit(button('Skicka in yttrandet'));
    expect(stale.status()).toBe(409);
    await expect(errorLinks().allTextContents()).resolves.toEqual(['Utkastet har ändrats sedan du bekräftade det. Kontrollera det och skicka in igen.']);
    await submit(button('Skicka in yttrandet'));
    await expect(page.locator('h1').textContent()).resolves.toBe('Vill du skicka in yttrandet?');
    const done = await submit(button('Skicka in yttrandet'));
    expect(done.status()).toBe(303);
    await expect(page.locator('.govuk-notification-banner--success').textContent()).resolves.toContain('Yttrandet är registrerat som nämndens svar');
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).toContain('Tillstyrker med synpunkter');
    expect(main).toContain('Janne Grönholm');
    expect(main).toContain('§ 31');
    for (const text of expected) expect(main).toContain(text);
    await expect(page.getByRole('link', { name: 'Ladda ner Yttrande Kulturnämnden.docx' }).count()).resolves.toBe(1);
    await expect(page.getByRole('link', { name: 'Rätta yttrandet' }).count()).resolves.toBe(1);
    await web.expectAccessible();

    const rows = (await ctx.dataSource.query(
      `select r.revision, (select count(*) from consultation_proposal p where p.response_id = r.id) as proposals,
              (select count(*) from consultation_attachment a where a.response_id = r.id) as attachments
         from consultation_response r where r.round_id = $1 and r.committee_id = $2`,
      [round.id, kulturId],
    )) as Array<{ revision: number; proposals: string; attachments: string }>;
    expect(rows).toEqual([{ revision: 1, proposals: '3', attachments: '1' }]);

    // A correction: a new version, the first kept under earlier versions; a file that is no document is named at the field.
    await Promise.all([page.waitForLoadState(), page.getByRole('link', { name: 'Rätta yttrandet' }).click()]);
    await expect(page.locator('#summary').inputValue()).resolves.toBe('Kulturnämnden ser positivt på utvecklingsplanen men saknar en analys av behovet av fysisk service.');
    await page.locator('#file').setInputFiles({ name: 'anteckningar.txt', mimeType: 'text/plain', buffer: Buffer.from('bara text') });
    const notDocument = await submit(button('Ladda upp dokumentet'));
    expect(notDocument.status()).toBe(400);
    await expect(page.locator('#file-error').textContent()).resolves.toMatch(/^Fel: .*PDF/);
    await web.expectAccessible();
    await page.locator('#summary').fill('Kulturnämnden ser positivt på planen; rättad sammanfattning.');
    await submit(button('Skicka in rättelsen'));
    await expect(page.locator('h1').textContent()).resolves.toBe('Vill du skicka in rättelsen av yttrandet?');
    // No new document: the signed one of version 1 goes with the correction unless removed.
    await expect(page.locator('main').textContent()).resolves.toContain('Den bifogade filen Yttrande Kulturnämnden.docx från version 1 följer med rättelsen');
    await expect(page.getByLabel('Ta bort bifogad fil').isChecked()).resolves.toBe(false);
    await web.expectAccessible();
    expect((await submit(button('Skicka in rättelsen'))).status()).toBe(303);
    await expect(page.locator('#yttrandet + p').textContent()).resolves.toBe('Version 2');
    await expect(page.locator('#tidigare').count()).resolves.toBe(1);
    await expect(page.locator('main').textContent()).resolves.toContain('rättad sammanfattning');
    await web.expectAccessible();

    // Version 2 (kept from version 1) and version 1 each serve the signed document.
    const links = page.getByRole('link', { name: 'Ladda ner Yttrande Kulturnämnden.docx' });
    await expect(links.count()).resolves.toBe(2);
    for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))) {
      const download = await page.request.get(ctx.baseUrl + href);
      expect(download.status()).toBe(200);
      expect(Buffer.from(await download.body()).equals(docx)).toBe(true);
    }
  });

  it("refuses another committee's secretary (403), an upload without the form's token, and multipart on the form's own route (415)", async () => {
    await web.signIn(DEMO_USER.secretary);
    expect((await web.open(path())).status()).toBe(403);
    await web.expectAccessible();

    await signInAsSecretary();
    const before = await ctx.dataSource.query('select count(*) as n from consultation_attachment');
    const res = await page.request.post(ctx.baseUrl + path() + '/dokument', {
      multipart: { _csrf: 'inte-rätt', file: { name: 'a.docx', mimeType: 'application/octet-stream', buffer: await docxWith(['Text']) } },
      maxRedirects: 0,
    });
    expect(res.status()).toBe(403);
    const missing = await page.request.post(ctx.baseUrl + path() + '/dokument', {
      multipart: { file: { name: 'a.docx', mimeType: 'application/octet-stream', buffer: await docxWith(['Text']) } },
      maxRedirects: 0,
    });
    expect(missing.status()).toBe(403);
    // Only the upload route reads multipart: the response form's own route refuses it, even with the right token.
    await web.open(path());
    const token = (await page.locator('input[name=_csrf]').first().getAttribute('value'))!;
    const elsewhere = await page.request.post(ctx.baseUrl + path(), { multipart: { _csrf: token, action: 'draft', summary: 'Via multipart' }, maxRedirects: 0 });
    expect(elsewhere.status()).toBe(415);
    await expect(ctx.dataSource.query(`select count(*) as n from consultation_response where summary = 'Via multipart'`)).resolves.toEqual([{ n: '0' }]);
    await expect(ctx.dataSource.query('select count(*) as n from consultation_attachment')).resolves.toEqual(before);
  });
});
