import { e2eContext, E2eContext, AuthedApi, ApiResponse } from '../support/e2e';

/**
 * Races a hostile (or merely impatient) client can start (issue 11): the same
 * creation sent 50 times at once, and two admins acting on each other at the
 * same moment. The database's unique keys and locks settle each race; the
 * client always gets a coded answer, never a 500.
 */

const PARALLEL = 50;

/** Every answer that is not a success is a coded 409 body (`{ code, message, details? }`), never a 500. */
function expectCodedConflicts(results: ApiResponse[], code: string | RegExp) {
  const statuses = results.map((r) => r.status);
  expect(statuses.filter((s) => s >= 500)).toEqual([]);
  const successes = results.filter((r) => r.status === 200 || r.status === 201);
  const conflicts = results.filter((r) => r.status === 409);
  expect({ successes: successes.length, conflicts: conflicts.length }).toEqual({ successes: 1, conflicts: PARALLEL - 1 });
  for (const c of conflicts) {
    expect(c.body).toEqual(expect.objectContaining({ code: expect.stringMatching(code), message: expect.any(String) }));
    expect(c.body.code).not.toBe('INTERNAL_ERROR');
  }
}

describe('50 parallel identical creations', () => {
  let ctx: E2eContext;
  let admin: AuthedApi;
  let strategist: AuthedApi;
  let checked = 0;
  beforeAll(async () => {
    ctx = await e2eContext();
    admin = await ctx.as([{ role: 'admin' }]);
    strategist = await ctx.as([{ role: 'strategist' }]);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  const fire = (send: () => Promise<ApiResponse>) => Promise.all(Array.from({ length: PARALLEL }, send));

  /** Every create or update that a unique key or an exclusion constraint guards (see the migrations). */
  const cases: Array<[what: string, race: () => Promise<void>]> = [
    [
      'a reference item (reference_item primary key: kind, code)',
      async () => {
        const results = await fire(() => admin.api('POST', '/api/v1/reference/channels', { code: 'race_channel', name: 'Kapplöpning' }));
        expectCodedConflicts(results, 'REFERENCE_EXISTS');
        const channels = (await admin.api('GET', '/api/v1/reference/channels?all=true')).body as Array<{ code: string }>;
        expect(channels.filter((c) => c.code === 'race_channel')).toHaveLength(1);
      },
    ],
    [
      'a committee (committee.code)',
      async () => expectCodedConflicts(await fire(() => admin.api('POST', '/api/v1/committees', { code: 'RACEN', name: 'Kapplöpningsnämnden' })), 'DUPLICATE'),
    ],
    [
      'a department (department.code)',
      async () => {
        const committee = await ctx.given.committee();
        const body = { code: 'RACEF', name: 'Kapplöpningsförvaltningen', committeeId: committee.id };
        expectCodedConflicts(await fire(() => admin.api('POST', '/api/v1/departments', body)), 'DUPLICATE');
      },
    ],
    [
      'a person (person.email)',
      async () => expectCodedConflicts(await fire(() => admin.api('POST', '/api/v1/people', { name: 'Kapp Löpare', email: 'kapp.lopare@malmo.example' })), 'DUPLICATE'),
    ],
    [
      'a user with a new person (person.email, app_user.person_id)',
      async () => expectCodedConflicts(await fire(() => admin.api('POST', '/api/v1/admin/users', { name: 'Ny Löpare', email: 'ny.lopare@malmo.example' })), 'DUPLICATE'),
    ],
    [
      'a user for an existing person (app_user.person_id)',
      async () => {
        const person = await ctx.given.person();
        expectCodedConflicts(await fire(() => admin.api('POST', '/api/v1/admin/users', { email: person.email })), 'DUPLICATE');
      },
    ],
    [
      'a primary coordinator (coordinator_assignment_one_primary)',
      async () => {
        const department = await ctx.given.department();
        const person = await ctx.given.person();
        const body = { personId: person.id, kind: 'primary', mandate: 'Mandat', validFrom: '2026-01-01' };
        expectCodedConflicts(await fire(() => admin.api('POST', `/api/v1/departments/${department.id}/coordinators`, body)), /OVERLAP/);
      },
    ],
    [
      'a deputy coordinator (coordinator_assignment_no_double)',
      async () => {
        const department = await ctx.given.department();
        const person = await ctx.given.person();
        const body = { personId: person.id, kind: 'deputy', mandate: 'Mandat', validFrom: '2026-01-01' };
        expectCodedConflicts(await fire(() => admin.api('POST', `/api/v1/departments/${department.id}/coordinators`, body)), /OVERLAP/);
      },
    ],
    [
      'a plan round (plan_round_one_active_per_year)',
      async () => {
        const department = await ctx.given.department();
        const body = { title: 'Kapplöpningens omgång', year: 2097, caseNumber: 'STK-2097-1', participantDepartmentIds: [department.id], deadlines: ctx.given.roundDeadlines() };
        expectCodedConflicts(await fire(() => strategist.api('POST', '/api/v1/rounds', body)), 'ACTIVE_ROUND_EXISTS');
      },
    ],
    [
      'a workflow step (plan_round_event_one_per_version)',
      async () => {
        const round = await ctx.given.round();
        expectCodedConflicts(await fire(() => strategist.api('POST', `/api/v1/rounds/${round.id}/events`, { type: 'LAUNCH' })), /ILLEGAL_TRANSITION|VERSION_CONFLICT/);
        const history = (await strategist.api('GET', `/api/v1/rounds/${round.id}/history`)).body as unknown[];
        expect(history.filter((h) => JSON.stringify(h).includes('LAUNCH'))).toHaveLength(1);
      },
    ],
    [
      "a department's hand-in (needs_submission primary key: round, department)",
      async () => {
        const round = await ctx.given.roundInCollectingNeeds();
        const departmentId = round.participants[0].departmentId;
        const coordinator = await ctx.as('nobody');
        await ctx.given.coordinator({ id: departmentId } as Parameters<typeof ctx.given.coordinator>[0], { personId: coordinator.personId, validFrom: '2020-01-01' });
        const path = `/api/v1/rounds/${round.id}/submissions/${departmentId}/nothing-to-report`;
        expectCodedConflicts(await fire(() => coordinator.api('POST', path, { reason: 'Inga behov i år' })), /.+/);
      },
    ],
    [
      "a reminder to a department (plan_round_event_reminder_once_a_day: round, department, day)",
      async () => {
        const department = await ctx.given.department();
        await ctx.given.coordinator(department, { validFrom: '2020-01-01' });
        const round = await ctx.given.roundInCollectingNeeds({ participantDepartmentIds: [department.id] });
        const path = `/api/v1/rounds/${round.id}/participants/${department.id}/reminders`;
        expectCodedConflicts(await fire(() => strategist.api('POST', path)), 'REMINDER_ALREADY_SENT');
        const history = (await strategist.api('GET', `/api/v1/rounds/${round.id}/history`)).body as Array<{ type: string }>;
        expect(history.filter((h) => h.type === 'REMINDER_SENT')).toHaveLength(1);
      },
    ],
  ];

  it.each(cases)('%s: one success, the rest a coded 409', async (_what, race) => {
    await race();
    checked++;
  });

  it('grants a role 50 times at once as once (granting again changes nothing; role_grant_*_unique)', async () => {
    const user = await ctx.given.user();
    const results = await fire(() => admin.api('POST', `/api/v1/admin/users/${user.user.id}/roles`, { role: 'strategist' }));
    expect(results.map((r) => r.status).filter((s) => s !== 201)).toEqual([]);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    const roles = (await admin.api('GET', `/api/v1/admin/users/${user.user.id}`)).body.roles as Array<{ role: string }>;
    expect(roles.filter((r) => r.role === 'strategist')).toHaveLength(1);
    checked++;
  });

  it("changes a round's participants and areas 50 times at once without a clash of their keys (plan_round_participant, plan_round_area)", async () => {
    const round = await ctx.given.round();
    const departments = [await ctx.given.department(), await ctx.given.department()];
    const body = { participantDepartmentIds: departments.map((d) => d.id), areas: [{ code: 'KAPP', name: 'Kapplöpning' }, { code: 'LOPP', name: 'Lopp' }] };
    const results = await fire(() => strategist.api('PATCH', `/api/v1/rounds/${round.id}`, body));
    // Without If-Match each change may land (the same one again) or meet one that landed while it read: a VERSION_CONFLICT.
    expect(results.map((r) => r.status).filter((s) => s !== 200 && s !== 409)).toEqual([]);
    expect(results.filter((r) => r.status === 409).map((r) => r.body.code).filter((c) => c !== 'VERSION_CONFLICT')).toEqual([]);
    expect(results.some((r) => r.status === 200)).toBe(true);
    const after = (await strategist.api('GET', `/api/v1/rounds/${round.id}`)).body;
    expect(after.participants.map((p: { departmentId: string }) => p.departmentId).sort()).toEqual(body.participantDepartmentIds.sort());
    expect(after.areas.map((a: { code: string }) => a.code).sort()).toEqual(['KAPP', 'LOPP']);
    checked++;
  });

  it('checked every guarded operation', () => {
    expect(checked).toBe(cases.length + 2);
    expect(cases.length).toBe(12);
  });
});

describe('two admins acting on each other at the same moment', () => {
  const ROUNDS = 15;
  let ctx: E2eContext;
  beforeAll(async () => {
    ctx = await e2eContext();
  });
  afterAll(async () => {
    await ctx?.close();
  });

  const activeAdmins = async () =>
    Number(
      (
        await ctx.dataSource.query<{ n: string }[]>(
          `select count(distinct u.id) as n from role_grant g join app_user u on u.id = g.user_id where g.role = 'admin' and g.revoked_at is null and u.disabled_at is null`,
        )
      )[0].n,
    );

  /** The loser is refused: LAST_ADMIN (409), or, when the winner's change landed before its request was even let in, its rights are gone (401/403). */
  const expectOneWinner = (results: ApiResponse[]) => {
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(statuses.filter((s) => s === 200 || s === 204)).toHaveLength(1);
    const loser = results.find((r) => r.status !== 200 && r.status !== 204)!;
    expect([401, 403, 409]).toContain(loser.status);
    if (loser.status === 409) expect(loser.body.code).toBe('LAST_ADMIN');
    return loser.status === 409;
  };

  /** Two fresh admins who are the only active ones (every earlier admin disabled by the first of them). */
  async function onlyTwoAdmins(): Promise<[AuthedApi, AuthedApi]> {
    const a = await ctx.as([{ role: 'admin' }]);
    const b = await ctx.as([{ role: 'admin' }]);
    const others = await ctx.dataSource.query<{ id: string }[]>(
      `select distinct u.id from role_grant g join app_user u on u.id = g.user_id where g.role = 'admin' and g.revoked_at is null and u.disabled_at is null and u.id <> all($1::uuid[])`,
      [[a.userId, b.userId]],
    );
    for (const { id } of others) expect((await a.api('POST', `/api/v1/admin/users/${id}/disable`)).status).toBe(200);
    expect(await activeAdmins()).toBe(2);
    return [a, b];
  }

  it(`disabling each other (${ROUNDS} tries): one admin always remains, the other is refused`, async () => {
    let tries = 0;
    let refusedAsLast = 0;
    for (let i = 0; i < ROUNDS; i++) {
      const [a, b] = await onlyTwoAdmins();
      const results = await Promise.all([a.api('POST', `/api/v1/admin/users/${b.userId}/disable`), b.api('POST', `/api/v1/admin/users/${a.userId}/disable`)]);
      if (expectOneWinner(results)) refusedAsLast++;
      expect(await activeAdmins()).toBe(1);
      tries++;
    }
    expect(tries).toBe(ROUNDS);
    expect(refusedAsLast).toBeGreaterThan(0);
  });

  it(`revoking each other's admin role (${ROUNDS} tries): one admin always remains, the other is refused`, async () => {
    let tries = 0;
    let refusedAsLast = 0;
    for (let i = 0; i < ROUNDS; i++) {
      const [a, b] = await onlyTwoAdmins();
      const grantOf = async (user: AuthedApi) => ((await a.api('GET', `/api/v1/admin/users/${user.userId}`)).body.roles as Array<{ id: string; role: string }>).find((g) => g.role === 'admin')!.id;
      const [grantA, grantB] = [await grantOf(a), await grantOf(b)];
      const results = await Promise.all([
        a.api('DELETE', `/api/v1/admin/users/${b.userId}/roles/${grantB}`),
        b.api('DELETE', `/api/v1/admin/users/${a.userId}/roles/${grantA}`),
      ]);
      if (expectOneWinner(results)) refusedAsLast++;
      expect(await activeAdmins()).toBe(1);
      tries++;
    }
    expect(tries).toBe(ROUNDS);
    expect(refusedAsLast).toBeGreaterThan(0);
  });

  it('refuses revoking the admin role of the last active admin, as disabling them is refused', async () => {
    const [a, b] = await onlyTwoAdmins();
    expect((await a.api('POST', `/api/v1/admin/users/${b.userId}/disable`)).status).toBe(200);
    const grant = ((await a.api('GET', `/api/v1/admin/users/${a.userId}`)).body.roles as Array<{ id: string; role: string }>).find((g) => g.role === 'admin')!.id;
    const res = await a.api('DELETE', `/api/v1/admin/users/${a.userId}/roles/${grant}`);
    expect({ status: res.status, code: res.body?.code }).toEqual({ status: 409, code: 'LAST_ADMIN' });
    expect(await activeAdmins()).toBe(1);
  });
});
