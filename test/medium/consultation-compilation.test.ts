import { CompilationService, ConsultationErrorCode, ConsultationModule, TRIAGE_TASK_KIND } from '@samverka/consultation';
import { CommonErrorCode, Principal, TaskQueryService, TasksModule } from '@samverka/kernel';
import { NeedsModule } from '@samverka/needs';
import { PlanModule } from '@samverka/plan';
import { PlanRoundQueryService, PlanRoundStepService, RoundErrorCode } from '@samverka/rounds';
import { TEST_ACTOR } from '../support/given';
import { FORSKOLENAMNDEN, GivenConsultation, KULTURNAMNDEN, type CompilationRound } from '../support/given-consultation-compile';
import { mediumContext, MediumContext } from '../support/medium';
import { principal } from '../support/principals';
import { statementsDuring } from '../support/statements';

const START = new Date('2026-04-01T08:00:00Z');
const STRATEGIST = principal({ strategist: true, name: 'Åsa Öberg', userId: '00000000-0000-4000-8000-0000000000aa', personId: '00000000-0000-4000-8000-0000000000ab' });

describe('the compilation and the triage (medium)', () => {
  let ctx: MediumContext;
  let sut: CompilationService;
  let given: GivenConsultation;

  beforeAll(async () => {
    ctx = await mediumContext([NeedsModule, PlanModule, ConsultationModule, TasksModule], START, { PUBLIC_URL: 'https://samverka.malmo.example' });
    sut = ctx.get(CompilationService);
    given = new GivenConsultation(ctx.moduleRef);
  });
  afterAll(() => ctx.close());

  /** A round with both seeds' responses and a third committee that has not responded; compiling. */
  async function seeded(): Promise<CompilationRound & { fskn: string[]; kn: string[] }> {
    const sent = await given.sent(['Förskolenämnden', 'Kulturnämnden', 'Miljönämnden'], { caseNumber: `STK-2026-${Math.floor(Math.random() * 1e6)}` });
    const fskn = await given.response(sent.round.id, sent.committees['Förskolenämnden'], FORSKOLENAMNDEN);
    const kn = await given.response(sent.round.id, sent.committees['Kulturnämnden'], KULTURNAMNDEN);
    await given.closed(sent.round.id);
    return { ...sent, fskn: fskn.proposalIds, kn: kn.proposalIds };
  }

  it('compiles both seeds: one approve_with_remarks from each, the silent committee as none, comments per area, every proposal, proposals × committees', async () => {
    const s = await seeded();
    let view!: Awaited<ReturnType<CompilationService['compilation']>>;
    // The access check and the compilation itself (issue 16: a read is one or two statements)
    expect(await statementsDuring(async () => (view = await sut.compilation(STRATEGIST, s.round.id)))).toHaveLength(2);
    expect(view.stanceCounts).toEqual({ approve: 0, approve_with_remarks: 2, reject: 0, decline: 0, none: 1 });
    expect(view.planVersion).toBe(1);
    expect(view.responses.map((r) => [r.committee, r.stance, r.adoptedOn, r.minuteReference, r.revision])).toEqual([
      ['Förskolenämnden', 'approve_with_remarks', '2025-03-26', '§ 45', 1],
      ['Kulturnämnden', 'approve_with_remarks', '2025-03-20', '§ 31', 1],
    ]);
    // areas in plan order, each with its committees' comments
    expect(view.areas.map((a) => [a.areaCode, a.name, a.comments.map((c) => c.committee)])).toEqual([
      ['LOKAL_SERVICE', 'Lokal service', ['Kulturnämnden']],
      ['SAMARBETSPROCESS', 'Samarbetsprocess', ['Förskolenämnden']],
    ]);
    expect(view.proposals.map((p) => [p.committee, p.triage])).toEqual([
      ['Förskolenämnden', null],
      ['Kulturnämnden', null],
      ['Kulturnämnden', null],
      ['Kulturnämnden', null],
    ]);
    expect(view.matrix.committees.map((c) => c.committee)).toEqual(['Förskolenämnden', 'Kulturnämnden', 'Miljönämnden']);
    expect(view.matrix.rows[0].committees.map((c) => c.proposed)).toEqual([true, false, false]);
    expect(view.matrix.rows[3].committees.map((c) => c.proposed)).toEqual([false, true, false]);
    // one committee's own view: what became of what it asked for
    const own = await sut.compilation(STRATEGIST, s.round.id, s.committees['Kulturnämnden']);
    expect(own.proposals).toHaveLength(3);
    expect(own.responses.map((r) => r.committee)).toEqual(['Kulturnämnden']);
  });

  it('reads only current responses: a correction supersedes the earlier revision and its proposals', async () => {
    const s = await seeded();
    await given.response(s.round.id, s.committees['Förskolenämnden'], { ...FORSKOLENAMNDEN, stance: 'approve', proposals: [] });
    const view = await sut.compilation(STRATEGIST, s.round.id);
    expect(view.stanceCounts).toMatchObject({ approve: 1, approve_with_remarks: 1 });
    expect(view.responses.find((r) => r.committee === 'Förskolenämnden')?.revision).toBe(2);
    expect(view.proposals.map((p) => p.committee)).toEqual(['Kulturnämnden', 'Kulturnämnden', 'Kulturnämnden']);
    await expect(sut.triage(STRATEGIST, TEST_ACTOR, s.round.id, s.fskn[0], { decision: 'noted', motivation: 'Noteras' })).rejects.toMatchObject({ code: ConsultationErrorCode.PROPOSAL_NOT_FOUND });
  });

  it('a triage needs a known decision and a motivation; accepted names items of the plan unless it explains; nothing is written when refused', async () => {
    const s = await seeded();
    const id = s.fskn[0];
    await expect(sut.triage(STRATEGIST, TEST_ACTOR, s.round.id, id, { decision: 'maybe' as never, motivation: ' ' })).rejects.toMatchObject({
      code: CommonErrorCode.VALIDATION_FAILED,
      details: [
        { field: 'decision', rule: 'isIn', message: expect.stringContaining('Välj ett beslut') },
        { field: 'motivation', rule: 'isNotEmpty', message: 'Skriv en motivering till beslutet' },
      ],
    });
    await expect(sut.triage(STRATEGIST, TEST_ACTOR, s.round.id, id, { decision: 'accepted', motivation: 'Ja' })).rejects.toMatchObject({
      details: [{ field: 'itemCodes', rule: 'requiredWhenAccepted', message: expect.stringContaining('Ange vilka insatser') }],
    });
    await expect(sut.triage(STRATEGIST, TEST_ACTOR, s.round.id, id, { decision: 'accepted', motivation: 'Ja', itemCodes: ['SP-1', 'XX-9'] })).rejects.toMatchObject({
      details: [{ field: 'itemCodes', rule: 'knownItem', message: 'Planen har ingen insats med koden XX-9' }],
    });
    await expect(sut.triage(principal({ admin: true }), TEST_ACTOR, s.round.id, id, { decision: 'noted', motivation: 'Noteras' })).rejects.toMatchObject({
      code: ConsultationErrorCode.TRIAGE_NOT_ALLOWED,
    });
    expect((await sut.compilation(STRATEGIST, s.round.id)).proposals[0].triage).toBeNull();

    const explained = await sut.triage(STRATEGIST, TEST_ACTOR, s.round.id, s.kn[0], {
      decision: 'partly_accepted',
      motivation: 'Servicepunkterna prövas först i två stadsdelar; planens insatser ändras inte förrän utvärderingen är klar.',
    });
    expect(explained.triage).toMatchObject({ decision: 'partly_accepted', itemCodes: [] });
  });

  it('a triage is stored with who and when, re-triage is allowed and audited with what it was before', async () => {
    const s = await seeded();
    const id = s.fskn[0];
    const first = await sut.triage(STRATEGIST, TEST_ACTOR, s.round.id, id, { decision: 'accepted', motivation: ' Ansvarsfördelningen förtydligas ', itemCodes: ['SP-1', 'SP-1'] });
    expect(first).toMatchObject({ id, committee: 'Förskolenämnden', triage: { decision: 'accepted', motivation: 'Ansvarsfördelningen förtydligas', itemCodes: ['SP-1'], triagedBy: 'Åsa Öberg', triagedAt: START.toISOString() } });
    expect(first.triageVersion).toBe(1);
    const second = await sut.triage(STRATEGIST, TEST_ACTOR, s.round.id, id, { decision: 'accepted', motivation: 'Förtydligas i SP-1 och LS-1', itemCodes: ['SP-1', 'LS-1'] }, 1);
    expect(second.triageVersion).toBe(2);
    const audit: Array<{ action: string; before: unknown; after: unknown }> = await ctx.dataSource.query(
      `select action, before, after from audit_event where subject_type = 'consultation_proposal' and subject_id = $1 order by occurred_at, id`,
      [id],
    );
    expect(audit.map((a) => a.action)).toEqual(['consultation.proposalTriaged', 'consultation.proposalRetriaged']);
    expect(audit[1].before).toEqual({ decision: 'accepted', motivation: 'Ansvarsfördelningen förtydligas', itemCodes: ['SP-1'] });
    // traceability: the plan items changed show the proposals that link them
    expect((await sut.proposalsForItems(STRATEGIST, s.round.id, ['LS-1'])).map((p) => p.id)).toEqual([id]);
    expect(await sut.proposalsForItems(STRATEGIST, s.round.id, ['DG-1'])).toEqual([]);
  });

  it('a re-triage names the version it changes: a stale one, or one without a version, is 409 with nothing written', async () => {
    const s = await seeded();
    const id = s.fskn[0];
    await sut.triage(STRATEGIST, TEST_ACTOR, s.round.id, id, { decision: 'noted', motivation: 'Noteras' });
    await sut.triage(STRATEGIST, TEST_ACTOR, s.round.id, id, { decision: 'rejected', motivation: 'Avslås' }, 1);
    const triageOf = async () => (await sut.compilation(STRATEGIST, s.round.id)).proposals.find((p) => p.id === id)!;
    for (const stale of [undefined, 1, 3]) {
      await expect(sut.triage(STRATEGIST, TEST_ACTOR, s.round.id, id, { decision: 'accepted', motivation: 'Godtas', itemCodes: ['SP-1'] }, stale)).rejects.toMatchObject({
        code: CommonErrorCode.VERSION_CONFLICT,
      });
    }
    expect(await triageOf()).toMatchObject({ triageVersion: 2, triage: { decision: 'rejected', motivation: 'Avslås' } });
    const audit: Array<{ n: number }> = await ctx.dataSource.query(`select count(*)::int as n from audit_event where subject_type = 'consultation_proposal' and subject_id = $1`, [id]);
    expect(audit[0].n).toBe(2);
  });

  it('two triages of one proposal at once (first triages, and re-triages of the same version): one wins, the other is a 409', async () => {
    const s = await seeded();
    const race = async (expected?: number) => {
      const results = await Promise.allSettled([
        sut.triage(STRATEGIST, TEST_ACTOR, s.round.id, s.kn[0], { decision: 'noted', motivation: 'A' }, expected),
        sut.triage(STRATEGIST, TEST_ACTOR, s.round.id, s.kn[0], { decision: 'rejected', motivation: 'B' }, expected),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.code)).toEqual([CommonErrorCode.VERSION_CONFLICT]);
      return (results.find((r) => r.status === 'fulfilled') as PromiseFulfilledResult<{ triage: { motivation: string } }>).value.triage.motivation;
    };
    const firstWinner = await race();
    const secondWinner = await race(1);
    const now = (await sut.compilation(STRATEGIST, s.round.id)).proposals.find((p) => p.id === s.kn[0])!;
    expect(now).toMatchObject({ triageVersion: 2, triage: { motivation: secondWinner } });
    expect(['A', 'B']).toContain(firstWinner);
  });

  it('SUBMIT_FOR_DECISION is refused with a Swedish count while proposals are untriaged, forcible with a written reason; the task counts them', async () => {
    const s = await seeded();
    const steps = ctx.get(PlanRoundStepService);
    const view = await ctx.get(PlanRoundQueryService).view(s.round.id);
    expect(view.events.find((e) => e.type === 'SUBMIT_FOR_DECISION')).toMatchObject({ allowed: false, forcible: true, reasons: ['4 förslag är inte behandlade'] });
    const tasks = ctx.get(TaskQueryService);
    const triageTasks = async (p: Principal) => (await tasks.tasksOf(p)).filter((t) => t.kind === TRIAGE_TASK_KIND && t.roundId === s.round.id);
    expect((await triageTasks(STRATEGIST)).map((t) => [t.title, t.href])).toEqual([
      [expect.stringMatching(/^4 förslag att behandla/), `/planomgangar/${s.round.id}/remiss/sammanstallning`],
    ]);
    expect(await triageTasks({ ...STRATEGIST, strategist: false, admin: true })).toEqual([]);

    for (const id of [...s.fskn, ...s.kn.slice(0, 2)]) await sut.triage(STRATEGIST, TEST_ACTOR, s.round.id, id, { decision: 'noted', motivation: 'Noteras' });
    await expect(steps.transition(TEST_ACTOR, s.round.id, { type: 'SUBMIT_FOR_DECISION' })).rejects.toMatchObject({
      code: RoundErrorCode.ILLEGAL_TRANSITION,
      context: expect.objectContaining({ reasons: ['1 förslag är inte behandlat'] }),
    });
    expect((await triageTasks(STRATEGIST)).map((t) => t.title)).toEqual([expect.stringMatching(/^1 förslag att behandla/)]);

    const forced = await steps.transition(TEST_ACTOR, s.round.id, { type: 'SUBMIT_FOR_DECISION', force: true, reason: 'Styrelsen sammanträder nu' });
    expect(forced.state).toBe('awaitingDecision');
    expect(forced.forcedSteps.at(-1)).toEqual({ event: 'SUBMIT_FOR_DECISION', reason: 'Styrelsen sammanträder nu', on: '2026-04-01' });
  });

  it('with every proposal triaged the round is submitted for decision unforced; triage is closed once the round has moved on past the decision', async () => {
    const s = await seeded();
    for (const id of [...s.fskn, ...s.kn]) await sut.triage(STRATEGIST, TEST_ACTOR, s.round.id, id, { decision: 'rejected', motivation: 'Ryms inte i budgeten' });
    const submitted = await ctx.get(PlanRoundStepService).transition(TEST_ACTOR, s.round.id, { type: 'SUBMIT_FOR_DECISION' });
    expect(submitted.state).toBe('awaitingDecision');
    await ctx.dataSource.query(`update plan_round set state = 'followUp' where id = $1`, [s.round.id]);
    await expect(sut.triage(STRATEGIST, TEST_ACTOR, s.round.id, s.kn[0], { decision: 'noted', motivation: 'Noteras' })).rejects.toMatchObject({ code: ConsultationErrorCode.TRIAGE_NOT_OPEN });
  });

  it('a round without a consultation has no compilation; a reader of another round is refused', async () => {
    const round = await ctx.given.roundInDraftingPlan();
    await expect(sut.compilation(STRATEGIST, round.id)).rejects.toMatchObject({ code: ConsultationErrorCode.CONSULTATION_NOT_FOUND });
    const s = await seeded();
    await expect(sut.compilation(principal({ committeeSecretary: ['00000000-0000-4000-8000-000000000001'] }), s.round.id)).rejects.toMatchObject({ code: CommonErrorCode.NOT_FOUND });
    expect(await sut.compilation(principal({ committeeSecretary: [s.committees['Kulturnämnden']] }), s.round.id)).toMatchObject({ stanceCounts: { approve_with_remarks: 2 } });
  });

  it('the CSV has a line per proposal; the Word document is made', async () => {
    const s = await seeded();
    const csv = await sut.csv(STRATEGIST, s.round.id);
    const lines = (csv.content as string).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toBe('Nämnd;Förslag;Område;Insats;Beslut;Motivering;Ändrade insatser;Behandlat av;Behandlat');
    expect(lines[1]).toMatch(/^Förskolenämnden;Förtydliga ansvarsfördelningen.*;SAMARBETSPROCESS;SP-1;Ej behandlat;/);
    const doc = await sut.document(STRATEGIST, s.round.id);
    expect(doc.fileName).toMatch(/^sammanstallning-STK-2026-\d+\.docx$/);
    expect((doc.content as Buffer).subarray(0, 2).toString()).toBe('PK');
  });
});
