import { AuditEventEntity } from '@samverka/audit';
import { ConsultationModule } from '@samverka/consultation';
import { NeedsModule, SubmissionService } from '@samverka/needs';
import { NotificationEntity } from '@samverka/notifications';
import { PlanDraftService, PlanModule, PlanQueryService } from '@samverka/plan';
import { PlanRoundCommandService, PlanRoundQueryService, PlanRoundStepService, RoundAccessPolicy, RoundsModule } from '@samverka/rounds';
import { TEST_ACTOR } from '../support/given';
import { mediumContext, MediumContext } from '../support/medium';
import { principal } from '../support/principals';
import { statementsDuring } from '../support/statements';

const START = new Date('2026-03-02T09:00:00Z');
const TRANSACTION = ['START TRANSACTION', 'COMMIT'];

/**
 * The round trips of a round's hot paths (issue 16): the view and its access check, the list's own
 * participation, a change and a workflow step. None grows with the number of participants.
 */
describe('plan rounds: statements per request', () => {
  let ctx: MediumContext;
  let queries: PlanRoundQueryService;
  let policy: RoundAccessPolicy;
  let year = 2040;

  beforeAll(async () => {
    ctx = await mediumContext([RoundsModule, NeedsModule, PlanModule, ConsultationModule], START, { PUBLIC_URL: 'https://samverka.malmo.example' });
    queries = ctx.get(PlanRoundQueryService);
    policy = ctx.get(RoundAccessPolicy);
  });
  afterAll(() => ctx.close());

  /** A launched round with `n` participants in one committee, each with a coordinator and a management user; the first has handed in. */
  async function launchedRound(n: number) {
    const committee = await ctx.given.committee();
    const departments = [];
    for (let i = 0; i < n; i++) {
      const d = await ctx.given.department({ committeeId: committee.id });
      await ctx.given.coordinator(d);
      await ctx.given.user({ password: null, roles: [{ role: 'management', departmentId: d.id }] });
      departments.push(d);
    }
    const round = await ctx.given.roundInCollectingNeeds({ participantDepartmentIds: departments.map((d) => d.id), year: year++ });
    await ctx.get(SubmissionService).nothingToReport(TEST_ACTOR, round.id, departments[0].id, 'Inga behov i år');
    return { round, departments, committee };
  }

  const notMine = (statements: string[]) => statements.filter((s) => !TRANSACTION.includes(s));
  const queued = async (prefix: string) => (await ctx.dataSource.getRepository<NotificationEntity>('NotificationEntity').findBy({})).filter((n) => n.dedupKey.startsWith(prefix));

  it("the plan's draft is two statements: the round's basics and the document", async () => {
    const round = await ctx.given.roundInDraftingPlan();
    await ctx.get(PlanDraftService).start(TEST_ACTOR, round.id, { startFrom: 'empty' });
    let draft!: Awaited<ReturnType<PlanQueryService['draft']>>;
    expect(await statementsDuring(async () => (draft = await ctx.get(PlanQueryService).draft(round.id)))).toHaveLength(2);
    expect(draft.state).toMatchObject({ started: true, editable: true });
  });

  describe.each([3, 30])('with %i participants', (n) => {
    let fixture: Awaited<ReturnType<typeof launchedRound>>;
    beforeAll(async () => {
      fixture = await launchedRound(n);
    });

    it('the round view (facts, guards, participants and their coordinators) is one statement, and reading it is checked in one more', async () => {
      const { round, departments, committee } = fixture;
      let view!: Awaited<ReturnType<PlanRoundQueryService['view']>>;
      expect(await statementsDuring(async () => (view = await queries.view(round.id)))).toHaveLength(1);
      expect(view.participants).toHaveLength(n);
      expect(view.participants.every((p) => p.coordinators.length === 1)).toBe(true);
      expect(view.participants.filter((p) => p.nothingToReport).map((p) => p.departmentId)).toEqual([departments[0].id]);
      expect(view.events.find((e) => e.type === 'CLOSE_NEEDS')?.reasons.join()).toContain(`${n - 1}`);

      for (const reader of [principal({ coordinator: [departments[0].id] }), principal({ committeeSecretary: [committee.id] }), principal({ admin: true })]) {
        let allowed = false;
        expect(await statementsDuring(async () => (allowed = await policy.mayRead(reader, round.id)))).toHaveLength(1);
        expect(allowed).toBe(true);
      }
      const outsider = principal({ coordinator: [(await ctx.given.department()).id], committeeSecretary: [(await ctx.given.committee()).id] });
      let refused: boolean | undefined;
      expect(await statementsDuring(async () => (refused = !(await policy.mayRead(outsider, round.id))))).toHaveLength(1);
      expect(refused).toBe(true);
    });

    it("the list's own participation is one statement for every round listed", async () => {
      const { round, departments } = fixture;
      const listed = await queries.list({ all: true, departmentIds: [], committeeIds: [] });
      let own = new Map<string, unknown[]>();
      expect(await statementsDuring(async () => (own = await queries.ownParticipation(listed, [departments[0].id, departments[1].id])))).toHaveLength(1);
      expect(own.get(round.id)).toHaveLength(2);
    });

    it('a change is one read and one write (row-version check, history and audit together) in its transaction', async () => {
      const { round } = fixture;
      const before = await queries.view(round.id);
      let changed!: Awaited<ReturnType<PlanRoundCommandService['update']>>;
      const statements = await statementsDuring(async () => (changed = await ctx.get(PlanRoundCommandService).update(TEST_ACTOR, round.id, { title: `Ny titel ${n}` }, before.version)));
      expect(statements).toHaveLength(4);
      expect(notMine(statements)).toHaveLength(2);
      expect(changed).toEqual({ ...(await queries.view(round.id)) });
      expect(changed).toMatchObject({ title: `Ny titel ${n}`, version: before.version + 1 });
      const history = await queries.historyOf(round.id);
      expect(history.at(-1)).toMatchObject({ type: 'UPDATED', version: before.version + 1, data: { changed: { title: { before: before.title, after: `Ny titel ${n}` } } } });
      const audit = await ctx.dataSource.getRepository<AuditEventEntity>('AuditEventEntity').findBy({ subjectId: round.id, action: 'plan_round.updated' });
      expect(audit).toHaveLength(1);
    });

    it('a step is the same number of statements however many take part, and queues every email', async () => {
      const { round } = fixture;
      const statements = await statementsDuring(() => ctx.get(PlanRoundStepService).transition(TEST_ACTOR, round.id, { type: 'CLOSE_NEEDS', force: true, reason: 'Vi går vidare' }));
      // begin, the round with its facts, the conditional update with history and audit, the managers, the phase-change
      // emails, the needs-closed emails, the round read again, commit
      expect(statements).toHaveLength(8);
      expect(await queued(`needs.collection_closed:${round.id}:`)).toHaveLength(n);
      expect((await queued(`round.phase_changed:${round.id}:`)).length).toBe(2 * n); // launch and this step
      expect(await queued(`round.launched:${round.id}:`)).toHaveLength(n);
    });
  });
});
