import { ConsultationModule } from '@samverka/consultation';
import { FollowUpModule, FollowUpQueryService, FollowUpService, FollowUpView } from '@samverka/follow-up';
import { NeedsModule } from '@samverka/needs';
import { DepartmentEntity } from '@samverka/organisation';
import { PlanModule } from '@samverka/plan';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { TEST_ACTOR } from '../support/given';
import { GivenFollowUp, RoundInFollowUp } from '../support/given-follow-up';
import { mediumContext, MediumContext } from '../support/medium';
import { principal } from '../support/principals';

/**
 * The roll-up computed in SQL, checked against figures computed by hand. Today is 2026-03-02 (a Monday);
 * period P1 was due 2026-02-16 (a Monday, ten working days ago), P2 is due 2026-06-15.
 *
 * Items in LOKAL_SERVICE (effort = the sum of the responsibilities' hours), P1's latest reports:
 *   I1  A (R, 100 h)               A: 30 then corrected to 50, on track      → 50
 *   I2  B (R, 300 h)               B: 20, at risk                            → 20
 *   I3  A (R, 40 h), B (R, 60 h)   A: 80 on track, B: 40 delayed             → mean 60, delayed (the worse)
 *   I4  A (R, 200 h)               not reported in P1 (A reports 10 in P2)
 *   I5  B (R, no estimate)         B: 100, done                              → reported, outside the weighted figure
 * plus one filler per other area (contact centre accountable, no estimate, never reported).
 *
 * LOKAL_SERVICE: weighted (50·100 + 20·300 + 60·100) / 500 = 17000 / 500 = 34.0; covered 500 of 700 h = 71.4 %.
 * A: (50·100 + 80·100) / 200 = 65.0, covered 200 of 400 h = 50 %, 3 obligations, 2 reported, 1 overdue (I4 in P1).
 * B: (20·300 + 40·100) / 400 = 25.0, covered 400 of 400 h = 100 %, 3 obligations, 3 reported.
 */
describe(FollowUpQueryService.name, () => {
  let ctx: MediumContext;
  let sut: FollowUpQueryService;
  let a: DepartmentEntity;
  let b: DepartmentEntity;
  let adopted: RoundInFollowUp;
  let p1: string;
  let p2: string;
  const person = randomUUID();
  const coordinatorA = principal({ personId: person, coordinator: [] });
  const coordinatorB = principal({ personId: person, coordinator: [] });

  beforeAll(async () => {
    ctx = await mediumContext([NeedsModule, PlanModule, ConsultationModule, FollowUpModule], new Date('2026-03-02T09:00:00Z'));
    sut = ctx.get(FollowUpQueryService);
    a = await ctx.given.department({ name: 'Förskoleförvaltningen' });
    b = await ctx.given.department({ name: 'Kulturförvaltningen' });
    coordinatorA.coordinator = [a.id];
    coordinatorB.coordinator = [b.id];
    await ctx.dataSource.query(`insert into person (id, name, email) values ($1, 'Rapportör', 'rapportor.vy@malmo.example')`, [person]);
    adopted = await new GivenFollowUp(ctx.moduleRef, ctx.given).roundInFollowUp({
      participantDepartmentIds: [a.id, b.id],
      decidedOn: '2026-01-20',
      items: [
        { areaCode: 'LOKAL_SERVICE', title: 'I1', responsibilities: [{ departmentId: a.id, role: 'responsible', effortHours: 100 }, { contactCentre: true, role: 'accountable' }] },
        { areaCode: 'LOKAL_SERVICE', title: 'I2', responsibilities: [{ departmentId: b.id, role: 'responsible', effortHours: 300 }, { contactCentre: true, role: 'accountable' }] },
        { areaCode: 'LOKAL_SERVICE', title: 'I3', responsibilities: [{ departmentId: a.id, role: 'responsible', effortHours: 40 }, { departmentId: b.id, role: 'responsible', effortHours: 60 }, { contactCentre: true, role: 'accountable' }] },
        { areaCode: 'LOKAL_SERVICE', title: 'I4', responsibilities: [{ departmentId: a.id, role: 'responsible', effortHours: 200 }, { contactCentre: true, role: 'accountable' }] },
        { areaCode: 'LOKAL_SERVICE', title: 'I5', responsibilities: [{ departmentId: b.id, role: 'responsible' }, { contactCentre: true, role: 'accountable' }] },
      ],
    });
    const service = ctx.get(FollowUpService);
    const periods = await service.setPeriods(TEST_ACTOR, adopted.round.id, { periods: [{ label: 'P1', dueOn: '2026-02-16' }, { label: 'P2', dueOn: '2026-06-15' }] });
    [p1, p2] = periods.map((p) => p.id);
    const [i1, i2, i3, i4, i5] = adopted.items.map((i) => i.id);
    const report = (who: typeof coordinatorA, itemId: string, values: Record<string, unknown>) =>
      service.report(who, TEST_ACTOR, adopted.round.id, itemId, { periodId: p1, comment: 'Läget.', status: 'on_track', progress: 0, ...values } as never);
    await report(coordinatorA, i1, { departmentId: a.id, progress: 30 });
    await report(coordinatorA, i1, { departmentId: a.id, progress: 50 });
    await report(coordinatorB, i2, { departmentId: b.id, progress: 20, status: 'at_risk', cause: 'Personalbrist', needed: 'Rekrytering' });
    await report(coordinatorA, i3, { departmentId: a.id, progress: 80 });
    await report(coordinatorB, i3, { departmentId: b.id, progress: 40, status: 'delayed', cause: 'Upphandling', needed: 'Beslut' });
    await report(coordinatorB, i5, { departmentId: b.id, progress: 100, status: 'done' });
    await report(coordinatorA, i4, { departmentId: a.id, progress: 10, status: 'not_started', periodId: p2 });
  });
  afterAll(() => ctx.close());

  const statusCounts = (values: Partial<Record<string, number>>) => ({ not_started: 0, on_track: 0, at_risk: 0, delayed: 0, done: 0, cancelled: 0, not_reported: 0, ...values });

  it('rolls up the latest period already due, weighted by effort, leaving out what is not reported', async () => {
    const view = await sut.view(adopted.round.id);
    const fillers = adopted.fillers.length;
    expect(view.plan.period).toMatchObject({ id: p1, label: 'P1', due: true });
    expect(view.areas.find((x) => x.code === 'LOKAL_SERVICE')?.rollUp).toEqual({
      weightedProgress: 34,
      coveredEffortHours: 500,
      totalEffortHours: 700,
      effortCoverage: 71.4,
      reported: 4,
      notReported: 1,
      statusCounts: statusCounts({ on_track: 1, at_risk: 1, delayed: 1, done: 1, not_reported: 1 }),
    });
    expect(view.plan.rollUp).toEqual({
      weightedProgress: 34,
      coveredEffortHours: 500,
      totalEffortHours: 700,
      effortCoverage: 71.4,
      reported: 4,
      notReported: 1 + fillers,
      statusCounts: statusCounts({ on_track: 1, at_risk: 1, delayed: 1, done: 1, not_reported: 1 + fillers }),
    });
    const i3 = view.items.find((i) => i.itemId === adopted.items[2].id)!;
    expect({ progress: i3.progress, status: i3.status, organisations: i3.organisations.map((o) => [o.name, o.status, o.progress]) }).toEqual({
      progress: 60,
      status: 'delayed',
      organisations: [['Förskoleförvaltningen', 'on_track', 80], ['Kulturförvaltningen', 'delayed', 40]],
    });
    expect(view.items.find((i) => i.itemId === adopted.items[0].id)?.organisations[0]).toMatchObject({ progress: 50, revision: 2 });
  });

  it('gives each organisation its obligations, what it has reported and owes, and its own roll-up', async () => {
    const view = await sut.view(adopted.round.id);
    const of = (name: string) => view.departments.find((d) => d.name === name)!;
    expect(of('Förskoleförvaltningen')).toMatchObject({
      organisation: { kind: 'department', departmentId: a.id },
      obligations: 3,
      reported: 2,
      missing: 1,
      overdue: 1,
      rollUp: { weightedProgress: 65, coveredEffortHours: 200, totalEffortHours: 400, effortCoverage: 50, reported: 2, notReported: 1 },
    });
    expect(of('Kulturförvaltningen')).toMatchObject({ obligations: 3, reported: 3, missing: 0, overdue: 0, rollUp: { weightedProgress: 25, coveredEffortHours: 400, totalEffortHours: 400, effortCoverage: 100 } });
    expect(of('Kontaktcenter')).toMatchObject({ organisation: { kind: 'contactCentre' }, obligations: adopted.fillers.length, reported: 0, overdue: adopted.fillers.length });
  });

  it('lists what is overdue, with working days late, and counts statuses per period', async () => {
    const view = await sut.view(adopted.round.id);
    const fillers = adopted.fillers.length;
    expect(view.overdue).toHaveLength(1 + fillers);
    expect(view.overdue.find((o) => o.name === 'Förskoleförvaltningen')).toEqual({
      organisation: { kind: 'department', departmentId: a.id },
      name: 'Förskoleförvaltningen',
      itemId: adopted.items[3].id,
      itemCode: adopted.items[3].code,
      itemTitle: 'I4',
      periodId: p1,
      periodLabel: 'P1',
      dueOn: '2026-02-16',
      lateSince: '2026-02-17',
      workingDaysLate: 10,
    });
    expect(view.statusOverPeriods.map((p) => [p.label, p.counts])).toEqual([
      ['P1', statusCounts({ on_track: 2, at_risk: 1, delayed: 1, done: 1, not_reported: 1 + fillers })],
      ['P2', statusCounts({ not_started: 1, not_reported: 5 + fillers })],
    ]);
  });

  it('shows another period when asked: only its reports count', async () => {
    const view: FollowUpView = await sut.view(adopted.round.id, p2);
    expect(view.plan.period).toMatchObject({ id: p2, due: false });
    expect(view.areas.find((x) => x.code === 'LOKAL_SERVICE')?.rollUp).toMatchObject({ weightedProgress: 10, coveredEffortHours: 200, totalEffortHours: 700, effortCoverage: 28.6, reported: 1, notReported: 4 });
  });

  it('reads the whole view in one statement', async () => {
    const spy = jest.spyOn(Client.prototype, 'query');
    try {
      await sut.view(adopted.round.id);
      expect(spy).toHaveBeenCalledTimes(1);
    } finally {
      spy.mockRestore();
    }
  });

  it('is a 404 for a round that does not exist', async () => {
    await expect(sut.view(randomUUID())).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
