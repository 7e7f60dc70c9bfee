import { DatabaseNotifications } from '@samverka/database';
import { IdentityModule, PRINCIPAL_CHANGED, PrincipalCache, PrincipalService, SignInService, UserAdminService } from '@samverka/identity';
import { Client } from 'pg';
import { eventually } from '../support/eventually';
import { TEST_ACTOR, TEST_PASSWORD } from '../support/given';
import { mediumContext, MediumContext } from '../support/medium';
import { statementsDuring } from '../support/statements';

/**
 * Who the caller is, from the process's cache: no statement in the steady state, and dropped as soon as
 * anything it was built from changes — through the app, or by hand in SQL from another connection
 * (the database triggers notify every listening process at commit).
 */
describe('the principal cache', () => {
  let ctx: MediumContext;
  let principals: PrincipalService;
  let cache: PrincipalCache;
  let notifications: DatabaseNotifications;
  /** Another connection, as another process or an operator in psql would change things. */
  let other: Client;

  beforeAll(async () => {
    ctx = await mediumContext([IdentityModule], undefined, { PRINCIPAL_CACHE_SECONDS: '60' });
    principals = ctx.get(PrincipalService);
    cache = ctx.get(PrincipalCache);
    notifications = ctx.get(DatabaseNotifications);
    other = new Client({ connectionString: (ctx.dataSource.options as { url: string }).url });
    await other.connect();
  });
  afterAll(async () => {
    await other.end();
    await ctx.close();
  });

  const apiToken = async (email: string) => (await ctx.get(SignInService).signInWithPassword({ email, password: TEST_PASSWORD, kind: 'api', ip: '10.0.0.1' })).token;
  /** Resolves once this process has heard every notification committed so far. */
  const heard = () => notifications.barrier(PRINCIPAL_CHANGED);
  /** The principal, once the listener is up (the first lookup subscribes). */
  const warm = async (token: string) => {
    await principals.forToken(token, 'api');
    await eventually('the cache listens', async () => notifications.live, (live) => live);
    return principals.forToken(token, 'api');
  };

  it('answers a known caller without a statement, and an unknown token from the database', async () => {
    const user = await ctx.given.user({ roles: [{ role: 'strategist' }] });
    const token = await apiToken(user.email);
    expect((await warm(token))?.strategist).toBe(true);

    const statements = await statementsDuring(async () => {
      for (let i = 0; i < 5; i++) expect((await principals.forToken(token, 'api'))?.userId).toBe(user.user.id);
    });
    expect(statements).toEqual([]);

    const unknown = await statementsDuring(() => principals.forToken('not-a-token', 'api'));
    expect(unknown.length).toBeGreaterThan(0);
    // A token of the wrong kind is not served from the other kind's entry.
    expect(await principals.forToken(token, 'web')).toBeNull();
  });

  it('drops the principal when a session is revoked, a user disabled or a role revoked through the app', async () => {
    const admin = await ctx.given.user({ roles: [{ role: 'admin' }] });
    const user = await ctx.given.user({ roles: [{ role: 'strategist' }, { role: 'admin' }] });
    const token = await apiToken(user.email);
    const before = await warm(token);
    expect(before?.admin).toBe(true);

    const adminGrant = (await ctx.get(UserAdminService).get(user.user.id)).grants.find((g) => g.role === 'admin')!;
    await ctx.get(UserAdminService).revokeRole({ personId: admin.user.personId, label: admin.email }, user.user.id, adminGrant.id);
    // No waiting: the service returns once this process has dropped what it cached.
    const after = await principals.forToken(token, 'api');
    expect(after?.admin).toBe(false);
    expect(after?.strategist).toBe(true);

    await ctx.get(UserAdminService).disable(TEST_ACTOR, user.user.id);
    expect(await principals.forToken(token, 'api')).toBeNull();
  });

  it('drops it when the tables change by hand in another connection: a role, an assignment, a revoked session', async () => {
    const user = await ctx.given.user({ roles: [] });
    const department = await ctx.given.department();
    const token = await apiToken(user.email);
    expect((await warm(token))?.coordinator).toEqual([]);

    await other.query("insert into role_grant (user_id, role) values ($1, 'strategist')", [user.user.id]);
    await heard();
    expect((await principals.forToken(token, 'api'))?.strategist).toBe(true);

    await ctx.given.coordinator(department, { personId: user.user.personId });
    await heard();
    expect((await principals.forToken(token, 'api'))?.coordinator).toEqual([department.id]);

    await other.query("update coordinator_assignment set valid_to = '2026-01-15' where person_id = $1", [user.user.personId]);
    await heard();
    expect((await principals.forToken(token, 'api'))?.coordinator).toEqual([]);

    await other.query('update person set name = $2 where id = $1', [user.user.personId, 'Nytt Namn']);
    await heard();
    expect((await principals.forToken(token, 'api'))?.name).toBe('Nytt Namn');

    await other.query('update auth_session set revoked_at = now() where user_id = $1', [user.user.id]);
    await heard();
    expect(await principals.forToken(token, 'api')).toBeNull();
  });

  it('keeps the cache when a session is only marked seen, and honours the idle limit of a browser session', async () => {
    const user = await ctx.given.user({ roles: [{ role: 'strategist' }] });
    const web = await ctx.get(SignInService).signInWithPassword({ email: user.email, password: TEST_PASSWORD, kind: 'web', ip: '10.0.0.1' });
    expect((await principals.forToken(web.token, 'web'))?.userId).toBe(user.user.id);
    await eventually('the cache listens', async () => notifications.live, (live) => live);
    await principals.forToken(web.token, 'web');
    const generation = cache.generation;

    // Two minutes on: the hit marks the session seen (once, in the background), and that notifies nothing.
    ctx.clock.set(new Date(ctx.clock.now().getTime() + 2 * 60_000));
    expect((await principals.forToken(web.token, 'web'))?.userId).toBe(user.user.id);
    const seen = await eventually(
      'the session marked seen',
      async () => (await other.query<{ last_seen_at: Date }>('select last_seen_at from auth_session where id = $1', [web.session.id])).rows[0].last_seen_at,
      (at) => at.getTime() === ctx.clock.now().getTime(),
    );
    expect(seen.getTime()).toBe(ctx.clock.now().getTime());
    await heard();
    expect(cache.generation).toBe(generation);
    expect(await statementsDuring(() => principals.forToken(web.token, 'web'))).toEqual([]);

    // Past the idle limit (120 minutes): the cached entry is not trusted; the database ends the session.
    ctx.clock.set(new Date(ctx.clock.now().getTime() + 121 * 60_000));
    expect(await principals.forToken(web.token, 'web')).toBeNull();
    const revoked = await other.query<{ revoked_at: Date | null }>('select revoked_at from auth_session where id = $1', [web.session.id]);
    expect(revoked.rows[0].revoked_at).not.toBeNull();
    ctx.clock.set(new Date('2026-03-02T09:00:00Z'));
  });

  it('serves nothing from the cache while the listening connection is gone, and caches again once it is back', async () => {
    const user = await ctx.given.user({ roles: [{ role: 'strategist' }] });
    const token = await apiToken(user.email);
    await warm(token);
    expect(await statementsDuring(() => principals.forToken(token, 'api'))).toEqual([]);

    const killed = await other.query<{ n: number }>(
      "select count(pg_terminate_backend(pid))::int as n from pg_stat_activity where application_name = 'samverka-listen' and datname = current_database()",
    );
    expect(killed.rows[0].n).toBe(1);
    await eventually('the listener noticed', async () => notifications.live, (live) => !live);
    expect(cache.size).toBe(0);
    // Meanwhile a change nobody hears: the lookup goes to the database and sees it.
    await other.query("insert into role_grant (user_id, role) values ($1, 'admin')", [user.user.id]);
    const during = await statementsDuring(async () => expect((await principals.forToken(token, 'api'))?.admin).toBe(true));
    expect(during.length).toBeGreaterThan(0);

    await eventually('the listener reconnected', async () => notifications.live, (live) => live);
    await principals.forToken(token, 'api');
    expect(await statementsDuring(() => principals.forToken(token, 'api'))).toEqual([]);
  });
});
