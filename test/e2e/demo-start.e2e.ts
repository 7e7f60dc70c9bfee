import { DEMO_PASSWORD, DEMO_USERS } from '@samverka/identity';
import { demoEmail } from '@samverka/organisation';
import { PlanRoundQueryService } from '@samverka/rounds';
import { E2eContext, e2eContext } from '../support/e2e';

/**
 * `npm start` in development: the API loads the demo city into an empty database before it
 * listens, and launches next year's round. Launching asks the round's fact providers, which the
 * app collects in a lifecycle hook: the start must run the hooks first.
 */
describe('the API started with the demo city (SEED_DEMO_DATA)', () => {
  let ctx: E2eContext;

  beforeAll(async () => {
    ctx = await e2eContext({ SEED_DEMO_DATA: 'true' });
  });

  afterAll(() => ctx?.close());

  it("loads the demo city and launches next year's round for its 13 departments, with what each has yet to hand in", async () => {
    const rounds = ctx.app.get(PlanRoundQueryService);
    const list = await rounds.list({ all: true, departmentIds: [], committeeIds: [] });
    expect(list.map((r) => r.state)).toEqual(['collectingNeeds']);
    const view = await rounds.view(list[0].id);
    expect(view.participants).toHaveLength(13);
    expect(view.events.find((e) => e.type === 'CLOSE_NEEDS')?.reasons).toContain('13 förvaltningar har inte lämnat in behov');
  });

  it('lets every demo user sign in with the demo password', async () => {
    const statuses = await Promise.all(
      DEMO_USERS.map(async (u) => (await ctx.api('POST', '/api/v1/auth/token', { email: demoEmail(u.name), password: DEMO_PASSWORD })).status),
    );
    expect(statuses).toEqual(DEMO_USERS.map(() => 200));
    expect(statuses.length).toBeGreaterThan(0);
  });
});
