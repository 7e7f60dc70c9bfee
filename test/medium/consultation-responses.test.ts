import { Actor } from '@samverka/audit';
import { ConsultationErrorCode, ConsultationModule, ResponseService } from '@samverka/consultation';
import { CommonErrorCode, Principal } from '@samverka/kernel';
import { NotificationEntity } from '@samverka/notifications';
import { CommitteeEntity } from '@samverka/organisation';
import { PlanRoundView } from '@samverka/rounds';
import { docxWith, pdfWith } from '../support/documents';
import { GivenConsultationRows } from '../support/given-consultation-respond';
import { mediumContext, MediumContext } from '../support/medium';
import { principal } from '../support/principals';
import { SEED_RESPONSE_TEXTS, seedResponseInputs } from '../support/seeds';

const START = new Date('2026-03-02T09:00:00Z');

/**
 * Yttranden against PostgreSQL: the committee's secretary submits (the text kept exactly), a second
 * submission is refused with nothing written, a correction is a new revision with the old kept,
 * drafts are the committee's own, the receipt carries the whole response, and the signed document is
 * stored with its text found.
 */
describe(ResponseService.name, () => {
  let ctx: MediumContext;
  let sut: ResponseService;
  let rows: GivenConsultationRows;
  let forskole: CommitteeEntity;
  let kultur: CommitteeEntity;
  let outsider: CommitteeEntity;
  let round: PlanRoundView;
  let secretaryF: { principal: Principal; actor: Actor; email: string };
  let secretaryK: { principal: Principal; actor: Actor; email: string };
  let coSecretaryK: string;
  const strategist = principal({ strategist: true, personId: '00000000-0000-4000-8000-000000000001' });
  const strategistActor: Actor = { personId: null, label: 'Åsa Öberg' };

  const count = async (sql: string, params: unknown[]) => Number((await ctx.dataSource.query(sql, params))[0].n);
  const receipts = () => ctx.dataSource.getRepository<NotificationEntity>('NotificationEntity').findBy({ kind: 'consultation.response_receipt' });
  const refusal = (p: Promise<unknown>): Promise<{ code: string; details?: unknown }> =>
    p.then(
      () => {
        throw new Error('expected a refusal');
      },
      (e: { code: string; details?: unknown }) => e,
    );

  const secretaryOf = async (committee: CommitteeEntity, name: string) => {
    const user = await ctx.given.user({ name, roles: [{ role: 'committee_secretary', committeeId: committee.id }] });
    const personId = user.user.personId;
    return { principal: principal({ committeeSecretary: [committee.id], personId }), actor: { personId, label: name }, email: user.email };
  };

  beforeAll(async () => {
    ctx = await mediumContext([ConsultationModule], START, { PUBLIC_URL: 'https://samverka.malmo.example' });
    sut = ctx.get(ResponseService);
    rows = new GivenConsultationRows(ctx.dataSource);
    forskole = await ctx.given.committee({ name: 'Förskolenämnden' });
    kultur = await ctx.given.committee({ name: 'Kulturnämnden' });
    outsider = await ctx.given.committee({ name: 'Tekniska nämnden' });
    const a = await ctx.given.department({ name: 'Förskoleförvaltningen', committeeId: forskole.id });
    const b = await ctx.given.department({ name: 'Kulturförvaltningen', committeeId: kultur.id });
    round = await ctx.given.roundInDraftingPlan({ participantDepartmentIds: [a.id, b.id], caseNumber: 'STK-2024-1400' });
    await rows.consultation(round.id, [forskole.id, kultur.id]);
    secretaryF = await secretaryOf(forskole, 'Fia Sekreterare');
    secretaryK = await secretaryOf(kultur, 'Karin Sekreterare');
    coSecretaryK = (await secretaryOf(kultur, 'Kalle Sekreterare')).email;
  });
  afterAll(() => ctx.close());

  it("registers Kulturnämnden's seed response with its three proposals, the scanned text kept exactly", async () => {
    const input = seedResponseInputs({ forskolenamnden: forskole.id, kulturnamnden: kultur.id }).kulturnamnden;
    const created = await sut.submit(secretaryK.principal, secretaryK.actor, round.id, input);
    expect(created.revision).toBe(1);
    expect(created.proposals.map((p) => p.text)).toEqual(input.proposals.map((p) => p.text));
    const view = await sut.get(secretaryK.principal, round.id, kultur.id);
    expect(view.current).toMatchObject({ revision: 1, stance: 'approve_with_remarks', stanceLabel: 'Tillstyrker med synpunkter', adoptedOn: '2025-03-20', minuteReference: '§ 31', submittedByName: 'Karin Sekreterare' });
    expect(view.current!.text).toBe(SEED_RESPONSE_TEXTS.kulturnamnden);
    expect(view.current!.text).toContain('Kulturnimnden foreslar kontaktcenter att');
    expect(view.current!.proposals.map((p) => p.areaCode)).toEqual(['LOKAL_SERVICE', null, null]);
    expect(view.draft).toBeNull();
    expect(view.revisions).toEqual([]);
  });

  it('emails the receipt with the whole response to the submitter and each of the committee\'s secretaries, once each', async () => {
    const mails = (await receipts()).filter((m) => m.data.committeeName === 'Kulturnämnden');
    expect(mails.map((m) => m.recipientEmail).sort()).toEqual([secretaryK.email, coSecretaryK].sort());
    expect(mails[0].data).toMatchObject({
      caseNumber: 'STK-2024-1400',
      stanceLabel: 'Tillstyrker med synpunkter',
      adoptedOn: '2025-03-20',
      minuteReference: '§ 31',
      signatories: ['Janne Grönholm', 'Annika Cedhagen'],
      text: SEED_RESPONSE_TEXTS.kulturnamnden,
      correction: false,
      responseUrl: `https://samverka.malmo.example/planomgangar/${round.id}/remiss/${kultur.id}`,
    });
    expect((mails[0].data.proposals as Array<{ text: string; target: string | null }>).map((p) => p.target)).toEqual(['Lokal service', null, null]);
  });

  it('refuses a second submission for the committee with RESPONSE_EXISTS, and writes nothing', async () => {
    const before = await count('select count(*) as n from consultation_response where committee_id = $1', [kultur.id]);
    const proposalsBefore = await count('select count(*) as n from consultation_proposal where committee_id = $1', [kultur.id]);
    const mailsBefore = (await receipts()).length;
    const input = seedResponseInputs({ forskolenamnden: forskole.id, kulturnamnden: kultur.id }).kulturnamnden;
    expect(await refusal(sut.submit(secretaryK.principal, secretaryK.actor, round.id, { ...input, summary: 'Ett andra yttrande' }))).toMatchObject({ code: ConsultationErrorCode.RESPONSE_EXISTS });
    expect(await count('select count(*) as n from consultation_response where committee_id = $1', [kultur.id])).toBe(before);
    expect(await count('select count(*) as n from consultation_proposal where committee_id = $1', [kultur.id])).toBe(proposalsBefore);
    expect((await receipts()).length).toBe(mailsBefore);
  });

  it('lets one of two simultaneous first submissions through; the other is RESPONSE_EXISTS', async () => {
    const input = { ...seedResponseInputs({ forskolenamnden: forskole.id, kulturnamnden: kultur.id }).forskolenamnden };
    const results = await Promise.allSettled([1, 2, 3].map(() => sut.submit(secretaryF.principal, secretaryF.actor, round.id, input)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected').map((r) => ((r as PromiseRejectedResult).reason as { code: string }).code)).toEqual([ConsultationErrorCode.RESPONSE_EXISTS, ConsultationErrorCode.RESPONSE_EXISTS]);
    const view = await sut.get(strategist, round.id, forskole.id);
    expect(view.current!.text).toBe(SEED_RESPONSE_TEXTS.forskolenamnden);
    expect(view.current!.proposals.map((p) => p.text)).toEqual(['förtydligande behöver ske kring samarbetsprocessen framåt']);
  });

  it('makes a correction a new revision: the old one superseded and kept, the receipt says it is a correction', async () => {
    const input = seedResponseInputs({ forskolenamnden: forskole.id, kulturnamnden: kultur.id }).forskolenamnden;
    const { committeeId: _c, ...body } = input;
    const revised = await sut.revise(secretaryF.principal, secretaryF.actor, round.id, forskole.id, { ...body, minuteReference: '§ 53', proposals: [] });
    expect(revised).toMatchObject({ revision: 2, proposals: [] });
    const view = await sut.get(secretaryF.principal, round.id, forskole.id);
    expect(view.current).toMatchObject({ revision: 2, minuteReference: '§ 53', supersededAt: null });
    expect(view.revisions.map((r) => [r.revision, r.minuteReference, r.proposals.length])).toEqual([[1, '§ 52', 1]]);
    expect(view.revisions[0].supersededAt).not.toBeNull();
    const mail = (await receipts()).find((m) => m.data.committeeName === 'Förskolenämnden' && m.data.revision === 2);
    expect(mail?.data).toMatchObject({ correction: true, minuteReference: '§ 53' });
  });

  it('refuses a correction for a committee that has not responded (404), and a committee that is no recipient (404)', async () => {
    const outsiderSecretary = principal({ committeeSecretary: [outsider.id] });
    const input = seedResponseInputs({ forskolenamnden: forskole.id, kulturnamnden: outsider.id }).kulturnamnden;
    expect(await refusal(sut.submit(outsiderSecretary, secretaryK.actor, round.id, input))).toMatchObject({ code: ConsultationErrorCode.RECIPIENT_NOT_FOUND });
    const fresh = await ctx.given.committee();
    const r = await ctx.given.roundInDraftingPlan({});
    await rows.consultation(r.id, [fresh.id]);
    const { committeeId: _c, ...body } = { ...input, proposals: [] };
    expect(await refusal(sut.revise(principal({ committeeSecretary: [fresh.id] }), secretaryK.actor, r.id, fresh.id, body))).toMatchObject({ code: ConsultationErrorCode.RESPONSE_NOT_FOUND });
  });

  it('refuses a strategist without receivedOnPaper (403), and registers one received on paper, marked so', async () => {
    const other = await ctx.given.committee({ name: 'Servicenämnden' });
    const paperRound = await ctx.given.roundInDraftingPlan({});
    await rows.consultation(paperRound.id, [other.id]);
    const input = { ...seedResponseInputs({ forskolenamnden: other.id, kulturnamnden: other.id }).forskolenamnden, areaComments: [], proposals: [] };
    expect(await refusal(sut.submit(strategist, strategistActor, paperRound.id, input))).toMatchObject({ code: ConsultationErrorCode.RESPONSE_ONLY_ON_PAPER });
    const created = await sut.submit(strategist, strategistActor, paperRound.id, { ...input, receivedOnPaper: true });
    const view = await sut.get(strategist, paperRound.id, other.id);
    expect(view.current).toMatchObject({ id: created.id, receivedOnPaper: true, submittedByName: 'Åsa Öberg' });
  });

  it('reports every broken rule at once, naming the fields, and writes nothing', async () => {
    const other = await ctx.given.committee();
    const r = await ctx.given.roundInDraftingPlan({});
    await rows.consultation(r.id, [other.id]);
    const e = await refusal(
      sut.submit(principal({ committeeSecretary: [other.id] }), secretaryF.actor, r.id, {
        committeeId: other.id,
        stance: 'maybe' as never,
        summary: ' ',
        text: '',
        adoptedOn: '2026-03-03',
        minuteReference: '',
        signatories: [],
        areaComments: [{ areaCode: 'OKAND', comment: 'x' }],
        answers: [{ questionId: '00000000-0000-4000-8000-00000000000a', answer: 'svar' }],
        proposals: [{ text: ' ' }, { text: 'Något', itemCode: 'XX-9' }],
      }),
    );
    expect(e).toMatchObject({ code: CommonErrorCode.VALIDATION_FAILED });
    expect((e.details as Array<{ field: string; rule: string }>).map((d) => `${d.field}:${d.rule}`)).toEqual([
      'stance:isIn',
      'summary:isNotEmpty',
      'text:isNotEmpty',
      'adoptedOn:notInFuture',
      'minuteReference:isNotEmpty',
      'signatories:arrayNotEmpty',
      'proposals[0].text:isNotEmpty',
      'areaComments[0].areaCode:roundArea',
      'answers[0].questionId:consultationQuestion',
      'proposals[1].itemCode:planItem',
    ]);
    expect(await count('select count(*) as n from consultation_response where round_id = $1', [r.id])).toBe(0);
  });

  it('takes no response before the consultation or after the compiling (409), but a late one while compiling', async () => {
    const other = await ctx.given.committee();
    const r = await ctx.given.roundInDraftingPlan({});
    await rows.consultation(r.id, [other.id], { state: 'draftingPlan' });
    const secretary = principal({ committeeSecretary: [other.id] });
    const input = { ...seedResponseInputs({ forskolenamnden: other.id, kulturnamnden: other.id }).forskolenamnden, areaComments: [], proposals: [] };
    expect(await refusal(sut.submit(secretary, secretaryF.actor, r.id, input))).toMatchObject({ code: ConsultationErrorCode.RESPONSES_CLOSED });
    await rows.state(r.id, 'awaitingDecision');
    expect(await refusal(sut.submit(secretary, secretaryF.actor, r.id, input))).toMatchObject({ code: ConsultationErrorCode.RESPONSES_CLOSED });
    await rows.state(r.id, 'compilingResponses');
    expect((await sut.submit(secretary, secretaryF.actor, r.id, input)).revision).toBe(1);
  });

  describe('drafts and the attachment', () => {
    let committee: CommitteeEntity;
    let roundId: string;
    let secretary: Principal;
    const actor: Actor = { personId: null, label: 'Sara Sekreterare' };

    beforeAll(async () => {
      committee = await ctx.given.committee({ name: 'Stadsbyggnadsnämnden' });
      roundId = (await ctx.given.roundInDraftingPlan({})).id;
      await rows.consultation(roundId, [committee.id, outsider.id]);
      secretary = principal({ committeeSecretary: [committee.id] });
    });

    it("keeps a draft of any subset of the fields, readable by the committee's secretary and strategists, not another committee's secretary", async () => {
      await sut.saveDraft(secretary, actor, roundId, committee.id, { summary: 'Utkast', proposals: [{ text: 'Fler platser' }] });
      const draft = await sut.saveDraft(secretary, actor, roundId, committee.id, { stance: 'approve' });
      expect(draft).toMatchObject({ status: 'draft', summary: 'Utkast', stance: 'approve', text: null, proposals: [expect.objectContaining({ text: 'Fler platser' })] });
      expect((await sut.get(strategist, roundId, committee.id)).draft?.id).toBe(draft.id);
      const other = principal({ committeeSecretary: [outsider.id] });
      expect(await refusal(sut.get(other, roundId, committee.id))).toMatchObject({ code: ConsultationErrorCode.RESPONSE_NOT_READABLE });
      expect(await refusal(sut.saveDraft(other, actor, roundId, committee.id, { summary: 'Kapat' }))).toMatchObject({ code: ConsultationErrorCode.RESPONSE_NOT_READABLE });
      expect(await refusal(sut.saveDraft(secretary, actor, roundId, committee.id, { adoptedOn: '2027-01-01' }))).toMatchObject({ details: [expect.objectContaining({ field: 'adoptedOn', rule: 'notInFuture' })] });
    });

    it('stores a DOCX by its content and answers its text; refuses a file that is neither PDF nor DOCX, naming the field', async () => {
      const docx = await docxWith(['Nämnden föreslår kontaktcenter att', 'o Överväga fler platser i Rosengård']);
      const uploaded = await sut.attach(secretary, actor, roundId, committee.id, { fileName: 'C:\\Dokument\\yttrande.docx', content: docx });
      expect(uploaded).toMatchObject({ fileName: 'yttrande.docx', mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', sizeBytes: docx.length });
      expect(uploaded.extractedText).toContain('Nämnden föreslår kontaktcenter att');
      expect((await sut.suggestProposals(roundId, uploaded.extractedText!)).proposals).toEqual([{ text: 'Överväga fler platser i Rosengård' }]);
      const stored = await ctx.dataSource.query('select content from consultation_attachment where id = $1', [uploaded.id]);
      expect(Buffer.compare(stored[0].content, docx)).toBe(0);
      // The text found is not the response's text until the person submits it.
      expect((await sut.get(secretary, roundId, committee.id)).draft?.text).toBeNull();
      const fake = Buffer.from('PK\u0003\u0004 not a word document');
      expect(await refusal(sut.attach(secretary, actor, roundId, committee.id, { fileName: 'virus.docx', content: fake }))).toMatchObject({ details: [{ field: 'file', rule: 'fileType', message: expect.any(String) }] });
    });

    it('reads the text of a text PDF, replaces the draft\'s document, and moves it to the submitted revision', async () => {
      const pdf = pdfWith(['Yttrande fran Stadsbyggnadsnamnden', 'Ett forslag behover ske kring samarbetet.']);
      const uploaded = await sut.attach(secretary, actor, roundId, committee.id, { fileName: 'yttrande.pdf', content: pdf });
      expect(uploaded).toMatchObject({ mediaType: 'application/pdf', sizeBytes: pdf.length });
      expect(uploaded.extractedText).toBe('Yttrande fran Stadsbyggnadsnamnden\nEtt forslag behover ske kring samarbetet.');
      expect(await count('select count(*) as n from consultation_attachment a join consultation_response r on r.id = a.response_id where r.committee_id = $1', [committee.id])).toBe(1);
      const created = await sut.submit(secretary, actor, roundId, {
        committeeId: committee.id,
        stance: 'approve',
        summary: 'Tillstyrker',
        text: uploaded.extractedText!,
        adoptedOn: '2026-02-20',
        minuteReference: '§ 12',
        signatories: ['Sara Sekreterare'],
      });
      const view = await sut.get(secretary, roundId, committee.id);
      expect(view.draft).toBeNull();
      expect(view.current).toMatchObject({ id: created.id, attachment: { id: uploaded.id, fileName: 'yttrande.pdf' }, proposals: [] });
      const download = await sut.attachment(principal({ committeeSecretary: [outsider.id] }), roundId, uploaded.id, true);
      expect(Buffer.compare(download.content, pdf)).toBe(0);
      expect(await refusal(sut.attachment(principal({ committeeSecretary: [outsider.id] }), roundId, uploaded.id, false))).toMatchObject({ code: ConsultationErrorCode.RESPONSE_NOT_READABLE });
    });

    it('a correction keeps the earlier revision\'s document unless a new one is attached or it is removed', async () => {
      const pdf = (await sut.get(secretary, roundId, committee.id)).current!.attachment!;
      const body = { stance: 'approve' as const, summary: 'Tillstyrker', text: 'Rättad text', adoptedOn: '2026-02-20', minuteReference: '§ 13', signatories: ['Sara Sekreterare'] };
      const served = async (attachmentId: string) => (await sut.attachment(secretary, roundId, attachmentId, false)).content;
      const original = await served(pdf.id);

      // No new document: revision 2 still serves the earlier file (byte for byte), and revision 1 keeps its own.
      await sut.revise(secretary, actor, roundId, committee.id, body);
      let view = await sut.get(secretary, roundId, committee.id);
      expect(view.current).toMatchObject({ revision: 2, attachment: { fileName: 'yttrande.pdf', sha256: pdf.sha256 } });
      expect(view.current!.attachment!.id).not.toBe(pdf.id);
      expect(Buffer.compare(await served(view.current!.attachment!.id), original)).toBe(0);
      expect(view.revisions.map((r) => [r.revision, r.attachment?.id])).toEqual([[1, pdf.id]]);

      // A new document replaces it in the next revision.
      const docx = await docxWith(['Rättat yttrande']);
      await sut.attach(secretary, actor, roundId, committee.id, { fileName: 'rattelse.docx', content: docx });
      await sut.revise(secretary, actor, roundId, committee.id, { ...body, minuteReference: '§ 14' });
      view = await sut.get(secretary, roundId, committee.id);
      expect(view.current).toMatchObject({ revision: 3, attachment: { fileName: 'rattelse.docx' } });
      expect(Buffer.compare(await served(view.current!.attachment!.id), docx)).toBe(0);

      // Removed explicitly: the next revision has none, the earlier ones keep theirs.
      await sut.revise(secretary, actor, roundId, committee.id, { ...body, minuteReference: '§ 15', removeAttachment: true });
      view = await sut.get(secretary, roundId, committee.id);
      expect(view.current).toMatchObject({ revision: 4, attachment: null });
      expect(view.revisions.map((r) => [r.revision, r.attachment?.fileName ?? null])).toEqual([
        [3, 'rattelse.docx'],
        [2, 'yttrande.pdf'],
        [1, 'yttrande.pdf'],
      ]);
    });
  });
});
