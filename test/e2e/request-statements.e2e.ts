import { DatabaseNotifications } from '@samverka/database';
import { E2eContext, e2eContext } from '../support/e2e';
import { GivenFollowUp } from '../support/given-follow-up';
import { eventually } from '../support/eventually';
import { statementsDuring } from '../support/statements';

/**
 * What a signed-in request costs in round trips, over HTTP, with the principal cache on as in
 * production: nothing for who the caller is, and the budgets for the hot reads (the bench
 * measures their speed; this keeps their statement counts).
 */
describe('statements per signed-in request', () => {
  let ctx: E2eContext;

  beforeAll(async () => {
    ctx = await e2eContext({ PRINCIPAL_CACHE_SECONDS: '60' });
  });
  afterAll(() => ctx?.close());

  /** Statements sent while the app answers `path` (already warm); the answer must be a 200. */
  const cost = async (api: (method: string, path: string) => Promise<{ status: number }>, path: string) => {
    let status = 0;
    const statements = await statementsDuring(async () => (status = (await api('GET', path)).status));
    expect(status).toBe(200);
    return statements;
  };

  it('a strategist: the departments list in one statement, a round in one, none for who is asking', async () => {
    const strategist = await ctx.as([{ role: 'strategist' }]);
    const round = await ctx.given.roundInCollectingNeeds();
    await strategist.api('GET', '/api/v1/departments');
    await eventually('the principal cache listens', async () => ctx.app.get(DatabaseNotifications).live, (live) => live);
    await strategist.api('GET', '/api/v1/departments');

    const departments = await cost(strategist.api, '/api/v1/departments');
    expect(departments).toHaveLength(1);
    expect(await cost(strategist.api, `/api/v1/rounds/${round.id}`)).toHaveLength(1);
    // A new caller costs the lookup once; then nothing again.
    const another = await ctx.as([{ role: 'strategist' }]);
    expect((await cost(another.api, '/api/v1/departments')).length).toBeGreaterThan(1);
    expect(await cost(another.api, '/api/v1/departments')).toHaveLength(1);
  });

  it("a coordinator reads the round they take part in within the budget of three", async () => {
    const department = await ctx.given.department();
    const person = await ctx.given.person();
    await ctx.given.coordinator(department, { personId: person.id });
    const round = await ctx.given.roundInCollectingNeeds({ participantDepartmentIds: [department.id] });
    expect(round.participants.map((p) => p.departmentId)).toEqual([department.id]);
    const coordinator = await ctx.as([], { email: person.email });
    await coordinator.api('GET', `/api/v1/rounds/${round.id}`);
    const statements = await cost(coordinator.api, `/api/v1/rounds/${round.id}`);
    expect(statements.length).toBeGreaterThanOrEqual(1);
    expect(statements.length).toBeLessThanOrEqual(3);
  });

  it("a round's plan, its compilation and its follow-up: one or two statements each", async () => {
    const department = await ctx.given.department();
    const adopted = await new GivenFollowUp(ctx.app, ctx.given).roundInFollowUp({
      participantDepartmentIds: [department.id],
      items: [{ areaCode: 'LOKAL_SERVICE', title: 'Vägledning', responsibilities: [{ contactCentre: true, role: 'accountable' }, { departmentId: department.id, role: 'responsible', effortHours: 100 }] }],
    });
    const strategist = await ctx.as([{ role: 'strategist' }]);
    const paths = [`/api/v1/rounds/${adopted.round.id}/plan`, `/api/v1/rounds/${adopted.round.id}/consultation/compilation`, `/api/v1/rounds/${adopted.round.id}/follow-up`];
    for (const path of paths) await strategist.api('GET', path);
    const counts = [];
    for (const path of paths) counts.push((await cost(strategist.api, path)).length);
    expect(counts).toEqual([2, 2, 1]);
  });

  it('the tasks cost one statement, whatever the roles; the start page three for a coordinator', async () => {
    const department = await ctx.given.department();
    const person = await ctx.given.person();
    await ctx.given.coordinator(department, { personId: person.id });
    await ctx.given.roundInCollectingNeeds({ participantDepartmentIds: [department.id] });
    const coordinator = await ctx.as([], { email: person.email });
    const strategist = await ctx.as([{ role: 'strategist' }, { role: 'admin' }]);
    for (const caller of [coordinator, strategist]) await caller.api('GET', '/api/v1/me/tasks');

    const coordinatorTasks = await cost(coordinator.api, '/api/v1/me/tasks');
    expect(coordinatorTasks).toHaveLength(1);
    expect(coordinatorTasks[0]).toContain('plan_round_participant'); // the hand-in select is in it
    const strategistTasks = await cost(strategist.api, '/api/v1/me/tasks');
    expect(strategistTasks).toHaveLength(1);
    expect(strategistTasks[0]).toContain("from notification where status = 'failed'"); // and the admin's
    // The page: the header's own departments, the own assignments to acknowledge, the tasks.
    const cookie = await ctx.webCookieFor(person.email);
    const startPage = () => fetch(`${ctx.baseUrl}/`, { headers: { cookie, accept: 'text/html' } });
    await startPage();
    let page = '';
    expect(await statementsDuring(async () => (page = await (await startPage()).text()))).toHaveLength(3);
    expect(page).toContain('Lämna in behoven för');
  });
});
