import { PasswordHasher, UserAdminService } from '@samverka/identity';
import { addDays, localDateInCity } from '@samverka/kernel';
import { e2eContext, E2eContext, AuthedApi } from '../support/e2e';
import { TEST_ACTOR, TEST_PASSWORD } from '../support/given';

/**
 * What a hostile client found (issue 11): each finding, asked as that client
 * asked it. Input alone never earns a 500: it is a 400 naming the field.
 */

const expectInvalid = (res: { status: number; body: any }, field?: string) => {
  expect({ status: res.status, code: res.body?.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
  expect(Array.isArray(res.body.details)).toBe(true);
  for (const d of res.body.details) expect(d).toEqual({ field: expect.any(String), rule: expect.any(String), message: expect.any(String) });
  if (field) expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
};

describe('forwarded addresses', () => {
  const signInAddresses = (ctx: E2eContext, email: string) =>
    ctx.dataSource.query<{ ip: string }[]>('select ip::text as ip from sign_in_attempt where email = $1', [email]).then((rows) => rows.map((r) => r.ip.replace(/\/32$/, '')));

  it('from an untrusted peer, X-Forwarded-For neither escapes the per-address limit nor is stored', async () => {
    const ctx = await e2eContext({ SIGN_IN_MAX_FAILURES_PER_ADDRESS: '3' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await ctx.api('POST', '/api/v1/auth/token', { email: `nobody${i}@x.example`, password: 'fel lösenord ett två' }, { 'x-forwarded-for': `203.0.113.${i + 1}` });
        statuses.push(res.status);
      }
      expect(statuses.slice(3)).toEqual([429, 429]);
      expect(await signInAddresses(ctx, 'nobody0@x.example')).toEqual(['127.0.0.1']);
    } finally {
      await ctx.close();
    }
  });

  it('from a configured proxy, the right-most untrusted address is the client', async () => {
    const ctx = await e2eContext({ TRUSTED_PROXIES: '127.0.0.1,10.0.0.0/8', SIGN_IN_MAX_FAILURES_PER_ADDRESS: '3' });
    try {
      const user = await ctx.given.user();
      const res = await ctx.api('POST', '/api/v1/auth/token', { email: user.email, password: TEST_PASSWORD }, { 'x-forwarded-for': '198.51.100.7, 203.0.113.9, 10.1.2.3' });
      expect(res.status).toBe(200);
      expect(await signInAddresses(ctx, user.email)).toEqual(['203.0.113.9']);
      // Each forwarded address has its own limit behind a trusted proxy.
      for (let i = 0; i < 4; i++) {
        const other = await ctx.api('POST', '/api/v1/auth/token', { email: `n${i}@x.example`, password: 'fel lösenord ett två' }, { 'x-forwarded-for': `203.0.113.${100 + i}` });
        expect(other.status).toBe(401);
      }
    } finally {
      await ctx.close();
    }
  });
});

describe('hostile input', () => {
  let ctx: E2eContext;
  let admin: AuthedApi;
  let strategist: AuthedApi;
  beforeAll(async () => {
    ctx = await e2eContext();
    admin = await ctx.as([{ role: 'admin' }]);
    strategist = await ctx.as([{ role: 'strategist' }]);
  });
  afterAll(() => ctx?.close());

  describe('a 400, never a 500', () => {
    it('for a NUL character in a body, a query filter or a path segment', async () => {
      expectInvalid(await admin.api('POST', '/api/v1/committees', { code: 'NULA', name: 'Nämnd\u0000' }), 'name');
      expectInvalid(await admin.api('GET', '/api/v1/committees?code=A%00B'), 'code');
      expectInvalid(await admin.api('GET', '/api/v1/people?q=a%00b'), 'q');
      expectInvalid(await admin.api('PATCH', '/api/v1/reference/channels/a%00b', { name: 'X' }));
    });

    it('for a lone UTF-16 surrogate, signed in or not', async () => {
      expectInvalid(await ctx.api('POST', '/api/v1/auth/token', '{"email":"a\\ud800@b.example","password":"abc\\ud800defghijklmn"}'), 'password');
      expectInvalid(await admin.api('POST', '/api/v1/committees', '{"code":"SURR","name":"N\\udc00mnd"}'), 'name');
    });

    it('for null where a PATCH cannot take it', async () => {
      const committee = (await admin.api('POST', '/api/v1/committees', { code: 'NULLN', name: 'Nollnämnden' })).body;
      const department = (await admin.api('POST', '/api/v1/departments', { code: 'NULLF', name: 'Nollförvaltningen', committeeId: committee.id })).body;
      expectInvalid(await admin.api('PATCH', `/api/v1/committees/${committee.id}`, { name: null }), 'name');
      expectInvalid(await admin.api('PATCH', `/api/v1/committees/${committee.id}`, { active: null }), 'active');
      expectInvalid(await admin.api('PATCH', `/api/v1/departments/${department.id}`, { committeeId: null }), 'committeeId');
      const round = await ctx.given.round();
      expectInvalid(await strategist.api('PATCH', `/api/v1/rounds/${round.id}`, { title: null }), 'title');
      expectInvalid(await strategist.api('PATCH', `/api/v1/rounds/${round.id}`, { areas: null }), 'areas');
      expectInvalid(await strategist.api('PATCH', `/api/v1/rounds/${round.id}`, { deadlines: { needs: null } }), 'deadlines.needs');
      expectInvalid(await admin.api('PATCH', '/api/v1/reference/channels/library', { active: null }), 'active');
    });

    it('for missing or wrong-shaped nested objects', async () => {
      const round = { title: 'Omgång', year: 2030, caseNumber: 'STK-2030-1' };
      expectInvalid(await strategist.api('POST', '/api/v1/rounds', round), 'deadlines.needs');
      expectInvalid(await strategist.api('POST', '/api/v1/rounds', { ...round, deadlines: [] }), 'deadlines');
      expectInvalid(await strategist.api('POST', '/api/v1/rounds', { ...round, deadlines: 'x' }), 'deadlines');
      const department = await ctx.given.department();
      const appointment = { kind: 'primary', mandate: 'Mandat', validFrom: '2026-01-01' };
      expectInvalid(await admin.api('POST', `/api/v1/departments/${department.id}/coordinators`, { ...appointment, person: null }), 'person');
      expectInvalid(await admin.api('POST', `/api/v1/departments/${department.id}/coordinators`, { ...appointment, person: [] }), 'person');
      expectInvalid(await admin.api('POST', '/api/v1/admin/users', { email: 'ny.person@x.example', name: 'Ny Person', password: null }), 'password');
      const collecting = await ctx.given.roundInCollectingNeeds();
      const departmentId = collecting.participants[0].departmentId;
      const coordinator = await ctx.as('nobody');
      await ctx.given.coordinator({ id: departmentId } as Parameters<typeof ctx.given.coordinator>[0], { personId: coordinator.personId, validFrom: '2020-01-01' });
      const need = { ...ctx.given.need(departmentId), areaCode: collecting.areas[0].code };
      expectInvalid(await coordinator.api('POST', `/api/v1/rounds/${collecting.id}/needs`, { ...need, evidence: [] }), 'evidence');
    });

    it('for JSON nested 5,000 deep, signed in or not', async () => {
      const deep = `{"email":${'['.repeat(5000)}${']'.repeat(5000)},"password":"x"}`;
      const anonymous = await ctx.api('POST', '/api/v1/auth/token', deep);
      expect(anonymous.status).toBe(400);
      expect(anonymous.body).toMatchObject({ code: expect.any(String), message: expect.any(String) });
      const signedIn = await admin.api('POST', '/api/v1/committees', `{"code":"DEEP","name":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`);
      expect(signedIn.status).toBe(400);
    });

    it('for a CSRF token of the right length in non-ASCII characters on /logga-in', async () => {
      const form = await fetch(`${ctx.baseUrl}/logga-in`, { headers: { accept: 'text/html' } });
      const cookie = form.headers.get('set-cookie')!.split(';')[0];
      const token = cookie.split('=')[1];
      const res = await fetch(`${ctx.baseUrl}/logga-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, accept: 'text/html' },
        body: new URLSearchParams({ _csrf: 'å'.repeat(token.length), email: 'a@b.example', password: 'x'.repeat(12) }).toString(),
        redirect: 'manual',
      });
      expect(res.status).toBe(403);
    });

    it('for an offset beyond the bigint range', async () => {
      expectInvalid(await admin.api('GET', '/api/v1/admin/notifications?offset=99999999999999999999'), 'offset');
      expectInvalid(await admin.api('GET', '/api/v1/admin/notifications?offset=1e300'), 'offset');
    });

    it.each([
      ['a reference item', '/api/v1/reference/channels', { code: 'parallel_x', name: 'Parallell' }],
      ['a committee', '/api/v1/committees', { code: 'PARN', name: 'Parallellnämnden' }],
    ])('for 50 parallel creations of one code (%s): one created, the rest 409', async (_what, path, body) => {
      const results = await Promise.all(Array.from({ length: 50 }, () => admin.api('POST', path, body)));
      const statuses = results.map((r) => r.status);
      expect(statuses.filter((s) => s === 201)).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    });
  });

  describe('found by the harness (test/e2e/harness)', () => {
    it('refuses to delete a department or committee that a round or a role refers to with a 409, not a 500', async () => {
      const department = await ctx.given.department();
      await ctx.given.round({ participantDepartmentIds: [department.id] });
      const res = await admin.api('DELETE', `/api/v1/departments/${department.id}`);
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 409, code: 'STILL_REFERENCED' });
      expect((await admin.api('GET', `/api/v1/departments/${department.id}`)).status).toBe(200);
      const committee = await ctx.given.committee();
      await ctx.given.user({ roles: [{ role: 'committee_secretary', committeeId: committee.id }] });
      const refused = await admin.api('DELETE', `/api/v1/committees/${committee.id}`);
      expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 409, code: 'STILL_REFERENCED' });
      expect((await admin.api('GET', `/api/v1/committees/${committee.id}`)).status).toBe(200);
    });

    it('answers a reference list named after an Object.prototype member (valueOf, constructor, __proto__) with a 404', async () => {
      for (const list of ['valueOf', 'constructor', '__proto__', 'toString', 'hasOwnProperty']) {
        for (const [method, path, body] of [
          ['GET', `/api/v1/reference/${list}`, undefined],
          ['POST', `/api/v1/reference/${list}`, { code: 'ny_kod', name: 'Ny' }],
          ['PATCH', `/api/v1/reference/${list}/library`, { name: 'Bibliotek' }],
        ] as const) {
          const res = await admin.api(method, path, body);
          expect({ list, method, status: res.status, code: res.body?.code }).toEqual({ list, method, status: 404, code: 'NOT_FOUND' });
        }
      }
    });

    it('refuses an unknown field named constructor or prototype, at the top or nested, like any other unknown field', async () => {
      expectInvalid(await admin.api('POST', '/api/v1/committees', { code: 'KONSTR', name: 'Konstruktörsnämnden', constructor: '   ' }), 'constructor');
      expectInvalid(await admin.api('POST', '/api/v1/committees', { code: 'PROTO', name: 'Prototypnämnden', prototype: 1 }), 'prototype');
      const deadlines = { ...ctx.given.roundDeadlines(), constructor: 'x' };
      expectInvalid(await strategist.api('POST', '/api/v1/rounds', { title: 'Omgång', year: 2090, caseNumber: 'STK-2090-1', deadlines }), 'deadlines.constructor');
      expect((await admin.api('GET', '/api/v1/committees?code=KONSTR')).body).toEqual([]);
    });

    it('answers an address beyond the header limit with the error body', async () => {
      const res = await admin.api('GET', `/api/v1/people?q=${'%C3%A5'.repeat(4000)}`);
      expect(res.status).toBe(431);
      expect(res.body).toEqual({ code: 'REQUEST_HEADERS_TOO_LARGE', message: expect.any(String) });
    });

    it('answers an address whose %-escapes are not UTF-8 with the error body, and a browser with a Swedish page', async () => {
      const res = await admin.api('GET', '/api/v1/rounds/%ED%A0%80');
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ code: 'BAD_URL', message: expect.stringMatching(/^Adressen kan inte tolkas/) });
      const page = await fetch(`${ctx.baseUrl}/planomgangar/%F4%8F%BF%BF%ED%A0%80`, { headers: { accept: 'text/html' } });
      expect(page.status).toBe(400);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await page.text()).toMatch(/<html lang="sv">.*<h1>Felaktig adress<\/h1>/s);
    });
  });

  describe('accepted but wrong', () => {
    it('refuses a coordinator appointment starting in the year 9999', async () => {
      const department = await ctx.given.department();
      const person = await ctx.given.user();
      const res = await admin.api('POST', `/api/v1/departments/${department.id}/coordinators`, { personId: person.user.personId, kind: 'primary', mandate: 'Mandat', validFrom: '9999-12-31' });
      expectInvalid(res, 'validFrom');
      const ending = await admin.api('POST', `/api/v1/departments/${department.id}/coordinators`, {
        personId: person.user.personId,
        kind: 'deputy',
        mandate: 'Mandat',
        validFrom: '2026-01-01',
        validTo: '9999-12-31',
      });
      expectInvalid(ending, 'validTo');
      const round = await strategist.api('POST', '/api/v1/rounds', { title: 'Omgång 9999', year: 2030, caseNumber: 'STK-9999-1', deadlines: { needs: '9999-12-31' } });
      expectInvalid(round, 'deadlines.needs');
    });

    it('moves a needs deadline into the past only when that is confirmed', async () => {
      const round = await ctx.given.roundInCollectingNeeds();
      const yesterday = addDays(localDateInCity(new Date()), -1);
      const refused = await strategist.api('PATCH', `/api/v1/rounds/${round.id}`, { deadlines: { needs: yesterday } });
      expectInvalid(refused, 'confirmPastDeadline');
      const confirmed = await strategist.api('PATCH', `/api/v1/rounds/${round.id}`, { deadlines: { needs: yesterday }, confirmPastDeadline: true });
      expect(confirmed.status).toBe(200);
      expect(confirmed.body.deadlines.needs).toBe(yesterday);
    });

    it('does not let an admin disable their own account', async () => {
      const res = await admin.api('POST', `/api/v1/admin/users/${admin.userId}/disable`);
      expect(res.status).toBe(409);
      expect(res.body.message).toMatch(/eget konto/);
      expect((await admin.api('GET', '/api/v1/me')).status).toBe(200);
    });

    it('does not disable the last active admin, whoever asks', async () => {
      const lone = await e2eContext();
      try {
        const only = await lone.given.user({ roles: [{ role: 'admin' }] });
        const refused = lone.app.get(UserAdminService).disable(TEST_ACTOR, only.user.id);
        await expect(refused).rejects.toMatchObject({ code: 'LAST_ADMIN' });
        const second = await lone.given.user({ roles: [{ role: 'admin' }] });
        await expect(lone.app.get(UserAdminService).disable(TEST_ACTOR, only.user.id)).resolves.toBeDefined();
        await expect(lone.app.get(UserAdminService).disable(TEST_ACTOR, second.user.id)).rejects.toMatchObject({ code: 'LAST_ADMIN' });
      } finally {
        await lone.close();
      }
    });
  });

  describe('headers', () => {
    it('answers personal data with Cache-Control: no-store, no contradicting X-Frame-Options and no HSTS over plain HTTP', async () => {
      for (const path of ['/api/v1/me', '/api/v1/people', '/api/v1/admin/users']) {
        const res = await admin.api('GET', path);
        expect(res.status).toBe(200);
        expect(res.headers.get('cache-control')).toBe('no-store');
        expect(['DENY', null]).toContain(res.headers.get('x-frame-options'));
        expect(res.headers.get('strict-transport-security')).toBeNull();
      }
      const page = await fetch(`${ctx.baseUrl}/logga-in`, { headers: { accept: 'text/html' } });
      expect(['DENY', null]).toContain(page.headers.get('x-frame-options'));
      expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    });

    it('sends HSTS when the request came over HTTPS (as a trusted proxy says), never over plain HTTP', async () => {
      expect((await ctx.api('GET', '/health', undefined, { 'x-forwarded-proto': 'https' })).headers.get('strict-transport-security')).toBeNull();
      const proxied = await e2eContext({ PUBLIC_URL: 'https://samverka.example', TRUSTED_PROXIES: '127.0.0.1' });
      try {
        expect((await proxied.api('GET', '/health', undefined, { 'x-forwarded-proto': 'https' })).headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
        expect((await proxied.api('GET', '/health')).headers.get('strict-transport-security')).toBeNull();
      } finally {
        await proxied.close();
      }
    });
  });

  describe('cost', () => {
    it('refuses a duplicate e-mail without hashing the password', async () => {
      const hasher = ctx.app.get(PasswordHasher);
      const existing = await ctx.given.user();
      const hash = jest.spyOn(hasher, 'hash');
      try {
        const res = await admin.api('POST', '/api/v1/admin/users', { email: existing.email, password: 'ett annat långt lösenord' });
        expect(res.status).toBe(409);
        expect(hash).not.toHaveBeenCalled();
        const fresh = await admin.api('POST', '/api/v1/admin/users', { email: 'hashad@x.example', name: 'Hashad Person', password: 'ett annat långt lösenord' });
        expect(fresh.status).toBe(201);
        expect(hash).toHaveBeenCalledTimes(1);
      } finally {
        hash.mockRestore();
      }
    });
  });
});
