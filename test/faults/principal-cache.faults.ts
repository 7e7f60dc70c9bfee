import { addDays, localDateInCity } from '@samverka/kernel';
import { DEMO, demoCity, DemoCity } from './demo-city';
import { Fleet, ServiceProcess } from './fleet';
import { call, signIn } from './http';

/**
 * Two API processes on one database, each caching who its callers are (PRINCIPAL_CACHE_SECONDS, on by
 * default outside tests). A sign-out, a revoked role or a disabled account through one API takes
 * effect in the other before the next request: the change's own request returns only once its
 * process has heard the database's notification, which every listening process hears at the same time.
 */
describe('faults: a revocation through one API process reaches another at once', () => {
  let fleet: Fleet;
  let first: ServiceProcess;
  let second: ServiceProcess;
  let city: DemoCity;

  beforeAll(async () => {
    fleet = await Fleet.start({ env: { PRINCIPAL_CACHE_SECONDS: '60' } });
    first = await fleet.startApi('api-1', { SEED_DEMO_DATA: 'true' });
    second = await fleet.startApi('api-2');
    city = await demoCity(first.baseUrl!);
  }, 300_000);
  afterAll(async () => {
    await fleet?.close();
  });

  const me = (api: ServiceProcess, token: string) => call(api.baseUrl!, 'GET', '/api/v1/me', { token });
  /** The other API knows the caller (and, from the second request on, answers from its cache). */
  const warm = async (token: string) => {
    for (let i = 0; i < 3; i++) expect((await me(second, token)).status).toBe(200);
  };

  it('a token signed out through one API is refused by the other on the very next request', async () => {
    const token = await signIn(first.baseUrl!, DEMO.coordinator, DEMO.password);
    await warm(token);
    expect((await call(first.baseUrl!, 'DELETE', '/api/v1/auth/token', { token })).status).toBe(204);
    expect((await me(second, token)).status).toBe(401);
  });

  it('a role granted and revoked through one API: the other lets in, then refuses, on the next request', async () => {
    const token = await signIn(first.baseUrl!, DEMO.coordinator, DEMO.password);
    const users = await call(first.baseUrl!, 'GET', `/api/v1/admin/users?email=${encodeURIComponent(DEMO.coordinator)}`, { token: city.adminToken });
    const userId = (users.body as Array<{ id: string }>)[0].id;
    await warm(token);
    expect((await call(second.baseUrl!, 'GET', '/api/v1/admin/users', { token })).status).toBe(403);

    const granted = await call(first.baseUrl!, 'POST', `/api/v1/admin/users/${userId}/roles`, { token: city.adminToken, body: { role: 'admin' } });
    expect(granted.status).toBe(201);
    expect((await call(second.baseUrl!, 'GET', '/api/v1/admin/users', { token })).status).toBe(200);
    expect((await call(second.baseUrl!, 'GET', '/api/v1/admin/users', { token })).status).toBe(200);

    const revoked = await call(first.baseUrl!, 'DELETE', `/api/v1/admin/users/${userId}/roles/${(granted.body as { id: string }).id}`, { token: city.adminToken });
    expect(revoked.status).toBe(204);
    expect((await call(second.baseUrl!, 'GET', '/api/v1/admin/users', { token })).status).toBe(403);
  });

  it('an account disabled through one API: every token of it is refused by the other on the next request', async () => {
    const token = await signIn(first.baseUrl!, DEMO.strategist, DEMO.password);
    const users = await call(first.baseUrl!, 'GET', `/api/v1/admin/users?email=${encodeURIComponent(DEMO.strategist)}`, { token: city.adminToken });
    const userId = (users.body as Array<{ id: string }>)[0].id;
    await warm(token);
    await warm(city.strategistToken);
    expect((await call(first.baseUrl!, 'POST', `/api/v1/admin/users/${userId}/disable`, { token: city.adminToken })).status).toBe(200);
    expect((await me(second, token)).status).toBe(401);
    expect((await me(second, city.strategistToken)).status).toBe(401);
  });

  it('an assignment ended through one API: the other refuses the coordinator their department on the next request', async () => {
    const token = await signIn(first.baseUrl!, DEMO.coordinator, DEMO.password);
    const path = `/api/v1/departments/${city.departmentId}/coordinators`;
    await warm(token);
    expect((await call(second.baseUrl!, 'GET', path, { token })).status).toBe(200);
    const self = await me(first, token);
    const assignments = await call(first.baseUrl!, 'GET', path, { token: city.adminToken });
    const own = (assignments.body as Array<{ id: string; person: { id: string }; status: string }>).find((a) => a.person.id === self.body.personId && a.status === 'active');
    expect(own).toBeDefined();
    // Its last day yesterday: from today on she coordinates nothing (ended "today" would still reach today).
    const yesterday = addDays(localDateInCity(new Date()), -1);
    const ended = await call(first.baseUrl!, 'POST', `/api/v1/coordinator-assignments/${own!.id}/end`, { token: city.adminToken, body: { validTo: yesterday, reason: 'Byter tjänst' } });
    expect(ended.status).toBe(200);
    expect((await call(second.baseUrl!, 'GET', path, { token })).status).toBe(403);
  });
});
