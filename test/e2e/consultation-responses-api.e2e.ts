import { NotificationDispatcher } from '@samverka/notifications';
import { CommitteeEntity } from '@samverka/organisation';
import { PlanRoundView } from '@samverka/rounds';
import { docxWith } from '../support/documents';
import { AuthedApi, e2eContext, E2eContext } from '../support/e2e';
import { GivenConsultationRows } from '../support/given-consultation-respond';
import { SEED_RESPONSE_TEXTS, seedResponseInputs } from '../support/seeds';
import { TestSmtpServer } from '../support/smtp';

/**
 * Yttranden over HTTP: both seed responses entered exactly as in the files, the receipt received over
 * SMTP, a secretary of another committee refused (403), a second response a 409 with nothing written,
 * the signed document uploaded as multipart and its text found, the proposal finder.
 */
describe('consultation responses API', () => {
  let ctx: E2eContext;
  let smtp: TestSmtpServer;
  let rows: GivenConsultationRows;
  let forskole: CommitteeEntity;
  let kultur: CommitteeEntity;
  let round: PlanRoundView;
  let secretaryF: AuthedApi;
  let secretaryK: AuthedApi;
  let strategist: AuthedApi;
  let coordinator: AuthedApi;
  let inputs: ReturnType<typeof seedResponseInputs>;
  let signedDocx: Buffer;

  const count = async (sql: string, params: unknown[]) => Number((await ctx.dataSource.query(sql, params))[0].n);
  const dispatched = async () => {
    const before = smtp.received.length;
    const due = await ctx.app.get(NotificationDispatcher).dispatchDue('e2e', 50);
    return (await smtp.waitFor(before + due.sent)).slice(before);
  };
  const upload = async (who: AuthedApi, committeeId: string, file: Buffer, fileName: string) => {
    const form = new FormData();
    form.append('file', new Blob([file]), fileName);
    const path = `/api/v1/rounds/${round.id}/consultation/responses/${committeeId}/draft/attachment`;
    const res = await fetch(ctx.baseUrl + path, { method: 'PUT', headers: { authorization: `Bearer ${who.token}`, accept: 'application/json' }, body: form });
    const body = (await res.json()) as Record<string, unknown>;
    expect(ctx.contract.checkAnswer('PUT', path, res.status, res.headers, body)).toEqual([]);
    return { status: res.status, body };
  };

  beforeAll(async () => {
    smtp = await TestSmtpServer.start();
    ctx = await e2eContext({ SMTP_URL: smtp.url, PUBLIC_URL: 'https://samverka.malmo.example' });
    rows = new GivenConsultationRows(ctx.dataSource);
    forskole = await ctx.given.committee({ name: 'Förskolenämnden' });
    kultur = await ctx.given.committee({ name: 'Kulturnämnden' });
    const a = await ctx.given.department({ name: 'Förskoleförvaltningen', committeeId: forskole.id });
    const b = await ctx.given.department({ name: 'Kulturförvaltningen', committeeId: kultur.id });
    round = await ctx.given.roundInDraftingPlan({ participantDepartmentIds: [a.id, b.id], caseNumber: 'STK-2024-1400' });
    await rows.consultation(round.id, [forskole.id, kultur.id]);
    secretaryF = await ctx.as([{ role: 'committee_secretary', committeeId: forskole.id }], { name: 'Fia Sekreterare' });
    secretaryK = await ctx.as([{ role: 'committee_secretary', committeeId: kultur.id }], { name: 'Karin Sekreterare' });
    strategist = await ctx.as([{ role: 'strategist' }], { name: 'Åsa Öberg' });
    coordinator = await ctx.as([], { name: 'Cora Samordnare' });
    await ctx.given.coordinator(a, { personId: coordinator.personId, validFrom: '2020-01-01' });
    inputs = seedResponseInputs({ forskolenamnden: forskole.id, kulturnamnden: kultur.id });
  });
  afterAll(async () => {
    await ctx?.close();
    await smtp?.stop();
  });

  it('finds the seed texts\' proposals for a secretary, saving nothing', async () => {
    const k = await secretaryK.api('POST', `/api/v1/rounds/${round.id}/consultation/proposal-suggestions`, { text: SEED_RESPONSE_TEXTS.kulturnamnden });
    expect(k.status).toBe(200);
    expect(k.body.proposals.map((p: { text: string }) => p.text)).toEqual(inputs.kulturnamnden.proposals.map((p) => p.text));
    const f = await secretaryF.api('POST', `/api/v1/rounds/${round.id}/consultation/proposal-suggestions`, { text: SEED_RESPONSE_TEXTS.forskolenamnden });
    expect(f.body).toEqual({ proposals: [{ text: 'förtydligande behöver ske kring samarbetsprocessen framåt' }] });
    expect((await coordinator.api('POST', `/api/v1/rounds/${round.id}/consultation/proposal-suggestions`, { text: 'x' })).status).toBe(403);
  });

  it('refuses a secretary responding for another committee (403) and reading its draft (403)', async () => {
    const res = await secretaryF.api('POST', `/api/v1/rounds/${round.id}/consultation/responses`, inputs.kulturnamnden);
    expect(res.status).toBe(403);
    const draft = await secretaryK.api('PUT', `/api/v1/rounds/${round.id}/consultation/responses/${kultur.id}/draft`, { summary: 'Utkast' });
    expect(draft.status).toBe(200);
    expect((await secretaryF.api('GET', `/api/v1/rounds/${round.id}/consultation/responses/${kultur.id}`)).status).toBe(403);
    expect((await secretaryF.api('PUT', `/api/v1/rounds/${round.id}/consultation/responses/${kultur.id}/draft`, { summary: 'Kapat' })).status).toBe(403);
    expect(await count('select count(*) as n from consultation_response where committee_id = $1 and status = $2', [kultur.id, 'submitted'])).toBe(0);
  });

  it('uploads the signed DOCX as multipart; its text comes back, and a file that is no document is a 400 naming the field', async () => {
    const docx = await docxWith(['Kulturnämnden föreslår kontaktcenter att', 'o Överväga fysiska permanenta platser']);
    signedDocx = docx;
    const res = await upload(secretaryK, kultur.id, docx, 'Yttrande Kulturnämnden.docx');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ fileName: 'Yttrande Kulturnämnden.docx', sizeBytes: docx.length });
    expect(res.body.extractedText).toContain('o Överväga fysiska permanenta platser');
    const bad = await upload(secretaryK, kultur.id, Buffer.from('hello, not a pdf'), 'fake.pdf');
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([expect.objectContaining({ field: 'file', rule: 'fileType' })]);
    const other = await upload(secretaryF, kultur.id, docx, 'x.docx');
    expect(other.status).toBe(403);
  });

  it('registers both seed responses exactly as in the files, with their proposals, and emails the receipts', async () => {
    await dispatched();
    const k = await secretaryK.api('POST', `/api/v1/rounds/${round.id}/consultation/responses`, inputs.kulturnamnden);
    expect(k.status).toBe(201);
    expect(k.body).toEqual({ id: expect.any(String), revision: 1, proposals: inputs.kulturnamnden.proposals.map((p) => ({ id: expect.any(String), text: p.text })) });
    const f = await secretaryF.api('POST', `/api/v1/rounds/${round.id}/consultation/responses`, inputs.forskolenamnden);
    expect(f.status).toBe(201);
    expect(f.body.proposals).toEqual([{ id: expect.any(String), text: 'förtydligande behöver ske kring samarbetsprocessen framåt' }]);

    const view = await strategist.api('GET', `/api/v1/rounds/${round.id}/consultation/responses/${kultur.id}`);
    expect(view.status).toBe(200);
    expect(view.body.current.text).toBe(SEED_RESPONSE_TEXTS.kulturnamnden);
    expect(view.body.current.stance).toBe('approve_with_remarks');
    expect(view.body.current.attachment).toMatchObject({ fileName: 'Yttrande Kulturnämnden.docx' });
    expect(view.body.draft).toBeNull();
    const fView = await secretaryF.api('GET', `/api/v1/rounds/${round.id}/consultation/responses/${forskole.id}`);
    expect(fView.body.current.text).toBe(SEED_RESPONSE_TEXTS.forskolenamnden);

    const mails = await dispatched();
    const toK = mails.find((m) => m.to.includes(secretaryK.email));
    expect(toK?.parsed.subject).toBe('Kvittens: Kulturnämndens yttrande över ' + round.title);
    expect(toK?.parsed.text).toContain('Ställningstagande: Tillstyrker med synpunkter');
    expect(toK?.parsed.text).toContain('3. Sirskilt beakta hur arbetssittet ar tillgingligt f6r personer med fysisk eller intellektuell funktionsnedsittning');
    expect(toK?.parsed.text).toContain('Kulturnimnden foreslar kontaktcenter att');
    expect(mails.find((m) => m.to.includes(secretaryF.email))?.parsed.text).toContain('Undertecknat av: Susanne Nilsson, Annika Åsberg Renman');
  });

  it('refuses a second response for the committee with 409 RESPONSE_EXISTS, writing nothing; a revision keeps the old', async () => {
    const before = await count('select count(*) as n from consultation_response where round_id = $1', [round.id]);
    const proposalsBefore = await count('select count(*) as n from consultation_proposal where round_id = $1', [round.id]);
    const second = await secretaryK.api('POST', `/api/v1/rounds/${round.id}/consultation/responses`, { ...inputs.kulturnamnden, summary: 'Ett andra' });
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('RESPONSE_EXISTS');
    expect(await count('select count(*) as n from consultation_response where round_id = $1', [round.id])).toBe(before);
    expect(await count('select count(*) as n from consultation_proposal where round_id = $1', [round.id])).toBe(proposalsBefore);

    const { committeeId: _c, ...body } = inputs.kulturnamnden;
    const revised = await secretaryK.api('POST', `/api/v1/rounds/${round.id}/consultation/responses/${kultur.id}/revisions`, { ...body, minuteReference: '§ 32' });
    expect(revised.status).toBe(201);
    expect(revised.body.revision).toBe(2);
    const view = await secretaryK.api('GET', `/api/v1/rounds/${round.id}/consultation/responses/${kultur.id}`);
    expect(view.body.current.minuteReference).toBe('§ 32');
    expect(view.body.revisions.map((r: { revision: number; minuteReference: string }) => [r.revision, r.minuteReference])).toEqual([[1, '§ 31']]);
  });

  it('answers bad input with 400 naming the fields, and a strategist without receivedOnPaper with 403', async () => {
    const other = await ctx.given.committee();
    await ctx.dataSource.query('insert into consultation_recipient (round_id, committee_id, reply_by) values ($1, $2, $3)', [round.id, other.id, '2026-06-30']);
    const bad = await strategist.api('POST', `/api/v1/rounds/${round.id}/consultation/responses`, { ...inputs.forskolenamnden, committeeId: other.id, stance: 'perhaps', adoptedOn: '2026-13-01', signatories: [] });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['stance', 'adoptedOn']));
    const paperless = await strategist.api('POST', `/api/v1/rounds/${round.id}/consultation/responses`, { ...inputs.forskolenamnden, committeeId: other.id, areaComments: [], proposals: [] });
    expect(paperless.status).toBe(403);
    expect(paperless.body.code).toBe('RESPONSE_ONLY_ON_PAPER');
    const paper = await strategist.api('POST', `/api/v1/rounds/${round.id}/consultation/responses`, { ...inputs.forskolenamnden, committeeId: other.id, areaComments: [], proposals: [], receivedOnPaper: true });
    expect(paper.status).toBe(201);
  });

  it('lets the round\'s readers download a submitted response\'s document, byte for byte', async () => {
    const view = await strategist.api('GET', `/api/v1/rounds/${round.id}/consultation/responses/${kultur.id}`);
    const attachmentId = view.body.revisions[0].attachment?.id ?? view.body.current.attachment?.id;
    const res = await fetch(`${ctx.baseUrl}/api/v1/rounds/${round.id}/consultation/attachments/${attachmentId}`, { headers: { authorization: `Bearer ${coordinator.token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="Yttrande_Kulturnamnden.docx"');
    expect(Buffer.compare(Buffer.from(await res.arrayBuffer()), signedDocx)).toBe(0);
  });
});
