import { ConsultationModule } from '@samverka/consultation';
import { FollowUpModule, FollowUpReminderService, FollowUpService, ReportingPeriod } from '@samverka/follow-up';
import { addWorkingDays, Principal, Task, TaskQueryService, TasksModule } from '@samverka/kernel';
import { NeedsModule } from '@samverka/needs';
import { NotificationEntity } from '@samverka/notifications';
import { DepartmentEntity, OrganisationModule, PersonEntity } from '@samverka/organisation';
import { PlanModule } from '@samverka/plan';
import { TEST_ACTOR } from '../support/given';
import { GivenFollowUp, RoundInFollowUp } from '../support/given-follow-up';
import { statementsDuring } from '../support/statements';
import { mediumContext, MediumContext } from '../support/medium';
import { principal } from '../support/principals';

const START = new Date('2026-03-02T09:00:00Z');
const PUBLIC_URL = 'https://samverka.malmo.example';

/** 08:00 in Stockholm (summer time) on the given day. */
const morningOf = (day: string) => new Date(`${day}T06:00:00Z`);


/**
 * The follow-up's tasks and reminders against real PostgreSQL: a plan adopted on 26 February 2026,
 * so its first tertial (2026 T1) is due on Friday 15 May 2026 (första maj and Kristi himmelfärd,
 * 1 and 14 May, are days off).
 */
describe('follow-up tasks and reminders', () => {
  let ctx: MediumContext;
  let tasks: TaskQueryService;
  let sut: FollowUpReminderService;
  let a: DepartmentEntity;
  let b: DepartmentEntity;
  let primaryA: PersonEntity;
  let deputyA: PersonEntity;
  let managerA: { email: string };
  let strategistUser: { email: string };
  let adopted: RoundInFollowUp;
  let t1: ReportingPeriod;
  let t2: ReportingPeriod;
  const reporter = principal({ personId: '00000000-0000-4000-8000-0000000000ab' });

  beforeAll(async () => {
    ctx = await mediumContext([TasksModule, OrganisationModule, NeedsModule, PlanModule, ConsultationModule, FollowUpModule], START, { PUBLIC_URL });
    tasks = ctx.get(TaskQueryService);
    sut = ctx.get(FollowUpReminderService);
    a = await ctx.given.department({ name: 'Förskoleförvaltningen' });
    b = await ctx.given.department({ name: 'Kulturförvaltningen' });
    [primaryA, deputyA] = [await ctx.given.person(), await ctx.given.person()];
    await ctx.given.coordinator(a, { kind: 'primary', personId: primaryA.id });
    await ctx.given.coordinator(a, { kind: 'deputy', personId: deputyA.id });
    await ctx.given.coordinator(b);
    managerA = await ctx.given.user({ password: null, roles: [{ role: 'management', departmentId: a.id }] });
    strategistUser = await ctx.given.user({ password: null, roles: [{ role: 'strategist' }] });
    await ctx.dataSource.query(`insert into person (id, name, email) values ($1, 'Rapportör', 'rapportor@malmo.example')`, [reporter.personId]);
    adopted = await new GivenFollowUp(ctx.moduleRef, ctx.given).roundInFollowUp({
      participantDepartmentIds: [a.id, b.id],
      decidedOn: '2026-02-26',
      items: [
        { areaCode: 'LOKAL_SERVICE', title: 'Vägledning på biblioteken', responsibilities: [{ departmentId: a.id, role: 'responsible', effortHours: 100 }, { contactCentre: true, role: 'accountable' }] },
        { areaCode: 'LOKAL_SERVICE', title: 'Servicepunkter', responsibilities: [{ departmentId: a.id, role: 'responsible' }, { departmentId: b.id, role: 'responsible' }, { contactCentre: true, role: 'accountable' }] },
        { areaCode: 'SAMARBETSPROCESS', title: 'Samordnare', responsibilities: [{ departmentId: b.id, role: 'responsible' }, { contactCentre: true, role: 'accountable' }] },
      ],
    });
    [t1, t2] = await ctx.get(FollowUpService).periods(adopted.round.id);
  });
  afterAll(() => ctx.close());
  beforeEach(() => ctx.clock.set(START));

  const report = (itemIndex: number, departmentId: string, period = t1) =>
    ctx.get(FollowUpService).report({ ...reporter, coordinator: [departmentId] }, TEST_ACTOR, adopted.round.id, adopted.items[itemIndex].id, {
      periodId: period.id,
      departmentId,
      status: 'on_track',
      progress: 30,
      comment: 'Pågår enligt plan.',
    });
  const followUpTasks = async (reach: Partial<Principal>): Promise<Task[]> =>
    (await tasks.tasksOf(principal({ userId: '00000000-0000-4000-8000-0000000000dd', personId: '00000000-0000-4000-8000-0000000000cc', ...reach }))).filter((t) => t.kind === 'follow_up.report_due' && t.roundId === adopted.round.id);

  describe('tasks', () => {
    it('knows the kind', () => {
      expect(tasks.kinds()).toContain('follow_up.report_due');
    });

    it("are a coordinator's department's reports owed for a period due within 15 working days, or overdue; never another department's", async () => {
      expect(t1).toMatchObject({ label: '2026 T1', dueOn: '2026-05-15' });
      ctx.clock.set(morningOf(addWorkingDays(t1.dueOn, -16)));
      expect(await followUpTasks({ coordinator: [a.id] })).toEqual([]);
      ctx.clock.set(morningOf(addWorkingDays(t1.dueOn, -15)));
      expect(await followUpTasks({ coordinator: [a.id] })).toEqual([
        {
          kind: 'follow_up.report_due',
          title: `Rapportera uppföljningen för Förskoleförvaltningen, 2026 T1 i ${adopted.round.title}: 2 insatser saknar rapport (${adopted.items[0].code} och ${adopted.items[1].code})`,
          dueOn: '2026-05-15',
          overdue: false,
          href: `/planomgangar/${adopted.round.id}/uppfoljning/forvaltningar/${a.id}`,
          roundId: adopted.round.id,
          departmentId: a.id,
        },
      ]);
      expect((await followUpTasks({ coordinator: [b.id] })).map((t) => t.departmentId)).toEqual([b.id]);
      expect(await followUpTasks({ management: [a.id] })).toEqual([]);
    });

    it('count what is left, are overdue after the due date, and are gone once everything is reported', async () => {
      await report(0, a.id);
      ctx.clock.set(morningOf('2026-05-18'));
      const [task] = await followUpTasks({ coordinator: [a.id] });
      expect(task).toMatchObject({ overdue: true, title: expect.stringMatching(new RegExp(`: 1 av 2 insatser saknar rapport \\(${adopted.items[1].code}\\)$`)) });
      await report(1, a.id);
      expect(await followUpTasks({ coordinator: [a.id] })).toEqual([]);
    });

    it("are the contact centre's for the strategists (its filler items in this round)", async () => {
      ctx.clock.set(morningOf('2026-05-18'));
      const own = await followUpTasks({ strategist: true });
      expect(own).toEqual([expect.objectContaining({ href: `/planomgangar/${adopted.round.id}/uppfoljning`, title: expect.stringContaining('Rapportera uppföljningen för kontaktcenter, 2026 T1') })]);
      expect(own[0].departmentId).toBeUndefined();
    });

    it('are one statement, however many departments the coordinator has', async () => {
      ctx.clock.set(morningOf('2026-05-18'));
      const provider = () => tasks.tasksOf(principal({ userId: '00000000-0000-4000-8000-0000000000dd', personId: '00000000-0000-4000-8000-0000000000cc', coordinator: [a.id, b.id, ...Array.from({ length: 20 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`)] }));
      const statements = await statementsDuring(provider);
      expect(statements.filter((s) => s.includes('follow_up_obligation'))).toHaveLength(1);
    });
  });

  describe('reminders', () => {
    /** The reminders and escalations queued for this round: who got which stage, in a stable order. */
    const sent = async () => {
      const rows = await ctx.dataSource
        .getRepository<NotificationEntity>('NotificationEntity')
        .createQueryBuilder('n')
        .where('n.dedup_key like :prefix', { prefix: `follow_up.reminder:${adopted.round.id}:${t2.id}:%` })
        .orderBy('n.dedup_key')
        .getMany();
      return rows.map((n) => {
        const [, , , organisation, , stage] = n.dedupKey.split(':');
        return { kind: n.kind, organisation, stage, to: n.recipientEmail, data: n.data as Record<string, unknown> };
      });
    };
    const sweepOn = async (day: string) => {
      ctx.clock.set(morningOf(day));
      return sut.sweep();
    };

    it('10 and 3 working days before, after the due date, then management 5 working days after; once each; stopping when the reports are in', async () => {
      const before10 = addWorkingDays(t2.dueOn, -10);
      // (T1 is long overdue for the contact centre: its "after" reminder goes now; nothing yet for T2.)
      await sweepOn(addWorkingDays(t2.dueOn, -11));
      expect(await sent()).toEqual([]);
      // A owes 2 items, B 2, the contact centre its fillers: A's primary and deputy, B's coordinator, the strategist.
      const first = await sweepOn(before10);
      expect(first.failed).toBe(0);
      const afterFirst = await sent();
      const toA = afterFirst.filter((r) => r.organisation === a.id);
      expect(toA.map((r) => [r.kind, r.stage, r.to]).sort()).toEqual([
        ['follow_up.reminder', 'before10', deputyA.email],
        ['follow_up.reminder', 'before10', primaryA.email],
      ].sort());
      expect(toA[0].data).toMatchObject({
        organisationName: 'Förskoleförvaltningen',
        periodLabel: '2026 T2',
        dueOn: '2026-09-15',
        workingDaysLeft: 10,
        passed: false,
        itemCount: 2,
        items: [
          { code: adopted.items[0].code, title: 'Vägledning på biblioteken' },
          { code: adopted.items[1].code, title: 'Servicepunkter' },
        ],
        reportUrl: `${PUBLIC_URL}/planomgangar/${adopted.round.id}/uppfoljning/forvaltningar/${a.id}`,
      });
      expect(afterFirst.filter((r) => r.organisation === 'contactCentre').map((r) => r.to)).toContain(strategistUser.email);
      expect(afterFirst.filter((r) => r.organisation === b.id).map((r) => r.stage)).toEqual(['before10']);
      expect(first.queued).toBe(afterFirst.length);

      // Again the same day, and the next: nothing new (the keys), however often the worker sweeps.
      expect(await sweepOn(before10)).toEqual({ queued: 0, failed: 0 });
      expect(await sweepOn(addWorkingDays(before10, 1))).toEqual({ queued: 0, failed: 0 });

      // B reports everything: no more reminders for B.
      await report(1, b.id, t2);
      await report(2, b.id, t2);
      await sweepOn(addWorkingDays(t2.dueOn, -3));
      await sweepOn('2026-09-16');
      const escalationDay = addWorkingDays(t2.dueOn, 5);
      await sweepOn(addWorkingDays(escalationDay, -1));
      expect((await sent()).filter((r) => r.stage === 'escalation')).toEqual([]);
      await sweepOn(escalationDay);
      const all = await sent();
      expect(all.filter((r) => r.organisation === b.id).map((r) => r.stage)).toEqual(['before10']);
      expect(all.filter((r) => r.organisation === a.id && r.to === primaryA.email).map((r) => [r.kind, r.stage]).sort()).toEqual([
        ['follow_up.reminder', 'after'],
        ['follow_up.reminder', 'before10'],
        ['follow_up.reminder', 'before3'],
      ]);
      const escalations = all.filter((r) => r.stage === 'escalation');
      expect(escalations.map((r) => [r.kind, r.organisation, r.to])).toEqual([['follow_up.escalation', a.id, managerA.email]]);
      expect(escalations[0].data).toMatchObject({ departmentName: 'Förskoleförvaltningen', workingDaysOverdue: 5, itemCount: 2, coordinatorNames: [primaryA.name, deputyA.name] });
      // The contact centre has no management: its reminders go on to the strategists, never an escalation.
      expect(all.filter((r) => r.organisation === 'contactCentre').map((r) => r.stage)).toEqual(expect.arrayContaining(['before10', 'before3', 'after']));

      // A reports its last item: nothing more, even when a later sweep would be due.
      await report(0, a.id, t2);
      await report(1, a.id, t2);
      expect(await sweepOn(addWorkingDays(escalationDay, 3))).toMatchObject({ failed: 0 });
      expect((await sent()).filter((r) => r.organisation !== 'contactCentre')).toHaveLength(all.filter((r) => r.organisation !== 'contactCentre').length);
    });

    it('finds everything due in one statement, independent of the number of departments', async () => {
      ctx.clock.set(morningOf(addWorkingDays(t2.dueOn, 7)));
      const statements = await statementsDuring(() => sut.sweep());
      expect(statements.filter((s) => s.includes('from plan_round r') && s.includes('follow_up_obligation'))).toHaveLength(1);
      // and per organisation and period due, one look at what it still owes, in its own transaction
      expect(statements.filter((s) => s.includes('still owed'))).not.toHaveLength(0);
    });
  });
});
