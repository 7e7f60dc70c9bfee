import { ConsultationModule } from '@samverka/consultation';
import { FollowUpModule, FollowUpService, ReportStatus } from '@samverka/follow-up';
import { CommonErrorCode } from '@samverka/kernel';
import { NeedsModule } from '@samverka/needs';
import { DepartmentEntity } from '@samverka/organisation';
import { PlanModule } from '@samverka/plan';
import { PlanRoundCommandService, PlanRoundQueryService } from '@samverka/rounds';
import { randomUUID } from 'node:crypto';
import { TEST_ACTOR } from '../support/given';
import { GivenFollowUp, RoundInFollowUp } from '../support/given-follow-up';
import { mediumContext, MediumContext } from '../support/medium';
import { principal } from '../support/principals';

describe(`${PlanRoundCommandService.name} — next year's round from this one`, () => {
  let ctx: MediumContext;
  let sut: PlanRoundCommandService;
  let a: DepartmentEntity;
  let b: DepartmentEntity;
  let retired: DepartmentEntity;
  let adopted: RoundInFollowUp;
  const me = randomUUID();

  beforeAll(async () => {
    ctx = await mediumContext([NeedsModule, PlanModule, ConsultationModule, FollowUpModule]);
    sut = ctx.get(PlanRoundCommandService);
    a = await ctx.given.department({ name: 'Förskoleförvaltningen' });
    b = await ctx.given.department({ name: 'Kulturförvaltningen' });
    retired = await ctx.given.department({ name: 'Gamla förvaltningen' });
    await ctx.dataSource.query(`insert into person (id, name, email) values ($1, 'Rapportör', 'rapportor@malmo.example')`, [me]);
    const R = (departmentId: string) => ({ departmentId, role: 'responsible' as const, effortHours: 10 });
    const A = { contactCentre: true as const, role: 'accountable' as const, effortHours: 5 };
    adopted = await new GivenFollowUp(ctx.moduleRef, ctx.given).roundInFollowUp({
      participantDepartmentIds: [a.id, b.id, retired.id],
      decidedOn: '2026-02-26',
      items: [
        { areaCode: 'LOKAL_SERVICE', title: 'Klar insats', responsibilities: [R(a.id), A] },
        { areaCode: 'LOKAL_SERVICE', title: 'Försenad efter rättelse', responsibilities: [R(b.id), A] },
        { areaCode: 'LOKAL_SERVICE', title: 'Avbruten insats', responsibilities: [R(a.id), A] },
        { areaCode: 'SAMARBETSPROCESS', title: 'Inte påbörjad', responsibilities: [R(b.id), A] },
        { areaCode: 'SAMARBETSPROCESS', title: 'Klar hos en, pågår hos en', responsibilities: [R(a.id), R(b.id), A, { departmentId: retired.id, role: 'informed' as const }] },
        { areaCode: 'SAMARBETSPROCESS', title: 'Ingen rapport', responsibilities: [R(a.id), A] },
      ],
    });
    // Reports over two periods: the latest period an organisation reported in, and its latest revision, count.
    const followUp = ctx.get(FollowUpService);
    const [p1, p2] = await followUp.periods(adopted.round.id);
    const coordinator = principal({ personId: me, coordinator: [a.id, b.id] });
    const report = (item: number, departmentId: string, periodId: string, status: ReportStatus) =>
      followUp.report(coordinator, TEST_ACTOR, adopted.round.id, adopted.items[item].id, {
        periodId,
        departmentId,
        status,
        progress: status === 'done' ? 100 : 40,
        comment: 'Läget.',
        ...(status === 'delayed' || status === 'at_risk' ? { cause: 'Orsak', needed: 'Stöd' } : {}),
      });
    await report(0, a.id, p1.id, 'delayed');
    await report(0, a.id, p2.id, 'done');
    await report(1, b.id, p1.id, 'on_track');
    await report(1, b.id, p2.id, 'done');
    await report(1, b.id, p2.id, 'delayed'); // a correction: revision 2
    await report(2, a.id, p1.id, 'cancelled');
    await report(3, b.id, p1.id, 'not_started');
    await report(4, a.id, p1.id, 'done');
    await report(4, b.id, p1.id, 'on_track');
    // The earlier round's deadlines (made here so that they move): 1 May 2027 is a Saturday, 6 June 2027 (nationaldagen) a Sunday.
    await ctx.dataSource.query(
      `update plan_round set needs_deadline = '2026-05-01', consultation_reply_deadline = '2026-06-06', decision_deadline = '2026-09-30' where id = $1`,
      [adopted.round.id],
    );
    await ctx.dataSource.query('update department set active = false where id = $1', [retired.id]);
  });
  afterAll(() => ctx.close());

  const nextYear = () => adopted.round.year + 1;
  const planItems = async (roundId: string) =>
    ctx.dataSource.query(
      `select i.code, i.title, i.status, i.carried_over_from_code as "fromCode", i.carried_over_from_round_id as "fromRound",
              (select coalesce(json_agg(json_build_object('departmentId', r.department_id, 'contactCentre', r.contact_centre, 'role', r.role, 'effortHours', r.effort_hours::float) order by r.position), '[]')
                 from plan_responsibility r where r.item_id = i.id) as responsibilities
         from plan_item i where i.round_id = $1 order by i.area_code, i.position`,
      [roundId],
    );

  it('copies the areas and the (still active) participants, proposes the deadlines a year on on working days, and carries over exactly the unfinished items', async () => {
    const round = await sut.create(TEST_ACTOR, { title: `Utvecklingsplan ${nextYear()}`, year: nextYear(), caseNumber: 'STK-2027-1', fromRoundId: adopted.round.id });
    expect(round.state).toBe('preparing');
    expect(round.areas).toEqual(adopted.round.areas);
    expect(round.participants.map((p) => p.departmentId).sort()).toEqual([a.id, b.id].sort());
    expect(round.deadlines).toEqual({ needs: '2027-05-03', consultationReply: '2027-06-07', decision: '2027-09-30' });

    const items = await planItems(round.id);
    const code = (n: number) => adopted.items[n].code;
    const fromRound = adopted.round.id;
    // 0 (done after a delay) and 2 (cancelled) stay behind; 1 (its latest revision: delayed) and 4 (on track for one of two) are ongoing; 3 (not started) and 5 (unreported) planned.
    expect(items.filter((i: { fromCode: string }) => adopted.items.some((x) => x.code === i.fromCode))).toEqual([
      { code: code(1), title: 'Försenad efter rättelse', status: 'ongoing', fromCode: code(1), fromRound, responsibilities: [{ departmentId: b.id, contactCentre: false, role: 'responsible', effortHours: 10 }, { departmentId: null, contactCentre: true, role: 'accountable', effortHours: 5 }] },
      { code: code(3), title: 'Inte påbörjad', status: 'planned', fromCode: code(3), fromRound, responsibilities: [{ departmentId: b.id, contactCentre: false, role: 'responsible', effortHours: 10 }, { departmentId: null, contactCentre: true, role: 'accountable', effortHours: 5 }] },
      {
        code: code(4),
        title: 'Klar hos en, pågår hos en',
        status: 'ongoing',
        fromCode: code(4),
        fromRound,
        // the retired department takes no part in the new round: its responsibility stays behind
        responsibilities: [
          { departmentId: a.id, contactCentre: false, role: 'responsible', effortHours: 10 },
          { departmentId: b.id, contactCentre: false, role: 'responsible', effortHours: 10 },
          { departmentId: null, contactCentre: true, role: 'accountable', effortHours: 5 },
        ],
      },
      { code: code(5), title: 'Ingen rapport', status: 'planned', fromCode: code(5), fromRound, responsibilities: [{ departmentId: a.id, contactCentre: false, role: 'responsible', effortHours: 10 }, { departmentId: null, contactCentre: true, role: 'accountable', effortHours: 5 }] },
    ]);
    // the fillers (nobody reported, planned in the adopted plan) come along too; nothing else does
    expect(items).toHaveLength(4 + adopted.fillers.length);
    const started = await ctx.dataSource.query('select started_from_round_id from plan where round_id = $1', [round.id]);
    expect(started).toEqual([{ started_from_round_id: fromRound }]);
  });

  it('lets given deadlines, areas and participants win over the proposal', async () => {
    const year = nextYear() + 1;
    const round = await sut.create(TEST_ACTOR, {
      title: 'Med egna datum',
      year,
      caseNumber: 'STK-2028-1',
      fromRoundId: adopted.round.id,
      participantDepartmentIds: [a.id],
      areas: [{ code: 'LOKAL_SERVICE', name: 'Lokal service' }],
      deadlines: { needs: '2027-03-15', consultationReply: null },
    });
    expect(round.deadlines).toEqual({ needs: '2027-03-15', consultationReply: null, decision: '2027-09-30' });
    expect(round.participants.map((p) => p.departmentId)).toEqual([a.id]);
    // only the area the round has; b's responsibility stays behind
    const items = await planItems(round.id);
    expect(items.map((i: { fromCode: string }) => i.fromCode)).toEqual([adopted.items[1].code]);
    expect(items[0].responsibilities).toEqual([{ departmentId: null, contactCentre: true, role: 'accountable', effortHours: 5 }]);
  });

  it('refuses an unknown earlier round (422 naming fromRoundId) and a malformed id, writing nothing', async () => {
    const count = async () => Number((await ctx.dataSource.query('select count(*) from plan_round'))[0].count);
    const before = await count();
    await expect(sut.create(TEST_ACTOR, { title: 'X', year: 2090, caseNumber: 'X-1', fromRoundId: randomUUID() })).rejects.toMatchObject({
      code: CommonErrorCode.UNKNOWN_REFERENCE,
      details: [{ field: 'fromRoundId', rule: 'exists' }],
    });
    await expect(sut.create(TEST_ACTOR, { title: 'X', year: 2090, caseNumber: 'X-1', fromRoundId: 'nej' })).rejects.toMatchObject({
      code: CommonErrorCode.VALIDATION_FAILED,
      details: expect.arrayContaining([expect.objectContaining({ field: 'fromRoundId', rule: 'isUuid' }), expect.objectContaining({ field: 'deadlines.needs', rule: 'isNotEmpty' })]),
    });
    expect(await count()).toBe(before);
  });

  it('flags the coordinator assignments that end before the new round’s deadlines (round view and launch preview)', async () => {
    await ctx.given.coordinator(a, { validTo: '2027-03-31' });
    await ctx.given.coordinator(b, { kind: 'deputy', validTo: '2027-06-01' });
    await ctx.given.coordinator(b, { kind: 'primary', validTo: null });
    const round = await sut.create(TEST_ACTOR, { title: 'Flaggad', year: nextYear() + 2, caseNumber: 'STK-2029-1', fromRoundId: adopted.round.id });
    const queries = ctx.get(PlanRoundQueryService);
    const view = await queries.view(round.id);
    // needs 3 May 2027, replies 7 June 2027: the primary of a misses the needs deadline, b's deputy the reply date; b's open-ended primary is fine
    expect(view.assignmentsEnding).toEqual([
      expect.objectContaining({ departmentId: a.id, departmentName: 'Förskoleförvaltningen', kind: 'primary', endsOn: '2027-03-31', deadline: { kind: 'needs', label: 'Sista dag för behov', date: '2027-05-03' } }),
      expect.objectContaining({ departmentId: b.id, departmentName: 'Kulturförvaltningen', kind: 'deputy', endsOn: '2027-06-01', deadline: { kind: 'consultationReply', label: 'Sista dag för remissvar', date: '2027-06-07' } }),
    ]);
    expect((await queries.launchPreview(view)).assignmentsEnding).toEqual(view.assignmentsEnding);
  });
});
