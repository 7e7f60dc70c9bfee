import { ConsultationModule } from '@samverka/consultation';
import { Actor } from '@samverka/audit';
import { TransactionHost } from '@samverka/database';
import { NeedInput, NeedService, NeedsAnalysisService, NeedsModule, SubmissionService } from '@samverka/needs';
import { PlanModule } from '@samverka/plan';
import { NotificationEntity } from '@samverka/notifications';
import { DepartmentEntity } from '@samverka/organisation';
import { PlanRoundStepService, PlanRoundView, RoundReaderScope } from '@samverka/rounds';
import { TEST_ACTOR } from '../support/given';
import { mediumContext, MediumContext } from '../support/medium';

const START = new Date('2026-03-02T09:00:00Z');
/** A strategist (or an admin): every department, none of their own. */
const STRATEGIST: RoundReaderScope = { all: true, departmentIds: [], committeeIds: [] };
const MANAGER: Actor = { personId: null, label: 'Märta Öhman' };

/**
 * Issue 12's needs flow: the coordinators hear when their needs are sent back, approved, and when
 * needs collection closes (each queued in the step's own transaction, once); the submission's
 * history keeps the comments; drafts are their department's own; the analysis counts what was handed in.
 */
describe('needs flow', () => {
  let ctx: MediumContext;
  let needs: NeedService;
  let submissions: SubmissionService;
  let analysis: NeedsAnalysisService;

  beforeAll(async () => {
    ctx = await mediumContext([NeedsModule, PlanModule, ConsultationModule], START, { PUBLIC_URL: 'https://samverka.malmo.example' });
    needs = ctx.get(NeedService);
    submissions = ctx.get(SubmissionService);
    analysis = ctx.get(NeedsAnalysisService);
  });
  afterAll(() => ctx.close());
  beforeEach(() => ctx.clock.set(START));

  const need = (departmentId: string, values: Partial<NeedInput> = {}) => ctx.given.need(departmentId, values);
  const mails = (kind: string, roundTitle?: string) =>
    ctx.dataSource
      .getRepository<NotificationEntity>('NotificationEntity')
      .findBy({ kind })
      .then((rows) => rows.filter((r) => roundTitle === undefined || r.data.roundTitle === roundTitle));
  const own = (...departments: DepartmentEntity[]): RoundReaderScope => ({ all: false, departmentIds: departments.map((d) => d.id), committeeIds: [] });

  async function roundWith(...departments: DepartmentEntity[]): Promise<PlanRoundView> {
    return ctx.given.roundInCollectingNeeds({ participantDepartmentIds: departments.map((d) => d.id) });
  }

  /** A department with a primary coordinator and a deputy (both with an email), and a manager. */
  async function staffedDepartment(name: string) {
    const department = await ctx.given.department({ name });
    const primary = await ctx.given.coordinator(department);
    const deputy = await ctx.given.coordinator(department, { kind: 'deputy' });
    const manager = await ctx.given.user({ roles: [{ role: 'management', departmentId: department.id }] });
    return { department, primary, deputy, manager };
  }

  it('sends the needs back to the coordinators with the comment, tells them when approved, and names a resubmission to management', async () => {
    const { department, primary, deputy, manager } = await staffedDepartment('Förskoleförvaltningen');
    const round = await roundWith(department);
    await needs.create(TEST_ACTOR, round.id, need(department.id));
    await submissions.submit(TEST_ACTOR, round.id, department.id);
    const [firstAsk] = await mails('needs.endorsement_requested', round.title);
    expect(firstAsk.data).toMatchObject({ resubmission: null });

    await submissions.returnToDepartment(MANAGER, round.id, department.id, 'Komplettera underlaget.\nPrioritera om.');
    const returned = await mails('needs.returned', round.title);
    expect(returned.map((m) => m.recipientPersonId).sort()).toEqual([primary.personId, deputy.personId].sort());
    expect(returned[0].data).toMatchObject({ departmentName: 'Förskoleförvaltningen', returnedBy: 'Märta Öhman', comment: 'Komplettera underlaget.\nPrioritera om.' });
    expect(new Set(returned.map((m) => m.dedupKey)).size).toBe(2);

    await submissions.submit(TEST_ACTOR, round.id, department.id);
    const asks = (await mails('needs.endorsement_requested', round.title)).filter((m) => m.recipientEmail === manager.email);
    expect(asks).toHaveLength(2);
    expect(asks.find((m) => m.id !== firstAsk.id)!.data).toMatchObject({ resubmission: { returnComment: 'Komplettera underlaget.\nPrioritera om.' } });

    await submissions.endorse(MANAGER, round.id, department.id);
    const endorsed = await mails('needs.endorsed', round.title);
    expect(endorsed.map((m) => m.recipientPersonId).sort()).toEqual([primary.personId, deputy.personId].sort());
    expect(endorsed[0].data).toMatchObject({ endorsedBy: 'Märta Öhman', needCount: 1 });

    // The comment stays in the submission's history after the needs were handed in again.
    expect((await submissions.history(round.id, department.id)).map((h) => [h.step, h.by, h.text])).toEqual([
      ['submit', 'test', null],
      ['return', 'Märta Öhman', 'Komplettera underlaget.\nPrioritera om.'],
      ['submit', 'test', null],
      ['endorse', 'Märta Öhman', null],
    ]);
  });

  it("queues the step's emails in the step's own transaction: nothing is sent for a step that is rolled back", async () => {
    const { department } = await staffedDepartment('Kulturförvaltningen');
    const round = await roundWith(department);
    await needs.create(TEST_ACTOR, round.id, need(department.id));
    await submissions.submit(TEST_ACTOR, round.id, department.id);
    await expect(
      ctx.get(TransactionHost).run(async () => {
        await submissions.returnToDepartment(MANAGER, round.id, department.id, 'Rullas tillbaka');
        const [{ n }] = await ctx.get(TransactionHost).manager.query(`select count(*)::int as n from notification where kind = 'needs.returned' and data->>'roundTitle' = $1`, [round.title]);
        expect(n).toBe(2);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await mails('needs.returned', round.title)).toEqual([]);
    expect((await submissions.list(round.id, STRATEGIST))[0].status).toBe('submitted');
  });

  it('tells the coordinators of every participant when needs collection closes, once, with where their submission ended up', async () => {
    const a = await staffedDepartment('Arbetsmarknadsförvaltningen');
    const b = await staffedDepartment('Byggförvaltningen');
    const round = await roundWith(a.department, b.department);
    await needs.create(TEST_ACTOR, round.id, need(a.department.id));
    await submissions.submit(TEST_ACTOR, round.id, a.department.id);
    await submissions.endorse(MANAGER, round.id, a.department.id);

    const steps = ctx.get(PlanRoundStepService);
    await steps.transition(TEST_ACTOR, round.id, { type: 'CLOSE_NEEDS', force: true, reason: 'Byggförvaltningen svarar inte' });
    const closed = await mails('needs.collection_closed', round.title);
    expect(closed).toHaveLength(4);
    const of = (personId: string) => closed.find((m) => m.recipientPersonId === personId)!.data;
    expect(of(a.primary.personId)).toMatchObject({ departmentName: 'Arbetsmarknadsförvaltningen', statusLabel: 'godkänd', handedIn: true, cancelled: false, toLabel: 'planarbete' });
    expect(of(b.deputy.personId)).toMatchObject({ departmentName: 'Byggförvaltningen', statusLabel: 'utkast', handedIn: false });
    expect(of(b.deputy.personId).roundUrl).toBe(`https://samverka.malmo.example/planomgangar/${round.id}/behov/${b.department.id}`);

    // Reopened and closed again: a new step, new emails; the same step is never queued twice (the key names the row version).
    await steps.transition(TEST_ACTOR, round.id, { type: 'REOPEN_NEEDS', reason: 'Ett behov saknas' });
    expect(await mails('needs.collection_closed', round.title)).toHaveLength(4);
    await steps.transition(TEST_ACTOR, round.id, { type: 'CLOSE_NEEDS', force: true, reason: 'Nu stänger vi' });
    const again = await mails('needs.collection_closed', round.title);
    expect(again).toHaveLength(8);
    expect(new Set(again.map((m) => m.dedupKey)).size).toBe(8);
  });

  it("keeps a draft the department's own: others see that it exists and how many needs it has, not the needs", async () => {
    const [a, b] = [await ctx.given.department({ name: 'Arbetsmarknadsförvaltningen' }), await ctx.given.department({ name: 'Byggförvaltningen' })];
    const round = await roundWith(a, b);
    await needs.create(TEST_ACTOR, round.id, need(a.id, { title: 'Utkastet' }));
    await needs.create(TEST_ACTOR, round.id, need(b.id, { title: 'Inlämnat' }));
    await submissions.submit(TEST_ACTOR, round.id, b.id);

    const titles = async (scope: RoundReaderScope) => (await needs.list(round.id, scope)).map((n) => n.title);
    expect(await titles(STRATEGIST)).toEqual(['Inlämnat']);
    expect(await titles(own(a))).toEqual(['Utkastet']);
    expect(await titles({ all: true, departmentIds: [a.id], committeeIds: [] })).toEqual(['Utkastet', 'Inlämnat']);
    expect((await submissions.list(round.id, STRATEGIST)).map((s) => [s.departmentName, s.status, s.needCount])).toEqual([
      ['Arbetsmarknadsförvaltningen', 'draft', 1],
      ['Byggförvaltningen', 'submitted', 1],
    ]);
    // Sent back, the needs are the department's own again.
    await submissions.returnToDepartment(MANAGER, round.id, b.id, 'Ändra');
    expect(await titles(STRATEGIST)).toEqual([]);
    // Not even with the drafts asked for, in the analysis or the exports.
    expect((await analysis.analyse(round.id, STRATEGIST, { includeDrafts: true })).totals.needs).toBe(0);
    expect(await analysis.exportCsv(round.id, STRATEGIST, { includeDrafts: true })).not.toContain('Utkastet');
    expect((await analysis.analyse(round.id, own(a), { includeDrafts: true })).totals.needs).toBe(1);
  });

  it('counts handed-in and approved needs by default, drafts when asked, one status when named; gaps only for departments that handed in', async () => {
    const [a, b, c] = [
      await ctx.given.department({ name: 'Arbetsmarknadsförvaltningen' }),
      await ctx.given.department({ name: 'Byggförvaltningen' }),
      await ctx.given.department({ name: 'Centrumförvaltningen' }),
    ];
    const round = await roundWith(a, b, c);
    await needs.create(TEST_ACTOR, round.id, need(a.id, { title: 'A', areaCode: 'LOKAL_SERVICE' }));
    await needs.create(TEST_ACTOR, round.id, need(b.id, { title: 'B', areaCode: 'LOKAL_SERVICE' }));
    await needs.create(TEST_ACTOR, round.id, need(c.id, { title: 'C', areaCode: 'LOKAL_SERVICE' }));
    await submissions.submit(TEST_ACTOR, round.id, a.id);
    await submissions.submit(TEST_ACTOR, round.id, b.id);
    await submissions.endorse(MANAGER, round.id, b.id);

    const count = async (scope: RoundReaderScope, filter: Parameters<NeedsAnalysisService['analyse']>[2]) => {
      const result = await analysis.analyse(round.id, scope, filter);
      return { needs: result.totals.needs, counted: result.countedStatuses };
    };
    expect(await count(STRATEGIST, {})).toEqual({ needs: 2, counted: ['submitted', 'endorsed'] });
    expect(await count(STRATEGIST, { status: 'endorsed' })).toEqual({ needs: 1, counted: ['endorsed'] });
    expect(await count(STRATEGIST, { includeDrafts: true })).toEqual({ needs: 2, counted: ['submitted', 'endorsed', 'draft', 'returned'] });
    expect(await count(own(c), {})).toEqual({ needs: 0, counted: ['submitted', 'endorsed'] });
    expect(await count(own(c), { includeDrafts: true })).toEqual({ needs: 1, counted: ['submitted', 'endorsed', 'draft', 'returned'] });
    expect(await count(own(c), { status: 'draft' })).toEqual({ needs: 1, counted: ['draft'] });

    // The gap "department without needs in an area": only A and B handed in; C's draft is not a gap.
    const gaps = (await analysis.analyse(round.id, { all: true, departmentIds: [c.id], committeeIds: [] }, { includeDrafts: true })).gaps.filter(
      (g) => g.kind === 'departmentWithoutNeedsInArea',
    );
    expect(new Set(gaps.map((g) => (g.kind === 'departmentWithoutNeedsInArea' ? g.departmentName : '')))).toEqual(new Set(['Arbetsmarknadsförvaltningen', 'Byggförvaltningen']));

    // The exports count the same.
    const csvTitles = (csv: string) => csv.split('\r\n').slice(1, -1).map((line) => line.split(';')[2]);
    expect(csvTitles(await analysis.exportCsv(round.id, STRATEGIST, {}))).toEqual(['A', 'B']);
    expect(csvTitles(await analysis.exportCsv(round.id, own(c), { includeDrafts: true }))).toEqual(['C']);
  });
});
