import { ConsultationModule } from '@samverka/consultation';
import { TransactionHost } from '@samverka/database';
import { IdentityModule } from '@samverka/identity';
import { DomainError, Principal, TaskDraft, TaskQueryService, TasksModule } from '@samverka/kernel';
import { NotificationEntity, PlanResponsibilitySummaryData } from '@samverka/notifications';
import { DepartmentEntity } from '@samverka/organisation';
import { PlanDocument, PlanDocumentRepository, PlanDraftService, PlanModule, ResponsibilityService, ResponsibilitySummaryNotifier, SummaryToReadTasks } from '@samverka/plan';
import { PlanRoundView } from '@samverka/rounds';
import { TEST_ACTOR } from '../support/given';
import { GivenPlan, ItemSpec } from '../support/given-plan-allocation';
import { mediumContext, MediumContext } from '../support/medium';
import { statementsDuring } from '../support/statements';
import { principal } from '../support/principals';

const START = new Date('2026-03-02T09:00:00Z');
const FROZEN_1 = new Date('2026-04-15T08:00:00Z');
const FROZEN_2 = new Date('2026-05-04T08:00:00Z');

describe('responsibility allocation (ansvarsfördelning)', () => {
  let ctx: MediumContext;
  let plans: GivenPlan;
  let sut: ResponsibilityService;
  let notifier: ResponsibilitySummaryNotifier;

  // A (Förskoleförvaltningen): a coordinator, a deputy and a manager; B (Kulturförvaltningen): a coordinator;
  // C (Miljöförvaltningen): a coordinator and no items.
  let a: DepartmentEntity;
  let b: DepartmentEntity;
  let c: DepartmentEntity;
  let round: PlanRoundView;
  let coordinatorOfA: { personId: string; email: string };
  let deputyOfA: { personId: string; email: string };
  let managerOfA: { userId: string; personId: string; email: string };
  let coordinatorOfB: { personId: string; email: string };
  let coordinatorOfC: { personId: string; email: string };
  let v1: PlanDocument;

  const strategist = principal({ strategist: true, personId: '00000000-0000-4000-8000-0000000000ff' });
  const ofA = (reach: Partial<Principal> = {}) => principal({ userId: managerOfA.userId, personId: managerOfA.personId, management: [a.id], ...reach });
  const coordinatorA = () => principal({ userId: '00000000-0000-4000-8000-00000000000a', personId: coordinatorOfA.personId, coordinator: [a.id] });
  const coordinatorB = () => principal({ userId: '00000000-0000-4000-8000-00000000000b', personId: coordinatorOfB.personId, coordinator: [b.id] });

  const emails = async (version: number) =>
    (
      await ctx.dataSource
        .getRepository<NotificationEntity>('NotificationEntity')
        .createQueryBuilder('n')
        .where('n.dedup_key like :prefix', { prefix: `plan.responsibility_summary:${round.id}:%:${version}:%` })
        .getMany()
    ).map((n) => ({ to: n.recipientEmail, key: n.dedupKey, data: n.data as unknown as PlanResponsibilitySummaryData }));

  const frozen = (previous: PlanDocument | null, current: PlanDocument) =>
    ctx.get(TransactionHost).run(() => notifier.versionFrozen({ roundId: round.id, previous, current, actor: { personId: null, label: 'Åsa Öberg' } }));

  const refusal = async (work: Promise<unknown>): Promise<string> => {
    try {
      await work;
    } catch (e) {
      if (e instanceof DomainError) return e.code;
      throw e;
    }
    throw new Error('not refused');
  };

  const items = (): ItemSpec[] => [
    {
      areaCode: 'LOKAL_SERVICE',
      code: 'LS-1',
      title: 'Gemensam ingång för förskoleärenden',
      startsOn: '2027 T1',
      endsOn: '2027 T2',
      responsibilities: [
        { contactCentre: true, role: 'accountable', expectations: 'Leder arbetet och tar emot ärendena.', effortHours: 200 },
        { departmentId: a.id, role: 'responsible', expectations: 'Utser en kontaktperson senast 2027-02-01.', effortHours: 40 },
        { departmentId: b.id, role: 'informed', expectations: 'Tar del av resultatet.' },
      ],
    },
    {
      areaCode: 'LOKAL_SERVICE',
      code: 'LS-2',
      title: 'Bibliotekens servicepunkter',
      responsibilities: [
        { departmentId: b.id, role: 'accountable', expectations: 'Bemannar servicepunkterna.', effortHours: 300 },
        { contactCentre: true, role: 'consulted', expectations: 'Utbildar personalen.', effortHours: 20 },
      ],
    },
    {
      areaCode: 'TILLGANGLIGHET',
      code: 'TI-1',
      title: 'Klarspråk i beslut',
      responsibilities: [
        { departmentId: a.id, role: 'accountable', expectations: 'Skriver om besluten.', effortHours: 60 },
        { contactCentre: true, role: 'consulted', expectations: 'Granskar texterna.', effortHours: 10 },
      ],
    },
  ];

  beforeAll(async () => {
    ctx = await mediumContext([PlanModule, ConsultationModule, IdentityModule, TasksModule], START, { PUBLIC_URL: 'https://samverka.malmo.example' });
    plans = new GivenPlan(ctx.moduleRef);
    sut = ctx.get(ResponsibilityService);
    notifier = ctx.get(ResponsibilitySummaryNotifier);
    a = await ctx.given.department({ name: 'Förskoleförvaltningen' });
    b = await ctx.given.department({ name: 'Kulturförvaltningen' });
    c = await ctx.given.department({ name: 'Miljöförvaltningen' });
    const person = async (department: DepartmentEntity, kind: 'primary' | 'deputy' = 'primary') => {
      const p = await ctx.given.person();
      await ctx.given.coordinator(department, { personId: p.id, kind });
      return { personId: p.id, email: p.email };
    };
    coordinatorOfA = await person(a);
    deputyOfA = await person(a, 'deputy');
    coordinatorOfB = await person(b);
    coordinatorOfC = await person(c);
    const manager = await ctx.given.user({ password: null, roles: [{ role: 'management', departmentId: a.id }] });
    managerOfA = { userId: manager.user.id, personId: manager.user.personId, email: manager.email };
    round = await ctx.given.roundInDraftingPlan({ title: 'Utvecklingsplan 2027', caseNumber: 'STK-2026-1400', participantDepartmentIds: [a.id, b.id, c.id] });
    await plans.draft(round.id, items());
  });
  afterAll(() => ctx.close());

  describe('before any version is frozen', () => {
    it('shows strategists the draft, and refuses it to the departments', async () => {
      const m = await sut.matrix(strategist, round.id, undefined);
      expect(m.version).toBeNull();
      expect(m.rows.map((r) => r.code)).toEqual(['TI-1', 'LS-1', 'LS-2']); // the round's areas in order
      expect(await refusal(sut.matrix(coordinatorA(), round.id, undefined))).toBe('PLAN_VERSION_NOT_FOUND');
      expect(await refusal(sut.matrix(coordinatorA(), round.id, 'draft'))).toBe('PLAN_NOT_READABLE');
      expect(await refusal(sut.summary(coordinatorA(), round.id, a.id, 'draft'))).toBe('PLAN_NOT_READABLE');
    });
  });

  describe('version 1', () => {
    beforeAll(async () => {
      v1 = await plans.freeze(round.id, FROZEN_1);
    });

    it('reads as the matrix: the contact centre first, the departments with a role, the letters and each total', async () => {
      const m = await sut.matrix(coordinatorA(), round.id, undefined);
      expect(m.version).toBe(1);
      expect(m.round).toMatchObject({ title: 'Utvecklingsplan 2027', caseNumber: 'STK-2026-1400' });
      expect(m.organisations.map((o) => [o.name, o.totalEffortHours])).toEqual([
        ['Kontaktcenter', 230],
        ['Förskoleförvaltningen', 100],
        ['Kulturförvaltningen', 300],
      ]);
      expect(m.rows.map((r) => [r.code, ...r.cells.map((c) => c.letter ?? '')])).toEqual([
        ['TI-1', 'C', 'A', ''],
        ['LS-1', 'A', 'R', 'I'],
        ['LS-2', 'C', '', 'A'],
      ]);
    });

    it('filters the matrix by area and by organisation, and refuses an unknown one naming the field', async () => {
      expect((await sut.matrix(strategist, round.id, 1, { areaCode: 'TILLGANGLIGHET' })).rows.map((r) => r.code)).toEqual(['TI-1']);
      expect((await sut.matrix(strategist, round.id, 1, { organisation: b.id })).rows.map((r) => r.code)).toEqual(['LS-1', 'LS-2']);
      await expect(sut.matrix(strategist, round.id, 1, { areaCode: 'NOPE', organisation: '00000000-0000-4000-8000-000000000000' })).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        details: [
          { field: 'areaCode', rule: 'knownArea' },
          { field: 'organisation', rule: 'participatingOrganisation' },
        ],
      });
      expect(await refusal(sut.matrix(strategist, round.id, 7))).toBe('PLAN_VERSION_NOT_FOUND');
    });

    it("gives a department its items beside the contact centre's part, and its total effort", async () => {
      const s = await sut.summary(coordinatorA(), round.id, a.id, undefined);
      expect(s.version).toBe(1);
      expect(s.department).toEqual({ id: a.id, name: 'Förskoleförvaltningen' });
      expect(s.items.map((i) => [i.code, i.roleLabel, i.expectations, i.effortHours, i.startsOn, i.endsOn, i.contactCentre?.roleLabel, i.contactCentre?.expectations])).toEqual([
        ['TI-1', 'Ansvarig (A)', 'Skriver om besluten.', 60, null, null, 'Rådfrågas (C)', 'Granskar texterna.'],
        ['LS-1', 'Utför (R)', 'Utser en kontaktperson senast 2027-02-01.', 40, '2027 T1', '2027 T2', 'Ansvarig (A)', 'Leder arbetet och tar emot ärendena.'],
      ]);
      expect(s.totalEffortHours).toBe(100);
      expect(s.readAt).toBeNull();
    });

    it("refuses a department's summary to another department's coordinator, and a department outside the round", async () => {
      expect(await refusal(sut.summary(coordinatorB(), round.id, a.id, undefined))).toBe('PLAN_NOT_READABLE');
      const outside = await ctx.given.department();
      expect(await refusal(sut.summary(strategist, round.id, outside.id, undefined))).toBe('NOT_FOUND');
    });

    it("emails every participating department's coordinators, deputies and management their part; once", async () => {
      let queuedNow = 0;
      const statements = await statementsDuring(async () => (queuedNow = await frozen(null, v1)));
      expect(queuedNow).toBe(5);
      // Five emails to three departments, one insert; in all: begin, the round, the coordinators, the managers, the emails, commit.
      expect(statements.filter((s) => s.includes('insert into notification'))).toHaveLength(1);
      expect(statements).toHaveLength(6);
      const sent = await emails(1);
      expect(sent.map((e) => e.to).sort()).toEqual([coordinatorOfA.email, deputyOfA.email, managerOfA.email, coordinatorOfB.email, coordinatorOfC.email].sort());
      const toA = sent.find((e) => e.to === managerOfA.email)!;
      expect(toA.key).toBe(`plan.responsibility_summary:${round.id}:${a.id}:1:${managerOfA.personId}`);
      expect(toA.data).toMatchObject({
        roundTitle: 'Utvecklingsplan 2027',
        caseNumber: 'STK-2026-1400',
        departmentName: 'Förskoleförvaltningen',
        version: 1,
        frozenOn: '2026-04-15',
        changed: false,
        changes: [],
        totalEffort: '100 timmar per år (0,06 årsarbetskrafter)',
        summaryUrl: `https://samverka.malmo.example/planomgangar/${round.id}/ansvarsfordelning/${a.id}`,
      });
      expect(toA.data.items.map((i) => [i.code, i.roleLabel, i.contactCentre])).toEqual([
        ['TI-1', 'Ansvarig (A)', 'Rådfrågas (C): Granskar texterna.'],
        ['LS-1', 'Utför (R)', 'Ansvarig (A): Leder arbetet och tar emot ärendena.'],
      ]);
      // A department with nothing to do hears so too.
      expect(sent.find((e) => e.to === coordinatorOfC.email)!.data.items).toEqual([]);
      // Run again (a retried freeze): nothing more.
      expect(await frozen(null, v1)).toBe(0);
      expect(await emails(1)).toHaveLength(5);
    });

    it("puts the summary on the department's people's tasks until each has read it", async () => {
      const tasks = ctx.get(TaskQueryService);
      const managerTasks = async () => (await tasks.tasksOf(ofA())).filter((t) => t.kind === 'plan.summary_to_read');
      expect(await managerTasks()).toEqual([
        {
          kind: 'plan.summary_to_read',
          title: 'Läs ansvarsfördelningen för Förskoleförvaltningen i Utvecklingsplan 2027 (version 1) och markera den som läst',
          dueOn: null,
          overdue: false,
          href: `/planomgangar/${round.id}/ansvarsfordelning/${a.id}`,
          roundId: round.id,
          departmentId: a.id,
          committeeId: a.committeeId,
        },
      ]);
      await sut.markRead(ofA(), round.id, a.id, 1);
      await sut.markRead(ofA(), round.id, a.id, 1); // again: nothing changes
      expect(await managerTasks()).toEqual([]);
      expect((await sut.summary(ofA(), round.id, a.id, 1)).readAt).toBe(START.toISOString());
      // The coordinator has not read it: still theirs.
      expect((await tasks.tasksOf(coordinatorA())).filter((t) => t.kind === 'plan.summary_to_read').map((t) => t.departmentId)).toEqual([a.id]);
    });

    it('refuses marking as read to anyone but the department, and a version that does not exist', async () => {
      expect(await refusal(sut.markRead(strategist, round.id, a.id, 1))).toBe('PLAN_NOT_READABLE');
      expect(await refusal(sut.markRead(coordinatorB(), round.id, a.id, 1))).toBe('PLAN_NOT_READABLE');
      expect(await refusal(sut.markRead(ofA(), round.id, a.id, 9))).toBe('PLAN_VERSION_NOT_FOUND');
    });
  });

  describe('version 2, after a change to one department\u2019s item', () => {
    let v2: PlanDocument;
    beforeAll(async () => {
      // B's part in LS-2 grows; the contact centre's part in LS-1 changes too (not a change of A's or B's part).
      await plans.setResponsibilities(round.id, 'LS-2', [
        { departmentId: b.id, role: 'accountable', expectations: 'Bemannar servicepunkterna och utbildar värdar.', effortHours: 450 },
        { contactCentre: true, role: 'consulted', expectations: 'Utbildar personalen.', effortHours: 20 },
      ]);
      ctx.clock.set(FROZEN_2);
      v2 = await plans.freeze(round.id, FROZEN_2);
    });

    it('emails only the department whose part changed, showing exactly that change', async () => {
      expect(await frozen(v1, v2)).toBe(1);
      const sent = await emails(2);
      expect(sent.map((e) => e.to)).toEqual([coordinatorOfB.email]);
      expect(sent[0].data).toMatchObject({ departmentName: 'Kulturförvaltningen', version: 2, changed: true, frozenOn: '2026-05-04' });
      expect(sent[0].data.changes).toEqual([
        {
          code: 'LS-2',
          title: 'Bibliotekens servicepunkter',
          kindLabel: 'ändrad',
          details: ['Förväntningar: Bemannar servicepunkterna och utbildar värdar.', 'Uppskattad insats: 300 timmar per år (0,18 årsarbetskrafter) → 450 timmar per år (0,26 årsarbetskrafter)'],
        },
      ]);
      expect(sent[0].data.items.map((i) => i.code)).toEqual(['LS-1', 'LS-2']);
    });

    it('reads the latest version by default and an older one when asked', async () => {
      expect((await sut.summary(coordinatorB(), round.id, b.id, undefined)).totalEffortHours).toBe(450);
      expect((await sut.summary(coordinatorB(), round.id, b.id, 1)).totalEffortHours).toBe(300);
    });

    it('asks the department whose part changed to read version 2, in one statement; what the other had read stays read', async () => {
      const provider = ctx.get(SummaryToReadTasks);
      const tasksOf = (p: Principal) => ctx.get(TransactionHost).select(provider.taskSelect(p));
      let drafts: TaskDraft[] = [];
      expect(await statementsDuring(async () => (drafts = await tasksOf(coordinatorB())))).toHaveLength(1);
      expect(drafts.map((t) => t.title)).toEqual(['Läs ansvarsfördelningen för Kulturförvaltningen i Utvecklingsplan 2027 (version 2) och markera den som läst']);
      // A's manager read version 1, and version 2 left A's part as it was.
      expect(await tasksOf(ofA())).toEqual([]);
      expect(provider.appliesTo(strategist)).toBe(false);
    });

    it('drops the task once the round is cancelled', async () => {
      await ctx.dataSource.query(`update plan_round set state = 'cancelled' where id = $1`, [round.id]);
      try {
        expect((await ctx.get(TaskQueryService).tasksOf(coordinatorA())).filter((t) => t.kind === 'plan.summary_to_read')).toEqual([]);
      } finally {
        await ctx.dataSource.query(`update plan_round set state = 'draftingPlan' where id = $1`, [round.id]);
      }
    });
  });
  describe("on versions frozen by the plan's own freeze", () => {
    it('emails the departments of version 1, then only the one whose part changed in version 2', async () => {
      const other = await ctx.given.roundInDraftingPlan({ participantDepartmentIds: [a.id, b.id] });
      const drafts = ctx.get(PlanDraftService);
      const documents = ctx.get(PlanDocumentRepository);
      await drafts.start(TEST_ACTOR, other.id, { startFrom: 'empty' });
      const item = await drafts.createItem(TEST_ACTOR, other.id, { areaCode: 'LOKAL_SERVICE', title: 'Gemensam ingång', description: 'Ärenden tas emot i kontaktcenter.' });
      const responsibilities = (effortHours: number) => ({
        responsibilities: [
          { contactCentre: true as const, role: 'accountable' as const, expectations: 'Leder arbetet.' },
          { departmentId: a.id, role: 'responsible' as const, expectations: 'Utser en kontaktperson.', effortHours },
          { departmentId: b.id, role: 'informed' as const, expectations: 'Tar del av resultatet.' },
        ],
      });
      await drafts.setResponsibilities(TEST_ACTOR, other.id, item.id, responsibilities(40));
      const queued = async (version: number) => {
        const rows: Array<{ dedup_key: string }> = await ctx.dataSource.query(`select dedup_key from notification where dedup_key like $1`, [`plan.responsibility_summary:${other.id}:%:${version}:%`]);
        return rows.map((r) => r.dedup_key.split(':')[2]);
      };
      // Version 1: every participant's people, queued by the freeze itself (A: coordinator, deputy, manager; B: coordinator).
      await drafts.freeze(TEST_ACTOR, other.id);
      expect((await queued(1)).sort()).toEqual([a.id, a.id, a.id, b.id].sort());
      const toRead = async (p: Principal) => (await ctx.get(TaskQueryService).tasksOf(p)).filter((t) => t.kind === 'plan.summary_to_read' && t.roundId === other.id).map((t) => t.departmentId);
      await sut.markRead(coordinatorA(), other.id, a.id, 1);
      await sut.markRead(coordinatorB(), other.id, b.id, 1);
      // Version 2 changes only A's effort: only A's people are emailed.
      await drafts.setResponsibilities(TEST_ACTOR, other.id, item.id, responsibilities(80));
      await drafts.freeze(TEST_ACTOR, other.id);
      expect(await queued(2)).toEqual([a.id, a.id, a.id]);
      // B's part did not change: what B's coordinator read stays read; A's coordinator has version 2 to read.
      expect(await toRead(coordinatorB())).toEqual([]);
      expect(await toRead(coordinatorA())).toEqual([a.id]);
      // A rerun of the notifier for a version already queued adds nothing (one email per department, version and person).
      const second = (await documents.versionOf(other.id, 2))!;
      const first = (await documents.versionOf(other.id, 1))!;
      await ctx.get(TransactionHost).run(() => notifier.versionFrozen({ roundId: other.id, previous: first, current: second, actor: { personId: null, label: 'Åsa Öberg' } }));
      expect(await queued(2)).toHaveLength(3);
    });
  });
});
