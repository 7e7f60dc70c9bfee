import { ConsultationModule } from '@samverka/consultation';
import { Actor } from '@samverka/audit';
import { TransactionHost } from '@samverka/database';
import { CommonError } from '@samverka/kernel';
import { NeedService, NeedsModule, SubmissionService } from '@samverka/needs';
import { PlanModule } from '@samverka/plan';
import { NotificationEntity } from '@samverka/notifications';
import { PlanRoundQueryService, RoundError, RoundErrorCode, RoundReminderService } from '@samverka/rounds';
import { TEST_ACTOR } from '../support/given';
import { mediumContext, MediumContext } from '../support/medium';

const START = new Date('2026-03-02T09:00:00Z');

/** A strategist reminding one department, against real PostgreSQL: once a day, to its coordinators, in the round's history, the emails in the same transaction. */
describe(RoundReminderService.name, () => {
  let ctx: MediumContext;
  let sut: RoundReminderService;
  let strategist: Actor;

  beforeAll(async () => {
    ctx = await mediumContext([NeedsModule, PlanModule, ConsultationModule], START, { PUBLIC_URL: 'https://samverka.malmo.example' });
    sut = ctx.get(RoundReminderService);
    const person = await ctx.given.person({ name: 'Sofia Berglund' });
    strategist = { personId: person.id, label: person.name };
  });
  afterAll(() => ctx.close());
  beforeEach(() => ctx.clock.set(START));

  /** A department with a primary coordinator, an active deputy and a deputy who starts in September, in a round collecting needs. */
  const staffedRound = async () => {
    const department = await ctx.given.department({ name: `Kulturförvaltningen ${Math.random().toString(36).slice(2, 7)}` });
    const [primary, deputy, future] = [await ctx.given.person(), await ctx.given.person(), await ctx.given.person()];
    await ctx.given.coordinator(department, { kind: 'primary', personId: primary.id });
    await ctx.given.coordinator(department, { kind: 'deputy', personId: deputy.id });
    await ctx.given.coordinator(department, { kind: 'deputy', personId: future.id, validFrom: '2026-09-01' });
    const round = await ctx.given.roundInCollectingNeeds({ participantDepartmentIds: [department.id] });
    return { department, primary, deputy, round };
  };
  const remindersTo = async (roundId: string) =>
    (
      await ctx.dataSource
        .getRepository<NotificationEntity>('NotificationEntity')
        .createQueryBuilder('n')
        .where('n.dedup_key like :prefix', { prefix: `needs.reminder:manual:${roundId}:%` })
        .orderBy('n.recipient_email')
        .getMany()
    ).map((n) => ({ to: n.recipientEmail, remindedBy: (n.data as Record<string, unknown>).remindedBy }));
  const reminderHistory = async (roundId: string) =>
    (await ctx.get(PlanRoundQueryService).historyOf(roundId))
      .filter((e) => e.type === 'REMINDER_SENT')
      .map((e) => ({ departmentId: e.departmentId, remindedOn: e.remindedOn, actorId: e.actorId, actorLabel: e.actorLabel, data: e.data }));
  const refusal = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => (e instanceof RoundError || e instanceof CommonError ? { code: e.code, message: e.message } : e));

  it("emails the department's coordinator and deputies valid today, records who reminded whom, and refuses a second reminder the same day", async () => {
    const { department, primary, deputy, round } = await staffedRound();
    const result = await sut.remindDepartment(strategist, round.id, department.id);
    expect(result).toEqual({ roundId: round.id, departmentId: department.id, departmentName: department.name, remindedOn: '2026-03-02', recipients: [primary.name, deputy.name] });
    expect(await remindersTo(round.id)).toEqual(
      [primary, deputy].map((p) => ({ to: p.email, remindedBy: 'Sofia Berglund' })).sort((a, b) => a.to.localeCompare(b.to)),
    );
    expect(await reminderHistory(round.id)).toEqual([
      { departmentId: department.id, remindedOn: '2026-03-02', actorId: strategist.personId, actorLabel: 'Sofia Berglund', data: { departmentName: department.name, recipients: [primary.name, deputy.name] } },
    ]);

    // Later the same day (23:30 in Stockholm): refused with a clear message; nothing more is queued or recorded.
    ctx.clock.set(new Date('2026-03-02T22:30:00Z'));
    expect(await refusal(sut.remindDepartment(strategist, round.id, department.id))).toEqual({
      code: RoundErrorCode.REMINDER_ALREADY_SENT,
      message: `${department.name} har redan fått en påminnelse i dag. Du kan påminna förvaltningen igen i morgon.`,
    });
    expect(await remindersTo(round.id)).toHaveLength(2);
    expect(await reminderHistory(round.id)).toHaveLength(1);

    // The next day (00:30 in Stockholm) it may be reminded again.
    ctx.clock.set(new Date('2026-03-02T23:30:00Z'));
    expect((await sut.remindDepartment(strategist, round.id, department.id)).remindedOn).toBe('2026-03-03');
    expect(await remindersTo(round.id)).toHaveLength(4);
    expect((await reminderHistory(round.id)).map((e) => e.remindedOn)).toEqual(['2026-03-02', '2026-03-03']);
  });

  it('of two reminders at once, sends one: the other is refused and queues nothing', async () => {
    const { department, round } = await staffedRound();
    const outcomes = await Promise.all([1, 2, 3].map(() => refusal(sut.remindDepartment(strategist, round.id, department.id))));
    expect(outcomes.filter((o) => o === null)).toHaveLength(1);
    expect(outcomes.filter((o) => o !== null).map((o) => (o as { code: string }).code)).toEqual([RoundErrorCode.REMINDER_ALREADY_SENT, RoundErrorCode.REMINDER_ALREADY_SENT]);
    expect(await remindersTo(round.id)).toHaveLength(2);
    expect(await reminderHistory(round.id)).toHaveLength(1);
  });

  it('queues the emails in the same transaction as the history: when it rolls back, neither is there', async () => {
    const { department, round } = await staffedRound();
    await expect(
      ctx.get(TransactionHost).run(async () => {
        await sut.remindDepartment(strategist, round.id, department.id);
        throw new Error('something after the reminder failed');
      }),
    ).rejects.toThrow('something after the reminder failed');
    expect(await remindersTo(round.id)).toEqual([]);
    expect(await reminderHistory(round.id)).toEqual([]);
    // So the day's reminder is still there to send.
    await sut.remindDepartment(strategist, round.id, department.id);
    expect(await remindersTo(round.id)).toHaveLength(2);
  });

  it('refuses a department that has handed in, one without a coordinator, a round not collecting needs, and a department not taking part', async () => {
    const { department, round } = await staffedRound();
    await ctx.get(NeedService).create(TEST_ACTOR, round.id, ctx.given.need(department.id));
    await ctx.get(SubmissionService).submit(TEST_ACTOR, round.id, department.id);
    expect(await refusal(sut.remindDepartment(strategist, round.id, department.id))).toEqual({
      code: RoundErrorCode.REMINDER_NOT_POSSIBLE,
      message: `${department.name} har redan lämnat in sina behov och behöver ingen påminnelse`,
    });

    const unstaffed = await ctx.given.department();
    const other = await ctx.given.roundInCollectingNeeds({ participantDepartmentIds: [unstaffed.id] });
    expect(await refusal(sut.remindDepartment(strategist, other.id, unstaffed.id))).toEqual({
      code: RoundErrorCode.REMINDER_NOT_POSSIBLE,
      message: `${unstaffed.name} har ingen samordnare att påminna. Utse en samordnare först.`,
    });

    const preparing = await ctx.given.round({ participantDepartmentIds: [department.id] });
    expect(await refusal(sut.remindDepartment(strategist, preparing.id, department.id))).toMatchObject({ code: RoundErrorCode.REMINDER_NOT_POSSIBLE });
    expect(await refusal(sut.remindDepartment(strategist, round.id, unstaffed.id))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await remindersTo(round.id)).toEqual([]);
  });

  it("gives the round's view each department's submission from one read: status, late, count, dates and who acted", async () => {
    const { department, primary, round } = await staffedRound();
    const coordinator: Actor = { personId: primary.id, label: primary.name };
    await ctx.get(NeedService).create(coordinator, round.id, ctx.given.need(department.id));
    await ctx.get(NeedService).create(coordinator, round.id, ctx.given.need(department.id));
    const draft = (await ctx.get(PlanRoundQueryService).view(round.id)).participants[0].submission;
    expect(draft).toMatchObject({ status: 'draft', needCount: 2, late: false, submittedAt: null, submittedBy: null });

    await ctx.get(SubmissionService).submit(coordinator, round.id, department.id);
    const manager = await ctx.given.person({ name: 'Karin Ek' });
    await ctx.get(SubmissionService).returnToDepartment({ personId: manager.id, label: manager.name }, round.id, department.id, 'Komplettera med statistik');
    const returned = (await ctx.get(PlanRoundQueryService).view(round.id)).participants[0].submission;
    expect(returned).toMatchObject({ status: 'returned', needCount: 2, returnedBy: 'Karin Ek', endorsedAt: null });
    expect(returned.returnedAt).toBeInstanceOf(Date);

    await ctx.get(SubmissionService).submit(coordinator, round.id, department.id);
    await ctx.get(SubmissionService).endorse({ personId: manager.id, label: manager.name }, round.id, department.id);
    const endorsed = (await ctx.get(PlanRoundQueryService).view(round.id)).participants[0].submission;
    expect(endorsed).toMatchObject({ status: 'endorsed', needCount: 2, submittedBy: primary.name, endorsedBy: 'Karin Ek', returnedAt: null, returnedBy: null });

    // And the history names the steps with who took them.
    const steps = await ctx.get(PlanRoundQueryService).submissionStepsOf(round.id);
    expect(steps.map((s) => [s.step, s.actorLabel, s.comment])).toEqual([
      ['submit', primary.name, null],
      ['return', 'Karin Ek', 'Komplettera med statistik'],
      ['submit', primary.name, null],
      ['endorse', 'Karin Ek', null],
    ]);
  });
});
