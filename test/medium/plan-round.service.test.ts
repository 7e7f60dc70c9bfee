import { ConsultationModule } from '@samverka/consultation';
import { AuditEventEntity } from '@samverka/audit';
import { CommonErrorCode } from '@samverka/kernel';
import { NotificationEntity } from '@samverka/notifications';
import { NeedsModule, SubmissionService } from '@samverka/needs';
import { PlanModule } from '@samverka/plan';
import { PlanRoundCommandService, PlanRoundEntity, PlanRoundQueryService, PlanRoundStepService, RoundDeadlineService, RoundErrorCode, RoundsModule } from '@samverka/rounds';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { codeOf } from '../support/code-of';
import { TEST_ACTOR } from '../support/given';
import { mediumContext, MediumContext } from '../support/medium';

const START = new Date('2026-03-02T09:00:00Z'); // Monday 2 March 2026 in Stockholm
const STRATEGIST = { personId: null, label: 'Åsa Öberg' };

/** The round services with the real needs context beside them (it provides the round's "needs" facts). */
const ROUND_MODULES = [RoundsModule, NeedsModule, PlanModule, ConsultationModule];

describe(`plan rounds (${PlanRoundCommandService.name}, ${PlanRoundStepService.name}, ${PlanRoundQueryService.name})`, () => {
  let ctx: MediumContext;
  let commands: PlanRoundCommandService;
  let steps: PlanRoundStepService;
  let queries: PlanRoundQueryService;

  beforeAll(async () => {
    ctx = await mediumContext(ROUND_MODULES, START, { PUBLIC_URL: 'https://samverka.malmo.example' });
    commands = ctx.get(PlanRoundCommandService);
    steps = ctx.get(PlanRoundStepService);
    queries = ctx.get(PlanRoundQueryService);
  });
  afterAll(() => ctx.close());
  beforeEach(() => ctx.clock.set(START));

  const queued = (prefix: string) =>
    ctx.dataSource
      .getRepository<NotificationEntity>('NotificationEntity')
      .createQueryBuilder('n')
      .where('n.dedup_key like :prefix', { prefix: `${prefix}%` })
      .orderBy('n.recipient_email')
      .getMany();
  const historyTypes = async (id: string) => (await queries.historyOf(id)).map((e) => e.type);
  const stored = (id: string) => ctx.dataSource.getRepository<PlanRoundEntity>('PlanRoundEntity').findOneByOrFail({ id });

  describe('create', () => {
    it('starts in preparing at version 1 with every active department and the five areas by default', async () => {
      const a = await ctx.given.department({ name: 'Ängsförvaltningen' });
      const b = await ctx.given.department({ name: 'Östra förvaltningen' });
      const inactive = await ctx.given.department();
      await ctx.dataSource.query('update department set active = false where id = $1', [inactive.id]);

      const round = await commands.create(STRATEGIST, {
        title: 'Utvecklingsplan för kontaktcenter 2030 och framåt',
        year: 2030,
        caseNumber: 'STK-2026-1400',
        deadlines: { needs: '2026-04-30' },
      });

      expect(round).toMatchObject({ state: 'preparing', stateLabel: 'Förberedelse', version: 1, machineVersion: 1, year: 2030 });
      expect(round.deadlines).toEqual({ needs: '2026-04-30', consultationReply: null, decision: null });
      expect(round.areas.map((x) => x.name)).toEqual([
        'Tillgänglighet och serviceinriktat bemötande',
        'Rättighetsbaserad service',
        'Digitalisering och servicekommunikation',
        'Lokal service',
        'Samarbetsprocess',
      ]);
      const ids = round.participants.map((p) => p.departmentId);
      expect(ids).toEqual(expect.arrayContaining([a.id, b.id]));
      expect(ids).not.toContain(inactive.id);
      expect(round.events.map((e) => e.type)).toEqual(['LAUNCH', 'CANCEL']);
      expect(round.events[0]).toMatchObject({ allowed: true, reasons: [], label: 'Starta behovsinsamlingen' });
      expect(await historyTypes(round.id)).toEqual(['CREATED']);
      const audit = await ctx.dataSource.getRepository<AuditEventEntity>('AuditEventEntity').findBy({ subjectId: round.id });
      expect(audit.map((e) => e.action)).toEqual(['plan_round.created']);
    });

    it('takes the areas and participants it is given', async () => {
      const department = await ctx.given.department();
      const round = await ctx.given.round({ participantDepartmentIds: [department.id, department.id], areas: [{ code: 'bibliotek', name: ' Bibliotekens service ' }] });
      expect(round.areas).toEqual([{ code: 'BIBLIOTEK', name: 'Bibliotekens service' }]);
      expect(round.participants.map((p) => p.departmentId)).toEqual([department.id]);
    });

    it.each([
      [{ deadlines: { needs: '2026-03-02' } }, 'deadlines.needs', 'afterToday'],
      [{ deadlines: { needs: '2026-04-30', consultationReply: '2026-04-30' } }, 'deadlines.consultationReply', 'afterNeeds'],
      [{ deadlines: { needs: '2026-04-30', consultationReply: '2026-06-30', decision: '2026-06-01' } }, 'deadlines.decision', 'afterConsultationReply'],
      [{ areas: [] }, 'areas', 'arrayNotEmpty'],
      [{ areas: [{ code: 'A B', name: 'Namn' }] }, 'areas[0].code', 'matches'],
      [{ areas: [{ code: 'AB', name: 'Ett' }, { code: 'ab', name: 'Två' }] }, 'areas[1].code', 'unique'],
      [{ participantDepartmentIds: [] }, 'participantDepartmentIds', 'arrayNotEmpty'],
      [{ title: '   ' }, 'title', 'isNotEmpty'],
    ])('refuses %j naming %s (%s), writing nothing', async (values, field, rule) => {
      const before = await ctx.dataSource.getRepository<PlanRoundEntity>('PlanRoundEntity').count();
      const error = await ctx.given.round(values as never).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: CommonErrorCode.VALIDATION_FAILED, details: [expect.objectContaining({ field, rule })] });
      expect(await ctx.dataSource.getRepository<PlanRoundEntity>('PlanRoundEntity').count()).toBe(before);
    });

    it('refuses an unknown or inactive department', async () => {
      await expect(ctx.given.round({ participantDepartmentIds: ['00000000-0000-4000-8000-000000000000'] })).rejects.toMatchObject({ code: CommonErrorCode.UNKNOWN_REFERENCE });
      const inactive = await ctx.given.department();
      await ctx.dataSource.query('update department set active = false where id = $1', [inactive.id]);
      await expect(ctx.given.round({ participantDepartmentIds: [inactive.id] })).rejects.toMatchObject({
        details: [expect.objectContaining({ field: 'participantDepartmentIds', rule: 'activeDepartment' })],
      });
    });

    it('allows one active round per year; a cancelled one makes room', async () => {
      const first = await ctx.given.round({ year: 2090 });
      await expect(ctx.given.round({ year: 2090 })).rejects.toMatchObject({ code: RoundErrorCode.ACTIVE_ROUND_EXISTS });
      await steps.transition(STRATEGIST, first.id, { type: 'CANCEL', reason: 'Fel år' });
      await expect(ctx.given.round({ year: 2090 })).resolves.toMatchObject({ state: 'preparing' });
    });

    it('two concurrent creations for the same year: one wins, the other is refused', async () => {
      const department = await ctx.given.department();
      const results = await Promise.allSettled(
        [1, 2, 3, 4].map(() => ctx.given.round({ year: 2091, participantDepartmentIds: [department.id] })),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const refused = results.filter((x): x is PromiseRejectedResult => x.status === 'rejected').map((r) => (r.reason as { code?: string }).code);
      expect(refused).toEqual([RoundErrorCode.ACTIVE_ROUND_EXISTS, RoundErrorCode.ACTIVE_ROUND_EXISTS, RoundErrorCode.ACTIVE_ROUND_EXISTS]);
      expect(await ctx.dataSource.getRepository<PlanRoundEntity>('PlanRoundEntity').countBy({ year: 2091 })).toBe(1);
    });
  });

  describe('launch', () => {
    it('moves to collectingNeeds and queues the launch email to coordinators and deputies, the phase change to management', async () => {
      const department = await ctx.given.department({ name: 'Kulturförvaltningen' });
      const primary = await ctx.given.coordinator(department);
      const deputy = await ctx.given.coordinator(department, { kind: 'deputy' });
      await ctx.given.coordinator(department, { kind: 'deputy', validFrom: '2026-06-01' }); // not yet valid
      const manager = await ctx.given.user({ name: 'Maja Ledning', roles: [{ role: 'management', departmentId: department.id }] });
      const round = await ctx.given.round({ participantDepartmentIds: [department.id] });

      const launched = await steps.transition(STRATEGIST, round.id, { type: 'LAUNCH' });

      expect(launched).toMatchObject({ state: 'collectingNeeds', version: 2, currentDeadline: { kind: 'needs', date: '2026-04-30', passed: false } });
      expect(launched.participants[0].coordinators.map((c) => c.kind).sort()).toEqual(['deputy', 'primary']);
      const launchMails = await queued(`round.launched:${round.id}`);
      expect(launchMails.map((n) => n.recipientPersonId).sort()).toEqual([primary.personId, deputy.personId].sort());
      expect(launchMails[0].data).toMatchObject({ departmentName: 'Kulturförvaltningen', needsDeadline: '2026-04-30', launchedBy: 'Åsa Öberg', roundUrl: `https://samverka.malmo.example/planomgangar/${round.id}` });
      // The calendar event links to the department's needs page, where the task is done.
      expect(launchMails[0].data.needsUrl).toMatch(new RegExp(`^https://samverka\\.malmo\\.example/planomgangar/${round.id}/behov/[0-9a-f-]{36}$`));
      const phaseMails = await queued(`round.phase_changed:${round.id}`);
      expect(phaseMails).toHaveLength(1);
      expect(phaseMails[0]).toMatchObject({ recipientEmail: manager.email, data: expect.objectContaining({ fromLabel: 'Förberedelse', toLabel: 'Behovsinsamling', departmentNames: ['Kulturförvaltningen'] }) });
      expect(await historyTypes(round.id)).toEqual(['CREATED', 'LAUNCH']);
      const audit = await ctx.dataSource.getRepository<AuditEventEntity>('AuditEventEntity').findBy({ subjectId: round.id, action: 'plan_round.transition' });
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ actorLabel: 'Åsa Öberg', before: { state: 'preparing', version: 1 }, after: expect.objectContaining({ state: 'collectingNeeds', version: 2 }) });
    });

    it('with a stale version is a VERSION_CONFLICT and changes nothing', async () => {
      const round = await ctx.given.round();
      await commands.update(STRATEGIST, round.id, { title: 'Ny titel' });
      expect(await codeOf(steps.transition(STRATEGIST, round.id, { type: 'LAUNCH' }, 1))).toBe(CommonErrorCode.VERSION_CONFLICT);
      expect(await stored(round.id)).toMatchObject({ state: 'preparing', version: 2 });
      expect(await queued(`round.launched:${round.id}`)).toHaveLength(0);
    });

    it.each([
      ['each naming the version it read', 1],
      ['without a version', undefined],
    ])('100 concurrent conflicting transitions (%s): exactly one succeeds, the rest get 409, the history holds one event', async (_, expectedVersion) => {
      const department = await ctx.given.department();
      await ctx.given.coordinator(department);
      const round = await ctx.given.round({ participantDepartmentIds: [department.id] });

      // Half launch, half cancel: with the version they read, every loser conflicts; without one, a
      // cancel arriving after the launch committed would be a legal second step, so all launch then.
      const results = await Promise.allSettled(
        Array.from({ length: 100 }, (_, i) =>
          i % 2 === 0 || expectedVersion === undefined
            ? steps.transition(STRATEGIST, round.id, { type: 'LAUNCH' }, expectedVersion)
            : steps.transition(STRATEGIST, round.id, { type: 'CANCEL', reason: `Avbryts av förfrågan ${i}` }, expectedVersion),
        ),
      );

      const won = results.filter((r): r is PromiseFulfilledResult<Awaited<ReturnType<PlanRoundStepService['transition']>>> => r.status === 'fulfilled');
      expect(won).toHaveLength(1);
      const codes = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => (r.reason as { code?: string }).code);
      expect(codes).toHaveLength(99);
      expect(new Set(codes)).toEqual(new Set(codes.filter((c) => c === CommonErrorCode.VERSION_CONFLICT || c === RoundErrorCode.ILLEGAL_TRANSITION)));
      const history = (await queries.historyOf(round.id)).filter((e) => e.type !== 'CREATED');
      expect(history).toHaveLength(1);
      expect(history[0]).toMatchObject({ version: 2, toState: won[0].value.state });
      expect(await stored(round.id)).toMatchObject({ version: 2, state: won[0].value.state });
      expect(await ctx.dataSource.getRepository<AuditEventEntity>('AuditEventEntity').countBy({ subjectId: round.id, action: 'plan_round.transition' })).toBe(1);
      expect(await queued(`round.launched:${round.id}`)).toHaveLength(won[0].value.state === 'collectingNeeds' ? 1 : 0);
    });
  });

  describe('steps and their guards', () => {
    it('an illegal step is refused with the reasons, writing nothing', async () => {
      const round = await ctx.given.roundInCollectingNeeds();
      const error = await steps.transition(STRATEGIST, round.id, { type: 'SEND_FOR_CONSULTATION' }).catch((e: unknown) => e);
      expect(error).toMatchObject({
        code: RoundErrorCode.ILLEGAL_TRANSITION,
        context: { state: 'collectingNeeds', event: 'SEND_FOR_CONSULTATION', reasons: ['Steget är inte möjligt när planomgången är i läget Behovsinsamling'] },
      });
      expect(await stored(round.id)).toMatchObject({ version: 2, state: 'collectingNeeds' });
      expect(await historyTypes(round.id)).toEqual(['CREATED', 'LAUNCH']);
    });

    it('closing needs before the deadline with departments missing is refused with a count; forced with a reason it goes through and says so', async () => {
      const [a, b] = [await ctx.given.department(), await ctx.given.department()];
      const round = await ctx.given.roundInCollectingNeeds({ participantDepartmentIds: [a.id, b.id] });
      expect(round.events.find((e) => e.type === 'CLOSE_NEEDS')).toMatchObject({ allowed: false, forcible: true, reasons: ['2 förvaltningar har inte lämnat in behov'] });

      await expect(steps.transition(STRATEGIST, round.id, { type: 'CLOSE_NEEDS' })).rejects.toMatchObject({
        code: RoundErrorCode.ILLEGAL_TRANSITION,
        context: expect.objectContaining({ reasons: ['2 förvaltningar har inte lämnat in behov'] }),
      });
      await expect(steps.transition(STRATEGIST, round.id, { type: 'CLOSE_NEEDS', force: true })).rejects.toMatchObject({
        details: [expect.objectContaining({ field: 'reason', rule: 'requiredWhenForced' })],
      });

      const closed = await steps.transition(STRATEGIST, round.id, { type: 'CLOSE_NEEDS', force: true, reason: '  Behoven lämnades muntligt på samrådsmötet  ' });
      expect(closed.state).toBe('draftingPlan');
      expect(closed.forcedSteps).toEqual([{ event: 'CLOSE_NEEDS', reason: 'Behoven lämnades muntligt på samrådsmötet', on: '2026-03-02' }]);
      const last = (await queries.historyOf(round.id)).at(-1)!;
      expect(last).toMatchObject({ type: 'CLOSE_NEEDS', forced: true, reason: 'Behoven lämnades muntligt på samrådsmötet', data: { unmetConditions: ['2 förvaltningar har inte lämnat in behov'] } });
    });

    it('counts the departments the needs context has not seen hand in; as they hand in, the reason shrinks and goes', async () => {
      const [a, b] = [await ctx.given.department(), await ctx.given.department()];
      const round = await ctx.given.roundInCollectingNeeds({ participantDepartmentIds: [a.id, b.id] });
      const submissions = ctx.get(SubmissionService);
      const closeNeeds = async () => (await queries.view(round.id)).events.find((e) => e.type === 'CLOSE_NEEDS');
      expect(await closeNeeds()).toMatchObject({ allowed: false, reasons: ['2 förvaltningar har inte lämnat in behov'] });

      await submissions.nothingToReport(TEST_ACTOR, round.id, a.id, 'Förvaltningen har inga nya behov i år');
      expect(await closeNeeds()).toMatchObject({ allowed: false, reasons: ['1 förvaltning har inte lämnat in behov'] });
      expect((await queries.view(round.id)).participants.find((p) => p.departmentId === a.id)).toMatchObject({ submitted: false, nothingToReport: true });

      await submissions.nothingToReport(TEST_ACTOR, round.id, b.id, 'Behoven lämnades i förra omgången');
      expect(await closeNeeds()).toMatchObject({ allowed: true, reasons: [] });
      expect(await steps.transition(STRATEGIST, round.id, { type: 'CLOSE_NEEDS' })).toMatchObject({ state: 'draftingPlan', forcedSteps: [] });
    });

    it('after the needs deadline closing needs is an ordinary step (not recorded as forced, even if asked)', async () => {
      const round = await ctx.given.roundInCollectingNeeds();
      ctx.clock.set(new Date('2026-05-01T08:00:00Z'));
      const closed = await steps.transition(STRATEGIST, round.id, { type: 'CLOSE_NEEDS', force: true, reason: 'Tiden har gått ut' });
      expect(closed).toMatchObject({ state: 'draftingPlan', forcedSteps: [] });
      expect((await queries.historyOf(round.id)).at(-1)).toMatchObject({ forced: false });
    });

    it('refuses forcing a step that cannot be forced, and cancelling without a reason, as bad input', async () => {
      const round = await ctx.given.round();
      await expect(steps.transition(STRATEGIST, round.id, { type: 'LAUNCH', force: true, reason: 'x' })).rejects.toMatchObject({ details: [expect.objectContaining({ field: 'force', rule: 'forcibleEvent' })] });
      await expect(steps.transition(STRATEGIST, round.id, { type: 'CANCEL', reason: ' ' })).rejects.toMatchObject({ details: [expect.objectContaining({ field: 'reason', rule: 'requiredToCancel' })] });
    });

    it('sending on consultation without a plan version names what is missing', async () => {
      const round = await ctx.given.roundInCollectingNeeds();
      const drafting = await steps.transition(STRATEGIST, round.id, { type: 'CLOSE_NEEDS', force: true, reason: 'Test' });
      expect(drafting.events.find((e) => e.type === 'SEND_FOR_CONSULTATION')).toMatchObject({ allowed: false, reasons: ['Det finns ingen planversion'] });
      const reopened = await steps.transition(STRATEGIST, round.id, { type: 'REOPEN_NEEDS' });
      expect(reopened.state).toBe('collectingNeeds');
    });

    it('restores a round stored under machine version 1 and continues it', async () => {
      const fixture = JSON.parse(readFileSync(join(__dirname, '../../libs/workflow/src/fixtures/plan-round.v1.drafting-plan.json'), 'utf8')) as { machineVersion: number; snapshot: unknown };
      const round = await ctx.given.round();
      await ctx.dataSource.query(`update plan_round set state = 'draftingPlan', machine_version = $2, snapshot = $3::jsonb where id = $1`, [
        round.id,
        fixture.machineVersion,
        JSON.stringify(fixture.snapshot),
      ]);
      const view = await queries.view(round.id);
      expect(view.forcedSteps).toHaveLength(1);
      const reopened = await steps.transition(STRATEGIST, round.id, { type: 'REOPEN_NEEDS' });
      expect(reopened).toMatchObject({ state: 'collectingNeeds', machineVersion: 1 });
      expect(reopened.forcedSteps).toEqual((fixture.snapshot as { context: { forcedSteps: unknown[] } }).context.forcedSteps);
    });

    it('cancelling tells management with the reason; a cancelled round cannot be changed', async () => {
      const department = await ctx.given.department();
      await ctx.given.user({ roles: [{ role: 'management', departmentId: department.id }] });
      const round = await ctx.given.roundInCollectingNeeds({ participantDepartmentIds: [department.id] });
      const cancelled = await steps.transition(STRATEGIST, round.id, { type: 'CANCEL', reason: 'Uppdraget har tagits över' });
      expect(cancelled).toMatchObject({ state: 'cancelled', cancellation: { reason: 'Uppdraget har tagits över', on: '2026-03-02' }, events: [] });
      const mails = await queued(`round.phase_changed:${round.id}:3:`);
      expect(mails[0].data).toMatchObject({ cancelled: true, reason: 'Uppdraget har tagits över' });
      await expect(steps.transition(STRATEGIST, round.id, { type: 'LAUNCH' })).rejects.toMatchObject({ code: RoundErrorCode.ILLEGAL_TRANSITION });
      await expect(commands.update(STRATEGIST, round.id, { title: 'x' })).rejects.toMatchObject({ code: RoundErrorCode.ROUND_NOT_EDITABLE });
    });
  });

  describe('update', () => {
    it('changes details with a history entry naming what changed; participants only before launch', async () => {
      const round = await ctx.given.round();
      const other = await ctx.given.department();
      const updated = await commands.update(STRATEGIST, round.id, { deadlines: { needs: '2026-05-15' }, participantDepartmentIds: [other.id] }, 1);
      expect(updated).toMatchObject({ version: 2, deadlines: { needs: '2026-05-15' } });
      expect(updated.participants.map((p) => p.departmentId)).toEqual([other.id]);
      expect((await queries.historyOf(round.id)).at(-1)).toMatchObject({
        type: 'UPDATED',
        version: 2,
        data: { changed: { deadlines: expect.objectContaining({ after: expect.objectContaining({ needs: '2026-05-15' }) }), participantDepartmentIds: expect.anything() } },
      });
      await steps.transition(STRATEGIST, round.id, { type: 'LAUNCH' });
      await expect(commands.update(STRATEGIST, round.id, { participantDepartmentIds: [other.id] })).rejects.toMatchObject({ code: RoundErrorCode.ROUND_NOT_EDITABLE });
      await expect(commands.update(STRATEGIST, round.id, { deadlines: { consultationReply: '2026-05-01' } })).rejects.toMatchObject({
        details: [expect.objectContaining({ field: 'deadlines.consultationReply', rule: 'afterNeeds' })],
      });
      expect(await commands.update(STRATEGIST, round.id, { deadlines: { needs: '2026-05-29' } })).toMatchObject({ version: 4, currentDeadline: { date: '2026-05-29' } });
    });
  });

  describe('visibility', () => {
    it('participants read their rounds; others do not; strategists read all', async () => {
      const committee = await ctx.given.committee();
      const mine = await ctx.given.department({ committeeId: committee.id });
      const elsewhere = await ctx.given.department();
      const round = await ctx.given.round({ participantDepartmentIds: [mine.id] });
      const none = { all: false, departmentIds: [], committeeIds: [] };
      expect(await queries.isVisibleTo(round.id, { ...none, departmentIds: [mine.id] })).toBe(true);
      expect(await queries.isVisibleTo(round.id, { ...none, committeeIds: [committee.id] })).toBe(true);
      expect(await queries.isVisibleTo(round.id, { ...none, departmentIds: [elsewhere.id] })).toBe(false);
      expect(await queries.isVisibleTo(round.id, { ...none, all: true })).toBe(true);
      expect((await queries.list({ ...none, departmentIds: [elsewhere.id] })).map((r) => r.id)).not.toContain(round.id);
      expect((await queries.list({ ...none, departmentIds: [mine.id] })).map((r) => r.id)).toEqual([round.id]);
    });
  });
});

describe(RoundDeadlineService.name, () => {
  let ctx: MediumContext;
  let sut: RoundDeadlineService;
  let rounds: PlanRoundQueryService;
  let commands: PlanRoundCommandService;

  beforeAll(async () => {
    ctx = await mediumContext(ROUND_MODULES, START, { PUBLIC_URL: 'https://samverka.malmo.example' });
    sut = ctx.get(RoundDeadlineService);
    rounds = ctx.get(PlanRoundQueryService);
    commands = ctx.get(PlanRoundCommandService);
  });
  afterAll(() => ctx.close());
  beforeEach(() => ctx.clock.set(START));

  const strategistMails = (roundId: string) =>
    ctx.dataSource.getRepository<NotificationEntity>('NotificationEntity').createQueryBuilder('n').where('n.dedup_key like :p', { p: `round.deadline_passed:${roundId}:%` }).getMany();

  it('does nothing on the last day; the day after it records the deadline once, shows it overdue and tells the strategists', async () => {
    const strategist = await ctx.given.user({ roles: [{ role: 'strategist' }] });
    const [a, b] = [await ctx.given.department(), await ctx.given.department()];
    const round = await ctx.given.roundInCollectingNeeds({ participantDepartmentIds: [a.id, b.id] });

    ctx.clock.set(new Date('2026-04-30T20:00:00Z')); // 22:00 on the last day in Stockholm
    expect(await sut.sweep()).toMatchObject({ recorded: 0 });

    ctx.clock.set(new Date('2026-04-30T22:30:00Z')); // 00:30 on 1 May in Stockholm
    const [first, second] = await Promise.all([sut.sweep(), sut.sweep()]);
    expect(first.recorded + second.recorded).toBe(1);
    expect(await sut.sweep()).toMatchObject({ recorded: 0, failed: 0 });

    const view = await rounds.view(round.id);
    expect(view).toMatchObject({ state: 'collectingNeeds', version: 2, currentDeadline: { kind: 'needs', passed: true } });
    expect(view.deadlinesReached).toEqual([expect.objectContaining({ kind: 'needs', date: '2026-04-30', label: 'Sista dag för behov' })]);
    expect(view.events.find((e) => e.type === 'CLOSE_NEEDS')).toMatchObject({ allowed: true });
    const history = await rounds.historyOf(round.id);
    expect(history.filter((e) => e.type === 'DEADLINE_REACHED')).toEqual([
      expect.objectContaining({ deadline: 'needs', deadlineDate: '2026-04-30', actorLabel: 'system', data: { outstanding: ['2 förvaltningar har inte lämnat in behov'] } }),
    ]);
    const mails = await strategistMails(round.id);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ recipientEmail: strategist.email, data: expect.objectContaining({ autoClosed: false, outstanding: ['2 förvaltningar har inte lämnat in behov'] }) });
  });

  it('closes the phase at its deadline when the round asks for it, as the system', async () => {
    const department = await ctx.given.department();
    const manager = await ctx.given.user({ roles: [{ role: 'management', departmentId: department.id }] });
    const round = await ctx.given.roundInCollectingNeeds({ participantDepartmentIds: [department.id], autoClose: { needs: true } });

    ctx.clock.set(new Date('2026-05-04T07:00:00Z'));
    expect(await sut.sweep()).toMatchObject({ recorded: 1, autoClosed: 1, failed: 0 });

    const view = await rounds.view(round.id);
    expect(view).toMatchObject({ state: 'draftingPlan', version: 3, forcedSteps: [] });
    expect((await rounds.historyOf(round.id)).map((e) => [e.type, e.actorLabel])).toEqual([
      ['CREATED', 'test'],
      ['LAUNCH', 'test'],
      ['DEADLINE_REACHED', 'system'],
      ['CLOSE_NEEDS', 'system'],
    ]);
    const phase = await ctx.dataSource.getRepository<NotificationEntity>('NotificationEntity').findOneByOrFail({ dedupKey: `round.phase_changed:${round.id}:3:${manager.user.id}` });
    expect(phase.data).toMatchObject({ fromLabel: 'Behovsinsamling', toLabel: 'Planarbete' });
  });

  it('a deadline moved later after it was recorded is recorded again when the new date passes', async () => {
    const round = await ctx.given.roundInCollectingNeeds();
    ctx.clock.set(new Date('2026-05-02T07:00:00Z'));
    expect(await sut.sweep()).toMatchObject({ recorded: 1 });
    await commands.update(TEST_ACTOR, round.id, { deadlines: { needs: '2026-05-08' } });
    expect(await sut.sweep()).toMatchObject({ recorded: 0 });
    ctx.clock.set(new Date('2026-05-09T07:00:00Z'));
    expect(await sut.sweep()).toMatchObject({ recorded: 1 });
    expect((await rounds.view(round.id)).deadlinesReached.map((d) => d.date)).toEqual(['2026-04-30', '2026-05-08']);
  });
});
