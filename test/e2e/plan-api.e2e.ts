import { NeedService } from '@samverka/needs';
import { DepartmentEntity } from '@samverka/organisation';
import { PlanRoundView } from '@samverka/rounds';
import { Client } from 'pg';
import { AuthedApi, e2eContext, E2eContext } from '../support/e2e';

/**
 * The plan's REST contract: strategists build the draft (texts, items, responsibilities), freeze
 * versions and compare them; bad input is a 4xx naming the field and the rule and writes nothing;
 * a second accountable is a 409 however many writers race; participants read versions, not the draft.
 */
describe('plan API', () => {
  let ctx: E2eContext;
  let strategist: AuthedApi;
  let adminUser: AuthedApi;
  let preschoolCoordinator: AuthedApi;
  let preschool: DepartmentEntity;
  let culture: DepartmentEntity;
  let outsider: DepartmentEntity;
  let round: PlanRoundView;

  beforeAll(async () => {
    ctx = await e2eContext();
    preschool = await ctx.given.department({ name: 'Förskoleförvaltningen' });
    culture = await ctx.given.department({ name: 'Kulturförvaltningen' });
    outsider = await ctx.given.department({ name: 'Fastighets- och gatukontoret' });
    strategist = await ctx.as([{ role: 'strategist' }], { name: 'Stina Strateg' });
    adminUser = await ctx.as([{ role: 'admin' }]);
    preschoolCoordinator = await ctx.as([], { name: 'Annika Åsberg' });
    await ctx.given.coordinator(preschool, { personId: preschoolCoordinator.personId, validFrom: '2020-01-01' });
    round = await ctx.given.roundInDraftingPlan({ participantDepartmentIds: [preschool.id, culture.id] });
  });
  afterAll(async () => {
    await ctx?.close();
  });

  const plan = (path = '') => `/api/v1/rounds/${round.id}/plan${path}`;
  const item = (values: Record<string, unknown> = {}) => ({ areaCode: 'LOKAL_SERVICE', title: 'Vägledning på biblioteken', description: 'Bibliotekarier vägleder invånare i kommunala ärenden.', ...values });
  const items = async () => ((await strategist.api('GET', plan())).body.document.areas as Array<{ items: Array<{ id: string; code: string; responsibilities: Array<{ role: string }> }> }>).flatMap((a) => a.items);

  it('answers an empty draft before the plan is started, starts it once, and refuses a second start', async () => {
    const empty = await strategist.api('GET', plan());
    expect(empty.status).toBe(200);
    expect(empty.body.state).toEqual({ started: false, latestVersion: 0, draftChanged: false, editable: true, roundState: 'draftingPlan', startedFromRoundId: null });
    expect(empty.body.previousPlanAvailable).toBe(false);

    const bad = await strategist.api('POST', plan(), { startFrom: 'yesterday' });
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([expect.objectContaining({ field: 'startFrom' })]);
    const noPrevious = await strategist.api('POST', plan(), { startFrom: 'previousRound' });
    expect(noPrevious).toMatchObject({ status: 409, body: { code: 'PLAN_NO_PREVIOUS' } });

    const started = await strategist.api('POST', plan(), { startFrom: 'empty' });
    expect(started.status).toBe(201);
    expect(started.body.state).toMatchObject({ started: true, draftChanged: true });
    expect(await strategist.api('POST', plan(), { startFrom: 'empty' })).toMatchObject({ status: 409, body: { code: 'PLAN_EXISTS' } });
  });

  it('writes the plan-level texts and area introductions; an unknown area is a 422 naming it', async () => {
    const patched = await strategist.api('PATCH', plan(), {
      contactCentreMandate: 'Kontaktcenter ger vägledning i alla kommunala frågor.',
      departmentResponsibility: 'Varje förvaltning ansvarar för sina egna myndighetsprocesser.',
      areaIntroductions: [{ areaCode: 'lokal_service', introduction: 'Service nära invånarna.' }],
    });
    expect(patched.status).toBe(200);
    expect(patched.body.document.texts).toEqual({
      introduction: '',
      contactCentreMandate: 'Kontaktcenter ger vägledning i alla kommunala frågor.',
      departmentResponsibility: 'Varje förvaltning ansvarar för sina egna myndighetsprocesser.',
    });
    expect(patched.body.document.areas.find((a: { code: string }) => a.code === 'LOKAL_SERVICE').introduction).toBe('Service nära invånarna.');
    const unknown = await strategist.api('PATCH', plan(), { introduction: 'Ny inledning', areaIntroductions: [{ areaCode: 'MÅNEN', introduction: 'x' }] });
    expect(unknown.status).toBe(422);
    expect(unknown.body.details).toEqual([expect.objectContaining({ field: 'areaIntroductions[0].areaCode', rule: 'roundArea' })]);
    expect((await strategist.api('GET', plan())).body.document.texts.introduction).toBe('');
  });

  it('adds items with generated codes; refuses bad input (400 naming every field), foreign needs (422) and a taken code (409)', async () => {
    const [need] = await ctx.app.get(NeedService).list(round.id, { all: true, departmentIds: [], committeeIds: [] });
    const first = await strategist.api('POST', plan('/items'), item({ needIds: [need.id], startsOn: '2027 T1', endsOn: '2027 T3' }));
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ id: expect.any(String), code: 'LS-1' });
    expect((await strategist.api('POST', plan('/items'), item({ areaCode: 'DIGITALISERING', title: 'E-tjänst' }))).body.code).toBe('DI-1');

    const bad = await strategist.api('POST', plan('/items'), item({ title: '  ', startsOn: '2027 T9', endsOn: '2026' }));
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string; rule: string }) => `${d.field}:${d.rule}`)).toEqual(['title:isNotEmpty', 'startsOn:term']);
    expect(bad.body.details[1].message).toMatch(/2027 T1/);
    const unknownField = await strategist.api('POST', plan('/items'), item({ priority: 'high' }));
    expect(unknownField.status).toBe(400);
    const foreignNeed = await strategist.api('POST', plan('/items'), item({ needIds: ['00000000-0000-4000-8000-000000000000'] }));
    expect(foreignNeed.status).toBe(422);
    expect(foreignNeed.body.details).toEqual([expect.objectContaining({ field: 'needIds', rule: 'handedInNeed' })]);
    const taken = await strategist.api('POST', plan('/items'), item({ code: 'LS-1' }));
    expect(taken).toMatchObject({ status: 409, body: { code: 'PLAN_ITEM_CODE_TAKEN', message: 'Koden LS-1 används redan i planen' } });
    expect((await items()).map((i) => i.code)).toEqual(['DI-1', 'LS-1']);
  });

  it('sets responsibilities: exactly one organisation per entry (400), participants only (422), a second accountable 409 with nothing written', async () => {
    const ls1 = (await items()).find((i) => i.code === 'LS-1')!;
    const put = (responsibilities: unknown[]) => strategist.api('PUT', plan(`/items/${ls1.id}/responsibilities`), { responsibilities });
    const ok = await put([
      { departmentId: preschool.id, role: 'accountable', expectations: 'Leder arbetet, rapporterar kvartalsvis.', effortHours: 120 },
      { contactCentre: true, role: 'responsible', expectations: 'Utbildar bibliotekarier senast mars 2027.', effortHours: 400 },
      { departmentId: culture.id, role: 'consulted', expectations: 'Bidrar med bibliotekens lokaler.' },
    ]);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ id: ls1.id, code: 'LS-1' });
    expect(ok.body.responsibilities.map((r: { organisation: { name: string }; role: string; effortHours: number | null }) => [r.organisation.name, r.role, r.effortHours])).toEqual([
      ['Förskoleförvaltningen', 'accountable', 120],
      ['Kontaktcenter', 'responsible', 400],
      ['Kulturförvaltningen', 'consulted', null],
    ]);

    const both = await put([{ departmentId: preschool.id, role: 'accountable', expectations: 'x' }, { departmentId: culture.id, contactCentre: true, role: 'informed', expectations: '' }]);
    expect(both.status).toBe(400);
    expect(both.body.details).toEqual([expect.objectContaining({ field: 'responsibilities[1].departmentId', rule: 'exactlyOneOrganisation' })]);
    const twice = await put([{ departmentId: preschool.id, role: 'accountable', expectations: 'x' }, { departmentId: preschool.id, role: 'informed', expectations: '' }]);
    expect(twice.body.details).toEqual([expect.objectContaining({ field: 'responsibilities[1].departmentId', rule: 'uniqueOrganisation' })]);
    const notTakingPart = await put([{ departmentId: outsider.id, role: 'accountable', expectations: 'x' }]);
    expect(notTakingPart.status).toBe(422);
    expect(notTakingPart.body.details).toEqual([expect.objectContaining({ field: 'responsibilities[0].departmentId', rule: 'participant' })]);
    const second = await put([{ departmentId: preschool.id, role: 'accountable', expectations: 'x' }, { contactCentre: true, role: 'accountable', expectations: 'y' }]);
    expect(second).toMatchObject({ status: 409, body: { code: 'PLAN_SECOND_ACCOUNTABLE', message: 'Insatsen LS-1 kan bara ha en ansvarig (A)' } });
    expect((await items()).find((i) => i.id === ls1.id)!.responsibilities.map((r) => r.role)).toEqual(['accountable', 'responsible', 'consulted']);
  });

  it('20 concurrent PUTs: lists with one accountable all succeed, lists with two all fail, and the item has exactly one A', async () => {
    const { id } = (await strategist.api('POST', plan('/items'), item({ title: 'Gemensam introduktion för nyanställda' }))).body;
    const organisations = [{ departmentId: preschool.id }, { departmentId: culture.id }, { contactCentre: true }];
    const single = await Promise.all(
      Array.from({ length: 20 }, (_, n) => strategist.api('PUT', plan(`/items/${id}/responsibilities`), { responsibilities: [{ ...organisations[n % 3], role: 'accountable', expectations: `Variant ${n}` }] })),
    );
    expect([...new Set(single.map((r) => r.status))]).toEqual([200]);
    const double = await Promise.all(
      Array.from({ length: 20 }, (_, n) =>
        strategist.api('PUT', plan(`/items/${id}/responsibilities`), {
          responsibilities: [
            { ...organisations[n % 3], role: 'accountable', expectations: 'En' },
            { ...organisations[(n + 1) % 3], role: 'accountable', expectations: 'Två' },
          ],
        }),
      ),
    );
    expect([...new Set(double.map((r) => `${r.status} ${r.body.code}`))]).toEqual(['409 PLAN_SECOND_ACCOUNTABLE']);
    const stored = (await items()).find((i) => i.id === id)!;
    expect(stored.responsibilities.filter((r) => r.role === 'accountable')).toHaveLength(1);
    const rows = (await ctx.dataSource.query(`select count(*)::int as n from plan_responsibility where item_id = $1 and role = 'accountable'`, [id])) as Array<{ n: number }>;
    expect(rows[0].n).toBe(1);
  });

  it('50 parallel starts, item creations and freezes: one start and one freeze win (the others a coded 409), and every item gets its own code', async () => {
    const fresh = await ctx.given.roundInDraftingPlan({ participantDepartmentIds: [preschool.id] });
    const at = (path: string) => `/api/v1/rounds/${fresh.id}/plan${path}`;
    const fire = (send: () => Promise<{ status: number; body: any }>) => Promise.all(Array.from({ length: 50 }, send));
    /** How many answers of each kind: `201`, `409 PLAN_EXISTS`. */
    const outcomes = (results: Array<{ status: number; body: any }>) => {
      const counts: Record<string, number> = {};
      for (const r of results) {
        const kind = r.status >= 400 ? `${r.status} ${r.body.code}` : String(r.status);
        counts[kind] = (counts[kind] ?? 0) + 1;
      }
      return counts;
    };

    expect(outcomes(await fire(() => strategist.api('POST', at(''), { startFrom: 'empty' })))).toEqual({ '201': 1, '409 PLAN_EXISTS': 49 });
    const created = await fire(() => strategist.api('POST', at('/items'), item()));
    expect(outcomes(created)).toEqual({ '201': 50 });
    expect(new Set(created.map((r) => r.body.code)).size).toBe(50);
    expect(created.map((r) => Number(String(r.body.code).slice(3))).sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, n) => n + 1));
    expect(outcomes(await fire(() => strategist.api('POST', at('/freeze'))))).toEqual({ '201': 1, '409 PLAN_UNCHANGED': 49 });
    expect((await strategist.api('GET', at('/versions'))).body).toEqual([expect.objectContaining({ version: 1, itemCount: 50 })]);
  });

  it('changes and removes items (404 for an item of another round)', async () => {
    const other = await ctx.given.roundInDraftingPlan({ participantDepartmentIds: [preschool.id] });
    const { id } = (await strategist.api('POST', plan('/items'), item({ title: 'Tillfällig insats' }))).body;
    const patched = await strategist.api('PATCH', plan(`/items/${id}`), { title: 'Ändrad insats', status: 'ongoing', endsOn: '2028' });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ id, title: 'Ändrad insats', status: 'ongoing', endsOn: '2028' });
    expect(await strategist.api('PATCH', `/api/v1/rounds/${other.id}/plan/items/${id}`, { title: 'x' })).toMatchObject({ status: 404, body: { code: 'PLAN_ITEM_NOT_FOUND' } });
    expect((await strategist.api('DELETE', plan(`/items/${id}`))).status).toBe(204);
    expect(await strategist.api('DELETE', plan(`/items/${id}`))).toMatchObject({ status: 404, body: { code: 'PLAN_ITEM_NOT_FOUND' } });
  });

  it('freezes version 1, refuses an unchanged freeze, makes version 2 after a change, and the diff shows exactly that change', async () => {
    const v1 = await strategist.api('POST', plan('/freeze'));
    expect(v1).toMatchObject({ status: 201, body: { version: 1 } });
    expect(await strategist.api('POST', plan('/freeze'))).toMatchObject({ status: 409, body: { code: 'PLAN_UNCHANGED' } });

    const ls1 = (await items()).find((i) => i.code === 'LS-1')!;
    await strategist.api('PUT', plan(`/items/${ls1.id}/responsibilities`), {
      responsibilities: [
        { departmentId: preschool.id, role: 'accountable', expectations: 'Leder arbetet, rapporterar varje månad.', effortHours: 160 },
        { contactCentre: true, role: 'responsible', expectations: 'Utbildar bibliotekarier senast mars 2027.', effortHours: 400 },
        { departmentId: culture.id, role: 'consulted', expectations: 'Bidrar med bibliotekens lokaler.' },
      ],
    });
    expect(await strategist.api('POST', plan('/freeze'))).toMatchObject({ status: 201, body: { version: 2 } });

    const versions = await strategist.api('GET', plan('/versions'));
    expect(versions.body.map((v: { version: number; frozenBy: string }) => [v.version, v.frozenBy])).toEqual([
      [1, 'Stina Strateg'],
      [2, 'Stina Strateg'],
    ]);
    const diff = await strategist.api('GET', plan('/versions/1/diff/2'));
    expect(diff.status).toBe(200);
    expect(diff.body).toMatchObject({ itemsAdded: [], itemsRemoved: [], itemsChanged: [], textsChanged: [] });
    expect(diff.body.responsibilitiesChanged).toEqual([
      {
        itemId: ls1.id,
        code: 'LS-1',
        title: 'Vägledning på biblioteken',
        organisation: { kind: 'department', departmentId: preschool.id, name: 'Förskoleförvaltningen' },
        before: { role: 'accountable', expectations: 'Leder arbetet, rapporterar kvartalsvis.', effortHours: 120 },
        after: { role: 'accountable', expectations: 'Leder arbetet, rapporterar varje månad.', effortHours: 160 },
      },
    ]);
    const v1doc = await strategist.api('GET', plan('/versions/1'));
    expect(v1doc.body).toMatchObject({ version: 1, frozenBy: 'Stina Strateg' });
    expect(await strategist.api('GET', plan('/versions/7'))).toMatchObject({ status: 404, body: { code: 'PLAN_VERSION_NOT_FOUND' } });
    expect(await strategist.api('GET', plan('/versions/x1'))).toMatchObject({ status: 404, body: { code: 'PLAN_VERSION_NOT_FOUND' } });
    expect(await strategist.api('GET', plan('/versions/1.5'))).toMatchObject({ status: 404, body: { code: 'PLAN_VERSION_NOT_FOUND' } });
    expect(await strategist.api('GET', plan('/versions/0'))).toMatchObject({ status: 404, body: { code: 'PLAN_VERSION_NOT_FOUND' } });
    expect(await strategist.api('GET', plan('/versions/1/diff/3'))).toMatchObject({ status: 404, body: { code: 'PLAN_VERSION_NOT_FOUND' } });
  });

  it("participants read versions but not the draft, and nobody but strategists edits; admins read the draft", async () => {
    expect((await preschoolCoordinator.api('GET', plan('/versions'))).status).toBe(200);
    expect((await preschoolCoordinator.api('GET', plan('/versions/1'))).status).toBe(200);
    expect((await preschoolCoordinator.api('GET', plan())).status).toBe(403);
    expect((await preschoolCoordinator.api('POST', plan('/items'), item())).status).toBe(403);
    expect((await adminUser.api('GET', plan())).status).toBe(200);
    expect((await adminUser.api('POST', plan('/freeze'))).status).toBe(403);
  });

  it('refuses edits when the round is not drafting its plan (409 in Swedish), and a draft that does not exist yet is a 404', async () => {
    const collecting = await ctx.given.roundInCollectingNeeds({ participantDepartmentIds: [preschool.id] });
    const refused = await strategist.api('POST', `/api/v1/rounds/${collecting.id}/plan/items`, item());
    expect(refused).toMatchObject({ status: 409, body: { code: 'PLAN_NOT_EDITABLE', message: 'Planen kan bara ändras medan planomgången tar fram planen' } });
    expect(await strategist.api('GET', `/api/v1/rounds/${collecting.id}/plan`)).toMatchObject({ status: 404, body: { code: 'PLAN_NOT_FOUND' } });
  });

  it('reads the draft in the same number of statements however many items and responsibilities it has', async () => {
    const statementsOf = async (roundId: string) => {
      const spy = jest.spyOn(Client.prototype, 'query');
      try {
        expect((await strategist.api('GET', `/api/v1/rounds/${roundId}/plan`)).status).toBe(200);
        return spy.mock.calls.length;
      } finally {
        spy.mockRestore();
      }
    };
    const small = await ctx.given.roundInDraftingPlan({ participantDepartmentIds: [preschool.id, culture.id] });
    await strategist.api('POST', `/api/v1/rounds/${small.id}/plan/items`, item());
    const large = await ctx.given.roundInDraftingPlan({ participantDepartmentIds: [preschool.id, culture.id] });
    for (const areaCode of ['TILLGANGLIGHET', 'RATTIGHETSBASERAD', 'DIGITALISERING', 'LOKAL_SERVICE', 'SAMARBETSPROCESS']) {
      const { id } = (await strategist.api('POST', `/api/v1/rounds/${large.id}/plan/items`, item({ areaCode }))).body;
      await strategist.api('PUT', `/api/v1/rounds/${large.id}/plan/items/${id}/responsibilities`, {
        responsibilities: [
          { departmentId: preschool.id, role: 'accountable', expectations: 'Leder.' },
          { departmentId: culture.id, role: 'consulted', expectations: '' },
          { contactCentre: true, role: 'responsible', expectations: 'Utför.' },
        ],
      });
    }
    const [few, many] = [await statementsOf(small.id), await statementsOf(large.id)];
    expect(many).toBe(few);
    expect(many).toBeLessThanOrEqual(8);
  });
});
