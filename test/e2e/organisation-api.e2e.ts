import { AuthedApi, e2eContext, E2eContext } from '../support/e2e';

const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

describe('organisation registry API', () => {
  let ctx: E2eContext;
  let adm: AuthedApi;
  let committeeId: string;

  beforeAll(async () => {
    ctx = await e2eContext();
    adm = await ctx.as([{ role: 'admin' }]);
    const created = await adm.api('POST', '/api/v1/committees', { code: 'FSKN', name: 'Förskolenämnden' });
    expect(created.status).toBe(201);
    committeeId = created.body.id;
  });
  afterAll(() => ctx?.close());

  const count = async (table: string) => Number((await ctx.dataSource.query(`select count(*) as n from ${table}`))[0].n);

  describe('committees and departments', () => {
    it('creates and reads a department with its committee, filtered by code', async () => {
      const res = await adm.api('POST', '/api/v1/departments', { code: 'FSK', name: 'Förskoleförvaltningen', committeeId });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ code: 'FSK', name: 'Förskoleförvaltningen', active: true, committee: { code: 'FSKN', name: 'Förskolenämnden' } });
      expect(res.body.id).toMatch(/^[0-9a-f-]{36}$/);

      const list = await adm.api('GET', '/api/v1/departments?code=fsk');
      expect(list.status).toBe(200);
      expect(list.body.map((d: { id: string }) => d.id)).toEqual([res.body.id]);
      expect((await adm.api('GET', '/api/v1/committees?code=FSKN')).body).toHaveLength(1);
      expect((await adm.api('GET', `/api/v1/departments/${res.body.id}`)).body.name).toBe('Förskoleförvaltningen');

      // The audit trail says who, from where.
      const [event] = await ctx.dataSource.query(`select actor_id, actor_ip, action from audit_event where subject_id = $1`, [res.body.id]);
      expect(event).toEqual({ actor_id: adm.personId, actor_ip: '127.0.0.1', action: 'department.created' });
    });

    it('names the field and rule for unknown fields, empty names and bad codes, writing nothing', async () => {
      const before = await count('department');
      const res = await adm.api('POST', '/api/v1/departments', { code: 'has space', name: '   ', committeeId: 'nope', colour: 'blue' });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      const rules = res.body.details.map((d: { field: string; rule: string }) => `${d.field}:${d.rule}`);
      expect(rules).toEqual(expect.arrayContaining(['code:matches', 'name:isNotEmpty', 'committeeId:isUuid', 'colour:unknownField']));
      expect(await count('department')).toBe(before);
    });

    it('refuses a duplicate code with 409 and an unknown committee with 422 naming committeeId', async () => {
      const dup = await adm.api('POST', '/api/v1/committees', { code: 'fskn', name: 'Dubblett' });
      expect(dup.status).toBe(409);
      expect(dup.body).toMatchObject({ code: 'DUPLICATE', details: [{ field: 'code', rule: 'unique' }] });
      const unknown = await adm.api('POST', '/api/v1/departments', { code: 'NEW', name: 'Ny', committeeId: NO_SUCH_ID });
      expect(unknown.status).toBe(422);
      expect(unknown.body).toMatchObject({ code: 'UNKNOWN_REFERENCE', details: [{ field: 'committeeId', rule: 'exists' }] });
    });

    it('answers unknown and malformed ids with 404', async () => {
      expect((await adm.api('GET', `/api/v1/departments/${NO_SUCH_ID}`)).status).toBe(404);
      const malformed = await adm.api('GET', '/api/v1/departments/not-a-uuid');
      expect(malformed.status).toBe(404);
      expect(malformed.body).toEqual({
        code: 'NOT_FOUND',
        message: 'Förvaltningen finns inte: id måste vara ett UUID',
        context: { entity: 'Förvaltningen', parameter: 'id', rule: 'isUuid' },
      });
      expect((await adm.api('PATCH', `/api/v1/departments/${NO_SUCH_ID}`, { name: 'X' })).status).toBe(404);
    });

    it('deactivates a department with PATCH, and refuses to delete what is referenced', async () => {
      const dep = (await adm.api('POST', '/api/v1/departments', { code: 'KUF', name: 'Kulturförvaltningen', committeeId })).body;
      const patched = await adm.api('PATCH', `/api/v1/departments/${dep.id}`, { active: false });
      expect(patched.status).toBe(200);
      expect(patched.body.active).toBe(false);
      expect((await adm.api('GET', '/api/v1/departments?active=false')).body.map((d: { id: string }) => d.id)).toContain(dep.id);
      expect((await adm.api('PATCH', `/api/v1/departments/${dep.id}`, { active: 'no' })).body.details[0]).toMatchObject({ field: 'active', rule: 'isBoolean' });
      const del = await adm.api('DELETE', `/api/v1/committees/${committeeId}`);
      expect(del.status).toBe(409);
      expect(del.body.code).toBe('STILL_REFERENCED');
    });
  });

  describe('people', () => {
    it('creates a person and refuses malformed and duplicate e-mail addresses', async () => {
      const ok = await adm.api('POST', '/api/v1/people', { name: 'Åsa Öberg', email: 'asa.oberg@malmo.example', title: 'Strateg' });
      expect(ok.status).toBe(201);
      const bad = await adm.api('POST', '/api/v1/people', { name: '', email: 'not-an-email' });
      expect(bad.status).toBe(400);
      expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['email', 'name']);
      const dup = await adm.api('POST', '/api/v1/people', { name: 'Annan', email: 'ASA.OBERG@malmo.example' });
      expect(dup.status).toBe(409);
      expect(dup.body.details[0]).toMatchObject({ field: 'email', rule: 'unique' });
      expect((await adm.api('GET', '/api/v1/people?q=öberg')).body).toHaveLength(1);
    });
  });

  describe('paging (limit, offset, X-Total-Count, Link)', () => {
    it('pages the departments by name, saying the total and the pages before and after', async () => {
      const committee = (await adm.api('POST', '/api/v1/committees', { code: 'SIDN', name: 'Sidnämnden' })).body;
      for (let i = 1; i <= 5; i++) expect((await adm.api('POST', '/api/v1/departments', { code: `SID${i}`, name: `Sidförvaltning ${i}`, committeeId: committee.id })).status).toBe(201);
      const path = `/api/v1/departments?committeeId=${committee.id}`;

      // No limit: the default page holds them all, as before.
      const all = await adm.api('GET', path);
      expect(all.body.map((d: { name: string }) => d.name)).toEqual([1, 2, 3, 4, 5].map((i) => `Sidförvaltning ${i}`));
      expect(all.headers.get('x-total-count')).toBe('5');
      expect(all.headers.get('link')).toBeNull();

      const first = await adm.api('GET', `${path}&limit=2`);
      expect(first.body.map((d: { name: string }) => d.name)).toEqual(['Sidförvaltning 1', 'Sidförvaltning 2']);
      expect(first.headers.get('x-total-count')).toBe('5');
      expect(first.headers.get('link')).toBe(`<${path}&limit=2&offset=2>; rel="next"`);

      const last = await adm.api('GET', `${path}&limit=2&offset=4`);
      expect(last.body.map((d: { name: string }) => d.name)).toEqual(['Sidförvaltning 5']);
      expect(last.headers.get('link')).toBe(`<${path}&limit=2&offset=2>; rel="prev"`);

      const beyond = await adm.api('GET', `${path}&limit=2&offset=10`);
      expect(beyond.status).toBe(200);
      expect(beyond.body).toEqual([]);
      expect(beyond.headers.get('x-total-count')).toBe('5');
    });

    it('refuses a limit above 200, or a limit or offset that is no whole number in range, naming the field', async () => {
      for (const base of ['/api/v1/departments', '/api/v1/people', '/api/v1/admin/users']) {
        const over = await adm.api('GET', `${base}?limit=201`);
        expect(over.status).toBe(400);
        expect(over.body.details).toEqual([expect.objectContaining({ field: 'limit', rule: 'max' })]);
        expect((await adm.api('GET', `${base}?limit=0`)).body.details).toEqual([expect.objectContaining({ field: 'limit', rule: 'min' })]);
        expect((await adm.api('GET', `${base}?limit=ten`)).body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'limit', rule: 'isInt' })]));
        expect((await adm.api('GET', `${base}?offset=-1`)).body.details).toEqual([expect.objectContaining({ field: 'offset', rule: 'min' })]);
        expect((await adm.api('GET', `${base}?limit=200`)).status).toBe(200);
      }
    });

    it('pages the users by name with the same parameters, and finds one by e-mail', async () => {
      await ctx.given.user({ name: 'Sida Användare A' });
      await ctx.given.user({ name: 'Sida Användare B' });
      const all = await adm.api('GET', '/api/v1/admin/users?limit=200');
      const names = all.body.map((u: { name: string }) => u.name);
      expect(names.length).toBeGreaterThanOrEqual(3);
      expect(all.headers.get('x-total-count')).toBe(String(names.length));
      const second = await adm.api('GET', '/api/v1/admin/users?limit=1&offset=1');
      expect(second.body.map((u: { name: string }) => u.name)).toEqual([names[1]]);
      expect(second.headers.get('link')).toContain('rel="prev"');
      const byEmail = await adm.api('GET', `/api/v1/admin/users?email=${encodeURIComponent(all.body[0].email)}`);
      expect(byEmail.body.map((u: { id: string }) => u.id)).toEqual([all.body[0].id]);
      expect(byEmail.headers.get('x-total-count')).toBe('1');
    });

    it('pages the people by name with the same parameters', async () => {
      for (const name of ['Sida Person A', 'Sida Person B', 'Sida Person C']) {
        await adm.api('POST', '/api/v1/people', { name, email: `${name.replace(/ /g, '.').toLowerCase()}@malmo.example` });
      }
      const page = await adm.api('GET', '/api/v1/people?q=sida%20person&limit=2&offset=1');
      expect(page.body.map((p: { name: string }) => p.name)).toEqual(['Sida Person B', 'Sida Person C']);
      expect(page.headers.get('x-total-count')).toBe('3');
      expect(page.headers.get('link')).toBe('</api/v1/people?q=sida+person&limit=2&offset=0>; rel="prev"');
    });
  });

  describe('coordinator assignments', () => {
    let departmentId: string;
    beforeAll(async () => {
      departmentId = (await adm.api('POST', '/api/v1/departments', { code: 'GRF', name: 'Grundskoleförvaltningen', committeeId })).body.id;
    });

    it('appoints a coordinator together with a new person, with the default responsibilities', async () => {
      const res = await adm.api('POST', `/api/v1/departments/${departmentId}/coordinators`, {
        person: { name: 'Björn Åkesson', email: 'bjorn.akesson@malmo.example', title: 'Utvecklingssekreterare' },
        kind: 'primary',
        mandate: 'Företräder förvaltningen i samarbetsprocessen.',
        validFrom: '2024-01-01',
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        kind: 'primary',
        status: 'active',
        validFrom: '2024-01-01',
        validTo: null,
        acknowledgedAt: null,
        person: { name: 'Björn Åkesson' },
        department: { code: 'GRF' },
      });
      expect(res.body.responsibilities).toHaveLength(3);
    });

    it('names the fields for bad dates, a missing mandate and validTo before validFrom', async () => {
      const bad = await adm.api('POST', `/api/v1/departments/${departmentId}/coordinators`, { kind: 'boss', validFrom: '2026-02-30', mandate: '' });
      expect(bad.status).toBe(400);
      const fields = bad.body.details.map((d: { field: string; rule: string }) => `${d.field}:${d.rule}`);
      expect(fields).toEqual(expect.arrayContaining(['kind:isIn', 'validFrom:isLocalDate', 'mandate:isNotEmpty']));

      const person = (await adm.api('POST', '/api/v1/people', { name: 'Per Ek', email: 'per.ek@malmo.example' })).body;
      const reversed = await adm.api('POST', `/api/v1/departments/${departmentId}/coordinators`, {
        personId: person.id,
        kind: 'deputy',
        mandate: 'M',
        validFrom: '2026-05-01',
        validTo: '2026-04-01',
      });
      expect(reversed.status).toBe(400);
      expect(reversed.body.details).toEqual([expect.objectContaining({ field: 'validTo', rule: 'notBeforeValidFrom' })]);

      const nested = await adm.api('POST', `/api/v1/departments/${departmentId}/coordinators`, {
        person: { name: 'X', email: 'x' },
        kind: 'deputy',
        mandate: 'M',
        validFrom: '2026-05-01',
      });
      expect(nested.status).toBe(400);
      expect(nested.body.details[0].field).toBe('person.email');
    });

    it('hands over to a new primary the day before, keeps the history, and refuses overlaps with 409', async () => {
      const before = await count('coordinator_assignment');
      const next = await adm.api('POST', `/api/v1/departments/${departmentId}/coordinators`, {
        person: { name: 'Karin Sjöström', email: 'karin.sjostrom@malmo.example' },
        kind: 'primary',
        mandate: 'Mandat',
        validFrom: '2025-06-01',
      });
      expect(next.status).toBe(201);

      const history = await adm.api('GET', `/api/v1/departments/${departmentId}/coordinators?history=true`);
      expect(history.body.map((a: { person: { name: string }; validTo: string | null; status: string }) => [a.person.name, a.validTo, a.status])).toEqual([
        ['Karin Sjöström', null, 'active'],
        ['Björn Åkesson', '2025-05-31', 'ended'],
      ]);
      const current = await adm.api('GET', `/api/v1/departments/${departmentId}/coordinators`);
      expect(current.body.map((a: { person: { name: string } }) => a.person.name)).toEqual(['Karin Sjöström']);

      const overlap = await adm.api('POST', `/api/v1/departments/${departmentId}/coordinators`, {
        person: { name: 'Sen Ankomst', email: 'sen.ankomst@malmo.example' },
        kind: 'primary',
        mandate: 'Mandat',
        validFrom: '2025-01-01',
      });
      expect(overlap.status).toBe(409);
      expect(overlap.body.code).toBe('ASSIGNMENT_OVERLAP');
      expect(overlap.body.message).toMatch(/Karin Sjöström/);
      expect(await count('coordinator_assignment')).toBe(before + 1);
      expect((await adm.api('GET', '/api/v1/people?email=sen.ankomst@malmo.example')).body).toEqual([]);
    });

    it('acknowledges and ends assignments, and reports coverage', async () => {
      const [current] = (await adm.api('GET', `/api/v1/departments/${departmentId}/coordinators`)).body;
      const coverageBefore = (await adm.api('GET', '/api/v1/coordinator-coverage')).body;
      expect(coverageBefore.unacknowledged.map((a: { id: string }) => a.id)).toContain(current.id);

      // Only the appointed person acknowledges: not even an admin may do it for them.
      expect((await adm.api('POST', `/api/v1/coordinator-assignments/${current.id}/acknowledge`)).status).toBe(403);
      const karin = await ctx.given.user({ email: 'karin.sjostrom@malmo.example' });
      expect(karin.user.personId).toBe(current.person.id);
      const asKarin = ctx.withToken(await ctx.tokenFor(karin.email));
      expect((await asKarin('GET', '/api/v1/me')).body.coordinatorOf).toEqual([departmentId]);
      const ack = await asKarin('POST', `/api/v1/coordinator-assignments/${current.id}/acknowledge`);
      expect(ack.status).toBe(200);
      expect(ack.body.acknowledgedAt).toEqual(expect.any(String));

      const ended = await adm.api('POST', `/api/v1/coordinator-assignments/${current.id}/end`, { reason: 'Går i pension' });
      expect(ended.status).toBe(200);
      expect(ended.body.endReason).toBe('Går i pension');
      const today = ended.body.validTo;
      expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);

      const coverage = (await adm.api('GET', '/api/v1/coordinator-coverage')).body;
      expect(coverage.date).toBe(today);
      expect(coverage.endingSoon.map((a: { id: string }) => a.id)).toContain(current.id);
      expect(coverage.totals).toEqual({ withoutPrimary: coverage.withoutPrimary.length, unacknowledged: coverage.unacknowledged.length, endingSoon: coverage.endingSoon.length });
      // Each section pages alike (limit, offset), its total kept; a page past the end is empty.
      const first = (await adm.api('GET', '/api/v1/coordinator-coverage?limit=1')).body;
      expect(first.totals).toEqual(coverage.totals);
      expect(first.withoutPrimary).toEqual(coverage.withoutPrimary.slice(0, 1));
      expect(first.endingSoon).toEqual(coverage.endingSoon.slice(0, 1));
      const past = (await adm.api('GET', '/api/v1/coordinator-coverage?offset=1000')).body;
      expect([past.withoutPrimary, past.unacknowledged, past.endingSoon, past.totals]).toEqual([[], [], [], coverage.totals]);
      const tooMany = await adm.api('GET', '/api/v1/coordinator-coverage?limit=201');
      expect(tooMany.status).toBe(400);
      expect(JSON.stringify(tooMany.body)).toContain('limit');
      expect((await adm.api('POST', `/api/v1/coordinator-assignments/${NO_SUCH_ID}/end`)).status).toBe(404);
      expect((await adm.api('POST', `/api/v1/coordinator-assignments/${current.id}/end`, { validTo: 'tomorrow' })).status).toBe(400);
    });
  });
});
