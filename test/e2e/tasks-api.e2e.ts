import { DepartmentEntity } from '@samverka/organisation';
import { PlanRoundView } from '@samverka/rounds';
import { e2eContext, E2eContext } from '../support/e2e';

/** GET /api/v1/me/tasks: the answer's shape (checked against the OpenAPI document by `ctx.api`) for each role. */
describe('tasks over the API', () => {
  let ctx: E2eContext;
  let a: DepartmentEntity;
  let b: DepartmentEntity;
  let round: PlanRoundView;

  beforeAll(async () => {
    ctx = await e2eContext();
    a = await ctx.given.department({ name: 'Förskoleförvaltningen' });
    b = await ctx.given.department({ name: 'Kulturförvaltningen' });
    round = await ctx.given.roundInCollectingNeeds({ title: 'Utvecklingsplan 2027', participantDepartmentIds: [a.id, b.id] });
  });
  afterAll(() => ctx?.close());

  const tasksAs = async (roles: Parameters<E2eContext['as']>[0]) => {
    const res = await (await ctx.as(roles)).api('GET', '/api/v1/me/tasks');
    expect(res.status).toBe(200);
    return res.body as Array<Record<string, unknown>>;
  };

  it('answers 401 without a session', async () => {
    expect((await ctx.api('GET', '/api/v1/me/tasks')).status).toBe(401);
  });

  it('gives a coordinator their department’s needs to hand in, with the deadline and the needs page', async () => {
    const user = await ctx.as('nobody');
    await ctx.given.coordinator(a, { personId: user.personId });
    const res = await user.api('GET', '/api/v1/me/tasks');
    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      {
        kind: 'needs.hand_in',
        title: 'Lämna in behoven för Förskoleförvaltningen till Utvecklingsplan 2027: inga behov i utkastet ännu',
        dueOn: round.deadlines.needs,
        overdue: false,
        href: `/planomgangar/${round.id}/behov/${a.id}`,
        roundId: round.id,
        departmentId: a.id,
        committeeId: a.committeeId,
      },
      expect.objectContaining({ kind: 'assignment.acknowledge', dueOn: null, href: expect.stringMatching(new RegExp(`^/forvaltningar/${a.id}/uppdrag/[0-9a-f-]{36}/bekrafta$`)) }),
    ]);
  });

  it('gives management their department without a coordinator (nothing handed in to endorse yet)', async () => {
    const body = await tasksAs([{ role: 'management', departmentId: b.id }]);
    expect(body).toEqual([expect.objectContaining({ kind: 'department.lacks_coordinator', href: `/forvaltningar/${b.id}`, departmentId: b.id })]);
  });

  it('gives a strategist the open rounds, an admin the coverage gaps, a secretary their committee’s departments', async () => {
    expect(await tasksAs([{ role: 'strategist' }])).toEqual([expect.objectContaining({ kind: 'round.progress', roundId: round.id, href: `/planomgangar/${round.id}` })]);
    expect(await tasksAs([{ role: 'admin' }])).toEqual([expect.objectContaining({ kind: 'coverage.gaps', href: '/forvaltningar', dueOn: null, overdue: false })]);
    expect(await tasksAs([{ role: 'committee_secretary', committeeId: b.committeeId }])).toEqual([
      expect.objectContaining({ kind: 'committee.submissions', departmentId: b.id, committeeId: b.committeeId, roundId: round.id }),
    ]);
  });

  it('gives someone with no role and nothing to do an empty list', async () => {
    expect(await tasksAs('nobody')).toEqual([]);
  });
});
