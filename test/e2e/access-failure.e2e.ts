import { randomUUID } from 'node:crypto';
import { AuthedApi, e2eContext, E2eContext } from '../support/e2e';

/**
 * A rule that cannot decide is an error, not a refusal: when the database fails while the AccessGuard
 * loads what a rule is about (whose need this is, who takes part in the round), the caller gets a 500
 * with its errorId, never a 403 that would hide the failure. (A missing need or round still answers 403,
 * as the access table expects.) The failure is real: the table the policy reads is renamed away.
 */
describe('access: a failure to decide', () => {
  let ctx: E2eContext;
  let coordinator: AuthedApi;
  let roundId: string;

  beforeAll(async () => {
    ctx = await e2eContext();
    const department = await ctx.given.department();
    coordinator = await ctx.as([]);
    await ctx.given.coordinator(department, { personId: coordinator.personId, validFrom: '2020-01-01' });
    roundId = (await ctx.given.round({ participantDepartmentIds: [department.id] })).id;
  });
  afterAll(async () => {
    await ctx?.close();
  });

  /** The request, first with the table there, then with it gone (put back afterwards). */
  async function withTableGone(table: string, call: () => Promise<{ status: number; body: any }>) {
    const before = await call();
    await ctx.dataSource.query(`alter table ${table} rename to ${table}_away`);
    try {
      return { before, during: await call() };
    } finally {
      await ctx.dataSource.query(`alter table ${table}_away rename to ${table}`);
    }
  }

  const failedWithErrorId = (res: { status: number; body: any }) => {
    expect(res.status).toBe(500);
    expect(res.body.code).toBe('INTERNAL_ERROR');
    expect(res.body.errorId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(res.body.message).toContain(res.body.errorId);
  };

  it("answers 500 with an errorId when the need's department cannot be looked up (403 for a need that does not exist)", async () => {
    const { before, during } = await withTableGone('need', () => coordinator.api('PATCH', `/api/v1/rounds/${roundId}/needs/${randomUUID()}`, { title: 'Ny rubrik' }));
    expect(before.status).toBe(403);
    failedWithErrorId(during);
  });

  it("answers 500 with an errorId when the round's participants cannot be looked up (403 for a round the caller does not take part in)", async () => {
    const { before, during } = await withTableGone('plan_round_participant', () => coordinator.api('GET', `/api/v1/rounds/${randomUUID()}`));
    expect(before.status).toBe(403);
    failedWithErrorId(during);
  });

  it('still lets the participant read their round once the table is back', async () => {
    expect((await coordinator.api('GET', `/api/v1/rounds/${roundId}`)).status).toBe(200);
  });
});
