import { ConsultationErrorCode, ConsultationExtensionService, ConsultationModule, ConsultationReminderService, ConsultationService, ResponseService } from '@samverka/consultation';
import { CommonErrorCode, TaskQueryService, TasksModule } from '@samverka/kernel';
import type { NotificationEntity } from '@samverka/notifications';
import { PlanDraftService, PlanModule } from '@samverka/plan';
import { PlanRoundQueryService, PlanRoundStepService, RoundAccessPolicy, roundReadScope } from '@samverka/rounds';
import { GivenConsultation, ReadyRound, STRATEGIST_ACTOR } from '../support/given-consultation-send';
import { TEST_ACTOR } from '../support/given';
import { mediumContext, MediumContext } from '../support/medium';
import { principal } from '../support/principals';

const START = new Date('2026-03-02T09:00:00Z');
const PUBLIC_URL = 'https://samverka.malmo.example';

describe('the remiss: prepare, send, recipients, extensions, reminders', () => {
  let ctx: MediumContext;
  let given: GivenConsultation;
  let consultations: ConsultationService;
  let extensions: ConsultationExtensionService;

  beforeAll(async () => {
    ctx = await mediumContext([PlanModule, ConsultationModule, TasksModule], START, { PUBLIC_URL });
    given = new GivenConsultation(ctx.moduleRef, ctx.given);
    consultations = ctx.get(ConsultationService);
    extensions = ctx.get(ConsultationExtensionService);
  });
  afterAll(() => ctx.close());
  beforeEach(() => ctx.clock.set(START));

  const mails = async (prefix: string) =>
    (
      await ctx.dataSource
        .getRepository<NotificationEntity>('NotificationEntity')
        .createQueryBuilder('n')
        .where('n.dedup_key like :prefix', { prefix: `${prefix}%` })
        .orderBy('n.dedup_key')
        .getMany()
    ).map((n) => ({ kind: n.kind, to: n.recipientEmail, key: n.dedupKey, data: n.data as Record<string, unknown> }));

  const secretaryOf = (committeeId: string) => ctx.given.user({ password: null, roles: [{ role: 'committee_secretary', committeeId }] });
  const respond = (roundId: string, committeeId: string, stance = 'approve') =>
    ctx.dataSource.query(
      `insert into consultation_response (round_id, committee_id, revision, status, stance, summary, text, adopted_on, minute_reference, created_by_name, submitted_at)
       values ($1, $2, 1, 'submitted', $3, 'Sammanfattning', 'Text', '2026-03-10', '§ 12', 'test', now())`,
      [roundId, committeeId, stance],
    );
  const sendReasons = async (roundId: string) => (await ctx.get(PlanRoundQueryService).view(roundId)).events.find((e) => e.type === 'SEND_FOR_CONSULTATION')!.reasons;
  const send = (round: ReadyRound) => ctx.get(PlanRoundStepService).transition(TEST_ACTOR, round.id, { type: 'SEND_FOR_CONSULTATION' });

  it('refuses a bad remiss naming every field at once (400 shape, 422 references), and writes nothing', async () => {
    const round = await given.readyRound();
    await expect(given.prepare(round, { replyBy: '2026-03-02', coverLetter: '  ', questions: [{ text: '' }] })).rejects.toMatchObject({
      code: CommonErrorCode.VALIDATION_FAILED,
      details: [
        expect.objectContaining({ field: 'replyBy', rule: 'afterToday' }),
        expect.objectContaining({ field: 'coverLetter', rule: 'isNotEmpty' }),
        expect.objectContaining({ field: 'questions[0].text', rule: 'isNotEmpty' }),
      ],
    });
    const inactive = await ctx.given.committee();
    await ctx.dataSource.query('update committee set active = false where id = $1', [inactive.id]);
    await expect(
      given.prepare(round, {
        planVersion: 2,
        committeeIds: [inactive.id],
        contactPersonId: '00000000-0000-4000-8000-000000000000',
        questions: [{ areaCode: 'NOPE', text: 'Vad tycker ni?' }],
      }),
    ).rejects.toMatchObject({
      code: CommonErrorCode.UNKNOWN_REFERENCE,
      details: [
        expect.objectContaining({ field: 'planVersion', rule: 'frozenVersion', message: 'Version 2 är inte en låst version av planen' }),
        expect.objectContaining({ field: 'committeeIds', rule: 'active' }),
        expect.objectContaining({ field: 'contactPersonId', rule: 'exists' }),
        expect.objectContaining({ field: 'questions[0].areaCode', rule: 'roundArea' }),
      ],
    });
    await expect(consultations.get(round.id)).rejects.toMatchObject({ code: ConsultationErrorCode.CONSULTATION_NOT_FOUND });
  });

  it('prepares (by default to every active committee), prepares again replacing questions and recipients, and reads it back', async () => {
    const round = await given.readyRound();
    const contact = await ctx.given.person({ name: 'Åsa Kontakt', title: 'Strateg' });
    const all = await given.prepare(round, { committeeIds: undefined, contactPersonId: contact.id, questions: [{ areaCode: 'LOKAL_SERVICE', text: 'Hur kan biblioteken bidra?' }, { text: 'Saknas något?' }] });
    const activeCommittees: Array<{ id: string }> = await ctx.dataSource.query('select id from committee where active');
    expect(all.recipients.map((r) => r.committeeId).sort()).toEqual(activeCommittees.map((c) => c.id).sort());
    expect(all).toMatchObject({ planVersion: 1, replyBy: '2026-04-11', sentAt: null, contactPerson: { id: contact.id, name: 'Åsa Kontakt', title: 'Strateg' } });
    expect(all.questions.map((q) => [q.areaCode, q.text])).toEqual([
      ['LOKAL_SERVICE', 'Hur kan biblioteken bidra?'],
      [null, 'Saknas något?'],
    ]);
    expect(all.recipients.every((r) => r.replyBy === '2026-04-11' && r.status === 'awaiting' && r.extensions.length === 0)).toBe(true);

    const again = await given.prepare(round, { replyBy: '2026-04-20', questions: [{ text: 'En enda fråga' }] });
    expect(again.recipients.map((r) => r.committeeId).sort()).toEqual(round.departments.map((d) => d.committeeId).sort());
    expect(again.recipients.map((r) => r.replyBy)).toEqual(['2026-04-20', '2026-04-20']);
    expect(again.questions.map((q) => q.text)).toEqual(['En enda fråga']);
    expect(again.contactPerson).toBeNull();
    expect(await consultations.get(round.id)).toEqual(again);
  });

  it('SEND_FOR_CONSULTATION needs the remiss prepared for the last frozen version; sending stamps it and emails each secretary in the step', async () => {
    const round = await given.readyRound();
    expect(await sendReasons(round.id)).toEqual(['Remissen är inte förberedd']);
    await given.prepare(round, { questions: [{ areaCode: 'LOKAL_SERVICE', text: 'Hur kan biblioteken bidra?' }] });
    expect(await sendReasons(round.id)).toEqual([]);
    const drafts = ctx.get(PlanDraftService);
    const added = await drafts.createItem(TEST_ACTOR, round.id, { areaCode: 'LOKAL_SERVICE', title: 'Ytterligare insats', description: 'Beskrivning.' });
    await drafts.setResponsibilities(TEST_ACTOR, round.id, added.id, { responsibilities: [{ contactCentre: true, role: 'accountable', expectations: 'Leder.' }] });
    await drafts.freeze(TEST_ACTOR, round.id);
    expect(await sendReasons(round.id)).toEqual(['Remissen gäller version 1, men den senast låsta versionen är 2']);
    await expect(send(round)).rejects.toBeDefined();
    expect((await consultations.get(round.id)).sentAt).toBeNull();

    await given.prepare(round, { planVersion: 2, questions: [{ areaCode: 'LOKAL_SERVICE', text: 'Hur kan biblioteken bidra?' }] });
    const [a, b] = round.departments;
    const secretaryA = await secretaryOf(a.committeeId);
    const secretaryB = await secretaryOf(b.committeeId);
    const consulting = await send(round);
    expect(consulting.state).toBe('consultation');
    expect((await consultations.get(round.id)).sentAt).toEqual(START);
    const sent = await mails(`consultation.sent:${round.id}:`);
    expect(sent.map((m) => m.to).sort()).toEqual([secretaryA.email, secretaryB.email].sort());
    const toA = sent.find((m) => m.to === secretaryA.email)!;
    expect(toA.key).toBe(`consultation.sent:${round.id}:${a.committeeId}:${secretaryA.user.personId}`);
    expect(toA.data).toMatchObject({
      caseNumber: round.caseNumber,
      planVersion: 2,
      replyBy: '2026-04-11',
      coverLetter: 'Kontaktcenter skickar planen på remiss.',
      questions: [{ areaName: round.areas.find((x) => x.code === 'LOKAL_SERVICE')!.name, text: 'Hur kan biblioteken bidra?' }],
      planUrl: `${PUBLIC_URL}/planomgangar/${round.id}/plan/versioner/2`,
      responseUrl: `${PUBLIC_URL}/planomgangar/${round.id}/remiss/${a.committeeId}`,
    });
    await expect(given.prepare(round, { planVersion: 2 })).rejects.toMatchObject({ code: ConsultationErrorCode.CONSULTATION_NOT_EDITABLE });
  });

  it('computes each recipient status: awaiting, responded, declined, then overdue after its own reply date', async () => {
    const round = await given.readyRound();
    const third = await ctx.given.committee();
    await given.prepare(round, { committeeIds: [...round.departments.map((d) => d.committeeId), third.id] });
    await send(round);
    const [a, b] = round.departments;
    await respond(round.id, a.committeeId, 'approve_with_remarks');
    await respond(round.id, b.committeeId, 'decline');
    const statusOf = async () => Object.fromEntries((await consultations.get(round.id)).recipients.map((r) => [r.committeeId, r.status]));
    expect(await statusOf()).toEqual({ [a.committeeId]: 'responded', [b.committeeId]: 'declined', [third.id]: 'awaiting' });
    expect((await consultations.get(round.id)).recipients.find((r) => r.committeeId === a.committeeId)!.respondedAt).toBeInstanceOf(Date);
    ctx.clock.set(new Date('2026-04-11T20:00:00Z'));
    expect((await statusOf())[third.id]).toBe('awaiting');
    ctx.clock.set(new Date('2026-04-12T08:00:00Z'));
    expect(await statusOf()).toEqual({ [a.committeeId]: 'responded', [b.committeeId]: 'declined', [third.id]: 'overdue' });
  });

  it('extensions: one open request at a time, approved (moving the reply date) or declined once, emailed both ways', async () => {
    const round = await given.readyRound();
    const [a, b] = round.departments;
    const strategist = await ctx.given.user({ password: null, roles: [{ role: 'strategist' }] });
    const secretary = await secretaryOf(a.committeeId);
    await given.prepare(round);
    const asker = { personId: secretary.user.personId, label: 'Sara Sekreterare' };
    await expect(extensions.request(asker, round.id, a.committeeId, { requestedReplyBy: '2026-05-15', reason: 'Nämnden sammanträder i maj.' })).rejects.toMatchObject({
      code: ConsultationErrorCode.EXTENSION_NOT_ALLOWED,
    });
    await send(round);

    await expect(extensions.request(asker, round.id, a.committeeId, { requestedReplyBy: '2026-04-11', reason: ' ' })).rejects.toMatchObject({
      code: CommonErrorCode.VALIDATION_FAILED,
      details: [expect.objectContaining({ field: 'requestedReplyBy', rule: 'afterReplyBy' }), expect.objectContaining({ field: 'reason', rule: 'isNotEmpty' })],
    });
    const { id } = await extensions.request(asker, round.id, a.committeeId, { requestedReplyBy: '2026-05-15', reason: 'Nämnden sammanträder i maj.' });
    await expect(extensions.request(asker, round.id, a.committeeId, { requestedReplyBy: '2026-05-20', reason: 'Igen' })).rejects.toMatchObject({ code: ConsultationErrorCode.EXTENSION_ALREADY_OPEN });
    expect((await mails(`consultation.extension_requested:${id}:`)).map((m) => m.to)).toContain(strategist.email);

    await extensions.approve(STRATEGIST_ACTOR, round.id, a.committeeId, id, { replyBy: '2026-05-08' });
    await expect(extensions.approve(STRATEGIST_ACTOR, round.id, a.committeeId, id, {})).rejects.toMatchObject({ code: ConsultationErrorCode.EXTENSION_ALREADY_DECIDED });
    await expect(extensions.decline(STRATEGIST_ACTOR, round.id, a.committeeId, id, { reason: 'Nej' })).rejects.toMatchObject({ code: ConsultationErrorCode.EXTENSION_ALREADY_DECIDED });
    const recipient = (await consultations.get(round.id)).recipients.find((r) => r.committeeId === a.committeeId)!;
    expect(recipient.replyBy).toBe('2026-05-08');
    expect(recipient.extensions).toEqual([
      expect.objectContaining({ id, requestedReplyBy: '2026-05-15', reason: 'Nämnden sammanträder i maj.', requestedBy: 'Sara Sekreterare', status: 'approved', decidedReplyBy: '2026-05-08', decidedBy: 'Stina Strateg' }),
    ]);
    expect((await mails(`consultation.extension_decided:${id}:`)).map((m) => [m.to, m.data.approved, m.data.replyBy])).toEqual([[secretary.email, true, '2026-05-08']]);

    ctx.clock.set(new Date('2026-03-03T09:00:00Z'));
    const second = await extensions.request(STRATEGIST_ACTOR, round.id, a.committeeId, { requestedReplyBy: '2026-06-01', reason: 'Mer tid' });
    await extensions.decline(STRATEGIST_ACTOR, round.id, a.committeeId, second.id, { reason: 'Beslutet kan inte vänta.' });
    const after = (await consultations.get(round.id)).recipients.find((r) => r.committeeId === a.committeeId)!;
    expect(after.replyBy).toBe('2026-05-08');
    expect(after.extensions[1]).toMatchObject({ status: 'declined', decisionReason: 'Beslutet kan inte vänta.', decidedReplyBy: null });
    await expect(extensions.approve(STRATEGIST_ACTOR, round.id, a.committeeId, '00000000-0000-4000-8000-000000000000', {})).rejects.toMatchObject({
      code: ConsultationErrorCode.EXTENSION_NOT_FOUND,
    });

    await respond(round.id, b.committeeId);
    await expect(extensions.request(STRATEGIST_ACTOR, round.id, b.committeeId, { requestedReplyBy: '2026-06-01', reason: 'Mer tid' })).rejects.toMatchObject({
      code: ConsultationErrorCode.EXTENSION_NOT_ALLOWED,
    });
  });

  it('two open requests at once: one wins, the other is a 409', async () => {
    const round = await given.readyRound();
    await given.prepare(round);
    await send(round);
    const [a] = round.departments;
    const results = await Promise.allSettled([1, 2].map((n) => extensions.request(STRATEGIST_ACTOR, round.id, a.committeeId, { requestedReplyBy: '2026-05-15', reason: `Skäl ${n}` })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: ConsultationErrorCode.EXTENSION_ALREADY_OPEN } });
  });

  it('reminds before and after each recipient’s own reply date, moved by an approved extension, and stops after a response', async () => {
    const round = await given.readyRound();
    const [a, b] = round.departments;
    const secretaryA = await secretaryOf(a.committeeId);
    const secretaryB = await secretaryOf(b.committeeId);
    const coordinator = await ctx.given.person();
    await ctx.given.coordinator({ id: a.id } as never, { personId: coordinator.id });
    // reply by Friday 10 April 2026 (Good Friday 3 April and Easter Monday 6 April are days off): 10 working days before is Wednesday 25 March
    await given.prepare(round, { replyBy: '2026-04-10' });
    await send(round);
    const sut = ctx.get(ConsultationReminderService);
    const reminders = async () => (await mails(`consultation.reminder:${round.id}:`)).map((m) => m.key.split(':').slice(2, 5).join(':') + '→' + m.to).sort();

    expect(await sut.sendDueReminders(new Date('2026-03-24T08:00:00Z'))).toEqual({ queued: 0, failed: 0 });
    await sut.sendDueReminders(new Date('2026-03-25T08:00:00Z'));
    expect(await reminders()).toEqual(
      [`${a.committeeId}:2026-04-10:before10→${secretaryA.email}`, `${a.committeeId}:2026-04-10:before10→${coordinator.email}`, `${b.committeeId}:2026-04-10:before10→${secretaryB.email}`].sort(),
    );
    // again the same day: nothing new
    expect((await sut.sendDueReminders(new Date('2026-03-25T12:00:00Z'))).queued).toBe(0);

    // committee B responds; committee A is granted an extension to 30 April
    await respond(round.id, b.committeeId, 'decline');
    ctx.clock.set(new Date('2026-03-26T08:00:00Z'));
    const { id } = await extensions.request(STRATEGIST_ACTOR, round.id, a.committeeId, { requestedReplyBy: '2026-04-30', reason: 'Sammanträde i april' });
    await extensions.approve(STRATEGIST_ACTOR, round.id, a.committeeId, id, {});

    // 3 working days before the old date, and after it: nothing, A's date has moved and B has responded
    await sut.sendDueReminders(new Date('2026-04-07T08:00:00Z'));
    await sut.sendDueReminders(new Date('2026-04-13T08:00:00Z'));
    expect((await reminders()).filter((r) => !r.includes('before10'))).toEqual([]);
    // the new date: 10 working days before 30 April is 16 April, 3 before is 27 April, after is 1 May on
    await sut.sendDueReminders(new Date('2026-04-16T08:00:00Z'));
    await sut.sendDueReminders(new Date('2026-04-27T08:00:00Z'));
    await sut.sendDueReminders(new Date('2026-05-04T08:00:00Z'));
    const moved = (await reminders()).filter((r) => r.includes('2026-04-30') && r.includes(secretaryA.email));
    expect(moved).toEqual([`${a.committeeId}:2026-04-30:after→${secretaryA.email}`, `${a.committeeId}:2026-04-30:before10→${secretaryA.email}`, `${a.committeeId}:2026-04-30:before3→${secretaryA.email}`]);
    const after = (await mails(`consultation.reminder:${round.id}:${a.committeeId}:2026-04-30:after`))[0];
    expect(after.data).toMatchObject({ passed: true, replyBy: '2026-04-30', caseNumber: round.caseNumber, responseUrl: `${PUBLIC_URL}/planomgangar/${round.id}/remiss/${a.committeeId}` });

    await respond(round.id, a.committeeId);
    const before = await reminders();
    await sut.sendDueReminders(new Date('2026-05-05T08:00:00Z'));
    await sut.sendDueReminders(new Date('2026-05-12T08:00:00Z'));
    expect(await reminders()).toEqual(before);
  });

  it("tasks: each secretary's open remiss (due its own reply date, gone once responded), each open extension for the strategists", async () => {
    const round = await given.readyRound();
    const [a, b] = round.departments;
    await given.prepare(round);
    const tasks = ctx.get(TaskQueryService);
    const respondTasks = async (committeeId: string) =>
      (await tasks.tasksOf(principal({ userId: '00000000-0000-4000-8000-0000000000aa', personId: '00000000-0000-4000-8000-000000000000', committeeSecretary: [committeeId] }))).filter(
        (t) => t.kind === 'consultation.respond' && t.roundId === round.id,
      );
    expect(await respondTasks(a.committeeId)).toEqual([]);
    await send(round);
    expect(await respondTasks(a.committeeId)).toEqual([
      expect.objectContaining({ dueOn: '2026-04-11', overdue: false, href: `/planomgangar/${round.id}/remiss/${a.committeeId}`, committeeId: a.committeeId }),
    ]);
    const { id } = await extensions.request(STRATEGIST_ACTOR, round.id, a.committeeId, { requestedReplyBy: '2026-05-15', reason: 'Sammanträde i maj' });
    const strategistTasks = async () =>
      (await tasks.tasksOf(principal({ userId: '00000000-0000-4000-8000-0000000000bb', personId: '00000000-0000-4000-8000-000000000001', strategist: true }))).filter(
        (t) => t.kind === 'consultation.extension_pending' && t.roundId === round.id,
      );
    expect(await strategistTasks()).toEqual([expect.objectContaining({ href: `/planomgangar/${round.id}/remiss`, committeeId: a.committeeId, dueOn: null })]);
    await extensions.approve(STRATEGIST_ACTOR, round.id, a.committeeId, id, {});
    expect(await strategistTasks()).toEqual([]);
    expect((await respondTasks(a.committeeId))[0].dueOn).toBe('2026-05-15');
    await respond(round.id, b.committeeId, 'decline');
    expect(await respondTasks(b.committeeId)).toEqual([]);
  });

  it('a recipient committee whose departments do not take part reads the round once the remiss is sent: the single-round check and the list agree', async () => {
    const round = await given.readyRound();
    const outsider = await ctx.given.committee();
    const bystander = await ctx.given.committee();
    await given.prepare(round, { committeeIds: [...round.departments.map((d) => d.committeeId), outsider.id] });
    const secretary = (committeeId: string) => principal({ userId: '00000000-0000-4000-8000-0000000000cc', personId: '00000000-0000-4000-8000-000000000002', committeeSecretary: [committeeId] });
    const reads = async (committeeId: string) => ({
      check: await ctx.get(RoundAccessPolicy).mayRead(secretary(committeeId), round.id),
      listed: (await ctx.get(PlanRoundQueryService).list(roundReadScope(secretary(committeeId)))).some((r) => r.id === round.id),
    });
    // Prepared, not sent: nothing has been sent to the outsider yet.
    expect(await reads(outsider.id)).toEqual({ check: false, listed: false });
    await send(round);
    expect(await reads(outsider.id)).toEqual({ check: true, listed: true });
    expect(await reads(bystander.id)).toEqual({ check: false, listed: false });
    expect(await reads(round.departments[0].committeeId)).toEqual({ check: true, listed: true });
  });

  it("after a return the remiss is prepared again for the new version and sent again: each secretary emailed once for the second sending, the first sending's responses kept", async () => {
    const round = await given.readyRound();
    const [a, b] = round.departments;
    const secretaryA = await secretaryOf(a.committeeId);
    const secretaryB = await secretaryOf(b.committeeId);
    await given.prepare(round);
    await send(round);
    await respond(round.id, a.committeeId, 'approve_with_remarks');
    await expect(given.prepare(round)).rejects.toMatchObject({ code: ConsultationErrorCode.CONSULTATION_NOT_EDITABLE });
    const steps = ctx.get(PlanRoundStepService);
    await steps.transition(TEST_ACTOR, round.id, { type: 'CLOSE_CONSULTATION', force: true, reason: 'Svaren är inne' });
    await steps.transition(TEST_ACTOR, round.id, { type: 'SUBMIT_FOR_DECISION' });
    const returned = await steps.transition(TEST_ACTOR, round.id, { type: 'RECORD_DECISION', outcome: 'returned', reason: 'Förtydliga ansvaret', decidedOn: '2026-03-02', body: 'Kommunstyrelsen', minuteReference: '§ 7' });
    expect(returned.state).toBe('draftingPlan');
    // The sent remiss is not sent again as it was: it must be prepared again.
    expect(await sendReasons(round.id)).toContain('Remissen är inte förberedd');

    const drafts = ctx.get(PlanDraftService);
    const added = await drafts.createItem(TEST_ACTOR, round.id, { areaCode: round.areas[0].code, title: 'Förtydligat ansvar', description: 'Efter återremissen.' });
    await drafts.setResponsibilities(TEST_ACTOR, round.id, added.id, { responsibilities: [{ contactCentre: true, role: 'accountable', expectations: 'Leder.' }] });
    expect((await drafts.freeze(TEST_ACTOR, round.id)).version).toBe(2);
    // A committee that responded stays a recipient (its response is kept with it).
    await expect(given.prepare(round, { planVersion: 2, committeeIds: [b.committeeId] })).rejects.toMatchObject({
      code: CommonErrorCode.UNKNOWN_REFERENCE,
      details: [expect.objectContaining({ field: 'committeeIds', rule: 'keepsResponded' })],
    });
    const prepared = await given.prepare(round, { planVersion: 2 }, 50);
    expect(prepared).toMatchObject({ sending: 2, planVersion: 2, replyBy: '2026-04-21', sentAt: null });
    expect(prepared.recipients.map((r) => [r.status, r.replyBy])).toEqual([
      ['awaiting', '2026-04-21'],
      ['awaiting', '2026-04-21'],
    ]);
    await send(round);

    const sent = await mails(`consultation.sent:${round.id}:`);
    const second = sent.filter((m) => m.key.endsWith(':2'));
    expect(second.map((m) => m.to).sort()).toEqual([secretaryA.email, secretaryB.email].sort());
    expect(second.map((m) => m.data.planVersion)).toEqual([2, 2]);
    expect(sent.filter((m) => !m.key.endsWith(':2')).map((m) => m.to).sort()).toEqual([secretaryA.email, secretaryB.email].sort());
    expect((await consultations.get(round.id)).sentAt).not.toBeNull();

    // The first sending's response is kept and shown as the first sending's; the committee answers the second.
    const responses = ctx.get(ResponseService);
    const strategist = principal({ strategist: true, personId: '00000000-0000-4000-8000-000000000003' });
    const before = await responses.get(strategist, round.id, a.committeeId);
    expect(before).toMatchObject({ sending: 2, current: null, draft: null });
    expect(before.revisions.map((r) => [r.revision, r.sending, r.stance])).toEqual([[1, 1, 'approve_with_remarks']]);
    const secretary = principal({ committeeSecretary: [a.committeeId], personId: secretaryA.user.personId });
    const answer = await responses.submit(secretary, { personId: secretaryA.user.personId, label: 'Sara' }, round.id, {
      committeeId: a.committeeId, stance: 'approve', summary: 'Tillstyrker', text: 'Text', adoptedOn: '2026-03-02', minuteReference: '§ 20', signatories: ['Sara'],
    });
    expect(answer.revision).toBe(2);
    const after = await responses.get(strategist, round.id, a.committeeId);
    expect(after.current).toMatchObject({ revision: 2, sending: 2, stance: 'approve' });
    expect(after.revisions.map((r) => [r.revision, r.sending])).toEqual([[1, 1]]);
    expect((await consultations.get(round.id)).recipients.find((r) => r.committeeId === a.committeeId)!.status).toBe('responded');
  });
});
