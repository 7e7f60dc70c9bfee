import { ConsultationModule, ConsultationService, DecisionQueryService } from '@samverka/consultation';
import { CommonErrorCode } from '@samverka/kernel';
import { NeedsModule } from '@samverka/needs';
import type { NotificationEntity } from '@samverka/notifications';
import { DepartmentEntity } from '@samverka/organisation';
import { PlanDraftService, PlanModule, PlanQueryService } from '@samverka/plan';
import { PlanRoundStepService, PlanRoundView, RoundEventInput } from '@samverka/rounds';
import { TEST_ACTOR } from '../support/given';
import { mediumContext, MediumContext } from '../support/medium';

const START = new Date('2026-03-02T09:00:00Z');
const STRATEGIST = { personId: null, label: 'Åsa Öberg' };

describe('the decision on the plan (RECORD_DECISION)', () => {
  let ctx: MediumContext;
  let drafts: PlanDraftService;
  let plans: PlanQueryService;
  let steps: PlanRoundStepService;
  let decisions: DecisionQueryService;
  let a: DepartmentEntity;
  let b: DepartmentEntity;
  let people: { coordinatorA: string; deputyA: string; managerA: string; coordinatorB: string; strategist: string };

  beforeAll(async () => {
    ctx = await mediumContext([NeedsModule, PlanModule, ConsultationModule], START, { PUBLIC_URL: 'https://samverka.malmo.example' });
    drafts = ctx.get(PlanDraftService);
    plans = ctx.get(PlanQueryService);
    steps = ctx.get(PlanRoundStepService);
    decisions = ctx.get(DecisionQueryService);
    a = await ctx.given.department({ name: 'Förskoleförvaltningen' });
    b = await ctx.given.department({ name: 'Kulturförvaltningen' });
    const email = async (personId: string) => (await ctx.dataSource.query('select email from person where id = $1', [personId]))[0].email as string;
    const coordinatorA = await ctx.given.coordinator(a);
    const deputyA = await ctx.given.coordinator(a, { kind: 'deputy' });
    const coordinatorB = await ctx.given.coordinator(b);
    // an assignment that has ended is not told
    await ctx.given.coordinator(b, { kind: 'deputy', validFrom: '2025-01-01', validTo: '2025-12-31' });
    const manager = await ctx.given.user({ roles: [{ role: 'management', departmentId: a.id }] });
    const strategist = await ctx.given.user({ roles: [{ role: 'strategist' }] });
    people = {
      coordinatorA: await email(coordinatorA.personId),
      deputyA: await email(deputyA.personId),
      managerA: manager.email,
      coordinatorB: await email(coordinatorB.personId),
      strategist: strategist.email,
    };
  });
  afterAll(() => ctx.close());

  const mails = (kind: string, round: { title: string }) =>
    ctx.dataSource
      .getRepository<NotificationEntity>('NotificationEntity')
      .findBy({ kind })
      .then((rows) => rows.filter((r) => r.data.roundTitle === round.title));

  const decided = { decidedOn: '2026-02-26', body: 'Kommunstyrelsen', minuteReference: '§ 123' };

  /**
   * A round awaiting the decision: v1 frozen (and v2, when asked), the remiss prepared for the latest version (a row, as
   * PUT /consultation leaves it; sending needs one) and sent, closed and submitted for decision. `withoutRemiss` removes
   * the remiss after sending (a round decided before remisses were kept here).
   */
  async function awaitingDecision(values: { year?: number; laterVersion?: boolean; withoutRemiss?: boolean } = {}): Promise<PlanRoundView> {
    const round = await ctx.given.roundInDraftingPlan({ year: values.year, participantDepartmentIds: [a.id, b.id] });
    const item = await drafts.createItem(TEST_ACTOR, round.id, { areaCode: 'SAMARBETSPROCESS', title: 'Samordnare på varje förvaltning', description: 'Varje förvaltning utser en samordnare.' });
    await drafts.setResponsibilities(TEST_ACTOR, round.id, item.id, { responsibilities: [{ departmentId: a.id, role: 'accountable', expectations: 'Utser en samordnare.' }] });
    for (const areaCode of ['TILLGANGLIGHET', 'RATTIGHETSBASERAD', 'DIGITALISERING', 'LOKAL_SERVICE']) {
      const { id } = await drafts.createItem(TEST_ACTOR, round.id, { areaCode, title: `Insats inom ${areaCode}`, description: 'Beskrivning.' });
      await drafts.setResponsibilities(TEST_ACTOR, round.id, id, { responsibilities: [{ contactCentre: true, role: 'accountable', expectations: 'Leder.' }] });
    }
    let { version } = await drafts.freeze(TEST_ACTOR, round.id);
    if (values.laterVersion) {
      await drafts.updateItem(TEST_ACTOR, round.id, item.id, { title: 'Samordnare med tydligt mandat på varje förvaltning' });
      ({ version } = await drafts.freeze(TEST_ACTOR, round.id));
    }
    await ctx.dataSource.query(`insert into consultation (round_id, plan_version, reply_by, cover_letter) values ($1, $2, '2026-03-31', 'Planen på remiss.')`, [round.id, version]);
    await steps.transition(STRATEGIST, round.id, { type: 'SEND_FOR_CONSULTATION' });
    if (values.withoutRemiss) await ctx.dataSource.query('delete from consultation where round_id = $1', [round.id]);
    await steps.transition(STRATEGIST, round.id, { type: 'CLOSE_CONSULTATION', force: true, reason: 'Alla svar inkomna' });
    await steps.transition(STRATEGIST, round.id, { type: 'SUBMIT_FOR_DECISION' });
    return round;
  }

  const adoptedVersionOf = async (roundId: string) => (await ctx.dataSource.query('select adopted_version from plan where round_id = $1', [roundId]))[0].adopted_version as number | null;

  it('adopted: the round moves to follow-up, the decision is kept with the version the remiss sent, which becomes the adopted plan; every participant’s people are emailed once', async () => {
    const round = await awaitingDecision({ laterVersion: true });
    // the remiss names version 1 (as one sent before version 2 was frozen would): that is the version decided on, not the latest
    await ctx.dataSource.query('update consultation set plan_version = 1 where round_id = $1', [round.id]);
    const after = await steps.transition(STRATEGIST, round.id, { type: 'RECORD_DECISION', outcome: 'adopted', ...decided, body: '  Kommunstyrelsen ' });
    expect(after.state).toBe('followUp');
    expect(await decisions.decisionsOf(round.id)).toEqual([
      {
        id: expect.any(String),
        outcome: 'adopted',
        outcomeLabel: 'Antagen',
        decidedOn: '2026-02-26',
        body: 'Kommunstyrelsen',
        minuteReference: '§ 123',
        reason: null,
        planVersion: 1,
        recordedBy: 'Åsa Öberg',
        recordedAt: START,
      },
    ]);
    expect(await adoptedVersionOf(round.id)).toBe(1);

    const adopted = await mails('plan.adopted', round);
    expect(adopted.map((m) => `${m.data.departmentName} ${m.recipientEmail}`).sort()).toEqual(
      [
        `Förskoleförvaltningen ${people.coordinatorA}`,
        `Förskoleförvaltningen ${people.deputyA}`,
        `Förskoleförvaltningen ${people.managerA}`,
        `Kulturförvaltningen ${people.coordinatorB}`,
      ].sort(),
    );
    const toA = adopted.find((m) => m.recipientEmail === people.coordinatorA)!;
    expect(toA.data).toMatchObject({ caseNumber: round.caseNumber, version: 1, decidedOn: '2026-02-26', body: 'Kommunstyrelsen', minuteReference: '§ 123' });
    expect(toA.data.summaryUrl).toBe(`https://samverka.malmo.example/planomgangar/${round.id}/ansvarsfordelning/${a.id}`);
    expect(toA.dedupKey).toBe(`plan.adopted:${round.id}:${a.id}:${toA.recipientPersonId}`);
    expect(await mails('plan.returned', round)).toEqual([]);
  });

  it('without a remiss the latest frozen version is the one decided on and adopted', async () => {
    const round = await awaitingDecision({ laterVersion: true, withoutRemiss: true });
    await steps.transition(STRATEGIST, round.id, { type: 'RECORD_DECISION', outcome: 'adopted', ...decided });
    expect((await decisions.decisionsOf(round.id))[0]).toMatchObject({ outcome: 'adopted', planVersion: 2 });
    expect(await adoptedVersionOf(round.id)).toBe(2);
  });

  it('returned: back to drafting with the reason, nothing adopted, the strategists emailed; a later adoption is listed first', async () => {
    const round = await awaitingDecision();
    const after = await steps.transition(STRATEGIST, round.id, { type: 'RECORD_DECISION', outcome: 'returned', reason: 'Ansvarsfördelningen behöver förtydligas', ...decided, minuteReference: '§ 124' });
    expect(after.state).toBe('draftingPlan');
    expect(await adoptedVersionOf(round.id)).toBeNull();
    const [returned] = await decisions.decisionsOf(round.id);
    expect(returned).toMatchObject({ outcome: 'returned', outcomeLabel: 'Återremitterad', reason: 'Ansvarsfördelningen behöver förtydligas', minuteReference: '§ 124', planVersion: 1 });
    const toStrategists = await mails('plan.returned', round);
    expect(toStrategists.map((m) => m.recipientEmail)).toContain(people.strategist);
    expect(toStrategists.find((m) => m.recipientEmail === people.strategist)!.data).toMatchObject({ reason: 'Ansvarsfördelningen behöver förtydligas', minuteReference: '§ 124', recordedBy: 'Åsa Öberg' });
    expect(await mails('plan.adopted', round)).toEqual([]);

    // back through the remiss and decided again: adopted, listed first
    await drafts.updateItem(TEST_ACTOR, round.id, (await plans.draft(round.id)).document.areas.flatMap((x) => x.items)[0].id, { title: 'Förtydligad insats' });
    await drafts.freeze(TEST_ACTOR, round.id);
    // The remiss sent before is prepared again, for version 2: its second sending.
    await ctx.get(ConsultationService).prepare(STRATEGIST, round.id, { planVersion: 2, replyBy: '2026-03-31', committeeIds: [a.committeeId], coverLetter: 'Planen på remiss igen.' });
    await steps.transition(STRATEGIST, round.id, { type: 'SEND_FOR_CONSULTATION' });
    await steps.transition(STRATEGIST, round.id, { type: 'CLOSE_CONSULTATION', force: true, reason: 'Alla svar inkomna' });
    await steps.transition(STRATEGIST, round.id, { type: 'SUBMIT_FOR_DECISION' });
    ctx.clock.set(new Date('2026-03-02T10:00:00Z'));
    await steps.transition(STRATEGIST, round.id, { type: 'RECORD_DECISION', outcome: 'adopted', ...decided, decidedOn: '2026-03-02', minuteReference: '§ 150' });
    expect((await decisions.decisionsOf(round.id)).map((d) => [d.outcome, d.minuteReference, d.planVersion])).toEqual([
      ['adopted', '§ 150', 2],
      ['returned', '§ 124', 1],
    ]);
    expect(await adoptedVersionOf(round.id)).toBe(2);
    ctx.clock.set(START);
  });

  it('refuses a decision without its date, body and §, or dated in the future, and writes nothing', async () => {
    const round = await awaitingDecision();
    const refused = (input: Partial<RoundEventInput>) => steps.transition(STRATEGIST, round.id, { type: 'RECORD_DECISION', outcome: 'adopted', ...input } as RoundEventInput).catch((e) => e);
    const missing = await refused({});
    expect(missing).toMatchObject({ code: CommonErrorCode.VALIDATION_FAILED });
    expect(missing.details.map((v: { field: string; rule: string }) => `${v.field}:${v.rule}`)).toEqual(['decidedOn:isNotEmpty', 'body:isNotEmpty', 'minuteReference:isNotEmpty']);
    const future = await refused({ ...decided, decidedOn: '2026-03-03' });
    expect(future.details).toEqual([{ field: 'decidedOn', rule: 'notInFuture', message: 'Beslutsdatum kan inte ligga i framtiden: registrera beslutet när det är fattat' }]);
    expect(await decisions.decisionsOf(round.id)).toEqual([]);
    expect(await adoptedVersionOf(round.id)).toBeNull();
    expect(await mails('plan.adopted', round)).toEqual([]);
  });

  it("the next round starts from the previous round's adopted version, not its latest frozen one", async () => {
    const previous = await awaitingDecision({ year: 2031, laterVersion: true });
    await ctx.dataSource.query('update consultation set plan_version = 1 where round_id = $1', [previous.id]);
    await steps.transition(STRATEGIST, previous.id, { type: 'RECORD_DECISION', outcome: 'adopted', ...decided });
    expect(await adoptedVersionOf(previous.id)).toBe(1);
    expect(await plans.latestVersionNumber(previous.id)).toBe(2);
    const next = await ctx.given.roundInDraftingPlan({ year: 2032, participantDepartmentIds: [a.id, b.id] });
    await drafts.start(TEST_ACTOR, next.id, { startFrom: 'previousRound' });
    const titles = (await plans.draft(next.id)).document.areas.flatMap((x) => x.items).map((i) => i.title);
    expect(titles).toContain('Samordnare på varje förvaltning');
    expect(titles).not.toContain('Samordnare med tydligt mandat på varje förvaltning');
  });
});
