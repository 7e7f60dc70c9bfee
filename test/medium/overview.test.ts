import { ConsultationModule } from '@samverka/consultation';
import { FollowUpModule, FollowUpService } from '@samverka/follow-up';
import { NeedsModule } from '@samverka/needs';
import { DepartmentEntity } from '@samverka/organisation';
import { DigestService } from '@samverka/digests';
import { CityOverview, OverviewModule, OverviewService } from '@samverka/overview';
import { PlanModule } from '@samverka/plan';
import { PlanRoundView } from '@samverka/rounds';
import { randomUUID } from 'node:crypto';
import { TEST_ACTOR } from '../support/given';
import { GivenFollowUp, RoundInFollowUp } from '../support/given-follow-up';
import { statementsDuring } from '../support/statements';
import { mediumContext, MediumContext } from '../support/medium';
import { principal } from '../support/principals';

/**
 * The city overview against hand-computed figures (the clock stands at 2 March 2026): a round collecting
 * needs past its deadline, one in consultation past its reply date, one in follow-up with a period due,
 * three departments with different coordinator coverage — for a strategist (the city) and for a
 * coordinator (their department); the latest digest sweep's figures; and the number of statements, which does not grow with the city.
 */
describe(OverviewService.name, () => {
  let ctx: MediumContext;
  let sut: OverviewService;
  let a: DepartmentEntity;
  let b: DepartmentEntity;
  let c: DepartmentEntity;
  let collecting: PlanRoundView;
  let consulting: PlanRoundView;
  let following: RoundInFollowUp;
  const me = randomUUID();

  beforeAll(async () => {
    ctx = await mediumContext([NeedsModule, PlanModule, ConsultationModule, FollowUpModule, OverviewModule]);
    sut = ctx.get(OverviewService);
    const db = ctx.dataSource;
    a = await ctx.given.department({ name: 'Arbetsmarknadsförvaltningen' });
    b = await ctx.given.department({ name: 'Beredningsförvaltningen' });
    c = await ctx.given.department({ name: 'Cityförvaltningen' });
    const gone = await ctx.given.department({ name: 'Nedlagda förvaltningen' });
    await db.query('update department set active = false where id = $1', [gone.id]);
    // Coverage today: A has a primary (until further notice); B's primary ended (a deputy is left); C has nobody.
    const anna = await ctx.given.person({ name: 'Anna Ek' });
    await ctx.given.coordinator(a, { personId: anna.id, validTo: null });
    await ctx.given.coordinator(b, { validFrom: '2025-01-01', validTo: '2026-02-01' });
    await ctx.given.coordinator(b, { kind: 'deputy', validTo: '2026-12-31' });

    // 1. Collecting needs, the deadline (27 February) passed: A handed in, B was returned, C has nothing.
    collecting = await ctx.given.roundInCollectingNeeds({ participantDepartmentIds: [a.id, b.id, c.id] });
    await db.query(`update plan_round set needs_deadline = '2026-02-27' where id = $1`, [collecting.id]);
    await db.query(`insert into needs_submission (round_id, department_id, status) values ($1, $2, 'submitted'), ($1, $3, 'returned')`, [collecting.id, a.id, b.id]);

    // 2. In consultation (made so in the tables): A's committee has not answered by 27 February; B's has; C's reply date is ahead.
    consulting = await ctx.given.round({ participantDepartmentIds: [a.id, b.id, c.id] });
    await db.query(`update plan_round set state = 'consultation', needs_deadline = '2026-01-15', consultation_reply_deadline = '2026-02-27' where id = $1`, [consulting.id]);
    await db.query(`insert into consultation (round_id, plan_version, reply_by, cover_letter) values ($1, 1, '2026-02-27', 'Planen på remiss.')`, [consulting.id]);
    await db.query(
      `insert into consultation_recipient (round_id, committee_id, reply_by) values ($1, $2, '2026-02-27'), ($1, $3, '2026-02-27'), ($1, $4, '2026-03-10')`,
      [consulting.id, a.committeeId, b.committeeId, c.committeeId],
    );
    await db.query(
      `insert into consultation_response (round_id, committee_id, revision, status, stance, summary, text, adopted_on, minute_reference, signatories, area_comments, received_on_paper, created_by_name, submitted_by_name, submitted_at)
       values ($1, $2, 1, 'submitted', 'approve', 'Tillstyrker.', 'Tillstyrker planen.', '2026-02-20', '§ 12', '{Ordförande}', '[]'::jsonb, false, 'Sekreterare', 'Sekreterare', now())`,
      [consulting.id, b.committeeId],
    );

    // 3. In follow-up: the first period was due on 1 February; A reported on its item, B did not, nor did the contact centre on the fillers.
    await db.query(`insert into person (id, name, email) values ($1, 'Rapportör', 'rapportor-oversikt@malmo.example')`, [me]);
    following = await new GivenFollowUp(ctx.moduleRef, ctx.given).roundInFollowUp({
      participantDepartmentIds: [a.id, b.id],
      decidedOn: '2025-10-01',
      items: [
        { areaCode: 'LOKAL_SERVICE', title: 'A:s insats', responsibilities: [{ departmentId: a.id, role: 'responsible' }, { contactCentre: true, role: 'accountable' }] },
        { areaCode: 'LOKAL_SERVICE', title: 'B:s första', responsibilities: [{ departmentId: b.id, role: 'responsible' }, { contactCentre: true, role: 'accountable' }] },
        { areaCode: 'SAMARBETSPROCESS', title: 'B:s andra', responsibilities: [{ departmentId: b.id, role: 'responsible' }, { contactCentre: true, role: 'accountable' }] },
      ],
    });
    const followUp = ctx.get(FollowUpService);
    const periods = await followUp.setPeriods(TEST_ACTOR, following.round.id, { periods: [{ label: '2026 T1', dueOn: '2026-02-01' }, { label: '2026 T2', dueOn: '2026-06-01' }] });
    await followUp.report(principal({ personId: me, coordinator: [a.id] }), TEST_ACTOR, following.round.id, following.items[0].id, { periodId: periods[0].id, departmentId: a.id, status: 'on_track', progress: 30, comment: 'Enligt plan.' });
    await db.query(`update plan_round set state = 'cancelled' where id <> all($1::uuid[]) and state not in ('closed', 'cancelled')`, [[collecting.id, consulting.id, following.round.id]]);
  });
  afterAll(() => ctx.close());

  const roundOf = (overview: CityOverview, id: string) => overview.rounds.find((r) => r.id === id)!;

  it('shows a strategist every open round with its phase and deadline, and what is overdue and by whom', async () => {
    const city = (await sut.overviewFor(principal({ strategist: true })))!;
    expect(city.today).toBe('2026-03-02');
    expect(city.rounds.map((r) => r.id).sort()).toEqual([collecting.id, consulting.id, following.round.id].sort());

    expect(roundOf(city, collecting.id)).toMatchObject({ state: 'collectingNeeds', deadline: { kind: 'needs', date: '2026-02-27', passed: true }, participants: 3 });
    expect(roundOf(city, collecting.id).overdue).toEqual([
      { kind: 'needs', ownerId: b.id, ownerName: 'Beredningsförvaltningen', dueOn: '2026-02-27', period: null, count: 1 },
      { kind: 'needs', ownerId: c.id, ownerName: 'Cityförvaltningen', dueOn: '2026-02-27', period: null, count: 1 },
    ]);

    expect(roundOf(city, consulting.id)).toMatchObject({ state: 'consultation', deadline: { kind: 'consultationReply', date: '2026-02-27', passed: true } });
    expect(roundOf(city, consulting.id).overdue).toEqual([{ kind: 'consultationResponse', ownerId: a.committeeId, ownerName: expect.any(String), dueOn: '2026-02-27', period: null, count: 1 }]);

    // Period 1 (due 1 February): B owes two items, the contact centre the fillers (accountable, no responsible); period 2 is not due yet.
    expect(roundOf(city, following.round.id)).toMatchObject({ state: 'followUp', deadline: null, participants: 2 });
    expect(roundOf(city, following.round.id).overdue).toEqual([
      { kind: 'followUpReport', ownerId: b.id, ownerName: 'Beredningsförvaltningen', dueOn: '2026-02-01', period: '2026 T1', count: 2 },
      { kind: 'followUpReport', ownerId: null, ownerName: 'Kontaktcenter', dueOn: '2026-02-01', period: '2026 T1', count: following.fillers.length },
    ]);
  });

  it('counts the coordinator coverage of the active departments', async () => {
    const city = (await sut.overviewFor(principal({ strategist: true })))!;
    const ours = city.coverage.rows.filter((r) => [a.id, b.id, c.id].includes(r.departmentId));
    expect(ours).toEqual([
      { departmentId: a.id, name: 'Arbetsmarknadsförvaltningen', primary: { name: 'Anna Ek', validTo: null }, deputies: 0 },
      { departmentId: b.id, name: 'Beredningsförvaltningen', primary: null, deputies: 1 },
      { departmentId: c.id, name: 'Cityförvaltningen', primary: null, deputies: 0 },
    ]);
    // the other active departments (made by the builders) have nobody either; the inactive one is not counted
    expect(city.coverage.rows.some((r) => r.name === 'Nedlagda förvaltningen')).toBe(false);
    expect(city.coverage).toMatchObject({ departments: city.coverage.rows.length, withPrimary: 1, withoutPrimary: city.coverage.rows.length - 1 });
    expect(city.digests).toBeNull();
  });

  it('focuses a coordinator or manager on their own departments, and refuses everyone else', async () => {
    const own = (await sut.overviewFor(principal({ coordinator: [b.id] })))!;
    expect(own.scope).toEqual({ all: false, departmentIds: [b.id] });
    expect(own.rounds.map((r) => r.id).sort()).toEqual([collecting.id, consulting.id, following.round.id].sort());
    expect(roundOf(own, collecting.id).overdue.map((o) => o.ownerName)).toEqual(['Beredningsförvaltningen']);
    expect(roundOf(own, consulting.id).overdue).toEqual([]); // B's committee has answered
    expect(roundOf(own, following.round.id).overdue.map((o) => [o.ownerName, o.count])).toEqual([['Beredningsförvaltningen', 2]]);
    expect(own.coverage).toEqual({ departments: 1, withPrimary: 0, withoutPrimary: 1, rows: [expect.objectContaining({ departmentId: b.id })] });

    const manager = (await sut.overviewFor(principal({ management: [c.id] })))!;
    expect(manager.rounds.map((r) => r.id).sort()).toEqual([collecting.id, consulting.id].sort());
    expect(roundOf(manager, collecting.id).overdue.map((o) => o.ownerName)).toEqual(['Cityförvaltningen']);
    expect(roundOf(manager, consulting.id).overdue).toEqual([]); // C's committee's reply date is ahead

    expect(await sut.overviewFor(principal({ admin: true }))).toBeNull();
  });


  it("shows the latest periodic digest sweep's figures for the managers in scope: due, queued, sent, left out as empty", async () => {
    const managerC = await ctx.given.user({ roles: [{ role: 'management', departmentId: c.id }] });
    await ctx.given.user({ roles: [{ role: 'management', departmentId: a.id }] });
    // 2 March 2026 is a Monday of the biweekly schedule: the sweep at 09:00 UTC covers the run of 07:00 Stockholm time
    const swept = await ctx.get(DigestService).sweep();
    expect(swept.due).toBeGreaterThanOrEqual(2);
    const forC = (await sut.overviewFor(principal({ management: [c.id] })))!.digests!;
    // C owes its needs (the collecting round is past its deadline): its manager's digest is queued, not yet sent
    expect(forC).toMatchObject({ windowEnd: new Date('2026-03-02T06:00:00Z'), due: 1, queued: 1, sent: 0, skippedAsEmpty: 0 });
    await ctx.dataSource.query(`update notification set status = 'sent' where kind = 'digest.status' and recipient_email = $1`, [managerC.email]);
    expect((await sut.overviewFor(principal({ management: [c.id] })))!.digests).toMatchObject({ due: 1, queued: 1, sent: 1 });
    const city = (await sut.overviewFor(principal({ strategist: true })))!.digests!;
    expect(city.due).toBe(swept.due);
    expect(city.queued + city.skippedAsEmpty).toBe(city.due);
  });

  it('sends four statements (rounds, overdue, coverage, digests), however many departments and rounds there are', async () => {
    const before = await statementsDuring(() => sut.overviewFor(principal({ strategist: true })));
    expect(before).toHaveLength(4);
    for (let i = 0; i < 5; i++) await ctx.given.roundInCollectingNeeds({ participantDepartmentIds: [(await ctx.given.department()).id, a.id] });
    const after = await statementsDuring(() => sut.overviewFor(principal({ strategist: true })));
    expect(after).toHaveLength(4);
    expect(await statementsDuring(() => sut.overviewFor(principal({ coordinator: [a.id, b.id] })))).toHaveLength(4);
  });
});
