import { addDays, localDateInCity, workingDaysBetween } from '@samverka/kernel';
import { DepartmentEntity } from '@samverka/organisation';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { AuthedApi, e2eContext, E2eContext } from '../support/e2e';
import { GivenFollowUp, RoundInFollowUp } from '../support/given-follow-up';

/**
 * The follow-up's REST contract: strategists set the periods; a department's coordinator reports for the
 * department and a strategist for the contact centre, a correction being the next revision; the view
 * rolls up by effort and lists what is overdue, in a fixed number of statements.
 */
describe('follow-up API', () => {
  let ctx: E2eContext;
  let strategist: AuthedApi;
  let coordinatorA: AuthedApi;
  let coordinatorB: AuthedApi;
  let managerA: AuthedApi;
  let a: DepartmentEntity;
  let b: DepartmentEntity;
  let adopted: RoundInFollowUp;
  let p1: string;
  let p2: string;
  const today = localDateInCity(new Date());
  const pastDue = addDays(today, -20);

  beforeAll(async () => {
    ctx = await e2eContext();
    a = await ctx.given.department({ name: 'Förskoleförvaltningen' });
    b = await ctx.given.department({ name: 'Kulturförvaltningen' });
    strategist = await ctx.as([{ role: 'strategist' }], { name: 'Stina Strateg' });
    managerA = await ctx.as([{ role: 'management', departmentId: a.id }]);
    coordinatorA = await ctx.as([], { name: 'Annika Åsberg' });
    coordinatorB = await ctx.as([], { name: 'Bo Berg' });
    await ctx.given.coordinator(a, { personId: coordinatorA.personId, validFrom: '2020-01-01' });
    await ctx.given.coordinator(b, { personId: coordinatorB.personId, validFrom: '2020-01-01' });
    adopted = await new GivenFollowUp(ctx.app, ctx.given).roundInFollowUp({
      participantDepartmentIds: [a.id, b.id],
      items: [
        { areaCode: 'LOKAL_SERVICE', title: 'Vägledning på biblioteken', responsibilities: [{ departmentId: a.id, role: 'responsible', effortHours: 100 }, { contactCentre: true, role: 'accountable' }] },
        { areaCode: 'LOKAL_SERVICE', title: 'Publika datorer', responsibilities: [{ departmentId: b.id, role: 'responsible', effortHours: 300 }, { contactCentre: true, role: 'accountable' }] },
        { areaCode: 'TILLGANGLIGHET', title: 'Gemensam ingång', responsibilities: [{ contactCentre: true, role: 'responsible', effortHours: 50 }, { departmentId: a.id, role: 'accountable' }] },
      ],
    });
  });
  afterAll(async () => {
    await ctx?.close();
  });

  const base = () => `/api/v1/rounds/${adopted.round.id}`;
  const reports = (itemIndex: number) => `${base()}/plan/items/${adopted.items[itemIndex].id}/reports`;
  const report = (values: Record<string, unknown> = {}) => ({ periodId: p1, departmentId: a.id, status: 'on_track', progress: 30, comment: 'Utbildningen pågår.', ...values });

  it('sets the periods (strategists), reads them (round readers), and refuses bad ones naming every field', async () => {
    const set = await strategist.api('PUT', `${base()}/follow-up/periods`, { periods: [{ label: 'Första', dueOn: pastDue }, { label: 'Andra', dueOn: addDays(today, 60) }] });
    expect(set.status).toBe(200);
    expect(set.body.periods.map((p: { label: string; dueOn: string }) => [p.label, p.dueOn])).toEqual([['Första', pastDue], ['Andra', addDays(today, 60)]]);
    [p1, p2] = set.body.periods.map((p: { id: string }) => p.id);
    expect((await managerA.api('GET', `${base()}/follow-up/periods`)).body.periods).toEqual(set.body.periods);

    const bad = await strategist.api('PUT', `${base()}/follow-up/periods`, { periods: [{ label: ' ', dueOn: '2026-02-30' }, { label: 'Andra', dueOn: 'i morgon' }] });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['periods[0].dueOn', 'periods[1].dueOn']));
    const blank = await strategist.api('PUT', `${base()}/follow-up/periods`, { periods: [{ label: ' ', dueOn: today }, { label: 'andra', dueOn: today }, { label: 'Andra', dueOn: today }] });
    expect(blank.status).toBe(400);
    expect(blank.body.details.map((d: { field: string; rule: string }) => `${d.field}:${d.rule}`)).toEqual(['periods.0.label:isNotEmpty', 'periods.2.label:unique']);
    expect((await coordinatorA.api('PUT', `${base()}/follow-up/periods`, { periods: [{ label: 'X', dueOn: today }] })).status).toBe(403);
  });

  it('records a report and a correction as revisions 1 and 2, and keeps both in the history', async () => {
    const first = await coordinatorA.api('POST', reports(0), report());
    expect(first).toMatchObject({ status: 201, body: { revision: 1, periodId: p1, status: 'on_track', progress: 30, organisation: { kind: 'department', departmentId: a.id } } });
    const second = await coordinatorA.api('POST', reports(0), report({ progress: 50, comment: 'Rättat: hälften klart.' }));
    expect(second).toMatchObject({ status: 201, body: { revision: 2, progress: 50 } });
    const history = await managerA.api('GET', reports(0));
    expect(history.status).toBe(200);
    expect(history.body.map((r: { revision: number; comment: string; reportedBy: string }) => [r.revision, r.comment, r.reportedBy])).toEqual([
      [2, 'Rättat: hälften klart.', 'Annika Åsberg'],
      [1, 'Utbildningen pågår.', 'Annika Åsberg'],
    ]);
    const contactCentre = await strategist.api('POST', reports(2), report({ departmentId: undefined, contactCentre: true, progress: 20 }));
    expect(contactCentre).toMatchObject({ status: 201, body: { revision: 1, organisation: { kind: 'contactCentre' } } });
  });

  it('refuses those who may not report for the organisation (403), writing nothing', async () => {
    const count = async () => Number((await ctx.dataSource.query('select count(*) from follow_up_report'))[0].count);
    const before = await count();
    expect(await coordinatorB.api('POST', reports(0), report())).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    expect(await managerA.api('POST', reports(0), report())).toMatchObject({ status: 403 });
    expect(await strategist.api('POST', reports(0), report())).toMatchObject({ status: 403, body: { code: 'REPORT_NOT_ALLOWED' } });
    expect(await coordinatorA.api('POST', reports(2), report({ departmentId: undefined, contactCentre: true }))).toMatchObject({ status: 403 });
    expect(await count()).toBe(before);
  });

  it('answers 422 for an organisation that is not responsible or an unknown period, 400 for bad input, 404 for an unknown item', async () => {
    expect(await coordinatorA.api('POST', reports(1), report())).toMatchObject({ status: 422, body: { code: 'NOT_RESPONSIBLE_FOR_ITEM', details: [{ field: 'departmentId', rule: 'responsible' }] } });
    expect(await coordinatorA.api('POST', reports(0), report({ periodId: randomUUID() }))).toMatchObject({ status: 422, body: { code: 'PERIOD_NOT_FOUND', details: [{ field: 'periodId' }] } });
    const bad = await coordinatorA.api('POST', reports(0), report({ status: 'delayed', progress: 120, comment: '' }));
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string; rule: string }) => `${d.field}:${d.rule}`)).toEqual(
      expect.arrayContaining(['progress:range', 'comment:isNotEmpty', 'cause:isNotEmpty', 'needed:isNotEmpty']),
    );
    expect(await coordinatorA.api('POST', `${base()}/plan/items/${randomUUID()}/reports`, report())).toMatchObject({ status: 404, body: { code: 'FOLLOW_UP_ITEM_NOT_FOUND' } });
    expect(await managerA.api('GET', `${base()}/plan/items/${randomUUID()}/reports`)).toMatchObject({ status: 404 });
  });

  it('answers 409 for a period with reports left out, and outside follow-up', async () => {
    const dropped = await strategist.api('PUT', `${base()}/follow-up/periods`, { periods: [{ id: p2, label: 'Andra', dueOn: addDays(today, 60) }] });
    expect(dropped).toMatchObject({ status: 409, body: { code: 'PERIOD_HAS_REPORTS' } });
    const drafting = await ctx.given.roundInDraftingPlan({ participantDepartmentIds: [a.id] });
    const closed = await strategist.api('PUT', `/api/v1/rounds/${drafting.id}/follow-up/periods`, { periods: [{ label: 'T1', dueOn: today }] });
    expect(closed).toMatchObject({ status: 409, body: { code: 'FOLLOW_UP_NOT_OPEN' } });
  });

  it('rolls up the latest period already due by effort, per area, organisation and plan, and lists what is overdue', async () => {
    const view = await managerA.api('GET', `${base()}/follow-up`);
    expect(view.status).toBe(200);
    expect(view.body.plan.period).toMatchObject({ id: p1, due: true });
    // Vägledning 50 % of 100 h, Gemensam ingång 20 % of 50 h, Publika datorer (300 h) not reported: (5000 + 1000) / 150 = 40.
    expect(view.body.plan.rollUp).toMatchObject({ weightedProgress: 40, coveredEffortHours: 150, totalEffortHours: 450, effortCoverage: 33.3, reported: 2 });
    expect(view.body.areas.find((x: { code: string }) => x.code === 'LOKAL_SERVICE').rollUp).toMatchObject({ weightedProgress: 50, coveredEffortHours: 100, totalEffortHours: 400, effortCoverage: 25, reported: 1, notReported: 1 });
    const culture = view.body.departments.find((d: { name: string }) => d.name === 'Kulturförvaltningen');
    expect(culture).toMatchObject({ obligations: 1, reported: 0, missing: 1, overdue: 1, rollUp: { weightedProgress: null } });
    expect(view.body.overdue).toContainEqual({
      organisation: { kind: 'department', departmentId: b.id },
      name: 'Kulturförvaltningen',
      itemId: adopted.items[1].id,
      itemCode: adopted.items[1].code,
      itemTitle: 'Publika datorer',
      periodId: p1,
      periodLabel: 'Första',
      dueOn: pastDue,
      lateSince: addDays(pastDue, 1),
      workingDaysLate: workingDaysBetween(pastDue, today),
    });
    expect(view.body.overdue.some((o: { organisation: { departmentId?: string } }) => o.organisation.departmentId === a.id)).toBe(false);
    const later = await managerA.api('GET', `${base()}/follow-up?periodId=${p2}`);
    expect(later.body.plan).toMatchObject({ period: { id: p2, due: false }, rollUp: { weightedProgress: null, reported: 0 } });
    expect((await managerA.api('GET', `${base()}/follow-up?periodId=nej`)).status).toBe(400);
    expect((await strategist.api('GET', `/api/v1/rounds/${randomUUID()}/follow-up`)).status).toBe(404);
  });

  it('reads the view in the same few statements however many reports there are', async () => {
    const statements = async () => {
      const spy = jest.spyOn(Client.prototype, 'query');
      try {
        expect((await strategist.api('GET', `${base()}/follow-up`)).status).toBe(200);
        return spy.mock.calls.length;
      } finally {
        spy.mockRestore();
      }
    };
    const few = await statements();
    for (const progress of [60, 70, 80]) expect((await coordinatorA.api('POST', reports(0), report({ progress }))).status).toBe(201);
    expect((await coordinatorB.api('POST', reports(1), report({ departmentId: b.id, periodId: p2 }))).status).toBe(201);
    const many = await statements();
    expect(many).toBe(few);
    // the caller's session and roles, then the view itself in one statement (test/medium/follow-up-view.test.ts)
    expect(many).toBeLessThanOrEqual(4);
  });
});
