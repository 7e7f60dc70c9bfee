import { ConsultationModule } from '@samverka/consultation';
import { FollowUpErrorCode, FollowUpModule, FollowUpService } from '@samverka/follow-up';
import { CommonErrorCode } from '@samverka/kernel';
import { NeedsModule } from '@samverka/needs';
import { DepartmentEntity } from '@samverka/organisation';
import { PlanModule } from '@samverka/plan';
import { randomUUID } from 'node:crypto';
import { TEST_ACTOR } from '../support/given';
import { GivenFollowUp, RoundInFollowUp } from '../support/given-follow-up';
import { mediumContext, MediumContext } from '../support/medium';
import { principal } from '../support/principals';

describe(FollowUpService.name, () => {
  let ctx: MediumContext;
  let sut: FollowUpService;
  let a: DepartmentEntity;
  let b: DepartmentEntity;
  let adopted: RoundInFollowUp;
  const me = randomUUID();
  const coordinatorA = principal({ personId: me, coordinator: [] });
  const strategist = principal({ personId: me, strategist: true });

  beforeAll(async () => {
    ctx = await mediumContext([NeedsModule, PlanModule, ConsultationModule, FollowUpModule]);
    sut = ctx.get(FollowUpService);
    a = await ctx.given.department({ name: 'Förskoleförvaltningen' });
    b = await ctx.given.department({ name: 'Kulturförvaltningen' });
    coordinatorA.coordinator = [a.id];
    await ctx.dataSource.query(`insert into person (id, name, email) values ($1, 'Rapportör', 'rapportor@malmo.example')`, [me]);
    adopted = await new GivenFollowUp(ctx.moduleRef, ctx.given).roundInFollowUp({
      participantDepartmentIds: [a.id, b.id],
      decidedOn: '2026-02-26',
      items: [
        { areaCode: 'LOKAL_SERVICE', title: 'Vägledning på biblioteken', responsibilities: [{ departmentId: a.id, role: 'responsible', effortHours: 100 }, { contactCentre: true, role: 'accountable', effortHours: 50 }] },
        { areaCode: 'SAMARBETSPROCESS', title: 'Samordnare', responsibilities: [{ departmentId: b.id, role: 'accountable', effortHours: null }] },
      ],
    });
  });
  afterAll(() => ctx.close());

  const report = (values: Record<string, unknown> = {}) => ({ periodId: '', departmentId: a.id, status: 'on_track' as const, progress: 20, comment: 'Utbildning pågår.', ...values });

  it('sets up the adopted plan when the decision adopts it: every item, who reports on each, and three tertials from the decision', async () => {
    const items: Array<{ code: string; effort_hours: string | null }> = await ctx.dataSource.query('select code, effort_hours from follow_up_item where round_id = $1 order by position', [adopted.round.id]);
    expect(items).toHaveLength(2 + adopted.fillers.length);
    // in the plan's order (areas in order), each with the sum of its estimated hours
    expect(items.filter((i) => adopted.items.some((x) => x.code === i.code))).toEqual([{ code: adopted.items[0].code, effort_hours: '150.0' }, { code: adopted.items[1].code, effort_hours: null }]);
    const reporters = await ctx.dataSource.query('select item_id, department_id, contact_centre from follow_up_obligation where round_id = $1 and item_id = any($2::uuid[])', [adopted.round.id, adopted.items.map((i) => i.id)]);
    // the responsible (R) reports; an item without one is reported by its accountable (A)
    expect(reporters).toEqual(expect.arrayContaining([
      { item_id: adopted.items[0].id, department_id: a.id, contact_centre: false },
      { item_id: adopted.items[1].id, department_id: b.id, contact_centre: false },
    ]));
    expect(reporters).toHaveLength(2);
    const periods = await sut.periods(adopted.round.id);
    expect(periods.map((p) => p.label)).toEqual(['2026 T1', '2026 T2', '2026 T3']);
  });

  it('keeps a report as sent and stores a correction as the next revision', async () => {
    const [period] = await sut.periods(adopted.round.id);
    const first = await sut.report(coordinatorA, TEST_ACTOR, adopted.round.id, adopted.items[0].id, report({ periodId: period.id }));
    const second = await sut.report(coordinatorA, TEST_ACTOR, adopted.round.id, adopted.items[0].id, report({ periodId: period.id, status: 'delayed', progress: 10, cause: 'Sjukskrivningar', needed: 'Vikarie' }));
    expect([first.revision, second.revision]).toEqual([1, 2]);
    const rows = await ctx.dataSource.query('select revision, status, progress, cause from follow_up_report where item_id = $1 order by revision', [adopted.items[0].id]);
    expect(rows).toEqual([
      { revision: 1, status: 'on_track', progress: 20, cause: null },
      { revision: 2, status: 'delayed', progress: 10, cause: 'Sjukskrivningar' },
    ]);
  });

  it('refuses, writing nothing: another department, an organisation that is not responsible, an unknown period, bad input', async () => {
    const [period] = await sut.periods(adopted.round.id);
    const count = async () => Number((await ctx.dataSource.query('select count(*) from follow_up_report'))[0].count);
    const before = await count();
    await expect(sut.report(coordinatorA, TEST_ACTOR, adopted.round.id, adopted.items[1].id, report({ periodId: period.id, departmentId: b.id }))).rejects.toMatchObject({ code: FollowUpErrorCode.REPORT_NOT_ALLOWED });
    await expect(sut.report(coordinatorA, TEST_ACTOR, adopted.round.id, adopted.items[1].id, report({ periodId: period.id }))).rejects.toMatchObject({ code: FollowUpErrorCode.NOT_RESPONSIBLE_FOR_ITEM });
    await expect(sut.report(strategist, TEST_ACTOR, adopted.round.id, adopted.items[0].id, report({ periodId: period.id, departmentId: undefined, contactCentre: true }))).rejects.toMatchObject({ code: FollowUpErrorCode.NOT_RESPONSIBLE_FOR_ITEM });
    await expect(sut.report(coordinatorA, TEST_ACTOR, adopted.round.id, adopted.items[0].id, report({ periodId: randomUUID() }))).rejects.toMatchObject({ code: FollowUpErrorCode.PERIOD_NOT_FOUND });
    await expect(sut.report(coordinatorA, TEST_ACTOR, adopted.round.id, randomUUID(), report({ periodId: period.id }))).rejects.toMatchObject({ code: FollowUpErrorCode.FOLLOW_UP_ITEM_NOT_FOUND });
    await expect(sut.report(coordinatorA, TEST_ACTOR, adopted.round.id, adopted.items[0].id, report({ periodId: period.id, status: 'at_risk', progress: 101 }))).rejects.toMatchObject({
      code: CommonErrorCode.VALIDATION_FAILED,
      details: [
        { field: 'progress', rule: 'range', message: expect.any(String) },
        { field: 'cause', rule: 'isNotEmpty', message: expect.any(String) },
        { field: 'needed', rule: 'isNotEmpty', message: expect.any(String) },
      ],
    });
    expect(await count()).toBe(before);
  });

  it('changes the periods: keeps the listed ones, adds new ones, and will not remove one that has reports', async () => {
    const periods = await sut.periods(adopted.round.id);
    const changed = await sut.setPeriods(TEST_ACTOR, adopted.round.id, {
      periods: [{ id: periods[0].id, label: '2026 T1', dueOn: '2026-05-18' }, { id: periods[1].id, label: '2026 T2', dueOn: '2026-09-15' }, { label: '2026 T3', dueOn: '2027-01-15' }, { label: '2027 T1', dueOn: '2027-05-17' }],
    });
    expect(changed.map((p) => [p.label, p.dueOn])).toEqual([['2026 T1', '2026-05-18'], ['2026 T2', '2026-09-15'], ['2026 T3', '2027-01-15'], ['2027 T1', '2027-05-17']]);
    expect(changed[0].id).toBe(periods[0].id);
    await expect(sut.setPeriods(TEST_ACTOR, adopted.round.id, { periods: changed.slice(1) })).rejects.toMatchObject({ code: FollowUpErrorCode.PERIOD_HAS_REPORTS });
    expect(await sut.periods(adopted.round.id)).toEqual(changed);
  });
});
