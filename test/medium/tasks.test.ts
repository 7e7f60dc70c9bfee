import { ConsultationModule } from '@samverka/consultation';
import { TransactionHost } from '@samverka/database';
import { Principal, Task, TaskQueryService, TasksModule } from '@samverka/kernel';
import { NeedService, NeedsModule, SubmissionService } from '@samverka/needs';
import { PlanModule } from '@samverka/plan';
import { NotificationsModule } from '@samverka/notifications';
import { CoordinatorService, DepartmentEntity, OrganisationModule } from '@samverka/organisation';
import { PlanRoundView } from '@samverka/rounds';
import { TEST_ACTOR } from '../support/given';
import { statementsDuring } from '../support/statements';
import { mediumContext, MediumContext } from '../support/medium';
import { principal } from '../support/principals';

const START = new Date('2026-03-02T09:00:00Z');

describe('tasks (Att göra)', () => {
  let ctx: MediumContext;
  let sut: TaskQueryService;

  // Committee X serves departments A and A2; committee Y serves B. One round collects needs from all three.
  let a: DepartmentEntity;
  let a2: DepartmentEntity;
  let b: DepartmentEntity;
  let round: PlanRoundView;
  let coordinatorOfA: string;

  const tasksOf = (reach: Partial<Principal>) => sut.tasksOf(principal({ userId: '00000000-0000-4000-8000-0000000000aa', personId: '00000000-0000-4000-8000-000000000000', ...reach }));
  const ofKind = async (reach: Partial<Principal>, kind: string): Promise<Task[]> => (await tasksOf(reach)).filter((t) => t.kind === kind);
  const inRound = (tasks: Task[]) => tasks.filter((t) => t.roundId === round.id);
  /** How many kinds' selects the composed statement holds (one JSON column each). */
  const columnsOf = (statement: string) => statement.match(/\) r\) as c\d+/g)?.length ?? 0;

  beforeAll(async () => {
    ctx = await mediumContext([TasksModule, NeedsModule, PlanModule, ConsultationModule, OrganisationModule, NotificationsModule], START);
    sut = ctx.get(TaskQueryService);
    const x = await ctx.given.committee({ name: 'Förskolenämnden' });
    const y = await ctx.given.committee({ name: 'Kulturnämnden' });
    a = await ctx.given.department({ name: 'Förskoleförvaltningen', committeeId: x.id });
    a2 = await ctx.given.department({ name: 'Grundskoleförvaltningen', committeeId: x.id });
    b = await ctx.given.department({ name: 'Kulturförvaltningen', committeeId: y.id });
    coordinatorOfA = (await ctx.given.coordinator(a)).personId;
    await ctx.get(CoordinatorService).acknowledge(TEST_ACTOR, (await ctx.get(CoordinatorService).listForDepartment(a.id))[0].id);
    await ctx.given.coordinator(b);
    round = await ctx.given.roundInCollectingNeeds({ title: 'Utvecklingsplan 2027', participantDepartmentIds: [a.id, a2.id, b.id] });
    await ctx.get(NeedService).create(TEST_ACTOR, round.id, ctx.given.need(a.id));
    await ctx.get(NeedService).create(TEST_ACTOR, round.id, ctx.given.need(b.id));
    await ctx.get(SubmissionService).submit(TEST_ACTOR, round.id, b.id);
  });
  afterAll(() => ctx.close());
  beforeEach(() => ctx.clock.set(START));

  it('knows every kind of today, each from its own provider', () => {
    expect(sut.kinds()).toEqual(
      expect.arrayContaining(['needs.hand_in', 'needs.endorse', 'round.progress', 'committee.submissions', 'assignment.acknowledge', 'department.lacks_coordinator', 'coverage.gaps', 'notifications.failed']),
    );
  });

  describe('a coordinator', () => {
    it("hands in their own department's draft by the needs deadline, and never sees another department's", async () => {
      const tasks = await ofKind({ coordinator: [a.id] }, 'needs.hand_in');
      expect(tasks).toEqual([
        {
          kind: 'needs.hand_in',
          title: 'Lämna in behoven för Förskoleförvaltningen till Utvecklingsplan 2027: 1 behov i utkastet',
          dueOn: round.deadlines.needs,
          overdue: false,
          href: `/planomgangar/${round.id}/behov/${a.id}`,
          roundId: round.id,
          departmentId: a.id,
          committeeId: a.committeeId,
        },
      ]);
      // B has handed in: nothing left for B's coordinator; a department with no needs yet still has its task.
      expect(inRound(await ofKind({ coordinator: [b.id] }, 'needs.hand_in'))).toEqual([]);
      expect((await ofKind({ coordinator: [a2.id] }, 'needs.hand_in')).map((t) => t.title)).toEqual(['Lämna in behoven för Grundskoleförvaltningen till Utvecklingsplan 2027: inga behov i utkastet ännu']);
    });

    it('is overdue the day after the deadline (in Stockholm)', async () => {
      ctx.clock.set(new Date(`${round.deadlines.needs}T21:59:00Z`)); // 23:59 on the deadline in Stockholm
      expect((await ofKind({ coordinator: [a.id] }, 'needs.hand_in'))[0].overdue).toBe(false);
      ctx.clock.set(new Date(`${round.deadlines.needs}T22:00:00Z`)); // midnight: the day after
      expect((await ofKind({ coordinator: [a.id] }, 'needs.hand_in'))[0].overdue).toBe(true);
    });

    it('hands in again what was returned, with the comment', async () => {
      const c = await ctx.given.department({ name: 'Stadsbyggnadskontoret' });
      const r = await ctx.given.submittedRound({ title: 'Återlämnad omgång', participantDepartmentIds: [c.id] });
      await ctx.get(SubmissionService).returnToDepartment(TEST_ACTOR, r.id, c.id, 'Komplettera med statistik');
      expect((await ofKind({ coordinator: [c.id] }, 'needs.hand_in')).map((t) => t.title)).toEqual([
        'Lämna in behoven för Stadsbyggnadskontoret till Återlämnad omgång: behoven skickades tillbaka med kommentaren ”Komplettera med statistik”',
      ]);
    });
  });

  describe('management', () => {
    it('endorses what their own department handed in, not another department’s', async () => {
      expect((await ofKind({ management: [b.id] }, 'needs.endorse')).map((t) => [t.title, t.href])).toEqual([
        ['Godkänn behoven från Kulturförvaltningen till Utvecklingsplan 2027: 1 behov väntar på ditt godkännande', `/planomgangar/${round.id}/behov/${b.id}`],
      ]);
      expect(await ofKind({ management: [a.id, a2.id] }, 'needs.endorse')).toEqual([]);
    });

    it('sees their department without a coordinator, and only theirs', async () => {
      expect((await ofKind({ management: [a.id, a2.id] }, 'department.lacks_coordinator')).map((t) => [t.title, t.href, t.departmentId])).toEqual([
        ['Grundskoleförvaltningen saknar samordnare: se till att förvaltningen utser en', `/forvaltningar/${a2.id}`, a2.id],
      ]);
      expect(await ofKind({ management: [b.id] }, 'department.lacks_coordinator')).toEqual([]);
    });
  });

  describe('a strategist', () => {
    it("sees each open round's progress and what blocks its next step", async () => {
      const tasks = inRound(await ofKind({ strategist: true }, 'round.progress'));
      expect(tasks).toEqual([
        expect.objectContaining({
          title:
            'Utvecklingsplan 2027 (behovsinsamling): 1 av 3 förvaltningar har lämnat in, 0 godkända, 0 sena, 1 utan samordnare. Nästa steg: Stäng behovsinsamlingen – 2 förvaltningar har inte lämnat in behov.',
          dueOn: round.deadlines.needs,
          href: `/planomgangar/${round.id}`,
        }),
      ]);
      // After the deadline the step is open, and those who did not hand in are late.
      ctx.clock.set(new Date(`${round.deadlines.needs}T23:00:00Z`));
      expect(inRound(await ofKind({ strategist: true }, 'round.progress'))[0]).toMatchObject({
        title: expect.stringContaining('0 godkända, 2 sena, 1 utan samordnare. Nästa steg: Stäng behovsinsamlingen – kan tas nu.'),
        overdue: true,
      });
    });

    it("is not given others' tasks", async () => {
      const kinds = new Set((await tasksOf({ strategist: true })).map((t) => t.kind));
      expect(kinds).toEqual(new Set(['round.progress']));
    });
  });

  describe('an appointed person', () => {
    it('acknowledges their own assignment, at the assignment’s page; then the task is gone', async () => {
      const person = await ctx.given.person();
      const assignment = await ctx.given.coordinator(a2, { personId: person.id, kind: 'deputy' });
      const own = () => sut.tasksOf(principal({ personId: person.id })).then((ts) => ts.filter((t) => t.kind === 'assignment.acknowledge'));
      expect(await own()).toEqual([
        {
          kind: 'assignment.acknowledge',
          title: 'Bekräfta ditt uppdrag som ersättare för Grundskoleförvaltningen',
          dueOn: null,
          overdue: false,
          href: `/forvaltningar/${a2.id}/uppdrag/${assignment.id}/bekrafta`,
          departmentId: a2.id,
          committeeId: a2.committeeId,
        },
      ]);
      expect(await sut.tasksOf(principal({ personId: coordinatorOfA }))).toEqual([]);
      await ctx.get(CoordinatorService).acknowledge(TEST_ACTOR, assignment.id);
      expect(await own()).toEqual([]);
    });
  });

  describe('an admin', () => {
    it('sees the coverage gaps and the failed emails, counted', async () => {
      const gaps = await ofKind({ admin: true }, 'coverage.gaps');
      expect(gaps).toEqual([expect.objectContaining({ href: '/forvaltningar', title: expect.stringMatching(/^Luckor i samordnarnätet: \d+ förvaltningar? saknar samordnare och \d+ uppdrag är inte bekräfta(t|de)$/) })]);
      expect(await ofKind({ admin: true }, 'notifications.failed')).toEqual([]);
      await ctx.dataSource.query(`update notification set status = 'failed' where id in (select id from notification order by created_at limit 2)`);
      expect(await ofKind({ admin: true }, 'notifications.failed')).toEqual([
        { kind: 'notifications.failed', title: '2 e-postmeddelanden kunde inte skickas: se vad som gick fel', dueOn: null, overdue: false, href: '/admin/utskick?status=failed' },
      ]);
      expect(await ofKind({ strategist: true, management: [a.id] }, 'notifications.failed')).toEqual([]);
    });
  });

  describe('a committee secretary', () => {
    it("sees their committee's departments and where each submission stands, not other committees'", async () => {
      const tasks = inRound(await ofKind({ committeeSecretary: [a.committeeId] }, 'committee.submissions'));
      expect(tasks.map((t) => [t.title, t.departmentId, t.dueOn]).sort()).toEqual([
        ['Förskolenämnden: behoven från Förskoleförvaltningen till Utvecklingsplan 2027 – utkast', a.id, round.deadlines.needs],
        ['Förskolenämnden: behoven från Grundskoleförvaltningen till Utvecklingsplan 2027 – utkast', a2.id, round.deadlines.needs],
      ]);
      const other = inRound(await ofKind({ committeeSecretary: [b.committeeId] }, 'committee.submissions'));
      expect(other).toEqual([expect.objectContaining({ departmentId: b.id, dueOn: null, title: expect.stringContaining('Kulturnämnden: behoven från Kulturförvaltningen') })]);
    });
  });

  describe('the queries', () => {

    it('sends one statement whatever the caller may see, holding only the kinds that apply to them', async () => {
      const everything = { admin: true, strategist: true, coordinator: [a.id], management: [b.id], committeeSecretary: [a.committeeId] };
      const all = await statementsDuring(() => tasksOf(everything));
      expect(all).toHaveLength(1);
      expect(columnsOf(all[0])).toBe(sut.kinds().length);
      const coordinator = await statementsDuring(() => tasksOf({ coordinator: [a.id] }));
      expect(coordinator).toHaveLength(1);
      expect(columnsOf(coordinator[0])).toBe(3); // hand in, own assignments, the plan's summary to read (no follow-up module here)
      const nobody = await statementsDuring(() => tasksOf({}));
      expect(nobody).toHaveLength(1);
      expect(columnsOf(nobody[0])).toBe(1); // own assignments only
    });

    it('stays one statement however many departments and rounds there are', async () => {
      const more = [await ctx.given.department(), await ctx.given.department(), await ctx.given.department()];
      await ctx.given.roundInCollectingNeeds({ participantDepartmentIds: more.map((d) => d.id) });
      const reach = { coordinator: [a.id, ...more.map((d) => d.id)], management: [a2.id, ...more.map((d) => d.id)] };
      let tasks: Task[] = [];
      expect(await statementsDuring(async () => (tasks = await tasksOf(reach)))).toHaveLength(1);
      expect(tasks.filter((t) => t.kind === 'needs.hand_in')).toHaveLength(4);
      expect(tasks.filter((t) => t.kind === 'department.lacks_coordinator')).toHaveLength(4);
    });

    it('gives the same tasks inside a caller\'s transaction, on its connection', async () => {
      const reach = { coordinator: [a.id], management: [a2.id, b.id], committeeSecretary: [a.committeeId] };
      const alone = await tasksOf(reach);
      expect(alone.length).toBeGreaterThan(2);
      expect(await ctx.get(TransactionHost).run(() => tasksOf(reach))).toEqual(alone);
    });
  });
});
