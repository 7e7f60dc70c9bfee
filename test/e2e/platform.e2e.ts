import { e2eContext, E2eContext } from '../support/e2e';
import { eventually } from '../support/eventually';
import { statementsDuring } from '../support/statements';

describe('the service platform', () => {
  let ctx: E2eContext;
  beforeAll(async () => {
    ctx = await e2eContext();
  });
  afterAll(() => ctx?.close());

  it('reports health with the database up, and readiness with migrations applied', async () => {
    const health = await ctx.api('GET', '/health');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
    const ready = await ctx.api('GET', '/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' }, migrations: { status: 'up', pending: false } } });
  });

  it('pings the database for liveness at most once a second: a burst of /health shares one ping', async () => {
    // Wait for a /health that pings (the last ping is over a second old), then ask again at once, five times at the same time.
    await eventually('a /health that pings the database', () => statementsDuring(() => ctx.api('GET', '/health')), (sent) => sent.length === 1);
    let answers: Array<{ status: number; body: unknown; headers: Headers }> = [];
    const burst = await statementsDuring(async () => (answers = await Promise.all([1, 2, 3, 4, 5].map(() => ctx.api('GET', '/health')))));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    expect(burst.length).toBeLessThanOrEqual(1);
    // Answered from the last ping (before Nest's routing), with the same body and headers as the controller's.
    for (const a of answers) {
      expect(a.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
      expect(a.headers.get('cache-control')).toBe('no-cache, no-store, must-revalidate');
      expect(a.headers.get('x-content-type-options')).toBe('nosniff');
      expect(a.headers.get('x-request-id')).toBeTruthy();
    }
  });

  it('serves the OpenAPI document with every registry route under /api/v1', async () => {
    const doc = await ctx.api('GET', '/api/docs-json');
    expect(doc.status).toBe(200);
    const paths = Object.keys(doc.body.paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/v1/committees',
        '/api/v1/departments',
        '/api/v1/departments/{id}',
        '/api/v1/people',
        '/api/v1/departments/{id}/coordinators',
        '/api/v1/coordinator-assignments/{id}/acknowledge',
        '/api/v1/coordinator-assignments/{id}/end',
        '/api/v1/coordinator-coverage',
      ]),
    );
    const ui = await fetch(`${ctx.baseUrl}/api/docs`);
    expect(ui.status).toBe(200);
    expect(await ui.text()).toContain('swagger');
  });

  it('gives every response a request id, echoing a sane one from the caller', async () => {
    const own = await ctx.api('GET', '/health', undefined, { 'x-request-id': 'trace-abc-123' });
    expect(own.headers.get('x-request-id')).toBe('trace-abc-123');
    const generated = await ctx.api('GET', '/health', undefined, { 'x-request-id': 'bad id with spaces' });
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers unknown routes with a coded 404 and malformed JSON with a coded 400', async () => {
    const missing = await ctx.api('GET', '/api/v1/nothing-here');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ code: 'NOT_FOUND' });
    const malformed = await ctx.api('POST', '/api/v1/committees', '{"code": "X",');
    expect(malformed.status).toBe(400);
    expect(malformed.body).toEqual({ code: 'HTTP_400', message: "Body is not valid JSON but content-type is set to 'application/json'" });
  });

  it('shows a browser the Swedish HTML 404 page for a mistyped address outside the API', async () => {
    const res = await fetch(`${ctx.baseUrl}/forvaltningar-x`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(await res.text()).toContain('Sidan kunde inte hittas');
    const api = await ctx.api('GET', '/api/v1/nope', undefined, { accept: 'text/html' });
    expect(api.headers.get('content-type')).toMatch(/application\/json/);
  });
});
