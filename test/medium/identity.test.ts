import { AuditEventEntity } from '@samverka/audit';
import {
  IdentityErrorCode,
  IdentityModule,
  PrincipalService,
  SessionService,
  SignInService,
  UserAdminService,
} from '@samverka/identity';
import { CommonErrorCode } from '@samverka/kernel';
import { CoordinatorService } from '@samverka/organisation';
import { codeOf } from '../support/code-of';
import { TEST_ACTOR, TEST_PASSWORD } from '../support/given';
import { mediumContext, MediumContext } from '../support/medium';

const env = { SIGN_IN_MAX_FAILURES_PER_ACCOUNT: '3', SIGN_IN_MAX_FAILURES_PER_ADDRESS: '10', SIGN_IN_WINDOW_MINUTES: '15' };

describe('identity', () => {
  let ctx: MediumContext;
  let signIn: SignInService;
  let sessions: SessionService;
  let users: UserAdminService;

  beforeAll(async () => {
    ctx = await mediumContext([IdentityModule], undefined, env);
    signIn = ctx.get(SignInService);
    sessions = ctx.get(SessionService);
    users = ctx.get(UserAdminService);
  });
  afterAll(() => ctx.close());
  afterEach(() => ctx.clock.set(new Date('2026-03-02T09:00:00Z')));

  const attempt = (email: string, password: string, ip = '10.0.0.1') => signIn.signInWithPassword({ email, password, ip, kind: 'api' });

  describe(SignInService.name, () => {
    it('signs in with the right password, case-insensitively by e-mail, and stores only a hash of the token', async () => {
      const u = await ctx.given.user({ email: 'Ella.Åkerman@malmo.example' });
      const { token, session, expiresInSeconds } = await attempt('ella.åkerman@MALMO.example', TEST_PASSWORD);
      expect(expiresInSeconds).toBe(3600);
      expect(session.userId).toBe(u.user.id);
      expect(session.tokenHash).not.toContain(token);
      expect((await sessions.resolve(token, 'api'))?.id).toBe(session.id);
      expect(await sessions.resolve(token, 'web')).toBeNull();
      const events = await ctx.dataSource.getRepository<AuditEventEntity>('AuditEventEntity').findBy({ subjectId: u.user.id, action: 'auth.signed_in' });
      expect(events[0].after).toMatchObject({ method: 'password', ip: '10.0.0.1' });
      expect(events[0]).toMatchObject({ actorId: u.user.personId, actorIp: '10.0.0.1' });
    });

    it('gives the same answer for a wrong password and an unknown account', async () => {
      await ctx.given.user({ email: 'known@malmo.example' });
      expect(await codeOf(attempt('known@malmo.example', 'fel lösenord här'))).toBe(IdentityErrorCode.INVALID_CREDENTIALS);
      expect(await codeOf(attempt('unknown@malmo.example', 'fel lösenord här'))).toBe(IdentityErrorCode.INVALID_CREDENTIALS);
    });

    it('locks an account after repeated failures, even for the right password, and opens it when the window has passed', async () => {
      await ctx.given.user({ email: 'locked@malmo.example' });
      for (let i = 0; i < 3; i++) expect(await codeOf(attempt('locked@malmo.example', `fel ${i}`, `10.0.1.${i}`))).toBe(IdentityErrorCode.INVALID_CREDENTIALS);
      const locked = await attempt('locked@malmo.example', TEST_PASSWORD, '10.0.1.9').catch((e) => e);
      expect(locked.code).toBe(IdentityErrorCode.SIGN_IN_LOCKED);
      expect(locked.message).toMatch(/För många misslyckade inloggningsförsök\. Försök igen om 15 minuter\./);
      expect(locked.context.retryAfterSeconds).toBe(900);
      ctx.clock.advanceDays(1 / 96 + 1 / 86400); // 15 minutes and a second
      await expect(attempt('locked@malmo.example', TEST_PASSWORD, '10.0.1.9')).resolves.toMatchObject({ token: expect.any(String) });
    });

    it('limits one address trying many accounts', async () => {
      for (let i = 0; i < 10; i++) await codeOf(attempt(`spray${i}@malmo.example`, 'gissning', '10.9.9.9'));
      expect(await codeOf(attempt('spray-next@malmo.example', 'gissning', '10.9.9.9'))).toBe(IdentityErrorCode.SIGN_IN_LOCKED);
      expect(await codeOf(attempt('spray-next@malmo.example', 'gissning', '10.9.9.8'))).toBe(IdentityErrorCode.INVALID_CREDENTIALS);
    });

    it('refuses a disabled user, and disabling revokes every session and token at once', async () => {
      const u = await ctx.given.user();
      const api = await attempt(u.email, TEST_PASSWORD);
      const web = await signIn.signInWithPassword({ email: u.email, password: TEST_PASSWORD, ip: '10.0.0.2', kind: 'web' });
      await users.disable(TEST_ACTOR, u.user.id);
      expect(await sessions.resolve(api.token, 'api')).toBeNull();
      expect(await sessions.resolve(web.token, 'web')).toBeNull();
      expect(await codeOf(attempt(u.email, TEST_PASSWORD))).toBe(IdentityErrorCode.USER_DISABLED);
      await users.enable(TEST_ACTOR, u.user.id);
      // Re-enabling does not bring the old sessions back.
      expect(await sessions.resolve(api.token, 'api')).toBeNull();
    });
  });

  describe(SessionService.name, () => {
    it('expires tokens at their lifetime, browser sessions also when idle, and revokes on sign-out', async () => {
      const u = await ctx.given.user();
      const api = await attempt(u.email, TEST_PASSWORD);
      ctx.clock.advanceDays(59 / 1440);
      expect(await sessions.resolve(api.token, 'api')).not.toBeNull();
      ctx.clock.advanceDays(2 / 1440);
      expect(await sessions.resolve(api.token, 'api')).toBeNull();

      ctx.clock.set(new Date('2026-03-02T09:00:00Z'));
      const web = await signIn.signInWithPassword({ email: u.email, password: TEST_PASSWORD, ip: '10.0.0.3', kind: 'web' });
      ctx.clock.advanceDays(100 / 1440);
      expect(await sessions.resolve(web.token, 'web')).not.toBeNull(); // touched: idle clock restarts
      ctx.clock.advanceDays(121 / 1440);
      expect(await sessions.resolve(web.token, 'web')).toBeNull(); // idle 2 h 1 min

      const again = await signIn.signInWithPassword({ email: u.email, password: TEST_PASSWORD, ip: '10.0.0.3', kind: 'web' });
      await signIn.signOut(again.session.id, { personId: u.user.personId, label: 'x' }, u.user.id, '10.0.0.3');
      expect(await sessions.resolve(again.token, 'web')).toBeNull();
    });

    it('signs out every session when the password is changed', async () => {
      const u = await ctx.given.user();
      const before = await attempt(u.email, TEST_PASSWORD);
      await users.setPassword(TEST_ACTOR, u.user.id, 'ett helt nytt lösenord');
      expect(await sessions.resolve(before.token, 'api')).toBeNull();
      expect(await codeOf(attempt(u.email, TEST_PASSWORD, '10.0.2.1'))).toBe(IdentityErrorCode.INVALID_CREDENTIALS);
      const after = await attempt(u.email, 'ett helt nytt lösenord', '10.0.2.1');
      expect(await sessions.resolve(after.token, 'api')).toMatchObject({ userId: u.user.id });
    });
  });

  describe(UserAdminService.name, () => {
    it('grants scoped roles only with their scope, idempotently, and audits grants and revocations', async () => {
      const department = await ctx.given.department();
      const u = await ctx.given.user();
      expect(await codeOf(users.grantRole(TEST_ACTOR, u.user.id, { role: 'management' }))).toBe(CommonErrorCode.VALIDATION_FAILED);
      expect(await codeOf(users.grantRole(TEST_ACTOR, u.user.id, { role: 'admin', departmentId: department.id }))).toBe(CommonErrorCode.VALIDATION_FAILED);
      expect(await codeOf(users.grantRole(TEST_ACTOR, u.user.id, { role: 'committee_secretary', committeeId: '00000000-0000-4000-8000-000000000000' }))).toBe(
        CommonErrorCode.UNKNOWN_REFERENCE,
      );
      const first = await users.grantRole(TEST_ACTOR, u.user.id, { role: 'management', departmentId: department.id });
      const second = await users.grantRole(TEST_ACTOR, u.user.id, { role: 'management', departmentId: department.id });
      expect(second.id).toBe(first.id);
      await users.revokeRole(TEST_ACTOR, u.user.id, first.id);
      expect((await users.get(u.user.id)).grants).toEqual([]);
      const actions = (await ctx.dataSource.getRepository<AuditEventEntity>('AuditEventEntity').findBy({ subjectId: u.user.id })).map((e) => e.action);
      expect(actions).toEqual(expect.arrayContaining(['user.created', 'user.role_granted', 'user.role_revoked']));
      expect(actions.filter((a) => a === 'user.role_granted')).toHaveLength(1);
    });

    it('refuses a second account for the same person and a short password, creating nothing', async () => {
      const u = await ctx.given.user();
      expect(await codeOf(users.create(TEST_ACTOR, { email: u.email.toUpperCase(), password: TEST_PASSWORD }))).toBe(CommonErrorCode.DUPLICATE);
      expect(await codeOf(users.create(TEST_ACTOR, { email: 'kort@malmo.example', name: 'Kort', password: 'kort' }))).toBe(CommonErrorCode.VALIDATION_FAILED);
      expect(await users.findByEmail('kort@malmo.example')).toBeNull();
    });

    it("creates the login for the person who has the e-mail, and refuses a name or title that is not that person's rather than dropping it", async () => {
      const person = await ctx.given.person({ name: 'Annika Åsberg', email: 'annika.asberg@malmo.example', title: 'Avdelningschef' });
      const refused = await users.create(TEST_ACTOR, { email: person.email, name: 'Annika Åsberg Lind', title: 'Enhetschef', password: TEST_PASSWORD }).catch((e: unknown) => e);
      expect(refused).toMatchObject({ code: CommonErrorCode.VALIDATION_FAILED, details: [{ field: 'name', rule: 'matchesPerson' }, { field: 'title', rule: 'matchesPerson' }] });
      expect(await users.findByEmail(person.email)).toBeNull();
      // The person's own name (or none) is the same person: the login is made for them.
      const created = await users.create(TEST_ACTOR, { email: person.email, name: ' Annika Åsberg ', password: TEST_PASSWORD });
      expect(created.user.personId).toBe(person.id);
    });
  });

  describe(PrincipalService.name, () => {
    it('gives coordinator reach from an assignment valid today, and takes it away when the assignment ends', async () => {
      const department = await ctx.given.department();
      const u = await ctx.given.user();
      const assignment = await ctx.given.coordinator(department, { personId: u.user.personId, kind: 'deputy', validFrom: '2026-01-01', validTo: '2026-03-31' });
      const { session } = await signIn.signInWithPassword({ email: u.email, password: TEST_PASSWORD, ip: '10.0.3.1', kind: 'web' });
      const principals = ctx.get(PrincipalService);
      const resolved = async () => principals.forSession((await sessions.resolve((await signIn.signInWithPassword({ email: u.email, password: TEST_PASSWORD, ip: '10.0.3.1', kind: 'web' })).token, 'web'))!);
      expect((await resolved()).coordinator).toEqual([department.id]);
      expect(session.kind).toBe('web');

      ctx.clock.set(new Date('2026-04-01T08:00:00Z'));
      expect((await resolved()).coordinator).toEqual([]);
      ctx.clock.set(new Date('2026-03-02T09:00:00Z'));
      await ctx.get(CoordinatorService).end(TEST_ACTOR, assignment.id, {});
      ctx.clock.advanceDays(1);
      expect((await resolved()).coordinator).toEqual([]);
    });
  });
});
