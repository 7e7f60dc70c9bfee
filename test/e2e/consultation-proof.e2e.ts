import { ConsultationReminderService } from '@samverka/consultation';
import { addDays, localDateInCity } from '@samverka/kernel';
import type { CommitteeEntity, DepartmentEntity } from '@samverka/organisation';
import type { PlanRoundView } from '@samverka/rounds';
import { parseDocx } from '../support/docx';
import { SEED_RESPONSE_TEXTS } from '../support/seeds';
import { AuthedApi, e2eContext, E2eContext } from '../support/e2e';

/**
 * The issue's proof (issue 14), over the REST contract: a frozen plan goes on remiss to three committees;
 * the two seed responses (copied byte for byte into test/support/seeds/ from ../shared/seeds/, Förskolenämnden and Kulturnämnden) are entered exactly as
 * they are, their proposals found in the text and confirmed; the compilation shows one approve_with_remarks
 * from each; every proposal is triaged (Förskolenämnden's request for clearer responsibilities linked to
 * the items version 2 changed, which the diff 1→2 shows); the late committee is reminded, and its approved
 * extension moves the reminder; another committee's secretary is refused (403) and a second response
 * without a revision is a 409 that writes nothing; the compilation .docx carries the case number and every
 * proposal; then the executive board's decision: the round in follow-up, the plan's adopted version set,
 * the participants' people emailed `plan.adopted`.
 */
/** Förskolenämnden's response (Förskolenämnden 2025-03-26, as its decision planning says), byte for byte as in ../shared/seeds (003). */
const FORSKOLENAMNDEN_TEXT = SEED_RESPONSE_TEXTS.forskolenamnden;
/** Kulturnämnden's response, as text recognition left it ("nimnd", "6"), byte for byte as in ../shared/seeds (004). */
const KULTURNAMNDEN_TEXT = SEED_RESPONSE_TEXTS.kulturnamnden;
const CASE_NUMBER = 'STK-2024-1400';

describe('consultation proof: remiss, responses, compilation, decision', () => {
  let ctx: E2eContext;
  let strategist: AuthedApi;
  let preschoolSecretary: AuthedApi;
  let cultureSecretary: AuthedApi;
  let serviceSecretary: AuthedApi;
  let preschoolCoordinator: AuthedApi;
  let cultureManager: AuthedApi;
  let fskn: CommitteeEntity;
  let kn: CommitteeEntity;
  let sn: CommitteeEntity;
  let preschool: DepartmentEntity;
  let culture: DepartmentEntity;
  let service: DepartmentEntity;
  let round: PlanRoundView;
  let today: string;
  let replyBy: string;
  let samarbete: { id: string; code: string };
  const proposalIds: { fskn: string[]; kn: string[] } = { fskn: [], kn: [] };

  beforeAll(async () => {
    ctx = await e2eContext({ PUBLIC_URL: 'https://samverka.malmo.example' });
    today = localDateInCity(new Date());
    replyBy = addDays(today, 30);
    fskn = await ctx.given.committee({ name: 'Förskolenämnden' });
    kn = await ctx.given.committee({ name: 'Kulturnämnden' });
    sn = await ctx.given.committee({ name: 'Servicenämnden' });
    preschool = await ctx.given.department({ name: 'Förskoleförvaltningen', committeeId: fskn.id });
    culture = await ctx.given.department({ name: 'Kulturförvaltningen', committeeId: kn.id });
    service = await ctx.given.department({ name: 'Serviceförvaltningen', committeeId: sn.id });
    strategist = await ctx.as([{ role: 'strategist' }], { name: 'Åsa Öberg' });
    preschoolSecretary = await ctx.as([{ role: 'committee_secretary', committeeId: fskn.id }], { name: 'Sara Sekreterare' });
    cultureSecretary = await ctx.as([{ role: 'committee_secretary', committeeId: kn.id }], { name: 'Karin Kultur' });
    serviceSecretary = await ctx.as([{ role: 'committee_secretary', committeeId: sn.id }], { name: 'Sven Service' });
    preschoolCoordinator = await ctx.as([], { name: 'Annika Åsberg' });
    await ctx.given.coordinator(preschool, { personId: preschoolCoordinator.personId, validFrom: '2020-01-01' });
    cultureManager = await ctx.as([{ role: 'management', departmentId: culture.id }], { name: 'Annika Cedhagen' });
    round = await ctx.given.roundInDraftingPlan({ caseNumber: CASE_NUMBER, participantDepartmentIds: [preschool.id, culture.id, service.id] });
  });
  afterAll(async () => {
    await ctx?.close();
  });

  const at = (path: string) => `/api/v1/rounds/${round.id}${path}`;
  const step = async (type: string, body: Record<string, unknown> = {}) => strategist.api('POST', at('/events'), { type, ...body });
  const mails = async (kind: string): Promise<Array<{ recipient_email: string; dedup_key: string; data: Record<string, unknown> }>> =>
    ctx.dataSource.query('select recipient_email, dedup_key, data from notification where kind = $1 order by created_at, id', [kind]);
  const count = async (sql: string, params: unknown[]) => Number((await ctx.dataSource.query(sql, params))[0].n);

  it('drafts the plan: version 1, then version 2 clarifying the responsibilities in the collaboration process', async () => {
    const item = (areaCode: string, title: string) => strategist.api('POST', at('/plan/items'), { areaCode, title, description: `${title}.` });
    const created = await item('SAMARBETSPROCESS', 'Samordnare för medborgarservice på varje förvaltning');
    expect(created.status).toBe(201);
    samarbete = { id: created.body.id, code: created.body.code };
    const roles = (expectations: string) => ({
      responsibilities: [
        { contactCentre: true, role: 'accountable', expectations: 'Leder samarbetsprocessen.' },
        { departmentId: preschool.id, role: 'responsible', expectations },
        { departmentId: culture.id, role: 'responsible', expectations },
      ],
    });
    expect((await strategist.api('PUT', at(`/plan/items/${samarbete.id}/responsibilities`), roles('Utser en samordnare.'))).status).toBe(200);
    for (const [areaCode, title] of [
      ['TILLGANGLIGHET', 'Malmöbemötande i hela staden'],
      ['RATTIGHETSBASERAD', 'Lyfta serviceglapp'],
      ['DIGITALISERING', 'Samköra data och analyser'],
      ['LOKAL_SERVICE', 'Kontaktcenter lokalt i stadsområdena'],
    ]) {
      const { body } = await item(areaCode, title);
      await strategist.api('PUT', at(`/plan/items/${body.id}/responsibilities`), { responsibilities: [{ contactCentre: true, role: 'accountable', expectations: 'Leder.' }] });
    }
    expect(await strategist.api('POST', at('/plan/freeze'))).toMatchObject({ status: 201, body: { version: 1 } });
    await strategist.api('PATCH', at(`/plan/items/${samarbete.id}`), { description: 'Varje förvaltning utser en samordnare med mandat; ansvar och förväntningar per förvaltning skrivs ut.' });
    await strategist.api('PUT', at(`/plan/items/${samarbete.id}/responsibilities`), roles('Utser en samordnare med mandat att företräda förvaltningen; bidrar med 40 timmar per år.'));
    expect(await strategist.api('POST', at('/plan/freeze'))).toMatchObject({ status: 201, body: { version: 2 } });
  });

  it('sends version 2 on remiss to the three committees', async () => {
    const prepared = await strategist.api('PUT', at('/consultation'), {
      planVersion: 2,
      replyBy,
      committeeIds: [fskn.id, kn.id, sn.id],
      coverLetter: `Kommunstyrelsens arbetsutskott har beslutat att skicka ärendet ${CASE_NUMBER} på remiss.`,
    });
    expect(prepared.status).toBe(200);
    expect(await step('SEND_FOR_CONSULTATION')).toMatchObject({ status: 200, body: { state: 'consultation' } });
    const status = await cultureSecretary.api('GET', at('/consultation'));
    expect(status.body.recipients.map((r: { name: string; status: string; replyBy: string }) => [r.name, r.status, r.replyBy]).sort()).toEqual([
      ['Förskolenämnden', 'awaiting', replyBy],
      ['Kulturnämnden', 'awaiting', replyBy],
      ['Servicenämnden', 'awaiting', replyBy],
    ]);
  });

  it("refuses a secretary who responds for another committee or reads another committee's draft", async () => {
    const draft = await cultureSecretary.api('PUT', at(`/consultation/responses/${kn.id}/draft`), { stance: 'approve_with_remarks', text: KULTURNAMNDEN_TEXT });
    expect(`${draft.status} ${JSON.stringify(draft.body)}`).toMatch(/^200/);
    expect((await preschoolSecretary.api('GET', at(`/consultation/responses/${kn.id}`))).status).toBe(403);
    const forOther = await preschoolSecretary.api('POST', at('/consultation/responses'), {
      committeeId: kn.id,
      stance: 'approve',
      summary: 'Inte vårt yttrande',
      text: 'Inte vårt yttrande',
      adoptedOn: today,
      minuteReference: '§ 1',
      signatories: ['Någon'],
    });
    expect(forOther.status).toBe(403);
    expect(await count('select count(*) as n from consultation_response where round_id = $1 and committee_id = $2 and status = $3', [round.id, kn.id, 'submitted'])).toBe(0);
  });

  it('enters both seed responses exactly as they are, with the proposals found in their texts and confirmed', async () => {
    const found = async (as: AuthedApi, text: string) => {
      const res = await as.api('POST', at('/consultation/proposal-suggestions'), { text });
      expect(res.status).toBe(200);
      return res.body.proposals as Array<{ text: string }>;
    };
    const knFound = await found(cultureSecretary, KULTURNAMNDEN_TEXT);
    expect(knFound).toHaveLength(3);
    const fsknFound = await found(preschoolSecretary, FORSKOLENAMNDEN_TEXT);
    expect(fsknFound).toHaveLength(1);
    expect(fsknFound[0].text).toContain('förtydligande behöver ske kring samarbetsprocessen');

    const preschoolResponse = await preschoolSecretary.api('POST', at('/consultation/responses'), {
      committeeId: fskn.id,
      stance: 'approve_with_remarks',
      summary: 'Förskolenämnden ställer sig positiv till utvecklingsplanen, med tillägg att förtydligande behöver ske kring samarbetsprocessen framåt.',
      text: FORSKOLENAMNDEN_TEXT,
      adoptedOn: '2025-03-26',
      minuteReference: '§ 45',
      signatories: ['Susanne Nilsson', 'Annika Åsberg Renman'],
      areaComments: [{ areaCode: 'SAMARBETSPROCESS', comment: 'Det behöver tydligare framgå vilka förväntningar som ställs på respektive förvaltning.' }],
      proposals: fsknFound.map((p) => ({ text: p.text, areaCode: 'SAMARBETSPROCESS', itemCode: samarbete.code })),
    });
    expect(preschoolResponse.status).toBe(201);
    proposalIds.fskn = preschoolResponse.body.proposals.map((p: { id: string }) => p.id);

    const cultureResponse = await cultureSecretary.api('POST', at('/consultation/responses'), {
      committeeId: kn.id,
      stance: 'approve_with_remarks',
      summary: 'Kulturnämnden ser positivt på planen men saknar en analys av behovet av fysisk service.',
      text: KULTURNAMNDEN_TEXT,
      adoptedOn: '2025-03-20',
      minuteReference: '§ 31',
      signatories: ['Janne Grönholm', 'Annika Cedhagen'],
      proposals: knFound.map((p) => ({ text: p.text, areaCode: 'LOKAL_SERVICE' })),
    });
    expect(cultureResponse.status).toBe(201);
    expect(cultureResponse.body.proposals).toHaveLength(3);
    proposalIds.kn = cultureResponse.body.proposals.map((p: { id: string }) => p.id);

    // kept exactly as entered: the scanned text's "nimnd" and "6" are not corrected
    const stored = await cultureSecretary.api('GET', at(`/consultation/responses/${kn.id}`));
    expect(stored.body.current.text).toBe(KULTURNAMNDEN_TEXT);
    expect(stored.body.current.text).toContain('Kulturnimnden foreslds besluta');
  });

  it('refuses a second response for the same committee without a revision (409), and writes nothing', async () => {
    const before = {
      responses: await count('select count(*) as n from consultation_response where round_id = $1 and committee_id = $2', [round.id, fskn.id]),
      proposals: await count('select count(*) as n from consultation_proposal p join consultation_response r on r.id = p.response_id where r.round_id = $1 and r.committee_id = $2', [round.id, fskn.id]),
    };
    const again = await preschoolSecretary.api('POST', at('/consultation/responses'), {
      committeeId: fskn.id,
      stance: 'approve',
      summary: 'Ett andra yttrande',
      text: FORSKOLENAMNDEN_TEXT,
      adoptedOn: '2025-03-27',
      minuteReference: '§ 46',
      signatories: ['Susanne Nilsson'],
      proposals: [{ text: 'Ett förslag som inte ska sparas' }],
    });
    expect(again.status).toBe(409);
    expect({
      responses: await count('select count(*) as n from consultation_response where round_id = $1 and committee_id = $2', [round.id, fskn.id]),
      proposals: await count('select count(*) as n from consultation_proposal p join consultation_response r on r.id = p.response_id where r.round_id = $1 and r.committee_id = $2', [round.id, fskn.id]),
    }).toEqual(before);
  });

  it('reminds the late committee, and its approved extension moves the reminder', async () => {
    const sweep = async (day: string) => ctx.app.get(ConsultationReminderService).sendDueReminders(new Date(`${day}T07:00:00Z`));
    const toService = async () => (await mails('consultation.reminder')).filter((m) => m.recipient_email === serviceSecretary.email);

    await sweep(addDays(replyBy, 1));
    const late = await toService();
    expect(late).toHaveLength(1);
    expect(late[0].dedup_key).toContain(`:${sn.id}:${replyBy}:after:`);
    expect(late[0].data).toMatchObject({ committeeName: 'Servicenämnden', replyBy, passed: true });
    // the committees that responded are not reminded
    expect((await mails('consultation.reminder')).filter((m) => [preschoolSecretary.email, cultureSecretary.email].includes(m.recipient_email))).toEqual([]);

    const movedTo = addDays(replyBy, 21);
    const asked = await serviceSecretary.api('POST', at(`/consultation/recipients/${sn.id}/extensions`), { requestedReplyBy: movedTo, reason: 'Nämnden sammanträder först i slutet av månaden' });
    expect(asked.status).toBe(201);
    const approved = await strategist.api('POST', at(`/consultation/recipients/${sn.id}/extensions/${asked.body.id}/approve`), {});
    expect(approved.status).toBe(200);
    const status = await strategist.api('GET', at('/consultation'));
    const recipient = status.body.recipients.find((r: { committeeId: string }) => r.committeeId === sn.id);
    expect(recipient).toMatchObject({ replyBy: movedTo, status: 'awaiting' });
    expect(recipient.extensions).toEqual([expect.objectContaining({ status: 'approved', requestedReplyBy: movedTo, reason: 'Nämnden sammanträder först i slutet av månaden' })]);

    // the same day again: no longer late, nothing new; the day after the new date: reminded again, for the new date
    await sweep(addDays(replyBy, 1));
    expect(await toService()).toHaveLength(1);
    await sweep(addDays(movedTo, 1));
    const moved = (await toService()).filter((m) => m.dedup_key.includes(`:${movedTo}:after:`));
    expect(moved).toHaveLength(1);
    expect(moved[0].data).toMatchObject({ replyBy: movedTo, passed: true });
  });

  it('compiles: one approve_with_remarks from each of the two committees, every proposal triaged, Förskolenämnden’s linked to the items version 2 changed', async () => {
    expect(await step('CLOSE_CONSULTATION', { force: true, reason: 'Servicenämnden har fått anstånd; sammanställningen går vidare utan dess svar' })).toMatchObject({
      status: 200,
      body: { state: 'compilingResponses' },
    });
    const compilation = await cultureSecretary.api('GET', at('/consultation/compilation'));
    expect(compilation.status).toBe(200);
    expect(compilation.body.stanceCounts).toMatchObject({ approve: 0, approve_with_remarks: 2, reject: 0, decline: 0 });
    expect(compilation.body.responses.map((r: { committee: string; stance: string }) => [r.committee, r.stance]).sort()).toEqual([
      ['Förskolenämnden', 'approve_with_remarks'],
      ['Kulturnämnden', 'approve_with_remarks'],
    ]);
    expect(compilation.body.proposals).toHaveLength(4);

    const triage = (id: string, body: Record<string, unknown>) => strategist.api('PUT', at(`/consultation/proposals/${id}/triage`), body);
    const [physical, computers, accessible] = proposalIds.kn;
    expect((await triage(physical, { decision: 'partly_accepted', motivation: 'Behovet av fysisk service analyseras inom lokal service.', itemCodes: ['LS-1'] })).status).toBe(200);
    expect((await triage(computers, { decision: 'rejected', motivation: 'Utskriftstjänster ligger utanför kontaktcenters uppdrag.' })).status).toBe(200);
    expect((await triage(accessible, { decision: 'noted', motivation: 'Tillgängligheten följs upp inom området tillgänglighet.' })).status).toBe(200);
    const clarity = await triage(proposalIds.fskn[0], { decision: 'accepted', motivation: 'Ansvar och förväntningar per förvaltning skrevs ut i version 2.', itemCodes: [samarbete.code] });
    expect(clarity.status).toBe(200);

    const after = await strategist.api('GET', at('/consultation/compilation'));
    expect(after.body.proposals.every((p: { triage: unknown }) => p.triage !== null)).toBe(true);
    const fromPreschool = after.body.proposals.find((p: { id: string }) => p.id === proposalIds.fskn[0]);
    expect(fromPreschool.triage).toMatchObject({ decision: 'accepted', itemCodes: [samarbete.code] });
    // the items it is linked to are the ones version 2 changed
    const diff = await strategist.api('GET', at('/plan/versions/1/diff/2'));
    const changed = new Set([...diff.body.itemsChanged, ...diff.body.responsibilitiesChanged].map((c: { code: string }) => c.code));
    expect([...changed]).toEqual([samarbete.code]);
  });

  it('writes the compilation document with the case number and every proposal', async () => {
    const res = await fetch(`${ctx.baseUrl}${at('/consultation/compilation/document.docx')}`, { headers: { authorization: `Bearer ${strategist.token}` } });
    expect(res.status).toBe(200);
    const document = await parseDocx(Buffer.from(await res.arrayBuffer()));
    expect(document.text).toContain(CASE_NUMBER);
    const proposals = (await strategist.api('GET', at('/consultation/compilation'))).body.proposals as Array<{ text: string }>;
    for (const p of proposals) expect(document.text).toContain(p.text);
  });

  it('decides: the plan adopted, the round in follow-up, the adopted version set, the participants’ people emailed', async () => {
    expect(await step('SUBMIT_FOR_DECISION')).toMatchObject({ status: 200, body: { state: 'awaitingDecision' } });
    const missing = await step('RECORD_DECISION', { outcome: 'adopted' });
    expect(missing.status).toBe(400);
    expect(missing.body.details.map((d: { field: string }) => d.field)).toEqual(['decidedOn', 'body', 'minuteReference']);

    const decided = await step('RECORD_DECISION', { outcome: 'adopted', decidedOn: today, body: 'Kommunstyrelsen', minuteReference: '§ 210' });
    expect(decided).toMatchObject({ status: 200, body: { state: 'followUp' } });
    const decisions = await cultureManager.api('GET', at('/decisions'));
    expect(decisions.status).toBe(200);
    expect(decisions.body).toEqual([
      expect.objectContaining({ outcome: 'adopted', decidedOn: today, body: 'Kommunstyrelsen', minuteReference: '§ 210', planVersion: 2, recordedBy: 'Åsa Öberg', reason: null }),
    ]);
    expect((await ctx.dataSource.query('select adopted_version from plan where round_id = $1', [round.id]))[0].adopted_version).toBe(2);

    const adopted = await mails('plan.adopted');
    expect(adopted.map((m) => [m.recipient_email, m.data.departmentName]).sort()).toEqual(
      [
        [preschoolCoordinator.email, 'Förskoleförvaltningen'],
        [cultureManager.email, 'Kulturförvaltningen'],
      ].sort(),
    );
    const toCoordinator = adopted.find((m) => m.recipient_email === preschoolCoordinator.email)!;
    expect(toCoordinator.data).toMatchObject({ caseNumber: CASE_NUMBER, version: 2, body: 'Kommunstyrelsen', minuteReference: '§ 210' });
    expect(toCoordinator.data.summaryUrl).toBe(`https://samverka.malmo.example/planomgangar/${round.id}/ansvarsfordelning/${preschool.id}`);
  });
});
