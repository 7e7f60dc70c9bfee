import { e2eContext, E2eContext, AuthedApi, ApiResponse } from '../support/e2e';

/**
 * Control characters (issue 11): refused in every single-line field (names,
 * titles, codes, e-mail addresses, query filters, path segments); tab and line
 * breaks allowed only in multi-line texts (descriptions, reasons, comments),
 * where the other control characters are refused too. Over the API and in
 * the web forms alike, with a message that names the field.
 */

const expectRefused = (res: ApiResponse, field: string) => {
  expect({ status: res.status, code: res.body?.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
  expect(res.body.details).toEqual(expect.arrayContaining([{ field, rule: 'noControlCharacter', message: expect.stringMatching(new RegExp(`^Fältet ${field.replace(/[.[\]]/g, '\\$&')} .*\\(U\\+[0-9A-F]{4}\\)`)) }]));
};

describe('control characters', () => {
  let ctx: E2eContext;
  let admin: AuthedApi;
  let coordinator: AuthedApi;
  let roundId: string;
  let departmentId: string;
  let need: Record<string, unknown>;
  beforeAll(async () => {
    ctx = await e2eContext();
    admin = await ctx.as([{ role: 'admin' }]);
    const round = await ctx.given.roundInCollectingNeeds();
    roundId = round.id;
    departmentId = round.participants[0].departmentId;
    coordinator = await ctx.as('nobody');
    await ctx.given.coordinator({ id: departmentId } as Parameters<typeof ctx.given.coordinator>[0], { personId: coordinator.personId, validFrom: '2020-01-01' });
    need = { ...ctx.given.need(departmentId), areaCode: round.areas[0].code };
  });
  afterAll(async () => {
    await ctx?.close();
  });

  describe('over the API', () => {
    const singleLine: Array<[what: string, send: (c: string) => Promise<ApiResponse>, field: string]> = [
      ['a committee name', (c) => admin.api('POST', '/api/v1/committees', { code: 'CTRL', name: `Nämnd${c}` }), 'name'],
      ['a committee code', (c) => admin.api('POST', '/api/v1/committees', { code: `CT${c}RL`, name: 'Nämnd' }), 'code'],
      ['a person e-mail', (c) => admin.api('POST', '/api/v1/people', { name: 'Per Son', email: `per${c}@x.example` }), 'email'],
      ['a need title', (c) => coordinator.api('POST', `/api/v1/rounds/${roundId}/needs`, { ...need, title: `Rubrik${c}` }), 'title'],
      ['a nested evidence source', (c) => coordinator.api('POST', `/api/v1/rounds/${roundId}/needs`, { ...need, evidence: { ...(need.evidence as object), source: `Källa${c}` } }), 'evidence.source'],
      ['a reference item name', (c) => admin.api('POST', '/api/v1/reference/channels', { code: 'ctrl_ch', name: `Kanal${c}` }), 'name'],
      ['a query filter', (c) => admin.api('GET', `/api/v1/people?q=${encodeURIComponent(`a${c}b`)}`), 'q'],
      ['a path segment', (c) => admin.api('PATCH', `/api/v1/reference/channels/${encodeURIComponent(`lib${c}rary`)}`, { name: 'X' }), 'code'],
    ];
    const characters = ['\n', '\r', '\t', '\u0007', '\u001b', '\u007f', '\u2028'];

    it(`refuses ${characters.length} kinds of control character in ${singleLine.length} single-line fields, naming the field`, async () => {
      let checked = 0;
      for (const [what, send, field] of singleLine) {
        for (const c of characters) {
          const res = await send(c);
          try {
            expectRefused(res, field);
          } catch (e) {
            throw new Error(`${what} with U+${c.codePointAt(0)!.toString(16).padStart(4, '0')}: ${(e as Error).message}`);
          }
          checked++;
        }
      }
      expect(checked).toBe(singleLine.length * characters.length);
    });

    it('keeps line breaks and tabs in multi-line texts, and refuses the other control characters there', async () => {
      const description = 'Första raden.\r\nAndra raden\tmed tabb.';
      const created = await coordinator.api('POST', `/api/v1/rounds/${roundId}/needs`, { ...need, description, consequence: 'Ett\nTvå' });
      expect(created.status).toBe(201);
      expect(created.body.description).toBe(description);
      expectRefused(await coordinator.api('POST', `/api/v1/rounds/${roundId}/needs`, { ...need, description: 'Från Word:\u000bny rad' }), 'description');
      expectRefused(await coordinator.api('PATCH', `/api/v1/rounds/${roundId}/needs/${created.body.id}`, { consequence: 'Klocka\u0007' }), 'consequence');
      expect((await coordinator.api('PATCH', `/api/v1/rounds/${roundId}/needs/${created.body.id}`, { description: 'Ny\nbeskrivning' })).status).toBe(200);
      const department = await ctx.given.department();
      const person = await ctx.given.person();
      const appointment = { personId: person.id, kind: 'primary', mandate: 'Mandat:\n- leda\n- samordna', validFrom: '2026-01-01' };
      expect((await admin.api('POST', `/api/v1/departments/${department.id}/coordinators`, appointment)).status).toBe(201);
      expectRefused(await admin.api('POST', `/api/v1/departments/${department.id}/coordinators`, { ...appointment, kind: 'deputy', responsibilities: ['En\nrad för mycket'] }), 'responsibilities[0]');
    });
  });

  describe('in the web forms', () => {
    async function postForm(cookie: string, path: string, fields: Record<string, string | string[]>) {
      const page = await (await fetch(`${ctx.baseUrl}${path}`, { headers: { cookie, accept: 'text/html' } })).text();
      const csrf = /name="_csrf" value="([^"]+)"/.exec(page)![1];
      const body = new URLSearchParams({ _csrf: csrf });
      for (const [name, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
      const res = await fetch(`${ctx.baseUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, accept: 'text/html' },
        body: body.toString(),
        redirect: 'manual',
      });
      return { status: res.status, html: await res.text() };
    }

    const needForm = () => ({
      areaCode: need.areaCode as string,
      title: 'Vägledning',
      description: 'Rad ett\r\nRad två',
      channels: 'library',
      districts: 'norr',
      targetGroups: 'newcomers',
      evidenceKind: 'none',
      monthlyVolume: '',
      priority: 'high',
      consequence: '',
    });

    it('refuses a line break in a one-line field at that field, keeps it in a textarea, and refuses a control character in a textarea', async () => {
      const cookie = await ctx.webCookieFor(coordinator.email);
      const path = `/planomgangar/${roundId}/behov/${departmentId}`;
      const count = async () => Number((await ctx.dataSource.query<{ n: string }[]>('select count(*) as n from need where round_id = $1', [roundId]))[0].n);
      const before = await count();

      const titled = await postForm(cookie, path, { ...needForm(), title: 'Vägledning\r\npå två rader' });
      expect(titled.status).toBe(400);
      expect(titled.html).toContain('Skriv på en rad, utan radbrytningar, tabbar eller andra styrtecken (här finns U+000D)');
      expect(titled.html).toMatch(/href="#title"/);

      const pasted = await postForm(cookie, path, { ...needForm(), description: 'Från ordbehandlaren\u000bmed en radbrytning' });
      expect(pasted.status).toBe(400);
      expect(pasted.html).toContain('Texten innehåller ett osynligt styrtecken (U+000B) som inte kan sparas');
      expect(pasted.html).toMatch(/href="#description"/);
      expect(await count()).toBe(before);

      const fine = await postForm(cookie, path, needForm());
      expect(fine.status).toBe(303);
      expect(await count()).toBe(before + 1);
      const stored = await ctx.dataSource.query<{ description: string }[]>('select description from need where round_id = $1 and title = $2', [roundId, 'Vägledning']);
      expect(stored.map((r) => r.description)).toEqual(['Rad ett\nRad två']);
    });
  });
});
