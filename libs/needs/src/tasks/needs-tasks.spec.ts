import type { RoundProgressRow, SubmissionTaskRow } from '../repositories/needs-task.repository';
import { committeeSubmissionTask, endorseTask, handInTask, nextStep, roundProgressTask } from './needs-tasks';

const row = (values: Partial<SubmissionTaskRow> = {}): SubmissionTaskRow => ({
  roundId: 'r1',
  roundTitle: 'Utvecklingsplan 2027',
  needsDeadline: '2026-04-30',
  departmentId: 'd1',
  departmentName: 'Kulturförvaltningen',
  committeeId: 'c1',
  committeeName: 'Kulturnämnden',
  status: 'draft',
  late: false,
  returnComment: null,
  needCount: 0,
  ...values,
});

const round = (values: Partial<RoundProgressRow> = {}): RoundProgressRow => ({
  roundId: 'r1',
  title: 'Utvecklingsplan 2027',
  state: 'collectingNeeds',
  needsDeadline: '2026-04-30',
  consultationReplyDeadline: '2026-06-30',
  decisionDeadline: '2026-09-30',
  participants: 4,
  submitted: 2,
  endorsed: 1,
  nothingToReport: 1,
  late: 0,
  withoutCoordinator: 1,
  ...values,
});

describe('needs tasks', () => {
  it('a draft counts its needs, a returned submission quotes the comment; both lead to the needs page by the deadline', () => {
    expect(handInTask(row())).toMatchObject({ title: 'Lämna in behoven för Kulturförvaltningen till Utvecklingsplan 2027: inga behov i utkastet ännu', dueOn: '2026-04-30', href: '/planomgangar/r1/behov/d1' });
    expect(handInTask(row({ needCount: 1 })).title).toMatch(/: 1 behov i utkastet$/);
    expect(handInTask(row({ needCount: 3 })).title).toMatch(/: 3 behov i utkastet$/);
    expect(handInTask(row({ status: 'returned', returnComment: ' Lägg till statistik ', needCount: 2 })).title).toMatch(/: behoven skickades tillbaka med kommentaren ”Lägg till statistik”$/);
  });

  it('endorsing has no day of its own, and says when the needs came late', () => {
    expect(endorseTask(row({ status: 'submitted', needCount: 2 }))).toMatchObject({ kind: 'needs.endorse', dueOn: null, title: 'Godkänn behoven från Kulturförvaltningen till Utvecklingsplan 2027: 2 behov väntar på ditt godkännande' });
    expect(endorseTask(row({ status: 'submitted', late: true })).title).toMatch(/\(inlämnade sent\)$/);
  });

  it("a committee's department carries the deadline only while it has not handed in", () => {
    expect(committeeSubmissionTask(row())).toMatchObject({ dueOn: '2026-04-30', title: 'Kulturnämnden: behoven från Kulturförvaltningen till Utvecklingsplan 2027 – utkast' });
    expect(committeeSubmissionTask(row({ status: 'submitted', late: true }))).toMatchObject({ dueOn: null, title: expect.stringMatching(/– inlämnad, inlämnade sent$/) });
  });

  describe(nextStep.name, () => {
    it("names the workflow's own reasons for the step forward", () => {
      expect(nextStep(round(), '2026-04-01')).toEqual({ label: 'Stäng behovsinsamlingen', reasons: ['1 förvaltning har inte lämnat in behov'] });
      expect(nextStep(round({ submitted: 3 }), '2026-04-01')).toEqual({ label: 'Stäng behovsinsamlingen', reasons: [] });
      expect(nextStep(round(), '2026-05-01')).toEqual({ label: 'Stäng behovsinsamlingen', reasons: [] });
      expect(nextStep(round({ state: 'preparing', participants: 0 }), '2026-04-01')).toEqual({ label: 'Starta behovsinsamlingen', reasons: ['Planomgången saknar deltagande förvaltningar'] });
      expect(nextStep(round({ state: 'draftingPlan' }), '2026-05-01')).toEqual({ label: 'Skicka planen på remiss', reasons: ['Det finns ingen planversion'] });
      expect(nextStep(round({ state: 'followUp' }), '2026-12-01')).toEqual({ label: 'Avsluta planomgången', reasons: [] });
    });
  });

  it("a round's progress, and the deadline of its phase", () => {
    expect(roundProgressTask(round(), '2026-04-01')).toEqual({
      kind: 'round.progress',
      title:
        'Utvecklingsplan 2027 (behovsinsamling): 3 av 4 förvaltningar har lämnat in, 1 godkänd, 0 sena, 1 utan samordnare. Nästa steg: Stäng behovsinsamlingen – 1 förvaltning har inte lämnat in behov.',
      dueOn: '2026-04-30',
      href: '/planomgangar/r1',
      roundId: 'r1',
    });
    expect(roundProgressTask(round({ state: 'consultation' }), '2026-06-01').dueOn).toBe('2026-06-30');
    expect(roundProgressTask(round({ state: 'awaitingDecision' }), '2026-09-01').dueOn).toBe('2026-09-30');
    expect(roundProgressTask(round({ state: 'followUp' }), '2026-12-01').dueOn).toBeNull();
  });
});
