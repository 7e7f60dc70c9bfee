import { ConsultationModule, ConsultationService } from '@samverka/consultation';
import { CommonErrorCode } from '@samverka/kernel';
import { NeedService, NeedsModule } from '@samverka/needs';
import { PlanDraftService, PlanErrorCode, PlanItem, PlanModule, PlanQueryService } from '@samverka/plan';
import { PlanRoundQueryService, PlanRoundStepService, PlanRoundView } from '@samverka/rounds';
import { TEST_ACTOR } from '../support/given';
import { mediumContext, MediumContext } from '../support/medium';

const START = new Date('2026-03-02T09:00:00Z');

describe('the plan: draft, items, responsibilities, versions', () => {
  let ctx: MediumContext;
  let drafts: PlanDraftService;
  let plans: PlanQueryService;

  beforeAll(async () => {
    ctx = await mediumContext([NeedsModule, PlanModule, ConsultationModule], START);
    drafts = ctx.get(PlanDraftService);
    plans = ctx.get(PlanQueryService);
  });
  afterAll(() => ctx.close());

  /** A round drafting its plan with two participating departments (each handed in one need). */
  async function drafting(values: { year?: number } = {}): Promise<PlanRoundView & { a: string; b: string }> {
    const [a, b] = [await ctx.given.department(), await ctx.given.department()];
    const round = await ctx.given.roundInDraftingPlan({ ...values, participantDepartmentIds: [a.id, b.id] });
    return Object.assign(round, { a: a.id, b: b.id });
  }

  const item = (roundId: string, over: Partial<Parameters<PlanDraftService['createItem']>[2]> = {}) =>
    drafts.createItem(TEST_ACTOR, roundId, { areaCode: 'LOKAL_SERVICE', title: 'Vägledning på biblioteken', description: 'Bibliotekarier vägleder invånare.', ...over });
  const itemsOf = async (roundId: string): Promise<PlanItem[]> => (await plans.draft(roundId)).document.areas.flatMap((a) => a.items);
  /** The remiss of a frozen version (the consultation step sends it). */
  const prepareRemiss = (roundId: string, planVersion: number) =>
    ctx.get(ConsultationService).prepare(TEST_ACTOR, roundId, { planVersion, replyBy: '2026-06-30', coverLetter: 'Planen på remiss.' });
  const needsOf = async (roundId: string) => ctx.get(NeedService).list(roundId, { all: true, departmentIds: [], committeeIds: [] });

  it('a round drafting its plan without one answers an empty draft, not a 404; a first item starts it empty', async () => {
    const round = await drafting();
    const empty = await plans.draft(round.id);
    expect(empty.state).toMatchObject({ started: false, latestVersion: 0, editable: true, roundState: 'draftingPlan' });
    expect(empty.document.areas.map((a) => a.code)).toEqual(['TILLGANGLIGHET', 'RATTIGHETSBASERAD', 'DIGITALISERING', 'LOKAL_SERVICE', 'SAMARBETSPROCESS']);
    expect(empty.previousPlanAvailable).toBe(false);
    const created = await item(round.id);
    expect(created.code).toBe('LS-1');
    const started = await plans.draft(round.id);
    expect(started.state).toMatchObject({ started: true, draftChanged: true, startedFromRoundId: null });
    await expect(drafts.start(TEST_ACTOR, round.id, { startFrom: 'empty' })).rejects.toMatchObject({ code: PlanErrorCode.PLAN_EXISTS });
  });

  it('refuses to start from a previous plan when there is none, and to edit outside draftingPlan', async () => {
    const round = await drafting();
    await expect(drafts.start(TEST_ACTOR, round.id, { startFrom: 'previousRound' })).rejects.toMatchObject({ code: PlanErrorCode.PLAN_NO_PREVIOUS });
    const collecting = await ctx.given.roundInCollectingNeeds();
    await expect(item(collecting.id)).rejects.toMatchObject({ code: PlanErrorCode.PLAN_NOT_EDITABLE, message: 'Planen kan bara ändras medan planomgången tar fram planen' });
    await expect(plans.draft(collecting.id)).rejects.toMatchObject({ code: PlanErrorCode.PLAN_NOT_FOUND });
  });

  it('generates codes per area and never reuses one, not even of an item removed after a freeze', async () => {
    const round = await drafting();
    expect((await item(round.id)).code).toBe('LS-1');
    const second = await item(round.id);
    expect(second.code).toBe('LS-2');
    expect((await item(round.id, { areaCode: 'digitalisering' })).code).toBe('DI-1');
    await drafts.freeze(TEST_ACTOR, round.id);
    await drafts.deleteItem(TEST_ACTOR, round.id, second.id);
    expect((await item(round.id)).code).toBe('LS-3');
    const removedUnfrozen = await item(round.id);
    await drafts.deleteItem(TEST_ACTOR, round.id, removedUnfrozen.id);
    // LS-4 was removed before any freeze: no version knows it, so the next number after LS-3 is free again
    expect((await item(round.id)).code).toBe('LS-4');
    await expect(item(round.id, { code: 'LS-2' })).rejects.toMatchObject({ code: PlanErrorCode.PLAN_ITEM_CODE_TAKEN, message: 'Koden LS-2 används redan i planen' });
    await expect(item(round.id, { code: 'ls-9' })).resolves.toMatchObject({ code: 'LS-9' });
    await expect(item(round.id, { code: 'LS 9' })).rejects.toMatchObject({ code: CommonErrorCode.VALIDATION_FAILED, details: [expect.objectContaining({ field: 'code', rule: 'matches' })] });
  });

  it('an item answers handed-in needs of its round only (422 naming needIds), and checks every rule at once', async () => {
    const round = await drafting();
    const other = await drafting();
    const [need] = await needsOf(round.id);
    const [foreign] = await needsOf(other.id);
    const created = await item(round.id, { needIds: [need.id], startsOn: '2027 T1', endsOn: '2027 Q4', expectedEffect: 'Färre samtal' });
    expect((await itemsOf(round.id))[0]).toMatchObject({ id: created.id, needs: [expect.objectContaining({ id: need.id })], startsOn: '2027 T1', endsOn: '2027 Q4', status: 'planned' });
    await expect(item(round.id, { needIds: [foreign.id] })).rejects.toMatchObject({ code: CommonErrorCode.UNKNOWN_REFERENCE, details: [expect.objectContaining({ field: 'needIds', rule: 'handedInNeed' })] });
    await expect(item(round.id, { areaCode: 'OKÄNT' })).rejects.toMatchObject({ code: CommonErrorCode.UNKNOWN_REFERENCE, details: [expect.objectContaining({ field: 'areaCode' })] });
    await expect(item(round.id, { title: ' ', description: '', startsOn: '2027 T4', endsOn: '2026' })).rejects.toMatchObject({
      code: CommonErrorCode.VALIDATION_FAILED,
      details: [
        expect.objectContaining({ field: 'title', rule: 'isNotEmpty' }),
        expect.objectContaining({ field: 'description', rule: 'isNotEmpty' }),
        expect.objectContaining({ field: 'startsOn', rule: 'term' }),
      ],
    });
    await expect(drafts.updateItem(TEST_ACTOR, round.id, created.id, { endsOn: '2026-12-31' })).rejects.toMatchObject({ details: [expect.objectContaining({ field: 'endsOn', rule: 'notBeforeStart' })] });
    const updated = await drafts.updateItem(TEST_ACTOR, round.id, created.id, { needIds: [], status: 'ongoing', areaCode: 'DIGITALISERING' });
    expect(updated).toMatchObject({ needs: [], status: 'ongoing', areaCode: 'DIGITALISERING', code: 'LS-1' });
    await expect(drafts.updateItem(TEST_ACTOR, other.id, created.id, { title: 'x' })).rejects.toMatchObject({ code: PlanErrorCode.PLAN_ITEM_NOT_FOUND });
    await expect(drafts.deleteItem(TEST_ACTOR, other.id, created.id)).rejects.toMatchObject({ code: PlanErrorCode.PLAN_ITEM_NOT_FOUND });
  });

  it('responsibilities: one entry per organisation, participants only, one accountable (409 naming the item, nothing written)', async () => {
    const round = await drafting();
    const outsider = await ctx.given.department();
    const { id } = await item(round.id);
    const set = (responsibilities: Parameters<PlanDraftService['setResponsibilities']>[3]['responsibilities']) => drafts.setResponsibilities(TEST_ACTOR, round.id, id, { responsibilities });
    const read = await set([
      { departmentId: round.a, role: 'accountable', expectations: 'Leder arbetet och rapporterar kvartalsvis.', effortHours: 120 },
      { contactCentre: true, role: 'responsible', expectations: 'Utbildar bibliotekarier senast 2027-03-01.', effortHours: 300.5 },
      { departmentId: round.b, role: 'informed', expectations: '' },
    ]);
    expect(read.responsibilities).toEqual([
      { organisation: { kind: 'department', departmentId: round.a, name: expect.any(String) }, role: 'accountable', expectations: 'Leder arbetet och rapporterar kvartalsvis.', effortHours: 120 },
      { organisation: { kind: 'contactCentre', name: 'Kontaktcenter' }, role: 'responsible', expectations: 'Utbildar bibliotekarier senast 2027-03-01.', effortHours: 300.5 },
      { organisation: { kind: 'department', departmentId: round.b, name: expect.any(String) }, role: 'informed', expectations: '', effortHours: null },
    ]);
    await expect(set([{ departmentId: round.a, role: 'accountable', expectations: 'A' }, { departmentId: round.b, role: 'accountable', expectations: 'B' }])).rejects.toMatchObject({
      code: PlanErrorCode.PLAN_SECOND_ACCOUNTABLE,
      message: 'Insatsen LS-1 kan bara ha en ansvarig (A)',
    });
    await expect(set([{ departmentId: round.a, contactCentre: true, role: 'consulted', expectations: '' }, { role: 'informed', expectations: '' }])).rejects.toMatchObject({
      code: CommonErrorCode.VALIDATION_FAILED,
      details: [
        expect.objectContaining({ field: 'responsibilities[0].departmentId', rule: 'exactlyOneOrganisation' }),
        expect.objectContaining({ field: 'responsibilities[1].departmentId', rule: 'exactlyOneOrganisation' }),
      ],
    });
    await expect(set([{ departmentId: round.a, role: 'consulted', expectations: '' }, { departmentId: round.a, role: 'informed', expectations: '' }])).rejects.toMatchObject({
      details: [expect.objectContaining({ field: 'responsibilities[1].departmentId', rule: 'uniqueOrganisation' })],
    });
    await expect(set([{ departmentId: outsider.id, role: 'responsible', expectations: 'Något' }])).rejects.toMatchObject({
      code: CommonErrorCode.UNKNOWN_REFERENCE,
      details: [expect.objectContaining({ field: 'responsibilities[0].departmentId', rule: 'participant' })],
    });
    // nothing of the refused writes is stored
    expect((await itemsOf(round.id))[0].responsibilities).toHaveLength(3);
  });

  it('the database itself refuses a second accountable on an item, past the service', async () => {
    const round = await drafting();
    const { id } = await item(round.id);
    await drafts.setResponsibilities(TEST_ACTOR, round.id, id, { responsibilities: [{ departmentId: round.a, role: 'accountable', expectations: 'Leder.' }] });
    await expect(
      ctx.dataSource.query(`insert into plan_responsibility (item_id, department_id, contact_centre, role, expectations, position) values ($1, $2, false, 'accountable', 'Också', 2)`, [id, round.b]),
    ).rejects.toMatchObject({ constraint: 'plan_responsibility_one_accountable' });
  });

  it('freezes versions 1, 2 …, refuses an unchanged freeze, keeps versions immutable, and diffs them', async () => {
    const round = await drafting();
    await expect(drafts.freeze(TEST_ACTOR, round.id)).rejects.toMatchObject({ code: PlanErrorCode.PLAN_NOT_FOUND });
    const first = await item(round.id);
    await drafts.setResponsibilities(TEST_ACTOR, round.id, first.id, { responsibilities: [{ departmentId: round.a, role: 'accountable', expectations: 'Leder arbetet.', effortHours: 100 }] });
    await drafts.updateTexts(TEST_ACTOR, round.id, { contactCentreMandate: 'Kontaktcenter vägleder.', areaIntroductions: [{ areaCode: 'LOKAL_SERVICE', introduction: 'Service nära invånarna.' }] });
    ctx.clock.set(new Date('2026-05-04T10:00:00Z'));
    expect(await drafts.freeze({ personId: null, label: 'Stina Strateg' }, round.id)).toEqual({ version: 1 });
    await expect(drafts.freeze(TEST_ACTOR, round.id)).rejects.toMatchObject({ code: PlanErrorCode.PLAN_UNCHANGED });
    // the same values again, or nothing at all, change nothing
    await drafts.updateItem(TEST_ACTOR, round.id, first.id, { title: 'Vägledning på biblioteken', areaCode: 'LOKAL_SERVICE' });
    await drafts.updateTexts(TEST_ACTOR, round.id, {});
    await expect(drafts.freeze(TEST_ACTOR, round.id)).rejects.toMatchObject({ code: PlanErrorCode.PLAN_UNCHANGED });
    expect((await plans.draft(round.id)).state).toMatchObject({ latestVersion: 1, draftChanged: false });

    await drafts.updateItem(TEST_ACTOR, round.id, first.id, { description: 'Bibliotekarier vägleder alla invånare.' });
    await drafts.setResponsibilities(TEST_ACTOR, round.id, first.id, { responsibilities: [{ departmentId: round.a, role: 'accountable', expectations: 'Leder arbetet.', effortHours: 150 }] });
    const added = await item(round.id, { areaCode: 'DIGITALISERING', title: 'E-tjänst för bygglov' });
    expect(await drafts.freeze(TEST_ACTOR, round.id)).toEqual({ version: 2 });

    const versions = await plans.versions(round.id);
    expect(versions).toEqual([
      { version: 1, frozenAt: '2026-05-04T10:00:00.000Z', frozenBy: 'Stina Strateg', itemCount: 1 },
      { version: 2, frozenAt: '2026-05-04T10:00:00.000Z', frozenBy: 'test', itemCount: 2 },
    ]);
    const v1 = await plans.version(round.id, 1);
    expect(v1).toMatchObject({ version: 1, frozenBy: 'Stina Strateg', texts: { contactCentreMandate: 'Kontaktcenter vägleder.' } });
    expect(v1.areas.find((a) => a.code === 'LOKAL_SERVICE')).toMatchObject({ introduction: 'Service nära invånarna.', items: [expect.objectContaining({ description: 'Bibliotekarier vägleder invånare.' })] });
    await expect(plans.version(round.id, 3)).rejects.toMatchObject({ code: PlanErrorCode.PLAN_VERSION_NOT_FOUND });

    await expect(ctx.dataSource.query(`update plan_version set snapshot = '{}'::jsonb where round_id = $1 and version = 1`, [round.id])).rejects.toThrow(/frozen and cannot change/);
    expect((await plans.version(round.id, 1)).areas.flatMap((a) => a.items)).toHaveLength(1);

    const diff = await plans.diff(round.id, 1, 2);
    expect(diff.itemsAdded).toEqual([{ id: added.id, code: 'DI-1', areaCode: 'DIGITALISERING', title: 'E-tjänst för bygglov' }]);
    expect(diff.itemsRemoved).toEqual([]);
    expect(diff.itemsChanged).toEqual([expect.objectContaining({ id: first.id, code: 'LS-1', fields: [expect.objectContaining({ field: 'description', before: 'Bibliotekarier vägleder invånare.', after: 'Bibliotekarier vägleder alla invånare.' })] })]);
    expect(diff.responsibilitiesChanged).toEqual([
      expect.objectContaining({ itemId: first.id, code: 'LS-1', organisation: expect.objectContaining({ departmentId: round.a }), before: expect.objectContaining({ effortHours: 100 }), after: expect.objectContaining({ effortHours: 150 }) }),
    ]);
    expect(diff.textsChanged).toEqual([]);
    await expect(plans.diff(round.id, 1, 9)).rejects.toMatchObject({ code: PlanErrorCode.PLAN_VERSION_NOT_FOUND });
  });

  it('two concurrent freezes: one makes the version, the other is refused', async () => {
    const round = await drafting();
    await item(round.id);
    const results = await Promise.allSettled([drafts.freeze(TEST_ACTOR, round.id), drafts.freeze(TEST_ACTOR, round.id), drafts.freeze(TEST_ACTOR, round.id)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toEqual([{ status: 'fulfilled', value: { version: 1 } }]);
    expect(results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.code)).toEqual([PlanErrorCode.PLAN_UNCHANGED, PlanErrorCode.PLAN_UNCHANGED]);
    expect(await plans.versions(round.id)).toHaveLength(1);
  });

  it('the consultation guard reads the real plan: reasons by item code, an unfrozen change, then the step succeeds', async () => {
    const round = await drafting();
    const steps = ctx.get(PlanRoundStepService);
    const reasons = async () => (await ctx.get(PlanRoundQueryService).view(round.id)).events.find((e) => e.type === 'SEND_FOR_CONSULTATION');
    expect(await reasons()).toMatchObject({ allowed: false, reasons: ['Det finns ingen planversion'] });

    const ls = await item(round.id);
    await drafts.freeze(TEST_ACTOR, round.id);
    const sent = (await reasons())!.reasons;
    expect(sent).toContain('Insatsen LS-1 saknar ansvarig (A)');
    expect(sent).toContain('Området Digitalisering och servicekommunikation saknar insats');
    expect(sent).not.toContain('Planen har ändringar som inte är låsta i en version');

    for (const areaCode of ['TILLGANGLIGHET', 'RATTIGHETSBASERAD', 'DIGITALISERING', 'SAMARBETSPROCESS']) {
      const { id } = await item(round.id, { areaCode, title: `Insats inom ${areaCode}` });
      await drafts.setResponsibilities(TEST_ACTOR, round.id, id, { responsibilities: [{ contactCentre: true, role: 'accountable', expectations: 'Leder.' }] });
    }
    await drafts.setResponsibilities(TEST_ACTOR, round.id, ls.id, { responsibilities: [{ departmentId: round.a, role: 'accountable', expectations: 'Leder.' }] });
    // the draft is complete, but version 1 (what would be sent) is not, and the draft is not frozen
    expect(await reasons()).toMatchObject({ allowed: false, reasons: expect.arrayContaining(['Planen har ändringar som inte är låsta i en version', 'Insatsen LS-1 saknar ansvarig (A)']) });
    await expect(steps.transition(TEST_ACTOR, round.id, { type: 'SEND_FOR_CONSULTATION' })).rejects.toBeDefined();

    await drafts.freeze(TEST_ACTOR, round.id);
    expect(await reasons()).toMatchObject({ allowed: false, reasons: ['Remissen är inte förberedd'] });
    await prepareRemiss(round.id, 2);
    expect(await reasons()).toMatchObject({ allowed: true, reasons: [] });
    const consulting = await steps.transition(TEST_ACTOR, round.id, { type: 'SEND_FOR_CONSULTATION' });
    expect(consulting.state).toBe('consultation');
    await expect(item(round.id)).rejects.toMatchObject({ code: PlanErrorCode.PLAN_NOT_EDITABLE });
    expect((await plans.draft(round.id)).state).toMatchObject({ editable: false, roundState: 'consultation', latestVersion: 2 });
  });

  it("starts from the previous round's adopted plan: items and responsibilities carried, needs not, completed items left behind", async () => {
    const previous = await drafting({ year: 2031 });
    const steps = ctx.get(PlanRoundStepService);
    const [need] = await needsOf(previous.id);
    const kept = await item(previous.id, { needIds: [need.id], title: 'Vägledning', startsOn: '2031 T1' });
    await drafts.setResponsibilities(TEST_ACTOR, previous.id, kept.id, {
      responsibilities: [
        { departmentId: previous.a, role: 'accountable', expectations: 'Leder.', effortHours: 40 },
        { contactCentre: true, role: 'responsible', expectations: 'Utför.' },
      ],
    });
    const done = await item(previous.id, { title: 'Klar insats', status: 'completed' });
    for (const areaCode of ['TILLGANGLIGHET', 'RATTIGHETSBASERAD', 'DIGITALISERING', 'SAMARBETSPROCESS']) {
      const { id } = await item(previous.id, { areaCode, title: `Insats inom ${areaCode}` });
      await drafts.setResponsibilities(TEST_ACTOR, previous.id, id, { responsibilities: [{ contactCentre: true, role: 'accountable', expectations: 'Leder.' }] });
    }
    await drafts.setResponsibilities(TEST_ACTOR, previous.id, done.id, { responsibilities: [{ contactCentre: true, role: 'accountable', expectations: 'Leder.' }] });
    await drafts.freeze(TEST_ACTOR, previous.id);
    await prepareRemiss(previous.id, 1);
    await steps.transition(TEST_ACTOR, previous.id, { type: 'SEND_FOR_CONSULTATION' });
    await steps.transition(TEST_ACTOR, previous.id, { type: 'CLOSE_CONSULTATION', force: true, reason: 'Alla svar inkomna per e-post' });
    await steps.transition(TEST_ACTOR, previous.id, { type: 'SUBMIT_FOR_DECISION' });
    await steps.transition(TEST_ACTOR, previous.id, { type: 'RECORD_DECISION', outcome: 'adopted', decidedOn: '2026-03-02', body: 'Kommunstyrelsen', minuteReference: '§ 12' });

    const [a2] = [await ctx.given.department()];
    const round = await ctx.given.roundInDraftingPlan({ year: 2032, participantDepartmentIds: [previous.a, a2.id] });
    expect((await plans.draft(round.id)).previousPlanAvailable).toBe(true);
    await drafts.start(TEST_ACTOR, round.id, { startFrom: 'previousRound' });
    const view = await plans.draft(round.id);
    expect(view.state).toMatchObject({ started: true, startedFromRoundId: previous.id, latestVersion: 0 });
    const items = view.document.areas.flatMap((i) => i.items);
    expect(items.map((i) => i.code).sort()).toEqual(['DI-1', 'LS-1', 'RA-1', 'SA-1', 'TI-1']);
    const carried = items.find((i) => i.code === 'LS-1')!;
    expect(carried).toMatchObject({ title: 'Vägledning', startsOn: '2031 T1', needs: [], carriedOverFrom: { roundId: previous.id, code: 'LS-1' } });
    expect(carried.responsibilities.map((r) => [r.organisation.kind, r.role, r.effortHours])).toEqual([
      ['department', 'accountable', 40],
      ['contactCentre', 'responsible', null],
    ]);
    // the next code continues after the carried ones
    expect((await item(round.id)).code).toBe('LS-2');
  });
});
