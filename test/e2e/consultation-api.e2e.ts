import { NotificationDispatcher } from '@samverka/notifications';
import { Clock, localDateInCity } from '@samverka/kernel';
import { PlanDraftService } from '@samverka/plan';
import { PlanRoundStepService } from '@samverka/rounds';
import { AuthedApi, e2eContext, E2eContext } from '../support/e2e';
import { GivenConsultation, ReadyRound } from '../support/given-consultation-send';
import { TEST_ACTOR } from '../support/given';
import { seedResponseInputs } from '../support/seeds';
import { TestSmtpServer } from '../support/smtp';

/**
 * The remiss over HTTP: a strategist prepares it (every bad field named at once), the workflow sends
 * it (each secretary gets the case number in the subject and the reply date as .ics), round readers
 * read the recipients' status, a committee's secretary asks for an extension (never for another
 * committee) and a strategist decides it, once.
 */
describe('consultation API: preparing, sending, extensions', () => {
  let ctx: E2eContext;
  let smtp: TestSmtpServer;
  let strategist: AuthedApi;
  let secretaryA: AuthedApi;
  let secretaryB: AuthedApi;
  let outsider: AuthedApi;
  let round: ReadyRound;
  let path: string;
  /** A recipient committee outside the round's participants (added in the test that reads as it). */
  let guestId: string;

  beforeAll(async () => {
    smtp = await TestSmtpServer.start();
    ctx = await e2eContext({ SMTP_URL: smtp.url, PUBLIC_URL: 'https://samverka.malmo.example' });
    round = await new GivenConsultation(ctx.app, ctx.given).readyRound();
    path = `/api/v1/rounds/${round.id}/consultation`;
    strategist = await ctx.as([{ role: 'strategist' }], { name: 'Stina Strateg' });
    secretaryA = await ctx.as([{ role: 'committee_secretary', committeeId: round.departments[0].committeeId }], { name: 'Sara Sekreterare' });
    secretaryB = await ctx.as([{ role: 'committee_secretary', committeeId: round.departments[1].committeeId }], { name: 'Bo Sekreterare' });
    outsider = await ctx.as([{ role: 'committee_secretary', committeeId: (await ctx.given.committee()).id }]);
  });
  afterAll(async () => {
    await ctx?.close();
    await smtp?.stop();
  });

  const body = (values: Record<string, unknown> = {}) => ({
    planVersion: 1,
    replyBy: round.deadlines.consultationReply,
    committeeIds: round.departments.map((d) => d.committeeId),
    coverLetter: 'Kontaktcenter skickar planen på remiss.',
    questions: [{ areaCode: 'LOKAL_SERVICE', text: 'Hur kan biblioteken bidra?' }, { text: 'Saknas något?' }],
    ...values,
  });

  it('prepares the remiss: strategists only, 404 before, 400 and 422 naming every field, then 200', async () => {
    expect((await strategist.api('GET', path)).body).toMatchObject({ code: 'CONSULTATION_NOT_FOUND' });
    expect((await secretaryA.api('PUT', path, body())).status).toBe(403);

    const shape = await strategist.api('PUT', path, body({ replyBy: '2020-01-01', coverLetter: '', questions: [{ text: 'x', extra: 1 }] }));
    expect(shape.status).toBe(400);
    expect(shape.body.details.map((d: { field: string; rule: string }) => `${d.field}:${d.rule}`)).toEqual(expect.arrayContaining(['replyBy:afterToday', 'coverLetter:isNotEmpty', 'questions[0].extra:unknownField']));

    const refs = await strategist.api('PUT', path, body({ planVersion: 7, committeeIds: ['00000000-0000-4000-8000-000000000000'], questions: [{ areaCode: 'NOPE', text: 'Fråga' }] }));
    expect(refs.status).toBe(422);
    expect(refs.body.details.map((d: { field: string; rule: string }) => `${d.field}:${d.rule}`)).toEqual(['planVersion:frozenVersion', 'committeeIds:exists', 'questions[0].areaCode:roundArea']);
    expect((await strategist.api('GET', path)).status).toBe(404);

    const prepared = await strategist.api('PUT', path, body({ contactPersonId: strategist.personId }));
    expect(prepared.status).toBe(200);
    expect(prepared.body).toMatchObject({
      planVersion: 1,
      replyBy: round.deadlines.consultationReply,
      sentAt: null,
      contactPerson: { id: strategist.personId, name: 'Stina Strateg' },
      questions: [
        { areaCode: 'LOKAL_SERVICE', text: 'Hur kan biblioteken bidra?' },
        { areaCode: null, text: 'Saknas något?' },
      ],
    });
    expect(prepared.body.recipients.map((r: { status: string; replyBy: string }) => [r.status, r.replyBy])).toEqual([
      ['awaiting', round.deadlines.consultationReply],
      ['awaiting', round.deadlines.consultationReply],
    ]);
    // round readers read it; a secretary of a committee outside the round does not
    expect((await secretaryA.api('GET', path)).status).toBe(200);
    expect((await outsider.api('GET', path)).status).toBe(403);
  });

  it('SEND_FOR_CONSULTATION emails each secretary the remiss with the case number and the reply date as .ics; then it cannot be prepared again (409)', async () => {
    await ctx.app.get(PlanRoundStepService).transition(TEST_ACTOR, round.id, { type: 'SEND_FOR_CONSULTATION' });
    const before = smtp.received.length;
    const due = await ctx.app.get(NotificationDispatcher).dispatchDue('e2e', 50);
    const mails = (await smtp.waitFor(before + due.sent)).slice(before).filter((m) => m.parsed.subject?.startsWith('Remiss'));
    const toA = mails.find((m) => m.to.includes(secretaryA.email))!;
    expect(toA.parsed.subject).toContain(round.caseNumber);
    expect(toA.parsed.text).toContain('Hur kan biblioteken bidra?');
    expect(toA.parsed.text).toContain(`/planomgangar/${round.id}/remiss/${round.departments[0].committeeId}`);
    expect(toA.parsed.attachments.map((a) => a.filename)).toEqual(['sista-dag-remissvar.ics']);
    expect(mails.some((m) => m.to.includes(secretaryB.email))).toBe(true);
    expect((await strategist.api('GET', path)).body.sentAt).not.toBeNull();
    const again = await strategist.api('PUT', path, body());
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('CONSULTATION_NOT_EDITABLE');
  });

  it("a secretary asks for an extension for their own committee only (403 for another's); one open at a time; a strategist decides once", async () => {
    const [a, b] = round.departments;
    const ask = (who: AuthedApi, committeeId: string, values: Record<string, unknown> = {}) =>
      who.api('POST', `${path}/recipients/${committeeId}/extensions`, { requestedReplyBy: '2099-01-31', reason: 'Nämnden sammanträder senare.', ...values });
    expect((await ask(secretaryB, a.committeeId)).status).toBe(403);
    expect((await ask(outsider, a.committeeId)).status).toBe(403);
    const early = await ask(secretaryA, a.committeeId, { requestedReplyBy: round.deadlines.consultationReply });
    expect(early.status).toBe(400);
    expect(early.body.details).toEqual([expect.objectContaining({ field: 'requestedReplyBy', rule: 'afterReplyBy' })]);
    const created = await ask(secretaryA, a.committeeId);
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: expect.any(String) });
    const second = await ask(secretaryA, a.committeeId);
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('EXTENSION_ALREADY_OPEN');

    const ext = `${path}/recipients/${a.committeeId}/extensions/${created.body.id}`;
    expect((await secretaryA.api('POST', `${ext}/approve`, {})).status).toBe(403);
    expect((await strategist.api('POST', `${ext}/approve`, { replyBy: 'snart' })).status).toBe(400);
    const approved = await strategist.api('POST', `${ext}/approve`, { replyBy: '2099-01-15' });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ committeeId: a.committeeId, replyBy: '2099-01-15', extensions: [{ status: 'approved', decidedReplyBy: '2099-01-15', decidedBy: 'Stina Strateg' }] });
    expect((await strategist.api('POST', `${ext}/decline`, { reason: 'Nej' })).body.code).toBe('EXTENSION_ALREADY_DECIDED');

    const other = await ask(strategist, b.committeeId);
    expect(other.status).toBe(201);
    const noReason = await strategist.api('POST', `${path}/recipients/${b.committeeId}/extensions/${other.body.id}/decline`, { reason: ' ' });
    expect(noReason.status).toBe(400);
    const declined = await strategist.api('POST', `${path}/recipients/${b.committeeId}/extensions/${other.body.id}/decline`, { reason: 'Beslutet kan inte vänta.' });
    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({ replyBy: round.deadlines.consultationReply, extensions: [{ status: 'declined', decisionReason: 'Beslutet kan inte vänta.' }] });
    expect((await strategist.api('POST', `${path}/recipients/${b.committeeId}/extensions/00000000-0000-4000-8000-000000000000/approve`, {})).status).toBe(404);

    const read = await secretaryB.api('GET', path);
    expect(read.body.recipients.find((r: { committeeId: string }) => r.committeeId === a.committeeId)).toMatchObject({ replyBy: '2099-01-15', status: 'awaiting' });
  });

  it('a recipient committee whose departments do not take part reads the round, its list and the plan sent to it, and responds; a committee that is no recipient still cannot', async () => {
    const guest = await ctx.given.committee({ name: 'Revisorskollegiet' });
    guestId = guest.id;
    await ctx.dataSource.query('insert into consultation_recipient (round_id, committee_id, reply_by) values ($1, $2, $3)', [round.id, guest.id, round.deadlines.consultationReply]);
    const secretaryG = await ctx.as([{ role: 'committee_secretary', committeeId: guest.id }], { name: 'Gun Sekreterare' });
    const ids = async (who: AuthedApi) => ((await who.api('GET', '/api/v1/rounds')).body as Array<{ id: string }>).map((r) => r.id);
    expect((await secretaryG.api('GET', `/api/v1/rounds/${round.id}`)).status).toBe(200);
    expect(await ids(secretaryG)).toContain(round.id);
    expect((await secretaryG.api('GET', `/api/v1/rounds/${round.id}/plan/versions/1`)).status).toBe(200);
    const response = seedResponseInputs({ forskolenamnden: guest.id, kulturnamnden: guest.id }).forskolenamnden;
    const res = await secretaryG.api('POST', `${path}/responses`, { ...response, areaComments: [], proposals: [] });
    expect(res.status).toBe(201);
    // A committee that is neither a participant's nor a recipient: refused as before.
    expect((await outsider.api('GET', `/api/v1/rounds/${round.id}`)).status).toBe(403);
    expect(await ids(outsider)).not.toContain(round.id);
    expect((await outsider.api('GET', `/api/v1/rounds/${round.id}/plan/versions/1`)).status).toBe(403);
  });

  it("after a return the strategist prepares the remiss again for version 2 and sends it: each secretary emailed once more, the earlier response kept as the first sending's", async () => {
    const step = (body: Record<string, unknown>) => strategist.api('POST', `/api/v1/rounds/${round.id}/events`, body);
    expect((await step({ type: 'CLOSE_CONSULTATION', force: true, reason: 'Vi går vidare' })).status).toBe(200);
    expect((await step({ type: 'SUBMIT_FOR_DECISION' })).status).toBe(200);
    const today = localDateInCity(ctx.app.get(Clock).now());
    const returned = await step({ type: 'RECORD_DECISION', outcome: 'returned', reason: 'Förtydliga ansvaret', decidedOn: today, body: 'Kommunstyrelsen', minuteReference: '§ 9' });
    expect(returned.body.state).toBe('draftingPlan');

    const drafts = ctx.app.get(PlanDraftService);
    const item = await drafts.createItem(TEST_ACTOR, round.id, { areaCode: round.areas[0].code, title: 'Förtydligat ansvar', description: 'Efter återremissen.' });
    await drafts.setResponsibilities(TEST_ACTOR, round.id, item.id, { responsibilities: [{ contactCentre: true, role: 'accountable', expectations: 'Leder.' }] });
    await drafts.freeze(TEST_ACTOR, round.id);
    const recipients = [...round.departments.map((d) => d.committeeId), guestId];
    const prepared = await strategist.api('PUT', path, body({ planVersion: 2, committeeIds: recipients }));
    expect(prepared.status).toBe(200);
    expect(prepared.body).toMatchObject({ sending: 2, planVersion: 2, sentAt: null });

    const before = smtp.received.length;
    expect((await step({ type: 'SEND_FOR_CONSULTATION' })).status).toBe(200);
    const due = await ctx.app.get(NotificationDispatcher).dispatchDue('e2e', 50);
    const remisses = (await smtp.waitFor(before + due.sent)).slice(before).filter((m) => m.parsed.subject?.startsWith('Remiss'));
    expect(remisses.filter((m) => m.to.includes(secretaryA.email))).toHaveLength(1);
    expect(remisses.filter((m) => m.to.includes(secretaryB.email))).toHaveLength(1);
    expect(remisses.find((m) => m.to.includes(secretaryA.email))!.parsed.text).toContain('/plan/versioner/2');

    const guest = await strategist.api('GET', `${path}/responses/${guestId}`);
    expect(guest.body).toMatchObject({ sending: 2, current: null });
    expect(guest.body.revisions.map((r: { revision: number; sending: number }) => [r.revision, r.sending])).toEqual([[1, 1]]);
    expect((await strategist.api('GET', path)).body.recipients.map((r: { status: string }) => r.status)).toEqual(['awaiting', 'awaiting', 'awaiting']);
  });
});
