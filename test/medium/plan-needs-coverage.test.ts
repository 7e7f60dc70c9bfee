import { ConsultationModule } from '@samverka/consultation';
import { Actor } from '@samverka/audit';
import { TaskQueryService, TasksModule } from '@samverka/kernel';
import { NeedService, NeedsAnalysisService, SubmissionService } from '@samverka/needs';
import { PlanDraftService, PlanErrorCode, PlanModule, PlanNeedsCoverageService, PlanQueryService } from '@samverka/plan';
import { DepartmentEntity } from '@samverka/organisation';
import { PlanRoundStepService, PlanRoundView } from '@samverka/rounds';
import { TEST_ACTOR } from '../support/given';
import { GivenPlanRows } from '../support/given-plan-questions';
import { mediumContext, MediumContext } from '../support/medium';
import { statementsDuring } from '../support/statements';
import { principal } from '../support/principals';

const START = new Date('2026-03-02T09:00:00Z');
const STRATEGIST: Actor = { personId: null, label: 'Åsa Öberg' };
const NOBODY = '00000000-0000-4000-8000-000000000000';
const ALL = { all: true, departmentIds: [], committeeIds: [] };

/**
 * Needs coverage: each need handed in is answered by an item, deferred with a reason its department
 * sees, or unanswered; the needs analysis gains "area or channel without a plan item"; the strategists'
 * task counts the unanswered needs.
 */
describe(PlanNeedsCoverageService.name, () => {
  let ctx: MediumContext;
  let sut: PlanNeedsCoverageService;
  let plan: GivenPlanRows;
  let a: DepartmentEntity;
  let b: DepartmentEntity;
  let round: PlanRoundView;
  let ids: Map<string, string>;

  beforeAll(async () => {
    ctx = await mediumContext([PlanModule, ConsultationModule, TasksModule], START, { PUBLIC_URL: 'https://samverka.malmo.example' });
    sut = ctx.get(PlanNeedsCoverageService);
    plan = new GivenPlanRows(ctx.dataSource);
    a = await ctx.given.department({ name: 'Förskoleförvaltningen' });
    b = await ctx.given.department({ name: 'Kulturförvaltningen' });
    const collecting = await ctx.given.roundInCollectingNeeds({ participantDepartmentIds: [a.id, b.id] });
    const needs = ctx.get(NeedService);
    await needs.create(TEST_ACTOR, collecting.id, ctx.given.need(a.id, { title: 'Vägledning på biblioteken', channels: ['library'] }));
    await needs.create(TEST_ACTOR, collecting.id, ctx.given.need(a.id, { title: 'Telefontider', areaCode: 'DIGITALISERING', channels: ['telephone'], priority: 'low' }));
    await needs.create(TEST_ACTOR, collecting.id, ctx.given.need(b.id, { title: 'Kulturkort', channels: ['web'], priority: 'medium' }));
    await ctx.get(SubmissionService).submit(TEST_ACTOR, collecting.id, a.id);
    // B's need stays a draft: not handed in, never part of the coverage.
    round = await ctx.get(PlanRoundStepService).transition(TEST_ACTOR, collecting.id, { type: 'CLOSE_NEEDS', force: true, reason: 'Kulturförvaltningen hann inte' });
    ids = await plan.needIds(round.id);
  });
  afterAll(() => ctx.close());

  it('lists every handed-in need as unanswered before the plan answers any, and nothing not handed in', async () => {
    const coverage = await sut.coverageOf(round.id);
    // In the round's order of areas: Digitalisering before Lokal service.
    expect(coverage.unanswered.map((n) => n.title)).toEqual(['Telefontider', 'Vägledning på biblioteken']);
    expect(coverage.counts).toEqual({ total: 2, unanswered: 2, deferred: 0, answered: 0 });
    expect(coverage.unanswered[1]).toMatchObject({ departmentName: 'Förskoleförvaltningen', areaCode: 'LOKAL_SERVICE', priority: 'high', items: [], deferral: null });
  });

  it('starts the plan empty when the first edit is a deferral, and undoing it leaves the plan started', async () => {
    const other = await ctx.given.roundInDraftingPlan();
    const needId = [...(await plan.needIds(other.id)).values()][0];
    await sut.defer(STRATEGIST, other.id, needId, { reason: 'Senare' });
    expect((await sut.coverageOf(other.id)).counts).toMatchObject({ deferred: 1, unanswered: 0 });
    await sut.undefer(STRATEGIST, other.id, needId);
    expect(await ctx.dataSource.query('select draft_changed from plan where round_id = $1', [other.id])).toEqual([{ draft_changed: true }]);
  });

  describe('with a plan whose item LS-1 answers the libraries', () => {
    beforeAll(async () => {
      await plan.item(round.id, { code: 'LS-1', title: 'Vägledning i Östra', needIds: [ids.get('Vägledning på biblioteken')!] });
    });

    it('shows the need as answered by the item, by code', async () => {
      const coverage = await sut.coverageOf(round.id);
      expect(coverage.answered.map((n) => [n.title, n.items.map((i) => i.code)])).toEqual([['Vägledning på biblioteken', ['LS-1']]]);
      expect(coverage.unanswered.map((n) => n.title)).toEqual(['Telefontider']);
    });

    it('refuses to defer a need an item answers (409, naming the item), a need not handed in (422), a need of another round (404), and a blank reason', async () => {
      await expect(sut.defer(STRATEGIST, round.id, ids.get('Vägledning på biblioteken')!, { reason: 'Nej' })).rejects.toMatchObject({
        code: PlanErrorCode.PLAN_NEED_ANSWERED,
        message: 'Behovet besvaras av insatsen LS-1 och kan inte skjutas upp',
      });
      await expect(sut.defer(STRATEGIST, round.id, ids.get('Kulturkort')!, { reason: 'Nej' })).rejects.toMatchObject({ code: PlanErrorCode.PLAN_NEED_NOT_HANDED_IN });
      const other = await ctx.given.roundInDraftingPlan();
      const otherNeed = [...(await plan.needIds(other.id)).values()][0];
      await expect(sut.defer(STRATEGIST, round.id, otherNeed, { reason: 'Nej' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(sut.defer(STRATEGIST, round.id, ids.get('Telefontider')!, { reason: '   ' })).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        details: [{ field: 'reason', rule: 'isNotEmpty', message: 'Skriv varför behovet skjuts upp' }],
      });
      expect((await sut.coverageOf(round.id)).counts.deferred).toBe(0);
    });

    it('defers with the reason, who and when; marks the draft changed; audits; the department reads it; undo makes it unanswered again', async () => {
      await ctx.dataSource.query('update plan set draft_changed = false where round_id = $1', [round.id]);
      const needId = ids.get('Telefontider')!;
      const deferred = await sut.defer(STRATEGIST, round.id, needId, { reason: '  Tas upp när växeln byts 2028  ' });
      expect(deferred.deferral).toEqual({ reason: 'Tas upp när växeln byts 2028', deferredBy: 'Åsa Öberg', deferredAt: START });
      const [{ draft_changed }] = await ctx.dataSource.query('select draft_changed from plan where round_id = $1', [round.id]);
      expect(draft_changed).toBe(true);
      expect(await ctx.dataSource.query(`select after from audit_event where action = 'plan.need_deferred' and subject_id = $1`, [round.id])).toEqual([
        { after: { needId, reason: 'Tas upp när växeln byts 2028' } },
      ]);
      expect((await sut.coverageOf(round.id)).counts).toEqual({ total: 2, unanswered: 0, deferred: 1, answered: 1 });

      // Strategists read the draft; the department's people the last frozen version (none yet: nothing).
      const answers = await sut.answersForDepartment(round.id, a.id, 'draft');
      expect(answers.get(needId)).toEqual({ kind: 'deferred', reason: 'Tas upp när växeln byts 2028' });
      expect(answers.get(ids.get('Vägledning på biblioteken')!)).toEqual({ kind: 'answered', items: [expect.objectContaining({ code: 'LS-1', title: 'Vägledning i Östra' })] });
      expect((await sut.answersForDepartment(round.id, b.id, 'draft')).size).toBe(0);
      expect((await sut.answersForDepartment(round.id, a.id, 'latestVersion')).size).toBe(0);
      await ctx.get(PlanDraftService).freeze(STRATEGIST, round.id);
      const frozen = await sut.answersForDepartment(round.id, a.id, 'latestVersion');
      expect(frozen.get(needId)).toEqual({ kind: 'deferred', reason: 'Tas upp när växeln byts 2028' });
      expect(frozen.get(ids.get('Vägledning på biblioteken')!)).toEqual({ kind: 'answered', items: [expect.objectContaining({ code: 'LS-1', title: 'Vägledning i Östra' })] });

      await sut.undefer(STRATEGIST, round.id, needId);
      expect((await sut.coverageOf(round.id)).unanswered.map((n) => n.title)).toEqual(['Telefontider']);
      // The department still reads the version it was given until the next freeze.
      expect((await sut.answersForDepartment(round.id, a.id, 'latestVersion')).get(needId)).toEqual({ kind: 'deferred', reason: 'Tas upp när växeln byts 2028' });
      await expect(sut.undefer(STRATEGIST, round.id, needId)).rejects.toMatchObject({ code: PlanErrorCode.PLAN_DEFERRAL_NOT_FOUND });
    });

    it('answers a deferred need once an item links it: the deferral goes, in the coverage and in the plan document', async () => {
      const needId = ids.get('Telefontider')!;
      await sut.defer(STRATEGIST, round.id, needId, { reason: 'Senare' });
      const drafts = ctx.get(PlanDraftService);
      const item = await drafts.createItem(STRATEGIST, round.id, { areaCode: 'DIGITALISERING', title: 'Längre telefontider', description: 'Växeln öppen till 18.', needIds: [needId] });
      const coverage = await sut.coverageOf(round.id);
      expect(coverage.deferred.map((n) => n.needId)).toEqual([]);
      expect(coverage.answered.find((n) => n.needId === needId)?.items.map((i) => i.code)).toEqual([item.code]);
      expect((await ctx.get(PlanQueryService).draft(round.id)).document.deferrals).toEqual([]);
      await drafts.deleteItem(STRATEGIST, round.id, item.id);
    });

    it('gives the strategists one task per round drafting its plan, counting the unanswered needs', async () => {
      const tasks = (await ctx.get(TaskQueryService).tasksOf(principal({ userId: NOBODY, personId: NOBODY, strategist: true }))).filter((t) => t.kind === 'plan.needs_unanswered' && t.roundId === round.id);
      expect(tasks).toEqual([
        { kind: 'plan.needs_unanswered', title: `1 behov saknar svar i planen för ${round.title}`, dueOn: null, overdue: false, href: `/planomgangar/${round.id}/plan/behov`, roundId: round.id },
      ]);
      expect((await ctx.get(TaskQueryService).tasksOf(principal({ userId: NOBODY, personId: NOBODY, coordinator: [a.id] }))).filter((t) => ['plan.question_unanswered', 'plan.needs_unanswered'].includes(t.kind))).toEqual([]);
    });

    it('gains the gaps "area without a plan item" and "channel without a plan item" in the needs analysis', async () => {
      const analysis = await ctx.get(NeedsAnalysisService).analyse(round.id, ALL);
      const gaps = analysis.gaps.filter((g) => g.kind === 'areaWithoutPlanItem' || g.kind === 'channelWithoutPlanItem');
      expect(gaps).toEqual([
        { kind: 'areaWithoutPlanItem', areaCode: 'DIGITALISERING', areaName: expect.any(String), needCount: 1, description: expect.stringMatching(/: 1 behov men ingen insats i planen\.$/) },
        { kind: 'channelWithoutPlanItem', channel: 'telephone', channelName: 'Telefon', needCount: 1, description: 'Telefon: 1 behov men inget av dem besvaras av en insats i planen.' },
      ]);
      // An item in the digital area answering the telephone need closes both gaps.
      await plan.item(round.id, { areaCode: 'DIGITALISERING', code: 'DS-1', needIds: [ids.get('Telefontider')!] });
      const after = await ctx.get(NeedsAnalysisService).analyse(round.id, ALL);
      expect(after.gaps.filter((g) => g.kind === 'areaWithoutPlanItem' || g.kind === 'channelWithoutPlanItem')).toEqual([]);
    });

    it('refuses to change the coverage once the round has left drafting', async () => {
      await ctx.dataSource.query(`update plan_round set state = 'consultation' where id = $1`, [round.id]);
      try {
        await expect(sut.undefer(STRATEGIST, round.id, ids.get('Telefontider')!)).rejects.toMatchObject({ code: PlanErrorCode.PLAN_NOT_EDITABLE });
        await expect(sut.whyNotEditable(round.id)).resolves.toBe('Planen kan bara ändras medan planomgången tar fram planen.');
      } finally {
        await ctx.dataSource.query(`update plan_round set state = 'draftingPlan' where id = $1`, [round.id]);
      }
    });
  });

  describe('a page at a time', () => {
    let paged: PlanRoundView;
    let pagedIds: Map<string, string>;

    beforeAll(async () => {
      const collecting = await ctx.given.roundInCollectingNeeds({ participantDepartmentIds: [a.id, b.id] });
      const needs = ctx.get(NeedService);
      for (let i = 1; i <= 7; i++) await needs.create(TEST_ACTOR, collecting.id, ctx.given.need(a.id, { title: `Förskola ${i}` }));
      for (let i = 1; i <= 5; i++) await needs.create(TEST_ACTOR, collecting.id, ctx.given.need(b.id, { title: `Kultur ${i}` }));
      for (const d of [a, b]) await ctx.get(SubmissionService).submit(TEST_ACTOR, collecting.id, d.id);
      paged = await ctx.get(PlanRoundStepService).transition(TEST_ACTOR, collecting.id, { type: 'CLOSE_NEEDS' });
      pagedIds = await plan.needIds(paged.id);
      for (const title of ['Förskola 2', 'Kultur 1', 'Kultur 4']) await sut.defer(STRATEGIST, paged.id, pagedIds.get(title)!, { reason: 'Nästa år' });
      await plan.item(paged.id, { code: 'LS-1', title: 'Vägledning', needIds: [pagedIds.get('Förskola 5')!, pagedIds.get('Kultur 2')!] });
    });

    it('pages every section alike with the same counts, the pages together the whole, in one statement after the round', async () => {
      const whole = await sut.coverageOf(paged.id, { limit: 200, offset: 0 });
      expect(whole.counts).toEqual({ total: 12, unanswered: 7, deferred: 3, answered: 2 });
      expect(whole.deferred.map((n) => n.title)).toEqual(['Förskola 2', 'Kultur 1', 'Kultur 4']);
      const gathered = { unanswered: [] as string[], deferred: [] as string[], answered: [] as string[] };
      let pages = 0;
      for (let offset = 0; offset < 12; offset += 3) {
        let page: Awaited<ReturnType<PlanNeedsCoverageService['coverageOf']>> | undefined;
        expect(await statementsDuring(async () => (page = await sut.coverageOf(paged.id, { limit: 3, offset })))).toHaveLength(2);
        expect(page!.counts).toEqual(whole.counts);
        for (const section of ['unanswered', 'deferred', 'answered'] as const) {
          expect(page![section].length).toBeLessThanOrEqual(3);
          gathered[section].push(...page![section].map((n) => n.needId));
        }
        pages++;
      }
      expect(pages).toBe(4);
      expect(gathered).toEqual({ unanswered: whole.unanswered.map((n) => n.needId), deferred: whole.deferred.map((n) => n.needId), answered: whole.answered.map((n) => n.needId) });
      expect((await sut.coverageOf(paged.id, { limit: 3, offset: 30 })).counts).toEqual(whole.counts);
      expect(await sut.coverageCounts(paged.id)).toEqual(whole.counts);
    });

    it('counts a need an item answers as answered even with a deferral left behind', async () => {
      const needId = pagedIds.get('Kultur 2')!;
      await ctx.dataSource.query(`insert into plan_need_deferral (round_id, need_id, reason, deferred_by_name, deferred_at) values ($1, $2, 'Kvar', 'Åsa Öberg', now())`, [paged.id, needId]);
      try {
        const coverage = await sut.coverageOf(paged.id);
        expect(coverage.answered.map((n) => n.needId)).toContain(needId);
        expect(coverage.deferred.map((n) => n.needId)).not.toContain(needId);
        expect(coverage.counts).toEqual({ total: 12, unanswered: 7, deferred: 3, answered: 2 });
      } finally {
        await ctx.dataSource.query('delete from plan_need_deferral where round_id = $1 and need_id = $2', [paged.id, needId]);
      }
    });
  });

  it('reports no plan-item gap for a round without a plan', async () => {
    const other = await ctx.given.roundInDraftingPlan();
    const analysis = await ctx.get(NeedsAnalysisService).analyse(other.id, ALL);
    expect(analysis.gaps.filter((g) => g.kind === 'areaWithoutPlanItem' || g.kind === 'channelWithoutPlanItem')).toEqual([]);
  });
});
