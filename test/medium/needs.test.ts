import { ConsultationModule } from '@samverka/consultation';
import { CommonErrorCode } from '@samverka/kernel';
import { NeedInput, NeedService, NeedsErrorCode, NeedsModule, ReferenceDataService, SubmissionService } from '@samverka/needs';
import { PlanModule } from '@samverka/plan';
import { NotificationEntity } from '@samverka/notifications';
import { DepartmentEntity } from '@samverka/organisation';
import { PlanRoundQueryService, PlanRoundStepService, PlanRoundView, RoundReaderScope } from '@samverka/rounds';
import { TEST_ACTOR } from '../support/given';
import { mediumContext, MediumContext } from '../support/medium';

const START = new Date('2026-03-02T09:00:00Z');
const ALL: RoundReaderScope = { all: true, departmentIds: [], committeeIds: [] };

describe('needs collection', () => {
  let ctx: MediumContext;
  let needs: NeedService;
  let submissions: SubmissionService;
  let reference: ReferenceDataService;

  beforeAll(async () => {
    ctx = await mediumContext([NeedsModule, PlanModule, ConsultationModule], START, { PUBLIC_URL: 'https://samverka.malmo.example' });
    needs = ctx.get(NeedService);
    submissions = ctx.get(SubmissionService);
    reference = ctx.get(ReferenceDataService);
  });
  afterAll(() => ctx.close());
  beforeEach(() => ctx.clock.set(START));

  const need = (departmentId: string, values: Partial<NeedInput> = {}) => ctx.given.need(departmentId, values);

  async function roundWith(...departments: DepartmentEntity[]): Promise<PlanRoundView> {
    return ctx.given.roundInCollectingNeeds({ participantDepartmentIds: departments.map((d) => d.id) });
  }

  describe('reference data', () => {
    it('comes with channels, districts and target groups; an admin adds, renames and retires items', async () => {
      expect((await reference.list('channel')).map((c) => c.code)).toEqual(expect.arrayContaining(['telephone', 'library', 'other_reception', 'outreach']));
      expect((await reference.list('district')).map((c) => c.name)).toEqual(['Innerstaden', 'Norr', 'Öster', 'Söder', 'Väster', 'Hela staden']);
      await reference.create(TEST_ACTOR, 'district', { code: 'hyllie', name: 'Hylie' });
      await expect(reference.create(TEST_ACTOR, 'district', { code: 'hyllie', name: 'Hyllie' })).rejects.toMatchObject({ code: NeedsErrorCode.REFERENCE_EXISTS });
      await expect(reference.create(TEST_ACTOR, 'district', { code: 'Hyllie!', name: 'Hyllie' })).rejects.toMatchObject({ details: [expect.objectContaining({ field: 'code' })] });
      expect(await reference.update(TEST_ACTOR, 'district', 'hyllie', { name: 'Hyllie' })).toMatchObject({ name: 'Hyllie', active: true });
      await reference.update(TEST_ACTOR, 'district', 'hyllie', { active: false });
      expect((await reference.list('district')).map((d) => d.code)).not.toContain('hyllie');
      expect((await reference.list('district', true)).map((d) => d.code)).toContain('hyllie');

      const department = await ctx.given.department();
      const round = await roundWith(department);
      await expect(needs.create(TEST_ACTOR, round.id, need(department.id, { districts: ['hyllie'] }))).rejects.toMatchObject({
        code: CommonErrorCode.VALIDATION_FAILED,
        details: [expect.objectContaining({ field: 'districts', rule: 'knownCode' })],
      });
    });
  });

  describe('needs', () => {
    it('a need is logged for a participating department in an area of the round, tags checked against the reference data', async () => {
      const [a, outside] = [await ctx.given.department(), await ctx.given.department()];
      const round = await roundWith(a);
      const created = await needs.create(TEST_ACTOR, round.id, need(a.id, { channels: ['library', 'library', 'web'] }));
      expect(created).toMatchObject({ roundId: round.id, departmentId: a.id, areaCode: 'LOKAL_SERVICE', channels: ['library', 'web'], monthlyVolume: 400, priority: 'high' });

      const refuse = async (input: NeedInput, field: string, rule: string) =>
        expect(needs.create(TEST_ACTOR, round.id, input)).rejects.toMatchObject({ details: [expect.objectContaining({ field, rule })] });
      await refuse(need(a.id, { areaCode: 'BIBLIOTEK' }), 'areaCode', 'roundArea');
      await refuse(need(a.id, { channels: ['pigeon'] }), 'channels', 'knownCode');
      await refuse(need(a.id, { targetGroups: ['martians'] }), 'targetGroups', 'knownCode');
      await refuse(need(a.id, { channels: [] }), 'channels', 'arrayNotEmpty');
      await refuse(need(a.id, { evidence: { kind: 'survey', source: 'Enkät', date: '2026-12-01' } }), 'evidence.date', 'notInFuture');
      await refuse(need(outside.id), 'departmentId', 'participant');
    });

    it('is refused before launch and after needs collection closes', async () => {
      const department = await ctx.given.department();
      const preparing = await ctx.given.round({ participantDepartmentIds: [department.id] });
      await expect(needs.create(TEST_ACTOR, preparing.id, need(department.id))).rejects.toMatchObject({ code: NeedsErrorCode.ROUND_NOT_COLLECTING });
      const round = await roundWith(department);
      await ctx.get(PlanRoundStepService).transition(TEST_ACTOR, round.id, { type: 'CLOSE_NEEDS', force: true, reason: 'Test' });
      await expect(needs.create(TEST_ACTOR, round.id, need(department.id))).rejects.toMatchObject({ code: NeedsErrorCode.ROUND_NOT_COLLECTING });
    });

    it('lists with filters, and a participant sees only their own departments and their committee’s', async () => {
      const committee = await ctx.given.committee();
      const [a, b, c] = [
        await ctx.given.department({ committeeId: committee.id, name: 'Arbetsmarknadsförvaltningen' }),
        await ctx.given.department({ name: 'Byggförvaltningen' }),
        await ctx.given.department({ name: 'Centrumförvaltningen' }),
      ];
      const round = await roundWith(a, b, c);
      await needs.create(TEST_ACTOR, round.id, need(a.id, { title: 'A1', channels: ['telephone'], districts: ['soder'] }));
      await needs.create(TEST_ACTOR, round.id, need(a.id, { title: 'A2', areaCode: 'DIGITALISERING', channels: ['web'], targetGroups: ['older_people'] }));
      await needs.create(TEST_ACTOR, round.id, need(b.id, { title: 'B1' }));
      // Handed in: a draft is its department's own (see needs-flow.test.ts).
      await submissions.submit(TEST_ACTOR, round.id, a.id);
      await submissions.submit(TEST_ACTOR, round.id, b.id);

      const titles = async (filter: object, scope = ALL) => (await needs.list(round.id, scope, filter)).map((n) => n.title);
      expect(await titles({})).toEqual(['A1', 'A2', 'B1']);
      expect(await titles({ channel: 'library' })).toEqual(['B1']);
      expect(await titles({ district: 'soder' })).toEqual(['A1']);
      expect(await titles({ targetGroup: 'older_people' })).toEqual(['A2']);
      expect(await titles({ areaCode: 'DIGITALISERING' })).toEqual(['A2']);
      expect(await titles({ departmentId: b.id })).toEqual(['B1']);
      expect(await titles({ status: 'submitted' })).toEqual(['A1', 'A2', 'B1']);
      expect(await titles({ status: 'draft' })).toEqual([]);
      expect(await titles({}, { all: false, departmentIds: [b.id], committeeIds: [] })).toEqual(['B1']);
      expect(await titles({}, { all: false, departmentIds: [], committeeIds: [committee.id] })).toEqual(['A1', 'A2']);
      expect(await titles({}, { all: false, departmentIds: [c.id], committeeIds: [] })).toEqual([]);
    });
  });

  describe('submissions', () => {
    it('draft → submitted (management asked to endorse) → returned (editable again) → submitted → endorsed', async () => {
      const department = await ctx.given.department({ name: 'Kulturförvaltningen' });
      const manager = await ctx.given.user({ roles: [{ role: 'management', departmentId: department.id }] });
      const round = await roundWith(department);

      await expect(submissions.submit(TEST_ACTOR, round.id, department.id)).rejects.toMatchObject({ code: NeedsErrorCode.SUBMISSION_STEP_NOT_ALLOWED });
      const logged = await needs.create(TEST_ACTOR, round.id, need(department.id));
      expect(await submissions.submit(TEST_ACTOR, round.id, department.id)).toMatchObject({ status: 'submitted', needCount: 1, submission: { late: false } });
      const mails = await ctx.dataSource.getRepository<NotificationEntity>('NotificationEntity').findBy({ kind: 'needs.endorsement_requested' });
      expect(mails).toEqual([expect.objectContaining({ recipientEmail: manager.email, data: expect.objectContaining({ departmentName: 'Kulturförvaltningen', needCount: 1 }) })]);

      await expect(needs.update(TEST_ACTOR, logged.id, { title: 'Ändrad' })).rejects.toMatchObject({ code: NeedsErrorCode.SUBMISSION_NOT_EDITABLE });
      await expect(needs.delete(TEST_ACTOR, logged.id)).rejects.toMatchObject({ code: NeedsErrorCode.SUBMISSION_NOT_EDITABLE });
      await expect(submissions.returnToDepartment(TEST_ACTOR, round.id, department.id, ' ')).rejects.toMatchObject({ details: [expect.objectContaining({ field: 'comment' })] });

      expect(await submissions.returnToDepartment(TEST_ACTOR, round.id, department.id, 'Lägg till underlag')).toMatchObject({ status: 'returned', submission: { returnComment: 'Lägg till underlag' } });
      expect(await needs.update(TEST_ACTOR, logged.id, { title: 'Ändrad' })).toMatchObject({ title: 'Ändrad' });
      await submissions.submit(TEST_ACTOR, round.id, department.id);
      expect(await submissions.endorse(TEST_ACTOR, round.id, department.id)).toMatchObject({ status: 'endorsed' });
      await expect(submissions.endorse(TEST_ACTOR, round.id, department.id)).rejects.toMatchObject({ code: NeedsErrorCode.SUBMISSION_STEP_NOT_ALLOWED });
    });

    it('after the deadline a submission is allowed and marked late; nothing to report needs a reason and no needs', async () => {
      const [a, b] = [await ctx.given.department(), await ctx.given.department()];
      const round = await roundWith(a, b);
      await needs.create(TEST_ACTOR, round.id, need(a.id));
      await expect(submissions.nothingToReport(TEST_ACTOR, round.id, a.id, 'Inga behov')).rejects.toMatchObject({ code: NeedsErrorCode.SUBMISSION_STEP_NOT_ALLOWED });
      await expect(submissions.nothingToReport(TEST_ACTOR, round.id, b.id, '')).rejects.toMatchObject({ details: [expect.objectContaining({ field: 'reason' })] });

      ctx.clock.set(new Date('2026-05-04T08:00:00Z'));
      expect(await submissions.submit(TEST_ACTOR, round.id, a.id)).toMatchObject({ status: 'submitted', submission: { late: true } });
      expect(await submissions.nothingToReport(TEST_ACTOR, round.id, b.id, 'Förvaltningen har inga nya behov i år')).toMatchObject({
        status: 'nothingToReport',
        submission: { nothingToReportReason: 'Förvaltningen har inga nya behov i år', late: true },
      });
    });

    it("feeds the workflow: closing needs collection waits for every department's submission", async () => {
      const [a, b] = [await ctx.given.department(), await ctx.given.department()];
      const round = await roundWith(a, b);
      const rounds = ctx.get(PlanRoundQueryService);
      const closeNeeds = async () => (await rounds.view(round.id)).events.find((e) => e.type === 'CLOSE_NEEDS')!;
      expect(await closeNeeds()).toMatchObject({ allowed: false, reasons: ['2 förvaltningar har inte lämnat in behov'] });
      await needs.create(TEST_ACTOR, round.id, need(a.id));
      await submissions.submit(TEST_ACTOR, round.id, a.id);
      expect(await closeNeeds()).toMatchObject({ allowed: false, reasons: ['1 förvaltning har inte lämnat in behov'] });
      await submissions.nothingToReport(TEST_ACTOR, round.id, b.id, 'Inga behov');
      expect(await closeNeeds()).toMatchObject({ allowed: true, reasons: [] });
      expect((await rounds.view(round.id)).participants.map((p) => [p.submitted, p.nothingToReport]).sort()).toEqual([
        [false, true],
        [true, false],
      ]);
      expect(await ctx.get(PlanRoundStepService).transition(TEST_ACTOR, round.id, { type: 'CLOSE_NEEDS' })).toMatchObject({ state: 'draftingPlan', forcedSteps: [] });
      await expect(submissions.returnToDepartment(TEST_ACTOR, round.id, a.id, 'För sent')).rejects.toMatchObject({ code: NeedsErrorCode.ROUND_NOT_COLLECTING });
    });

    it('lists every participating department, with its status and number of needs', async () => {
      const [a, b] = [await ctx.given.department({ name: 'Ängsförvaltningen' }), await ctx.given.department({ name: 'Arbetsförvaltningen' })];
      const round = await roundWith(a, b);
      await needs.create(TEST_ACTOR, round.id, need(a.id));
      await needs.create(TEST_ACTOR, round.id, need(a.id, { title: 'Två' }));
      const rows = await submissions.list(round.id, ALL);
      expect(rows.map((r) => [r.departmentName, r.status, r.needCount])).toEqual([
        ['Arbetsförvaltningen', 'draft', 0],
        ['Ängsförvaltningen', 'draft', 2],
      ]);
    });
  });
});
