import { ConsultationModule } from '@samverka/consultation';
import { NeedService, NeedsModule, NeedsReminderService, SubmissionService } from '@samverka/needs';
import { PlanModule } from '@samverka/plan';
import { NotificationEntity } from '@samverka/notifications';
import { DepartmentEntity, PersonEntity } from '@samverka/organisation';
import { PlanRoundStepService } from '@samverka/rounds';
import { TEST_ACTOR } from '../support/given';
import { mediumContext, MediumContext } from '../support/medium';

const START = new Date('2026-03-02T09:00:00Z');
const PUBLIC_URL = 'https://samverka.malmo.example';

/** 08:00 in Stockholm (summer time, UTC+2) on the given day. */
const morningOf = (day: string) => new Date(`${day}T06:00:00Z`);

/**
 * Needs reminders against real PostgreSQL, on concrete Swedish calendars: a deadline on Wednesday
 * 24 June 2026 (midsommarafton, Friday 19 June, is a day off) and one on Thursday 30 April 2026
 * (första maj, Friday 1 May, is a public holiday).
 */
describe(NeedsReminderService.name, () => {
  let ctx: MediumContext;
  let sut: NeedsReminderService;

  beforeAll(async () => {
    ctx = await mediumContext([NeedsModule, PlanModule, ConsultationModule], START, { PUBLIC_URL });
    sut = ctx.get(NeedsReminderService);
  });
  afterAll(() => ctx.close());
  beforeEach(() => ctx.clock.set(START));

  const need = (departmentId: string) => ctx.given.need(departmentId);

  /** The reminders and escalations queued for a round: who got which stage, in a stable order. */
  const remindersOf = async (roundId: string) => {
    const rows = await ctx.dataSource
      .getRepository<NotificationEntity>('NotificationEntity')
      .createQueryBuilder('n')
      .where('n.dedup_key like :prefix', { prefix: `needs.reminder:${roundId}:%` })
      .orderBy('n.dedup_key')
      .getMany();
    return rows.map((n) => {
      const [, , departmentId, deadline, stage] = n.dedupKey.split(':');
      return { kind: n.kind, departmentId, deadline, stage, to: n.recipientEmail, data: n.data as Record<string, unknown> };
    });
  };
  const sent = async (roundId: string) => (await remindersOf(roundId)).map(({ kind, departmentId, stage, to }) => ({ kind, departmentId, stage, to }));
  const sweepOn = async (day: string | Date) => {
    ctx.clock.set(typeof day === 'string' ? morningOf(day) : day);
    return sut.sweep();
  };

  /** A department with a primary coordinator, an active deputy, a deputy who starts in September, and a management user. */
  const staffedDepartment = async () => {
    const department = await ctx.given.department();
    const [primary, deputy, futureDeputy] = [await ctx.given.person(), await ctx.given.person(), await ctx.given.person()];
    await ctx.given.coordinator(department, { kind: 'primary', personId: primary.id });
    await ctx.given.coordinator(department, { kind: 'deputy', personId: deputy.id });
    await ctx.given.coordinator(department, { kind: 'deputy', personId: futureDeputy.id, validFrom: '2026-09-01' });
    const manager = await ctx.given.user({ password: null, roles: [{ role: 'management', departmentId: department.id }] });
    return { department, primary, deputy, futureDeputy, manager };
  };
  const toCoordinators = (department: DepartmentEntity, stage: string, ...people: PersonEntity[]) =>
    people.map((p) => ({ kind: 'needs.reminder', departmentId: department.id, stage, to: p.email }));

  it('around midsommar: 10 and 3 working days before, the day after, then management 5 working days after; once each, only to who is due', async () => {
    const late = await staffedDepartment();
    const submits = await staffedDepartment();
    const returned = await staffedDepartment();
    const nothing = await staffedDepartment();
    const round = await ctx.given.roundInCollectingNeeds({
      participantDepartmentIds: [late, submits, returned, nothing].map((d) => d.department.id),
      deadlines: { needs: '2026-06-24' },
    });
    const [needs, submissions] = [ctx.get(NeedService), ctx.get(SubmissionService)];
    await needs.create(TEST_ACTOR, round.id, need(submits.department.id));
    await needs.create(TEST_ACTOR, round.id, need(returned.department.id));

    // Monday 8 June is 11 working days before (19 June is a day off): nothing yet, not even at 23:30 in Stockholm.
    expect(await sweepOn('2026-06-08')).toEqual({ queued: 0, failed: 0 });
    expect(await sweepOn(new Date('2026-06-08T21:30:00Z'))).toEqual({ queued: 0, failed: 0 });
    expect(await sent(round.id)).toEqual([]);

    // Tuesday 9 June, half past midnight in Stockholm: 10 working days before. Two workers sweeping at once send each email once.
    ctx.clock.set(new Date('2026-06-08T22:30:00Z'));
    const [a, b] = await Promise.all([sut.sweep(), sut.sweep()]);
    expect(a.queued + b.queued).toBe(8);
    expect(a.failed + b.failed).toBe(0);
    const first = await remindersOf(round.id);
    expect(first.map(({ kind, departmentId, stage, to }) => ({ kind, departmentId, stage, to }))).toEqual(
      expect.arrayContaining([late, submits, returned, nothing].flatMap((d) => toCoordinators(d.department, 'before10', d.primary, d.deputy))),
    );
    expect(first).toHaveLength(8);
    expect(first.map((r) => r.to)).not.toContain(late.futureDeputy.email);
    expect(first.find((r) => r.to === late.primary.email)!.data).toEqual({
      roundTitle: round.title,
      departmentName: late.department.name,
      needsDeadline: '2026-06-24',
      workingDaysLeft: 10,
      passed: false,
      roundUrl: `${PUBLIC_URL}/planomgangar/${round.id}/behov/${late.department.id}`,
      remindedBy: null,
    });
    expect(await sweepOn('2026-06-09')).toEqual({ queued: 0, failed: 0 });

    // One department hands in, one reports nothing, one hands in and is sent back by management.
    ctx.clock.set(morningOf('2026-06-10'));
    await submissions.submit(TEST_ACTOR, round.id, submits.department.id);
    await submissions.nothingToReport(TEST_ACTOR, round.id, nothing.department.id, 'Förvaltningen har inga nya behov i år');
    await submissions.submit(TEST_ACTOR, round.id, returned.department.id);
    await submissions.returnToDepartment(TEST_ACTOR, round.id, returned.department.id, 'Beskriv underlaget närmare');

    // Wednesday 17 June is 4 working days before: nothing new. Thursday 18 June is 3 working days before (over midsommarafton).
    expect(await sweepOn('2026-06-17')).toEqual({ queued: 0, failed: 0 });
    expect(await sweepOn('2026-06-18')).toEqual({ queued: 4, failed: 0 });
    const before3 = (await remindersOf(round.id)).filter((r) => r.stage === 'before3');
    expect(before3.map(({ kind, departmentId, stage, to }) => ({ kind, departmentId, stage, to }))).toEqual(
      expect.arrayContaining([...toCoordinators(late.department, 'before3', late.primary, late.deputy), ...toCoordinators(returned.department, 'before3', returned.primary, returned.deputy)]),
    );
    expect(before3.find((r) => r.to === late.deputy.email)!.data).toMatchObject({ workingDaysLeft: 3, passed: false });

    // The last day itself: nothing new. The day after: the deadline has passed.
    expect(await sweepOn('2026-06-24')).toEqual({ queued: 0, failed: 0 });
    expect(await sweepOn('2026-06-25')).toEqual({ queued: 4, failed: 0 });
    const after = (await remindersOf(round.id)).filter((r) => r.stage === 'after');
    expect(after.map((r) => r.to).sort()).toEqual([late.primary.email, late.deputy.email, returned.primary.email, returned.deputy.email].sort());
    expect(after.find((r) => r.to === late.primary.email)!.data).toMatchObject({ workingDaysLeft: 0, passed: true });

    // Tuesday 30 June is 4 working days after: nothing. Wednesday 1 July is 5: management, not the coordinators.
    expect(await sweepOn('2026-06-30')).toEqual({ queued: 0, failed: 0 });
    expect(await sweepOn('2026-07-01')).toEqual({ queued: 2, failed: 0 });
    const escalations = (await remindersOf(round.id)).filter((r) => r.stage === 'escalation');
    expect(escalations.map(({ kind, departmentId, to }) => ({ kind, departmentId, to }))).toEqual(
      expect.arrayContaining([
        { kind: 'needs.escalation', departmentId: late.department.id, to: late.manager.email },
        { kind: 'needs.escalation', departmentId: returned.department.id, to: returned.manager.email },
      ]),
    );
    expect(escalations.find((r) => r.to === late.manager.email)!.data).toEqual({
      roundTitle: round.title,
      departmentName: late.department.name,
      needsDeadline: '2026-06-24',
      workingDaysOverdue: 5,
      coordinatorNames: [late.primary.name, late.deputy.name],
      roundUrl: `${PUBLIC_URL}/planomgangar/${round.id}/behov/${late.department.id}`,
    });
    expect(await sweepOn('2026-07-02')).toEqual({ queued: 0, failed: 0 });

    // Over the whole series: the departments that handed in got the first reminder only, management of the others nothing before the escalation.
    const all = await sent(round.id);
    expect(all.filter((r) => r.departmentId === submits.department.id || r.departmentId === nothing.department.id).map((r) => r.stage)).toEqual(Array(4).fill('before10'));
    expect(all.filter((r) => r.kind === 'needs.escalation')).toHaveLength(2);
    expect(all.filter((r) => r.to === late.futureDeputy.email || r.to === returned.futureDeputy.email)).toEqual([]);
    expect(all).toHaveLength(8 + 4 + 4 + 2);
  });

  it('a sweep that first runs late sends only the latest stage; första maj moves the escalation to 8 May', async () => {
    const { department, primary, deputy, manager } = await staffedDepartment();
    const round = await ctx.given.roundInCollectingNeeds({ participantDepartmentIds: [department.id], deadlines: { needs: '2026-04-30' } });

    // Tuesday 28 April, 2 working days before the deadline: the 3-day reminder, not the 10-day one as well.
    expect(await sweepOn('2026-04-28')).toEqual({ queued: 2, failed: 0 });
    expect(await sent(round.id)).toEqual(expect.arrayContaining(toCoordinators(department, 'before3', primary, deputy)));
    expect((await remindersOf(round.id)).map((r) => [r.stage, r.data.workingDaysLeft])).toEqual([
      ['before3', 2],
      ['before3', 2],
    ]);

    // Thursday 7 May, first sweep after the deadline: 4 working days after (1 May is a holiday), so the day-after reminder, no escalation yet.
    expect(await sweepOn('2026-05-07')).toEqual({ queued: 2, failed: 0 });
    expect((await sent(round.id)).map((r) => r.stage).sort()).toEqual(['after', 'after', 'before3', 'before3']);

    // Friday 8 May, 5 working days after: management.
    expect(await sweepOn('2026-05-08')).toEqual({ queued: 1, failed: 0 });
    const escalation = (await remindersOf(round.id)).filter((r) => r.kind === 'needs.escalation');
    expect(escalation.map(({ stage, to, deadline }) => ({ stage, to, deadline }))).toEqual([{ stage: 'escalation', to: manager.email, deadline: '2026-04-30' }]);
    expect(escalation[0].data).toMatchObject({ workingDaysOverdue: 5 });
  });

  it('a round not collecting needs gets no reminders', async () => {
    const staffed = await staffedDepartment();
    const preparing = await ctx.given.round({ participantDepartmentIds: [staffed.department.id], deadlines: { needs: '2026-04-30' } });
    const closed = await ctx.given.roundInCollectingNeeds({ participantDepartmentIds: [staffed.department.id], deadlines: { needs: '2026-04-30' } });
    await ctx.get(PlanRoundStepService).transition(TEST_ACTOR, closed.id, { type: 'CLOSE_NEEDS', force: true, reason: 'Behoven lämnas muntligt på mötet' });

    // (Rounds of the other tests share the database, so only these two rounds' emails are counted.)
    for (const day of ['2026-04-16', '2026-04-27', '2026-05-01', '2026-05-08']) {
      expect(await sweepOn(day)).toMatchObject({ failed: 0 });
    }
    expect(await sent(preparing.id)).toEqual([]);
    expect(await sent(closed.id)).toEqual([]);
  });

  it('a department that hands in while a sweep is under way is not reminded (the sweep looks again under the submission lock)', async () => {
    const { department } = await staffedDepartment();
    const round = await ctx.given.roundInCollectingNeeds({ participantDepartmentIds: [department.id], deadlines: { needs: '2026-06-24' } });
    await ctx.dataSource.query(`insert into needs_submission (round_id, department_id, status, version) values ($1, $2, 'draft', 1)`, [round.id, department.id]);
    ctx.clock.set(morningOf('2026-06-22'));

    // Handing in, not yet committed when the sweep finds the department missing.
    const handIn = ctx.dataSource.createQueryRunner();
    await handIn.connect();
    await handIn.startTransaction();
    await handIn.query(`update needs_submission set status = 'submitted' where round_id = $1 and department_id = $2`, [round.id, department.id]);
    const [{ pid: handInPid }] = (await handIn.query('select pg_backend_pid() as pid')) as Array<{ pid: number }>;
    const sweep = sut.sweep();
    // The sweep has found the department missing and now waits for the hand-in's row lock: observe that, then commit.
    const sweepWaitsOnHandIn = async () => {
      const [{ waiting }] = (await ctx.dataSource.query(
        `select count(*)::int as waiting from pg_stat_activity where $1 = any(pg_blocking_pids(pid))`,
        [handInPid],
      )) as Array<{ waiting: number }>;
      return waiting === 1;
    };
    const giveUpAt = Date.now() + 10_000;
    while (!(await sweepWaitsOnHandIn())) {
      if (Date.now() > giveUpAt) throw new Error('The sweep never waited for the hand-in to commit');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await handIn.commitTransaction();
    await handIn.release();

    expect(await sweep).toEqual({ queued: 0, failed: 0 });
    expect(await sent(round.id)).toEqual([]);
  });
});

