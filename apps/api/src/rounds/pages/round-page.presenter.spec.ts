import { Principal } from '@samverka/identity';
import { SYSTEM_ACTOR_NAME } from '@samverka/audit';
import { SUBMISSION_STATUS_LABELS } from '@samverka/needs';
import { ParticipantSubmissionView, PlanRoundEventEntity, PlanRoundView, SubmissionStepEntry } from '@samverka/rounds';
import { FormFailure } from '../../shell/form-body';
import { StepFormValues } from './step-form';
import { ViewRenderer } from '../../shell/view-renderer';
import { Viewer, ViewerService } from '../../shell/viewer';
import { WebAssets } from '../../shell/web-assets';
import { buildActions } from './round-actions.presenter';
import { historyLine, noticeText } from './round-history.presenter';
import { buildRoundPage } from './round-page.presenter';
import { buildTimeline } from './round-timeline.presenter';
import { HtmlValidate } from 'html-validate';
import { deadlineFormOf } from './deadline-form';
import { buildDeadlineConfirm, buildLaunchConfirm } from './round-confirm.presenter';
import { buildRoundList } from './round-list.presenter';

const ID = '0b6d7f0e-3c1a-4f5e-9a2b-1c2d3e4f5a6b';

const NO_SUBMISSION: ParticipantSubmissionView = {
  status: 'draft',
  late: false,
  needCount: 0,
  submittedAt: null,
  submittedBy: null,
  endorsedAt: null,
  endorsedBy: null,
  returnedAt: null,
  returnedBy: null,
};

const view = (values: Partial<PlanRoundView> = {}): PlanRoundView => ({
  id: ID,
  title: 'Utvecklingsplan för kontaktcenter 2027 och framåt',
  year: 2027,
  caseNumber: 'STK-2026-1400',
  state: 'collectingNeeds',
  stateLabel: 'Behovsinsamling',
  version: 2,
  machineVersion: 1,
  deadlines: { needs: '2026-12-20', consultationReply: '2027-03-31', decision: '2027-06-15' },
  autoClose: { needs: false, consultation: false },
  currentDeadline: { kind: 'needs', label: 'Sista dag för behov', date: '2026-12-20', passed: false },
  deadlinesReached: [],
  assignmentsEnding: [],
  areas: [{ code: 'LOKAL_SERVICE', name: 'Lokal service' }],
  participants: [
    {
      departmentId: 'd1',
      code: 'FSK',
      name: 'Förskoleförvaltningen',
      committeeId: 'c1',
      active: true,
      coordinators: [
        { personId: 'p1', name: 'Annika Åsberg', kind: 'primary' },
        { personId: 'p2', name: 'Susanne Nyström', kind: 'deputy' },
      ],
      submitted: false,
      nothingToReport: false,
      submission: { ...NO_SUBMISSION, needCount: 3 },
    },
    {
      departmentId: 'd2',
      code: 'MF',
      name: 'Miljöförvaltningen',
      committeeId: 'c2',
      active: true,
      coordinators: [],
      submitted: true,
      nothingToReport: false,
      submission: { ...NO_SUBMISSION, status: 'submitted', needCount: 2, submittedAt: new Date('2026-11-21T10:00:00Z'), submittedBy: 'Maja Lind' },
    },
  ],
  events: [
    { type: 'CLOSE_NEEDS', label: 'Stäng behovsinsamlingen', allowed: false, reasons: ['1 förvaltning har inte lämnat in behov'], forcible: true },
    { type: 'CANCEL', label: 'Avbryt planomgången', allowed: true, reasons: [], forcible: false },
  ],
  forcedSteps: [],
  returns: [],
  cancellation: null,
  today: '2026-11-22',
  createdAt: new Date('2026-11-20T09:00:00Z'),
  updatedAt: new Date('2026-11-21T09:00:00Z'),
  ...values,
});

let n = 0;
const entry = (values: Partial<PlanRoundEventEntity>): PlanRoundEventEntity =>
  ({
    id: String(++n),
    roundId: ID,
    type: 'UPDATED',
    version: n,
    fromState: null,
    toState: null,
    forced: false,
    reason: null,
    deadline: null,
    deadlineDate: null,
    data: {},
    actorId: 'p9',
    actorLabel: 'Erik Strand',
    occurredAt: new Date('2026-11-20T09:00:00Z'),
    ...values,
  }) as PlanRoundEventEntity;

const created = entry({ type: 'CREATED', toState: 'preparing', occurredAt: new Date('2026-11-20T09:00:00Z') });
const launched = entry({ type: 'LAUNCH', fromState: 'preparing', toState: 'collectingNeeds', occurredAt: new Date('2026-11-21T09:00:00Z') });

describe('the round page', () => {
  it('shows the phases in order: done, current (with its deadline and since when) and upcoming', () => {
    const timeline = buildTimeline(view(), [created, launched]);
    expect(timeline.map((t) => [t.label, t.status, t.current])).toEqual([
      ['Förberedelse', 'done', false],
      ['Behovsinsamling', 'current', true],
      ['Planarbete', 'upcoming', false],
      ['Remiss', 'upcoming', false],
      ['Sammanställning av remissvar', 'upcoming', false],
      ['Inför beslut', 'upcoming', false],
      ['Uppföljning', 'upcoming', false],
      ['Avslutad', 'upcoming', false],
    ]);
    expect(timeline[0]).toMatchObject({ period: '20 november 2026 – 21 november 2026', deadline: null, statusTag: { text: 'Klar' } });
    expect(timeline[1]).toMatchObject({ period: 'Sedan 21 november 2026', deadline: { text: 'Sista dag för behov: 20 december 2026', overdue: null } });
    expect(timeline[3]).toMatchObject({ period: null, deadline: { text: 'Sista dag för remissvar: 31 mars 2027' } });
    // Past the deadline, the current phase is overdue.
    expect(buildTimeline(view({ today: '2026-12-21' }), [created, launched])[1].deadline?.overdue).toMatchObject({ text: 'Försenad' });
  });

  it('shows where a cancelled round stopped and what it never reached', () => {
    const cancel = entry({ type: 'CANCEL', fromState: 'collectingNeeds', toState: 'cancelled', reason: 'Omorganisation', occurredAt: new Date('2026-11-22T09:00:00Z') });
    const timeline = buildTimeline(view({ state: 'cancelled' }), [created, launched, cancel]);
    expect(timeline.slice(0, 3).map((t) => [t.status, t.statusTag.text, t.current])).toEqual([
      ['done', 'Klar', false],
      ['cancelledHere', 'Avbröts här', false],
      ['notReached', 'Nåddes inte', false],
    ]);
    expect(timeline[1].period).toBe('21 november 2026 – avbröts 22 november 2026');
  });

  it('offers strategists each step as a form; a blocked step is disabled with its reasons, and may be forced with a motivation', () => {
    const [close, cancel] = buildActions(view());
    expect(close).toMatchObject({
      type: 'CLOSE_NEEDS',
      disabled: true,
      reasons: ['1 förvaltning har inte lämnat in behov'],
      reasonsId: 'close-needs-hinder',
      action: `/planomgangar/${ID}/steg`,
      version: 2,
      reason: null,
      force: { reason: { id: 'close-needs-force-reason', label: 'Motivering', value: '' } },
    });
    expect(cancel).toMatchObject({ disabled: false, disclosure: true, open: false, force: null, reason: { id: 'cancel-reason', label: 'Varför avbryts planomgången?' } });
    // An allowed step has no force form.
    const allowed = buildActions(view({ events: [{ type: 'CLOSE_NEEDS', label: 'Stäng behovsinsamlingen', allowed: true, reasons: [], forcible: true }] }));
    expect(allowed[0]).toMatchObject({ disabled: false, force: null });
    // The decision asks for the outcome.
    const [decision] = buildActions(view({ state: 'awaitingDecision', events: [{ type: 'RECORD_DECISION', label: 'Registrera beslutet', allowed: true, reasons: [], forcible: false }] }));
    expect(decision.outcome?.options.map((o) => [o.id, o.value, o.text])).toEqual([
      ['record-decision-outcome', 'adopted', 'Antagen'],
      ['record-decision-outcome-returned', 'returned', 'Återremitterad'],
    ]);
    // ... and the date, the body (Kommunstyrelsen unless changed) and the §.
    expect(decision.decision).toMatchObject({
      decidedOn: { id: 'record-decision-decidedOn', label: 'Beslutsdatum', value: '' },
      body: { id: 'record-decision-body', label: 'Beslutande organ', value: 'Kommunstyrelsen' },
      minuteReference: { id: 'record-decision-minuteReference', label: 'Paragraf i protokollet (§)', value: '' },
    });
    expect(cancel.decision).toBeNull();
    // A failed decision shows what was typed, each error at its field.
    const failed = buildRoundPage(
      { view: view({ state: 'awaitingDecision', events: [{ type: 'RECORD_DECISION', label: 'Registrera beslutet', allowed: true, reasons: [], forcible: false }] }), history: [] },
      {
        step: {
          values: { type: 'RECORD_DECISION', force: false, reason: '', outcome: 'adopted', decidedOn: '2099-01-01', body: '', minuteReference: '§ 9', version: '2' },
          errors: { decidedOn: 'Beslutsdatum kan inte ligga i framtiden: registrera beslutet när det är fattat', body: 'Ange vem som fattade beslutet, till exempel Kommunstyrelsen' },
          general: [],
          status: 400,
        },
      },
      { steer: true },
    );
    expect(failed.errorSummary).toEqual([
      { text: 'Beslutsdatum kan inte ligga i framtiden: registrera beslutet när det är fattat', href: '#record-decision-decidedOn' },
      { text: 'Ange vem som fattade beslutet, till exempel Kommunstyrelsen', href: '#record-decision-body' },
    ]);
    expect(failed.actions[0].decision).toMatchObject({ decidedOn: { value: '2099-01-01', error: expect.any(String) }, body: { value: '' }, minuteReference: { value: '§ 9', error: undefined } });
  });

  it('shows the decisions on the plan, newest first, a returned one with its reason', () => {
    const decisions = [
      { id: 'b', outcome: 'adopted' as const, outcomeLabel: 'Antagen', decidedOn: '2025-06-11', body: 'Kommunstyrelsen', minuteReference: '§ 150', reason: null, planVersion: 2, recordedBy: 'Åsa Öberg', recordedAt: new Date('2025-06-12T08:00:00Z') },
      { id: 'a', outcome: 'returned' as const, outcomeLabel: 'Återremitterad', decidedOn: '2025-05-07', body: 'Kommunstyrelsen', minuteReference: '§ 124', reason: 'Förtydliga ansvaret', planVersion: 1, recordedBy: 'Åsa Öberg', recordedAt: new Date('2025-05-08T08:00:00Z') },
    ];
    const model = buildRoundPage({ view: view({ state: 'followUp' }), history: [], decisions });
    expect(model.decisions.map((d) => [d.outcome.text, d.text, d.reason])).toEqual([
      ['Antagen', 'Kommunstyrelsen beslutade 11 juni 2025 (§ 150) om version 2 av planen.', null],
      ['Återremitterad', 'Kommunstyrelsen beslutade 7 maj 2025 (§ 124) om version 1 av planen.', 'Motivering: Förtydliga ansvaret'],
    ]);
    expect(model.decisions[0].recorded).toMatch(/^Registrerat av Åsa Öberg 12 juni 2025/);
    expect(buildRoundPage({ view: view(), history: [] }).decisions).toEqual([]);
  });

  it('shows a failed step form again with what was typed, and an error summary linking to the field', () => {
    const failure: FormFailure<StepFormValues> = {
      values: { type: 'CLOSE_NEEDS', force: true, reason: '', outcome: '', decidedOn: '', body: '', minuteReference: '', version: '2' },
      errors: { reason: 'Skriv en motivering till varför du stänger ändå' },
      general: [],
      status: 400,
    };
    const model = buildRoundPage({ view: view(), history: [created, launched] }, { step: failure }, { steer: true });
    expect(model.hasErrors).toBe(true);
    expect(model.errorSummary).toEqual([{ text: 'Skriv en motivering till varför du stänger ändå', href: '#close-needs-force-reason' }]);
    expect(model.actions[0].force?.reason.error).toBe('Skriv en motivering till varför du stänger ändå');
    // A conflict belongs to no field: it links to the step, or to the steps when the step is no longer offered.
    const conflict = { ...failure, errors: {}, general: ['Planomgången har ändrats av någon annan'], status: 409 };
    expect(buildRoundPage({ view: view(), history: [] }, { step: conflict }, { steer: true }).errorSummary).toEqual([
      { text: 'Planomgången har ändrats av någon annan', href: '#steg-close-needs' },
    ]);
    expect(buildRoundPage({ view: view({ events: [] }), history: [] }, { step: conflict }, { steer: true }).errorSummary[0].href).toBe('#atgarder');
  });

  it('links the plan once the round has reached drafting it', () => {
    expect(buildRoundPage({ view: view({ state: 'collectingNeeds' }), history: [] }).planHref).toBeNull();
    expect(buildRoundPage({ view: view({ state: 'draftingPlan' }), history: [] }).planHref).toBe(`/planomgangar/${ID}/plan`);
    expect(buildRoundPage({ view: view({ state: 'consultation' }), history: [] }).planHref).toBe(`/planomgangar/${ID}/plan`);
    expect(buildRoundPage({ view: view({ state: 'draftingPlan' }), history: [] }).consultationHref).toBeNull();
    expect(buildRoundPage({ view: view({ state: 'consultation' }), history: [] }).consultationHref).toBe(`/planomgangar/${ID}/remiss`);
  });

  it("links a secretary's own committees' response pages (and the status page) once the remiss is sent, also when drafting again after a return", () => {
    const recipients = [
      { committeeId: 'k1', name: 'Kulturnämnden' },
      { committeeId: 'k2', name: 'Förskolenämnden' },
    ];
    const page = (sent: boolean, committeeIds: string[], state: PlanRoundView['state'] = 'consultation') =>
      buildRoundPage({ view: view({ state }), history: [], remiss: { sent, recipients } }, {}, { steer: false, committeeIds });
    expect(page(true, ['k2']).ownResponses).toEqual([{ text: 'Er nämnds yttrande', href: `/planomgangar/${ID}/remiss/k2` }]);
    expect(page(true, ['k1', 'k2']).ownResponses.map((l) => l.text)).toEqual(['Kulturnämndens yttrande', 'Förskolenämndens yttrande']);
    expect(page(true, ['k9']).ownResponses).toEqual([]);
    expect(page(false, ['k2'], 'draftingPlan').ownResponses).toEqual([]);
    expect(page(false, ['k2'], 'draftingPlan').consultationHref).toBeNull();
    expect(page(true, ['k2'], 'draftingPlan').consultationHref).toBe(`/planomgangar/${ID}/remiss`);
  });

  it('links the follow-up ("Uppföljning") once the plan is adopted, not before', () => {
    expect(buildRoundPage({ view: view({ state: 'awaitingDecision' }), history: [] }).followUpHref).toBeNull();
    expect(buildRoundPage({ view: view({ state: 'followUp' }), history: [] }).followUpHref).toBe(`/planomgangar/${ID}/uppfoljning`);
    expect(buildRoundPage({ view: view({ state: 'closed' }), history: [] }).followUpHref).toBe(`/planomgangar/${ID}/uppfoljning`);
  });

  it('gives readers the state and the reasons, but no forms', () => {
    const model = buildRoundPage({ view: view(), history: [created, launched] }, {}, { steer: false });
    expect(model.actions).toEqual([]);
    expect(model.nextSteps).toEqual([{ label: 'Stäng behovsinsamlingen', allowed: false, reasons: ['1 förvaltning har inte lämnat in behov'] }]);
  });

  it("shows each department's submission: status, late, number of needs, dates and who acted, and who lacks a coordinator", () => {
    const v = view({
      participants: [
        { ...view().participants[0], submission: { ...NO_SUBMISSION, needCount: 3, late: true } },
        {
          ...view().participants[1],
          submission: {
            ...NO_SUBMISSION,
            status: 'endorsed',
            needCount: 2,
            late: true,
            submittedAt: new Date('2026-11-21T10:00:00Z'),
            submittedBy: 'Maja Lind',
            endorsedAt: new Date('2026-11-22T10:00:00Z'),
            endorsedBy: 'Karin Ek',
          },
        },
        {
          ...view().participants[1],
          departmentId: 'd3',
          name: 'Gatukontoret',
          submission: { ...NO_SUBMISSION, status: 'returned', needCount: 1, submittedAt: new Date('2026-11-21T10:00:00Z'), submittedBy: 'Maja Lind', returnedAt: new Date('2026-11-23T10:00:00Z'), returnedBy: 'Karin Ek' },
        },
      ],
    });
    const model = buildRoundPage({ view: v, history: [] });
    expect(model.showSubmissions).toBe(true);
    expect(model.participants.map((p) => [p.name, p.coordinators, p.deputies, p.missingCoordinator?.text ?? null, p.status?.text, p.late?.text ?? null, p.needCount, p.handedIn, p.decided])).toEqual([
      ['Förskoleförvaltningen', ['Annika Åsberg'], ['Susanne Nyström'], null, SUBMISSION_STATUS_LABELS.draft, 'Försenad', '3', null, null],
      ['Miljöförvaltningen', [], [], 'Saknar samordnare', SUBMISSION_STATUS_LABELS.endorsed, 'Sent inlämnad', '2', '21 november 2026, Maja Lind', `${SUBMISSION_STATUS_LABELS.endorsed} 22 november 2026, Karin Ek`],
      ['Gatukontoret', [], [], 'Saknar samordnare', SUBMISSION_STATUS_LABELS.returned, null, '1', null, `${SUBMISSION_STATUS_LABELS.returned} 23 november 2026, Karin Ek`],
    ]);
    // Before launch there is nothing to hand in yet.
    const preparing = buildRoundPage({ view: view({ state: 'preparing', stateLabel: 'Förberedelse' }), history: [] });
    expect(preparing.showSubmissions).toBe(false);
    expect(preparing.participants[0].statusText).toBe('Bjuds in när behovsinsamlingen startar');
  });

  it('lets a strategist remind a department that has not handed in and has someone to remind, once a day', () => {
    const remindButtons = (history: PlanRoundEventEntity[], steer = true) =>
      buildRoundPage({ view: view(), history }, {}, { steer }).participants.map((p) => [p.remind?.action ?? null, p.remindedToday]);
    // Förskoleförvaltningen has not handed in and has coordinators; Miljöförvaltningen has handed in.
    expect(remindButtons([])).toEqual([
      [`/planomgangar/${ID}/forvaltningar/d1/paminnelse`, null],
      [null, null],
    ]);
    expect(buildRoundPage({ view: view(), history: [] }, {}, { steer: true }).showReminders).toBe(true);
    expect(remindButtons([], false)).toEqual([
      [null, null],
      [null, null],
    ]);
    const today = entry({ type: 'REMINDER_SENT', departmentId: 'd1', remindedOn: '2026-11-22', actorLabel: 'Sofia Berglund', data: { departmentName: 'Förskoleförvaltningen', recipients: ['Annika Åsberg'] } });
    expect(remindButtons([today])).toEqual([
      [null, 'Påmind i dag av Sofia Berglund'],
      [null, null],
    ]);
    const yesterday = entry({ type: 'REMINDER_SENT', departmentId: 'd1', remindedOn: '2026-11-21', data: {} });
    expect(remindButtons([yesterday])[0][0]).toBe(`/planomgangar/${ID}/forvaltningar/d1/paminnelse`);
    // No reminders outside needs collection.
    expect(buildRoundPage({ view: view({ state: 'draftingPlan' }), history: [] }, {}, { steer: true }).showReminders).toBe(false);
  });

  it('shows a refused reminder in the error summary, linking to the departments', () => {
    const model = buildRoundPage({ view: view(), history: [] }, { reminder: { general: ['Förskoleförvaltningen har redan fått en påminnelse i dag.'] } }, { steer: true });
    expect(model.errorSummary).toEqual([{ text: 'Förskoleförvaltningen har redan fått en påminnelse i dag.', href: '#forvaltningar' }]);
  });

  it('gives strategists the deadline form until the round ends, as the round is or as typed', () => {
    expect(buildRoundPage({ view: view(), history: [] }).deadlineForm).toBeNull();
    const form = buildRoundPage({ view: view(), history: [] }, {}, { steer: true }).deadlineForm;
    expect(form).toMatchObject({
      action: `/planomgangar/${ID}/tidsfrister`,
      open: false,
      values: { needsDeadline: '2026-12-20', consultationReplyDeadline: '2027-03-31', decisionDeadline: '2027-06-15', autoCloseNeeds: false, version: '2' },
    });
    expect(buildRoundPage({ view: view({ state: 'closed' }), history: [] }, {}, { steer: true }).deadlineForm).toBeNull();
    const failed = buildRoundPage(
      { view: view(), history: [] },
      {
        deadlines: {
          values: { ...form!.values, needsDeadline: '2026-13-01', version: '1' },
          errors: { needsDeadline: 'Sista dag för behov är inget datum' },
          general: [],
          status: 400,
        },
      },
      { steer: true },
    );
    expect(failed.deadlineForm).toMatchObject({ open: true, values: { needsDeadline: '2026-13-01', version: '2' } });
    expect(failed.errorSummary).toEqual([{ text: 'Sista dag för behov är inget datum', href: '#needsDeadline' }]);
  });

  it("names the departments' submissions, endorsements and returns in the history, with who did them; the system by its Swedish label", () => {
    const steps: SubmissionStepEntry[] = [
      { occurredAt: new Date('2026-11-21T10:00:00Z'), actorId: 'p1', actorLabel: 'Maja Lind', step: 'submit', departmentId: 'd2', late: false, comment: null },
      { occurredAt: new Date('2026-11-21T12:00:00Z'), actorId: 'p3', actorLabel: 'Karin Ek', step: 'return', departmentId: 'd2', late: false, comment: 'Komplettera med statistik' },
      { occurredAt: new Date('2026-11-21T13:00:00Z'), actorId: null, actorLabel: 'demo-seed', step: 'endorse', departmentId: 'd1', late: false, comment: null },
    ];
    const reminded = entry({
      type: 'REMINDER_SENT',
      departmentId: 'd1',
      remindedOn: '2026-11-21',
      occurredAt: new Date('2026-11-21T11:00:00Z'),
      actorLabel: 'Sofia Berglund',
      data: { departmentName: 'Förskoleförvaltningen', recipients: ['Annika Åsberg', 'Susanne Nyström'] },
    });
    const model = buildRoundPage({ view: view(), history: [created, launched, reminded], submissionSteps: steps });
    expect(model.history.map((h) => [h.who, h.what, h.detail])).toEqual([
      [SYSTEM_ACTOR_NAME, 'Förskoleförvaltningen: behoven godkändes', null],
      ['Karin Ek', 'Miljöförvaltningen: behoven skickades tillbaka', 'Kommentar: Komplettera med statistik'],
      ['Sofia Berglund', 'Påminde Förskoleförvaltningen om att lämna in behoven', 'E-post till Annika Åsberg, Susanne Nyström'],
      ['Maja Lind', 'Miljöförvaltningen: behoven lämnades in', null],
      ['Erik Strand', 'Startade behovsinsamlingen', null],
      ['Erik Strand', 'Skapade planomgången', null],
    ]);
    expect(SYSTEM_ACTOR_NAME).toBe('Samverka (automatiskt)');
  });

  it("links each participant to its needs page for those who may read it, and gives a coordinator or manager their own department's", () => {
    const links = (scope: { all: boolean; departmentIds: string[]; committeeIds: string[] }, own: string[] = []) => {
      const model = buildRoundPage({ view: view(), history: [] }, {}, { steer: false, needs: { scope, ownDepartmentIds: own } });
      return { rows: model.participants.map((p) => p.needsHref), own: model.ownNeeds };
    };
    expect(links({ all: true, departmentIds: [], committeeIds: [] })).toEqual({ rows: [`/planomgangar/${ID}/behov/d1`, `/planomgangar/${ID}/behov/d2`], own: [] });
    expect(links({ all: false, departmentIds: ['d1'], committeeIds: [] }, ['d1', 'd9'])).toEqual({
      rows: [`/planomgangar/${ID}/behov/d1`, null],
      own: [{ text: 'Er förvaltnings behov', href: `/planomgangar/${ID}/behov/d1` }],
    });
    // A committee secretary reads the departments the committee serves.
    expect(links({ all: false, departmentIds: [], committeeIds: ['c2'] }).rows).toEqual([null, `/planomgangar/${ID}/behov/d2`]);
    // Someone acting for two participating departments gets both, by name.
    expect(links({ all: false, departmentIds: ['d1', 'd2'], committeeIds: [] }, ['d1', 'd2']).own.map((o) => o.text)).toEqual([
      'Förskoleförvaltningens behov',
      'Miljöförvaltningens behov',
    ]);
    // Without the needs access (as before): no links.
    expect(buildRoundPage({ view: view(), history: [] }).participants.map((p) => p.needsHref)).toEqual([null, null]);
  });

  it('writes the history in Swedish: who did what, forced steps with their motivation, deadlines that passed', () => {
    const forced = entry({
      type: 'CLOSE_NEEDS',
      fromState: 'collectingNeeds',
      toState: 'draftingPlan',
      forced: true,
      reason: 'Nämnden har bett om planen före jul',
      data: { unmetConditions: ['1 förvaltning har inte lämnat in behov'] },
      occurredAt: new Date('2026-11-22T13:05:00Z'),
    });
    expect(historyLine(forced)).toEqual({
      when: '22 november 2026 kl. 14:05',
      who: 'Erik Strand',
      what: 'Stängde behovsinsamlingen (framtvingad): Nämnden har bett om planen före jul',
      detail: 'Villkor som inte var uppfyllda: 1 förvaltning har inte lämnat in behov',
      phase: 'Behovsinsamling → Planarbete',
    });
    const passed = entry({
      type: 'DEADLINE_REACHED',
      version: null,
      fromState: 'collectingNeeds',
      toState: 'collectingNeeds',
      deadline: 'needs',
      deadlineDate: '2026-12-20',
      data: { outstanding: ['1 förvaltning har inte lämnat in behov'] },
      actorId: null,
      actorLabel: 'system',
    });
    expect(historyLine(passed)).toMatchObject({
      who: 'Samverka (automatiskt)',
      what: 'Sista dag för behov passerade (20 december 2026)',
      detail: 'Då saknades: 1 förvaltning har inte lämnat in behov',
      phase: null,
    });
    expect(historyLine(created).what).toBe('Skapade planomgången');
    expect(historyLine(entry({ type: 'UPDATED', data: { changed: { title: {}, deadlines: {} } } })).what).toBe('Ändrade titel, tidsfrister');
    expect(historyLine(entry({ type: 'RECORD_DECISION', data: { outcome: 'returned' }, reason: 'Mer om bibliotek' })).what).toBe(
      'Registrerade beslutet: planen återremitterades: Mer om bibliotek',
    );
    expect(historyLine(entry({ type: 'CANCEL', reason: 'Omorganisation' })).what).toBe('Avbröt planomgången: Omorganisation');
    // Newest first on the page.
    expect(buildRoundPage({ view: view(), history: [created, launched] }).history.map((h) => h.what)).toEqual(['Startade behovsinsamlingen', 'Skapade planomgången']);
  });

  it('names the step just taken in the banner, only when it is the latest step', () => {
    const v = view({ stateLabel: 'Planarbete' });
    const forced = entry({ type: 'CLOSE_NEEDS', fromState: 'collectingNeeds', toState: 'draftingPlan', forced: true, reason: 'x' });
    expect(noticeText({ created: false, step: 'CLOSE_NEEDS' }, v, [created, launched, forced])).toBe('Behovsinsamlingen är stängd (framtvingad). Planomgången är nu i fasen planarbete.');
    expect(noticeText({ created: false, step: 'CANCEL' }, v, [created, launched, forced])).toBeNull();
    expect(noticeText({ created: true, step: 'LAUNCH' }, view(), [created, launched])).toBe(
      'Planomgången är skapad och behovsinsamlingen har startat. Planomgången är nu i fasen behovsinsamling.',
    );
    expect(noticeText({ created: true, step: null }, view(), [created])).toContain('sparad som förberedelse');
  });

  describe('rendered', () => {
    const renderer = new ViewRenderer({ stylesheetUrl: '/assets/samverka.css?v=test' } as WebAssets, {} as ViewerService);
    const strategist = { principal: { strategist: true, admin: false } as Principal, name: 'Erik Strand', csrfToken: 'csrf-1', seesAllDepartments: true, departments: [], committees: [] } as Viewer;
    const html = (steer: boolean) => renderer.render('round', buildRoundPage({ view: view(), history: [created, launched] }, {}, { steer }), strategist, `/planomgangar/${ID}`);

    it('disables a blocked step, described by its reasons, and posts every step with the CSRF token and the round version', () => {
      const page = html(true);
      expect(page).toMatch(/<button type="submit" class="govuk-button "[^>]*disabled aria-disabled="true" aria-describedby="close-needs-hinder">Stäng behovsinsamlingen<\/button>/);
      expect(page).toMatch(/<div id="close-needs-hinder"[^>]*>\s*<p[^>]*>Går inte ännu:<\/p>\s*<ul[^>]*>\s*<li>1 förvaltning har inte lämnat in behov<\/li>/);
      const forms = page.match(/<form method="post" action="\/planomgangar\/[^"]+\/steg"[\s\S]*?<\/form>/g) ?? [];
      expect(forms).toHaveLength(3); // close, force close, cancel
      for (const form of forms) {
        expect(form).toContain('<input type="hidden" name="_csrf" value="csrf-1">');
        expect(form).toContain('<input type="hidden" name="version" value="2">');
      }
      expect(page).toContain('<li class="samverka-timeline__item samverka-timeline__item--current" aria-current="step">');
      expect(page).toContain('Stäng ändå<span class="govuk-visually-hidden"> – Stäng behovsinsamlingen</span>');
    });

    it("links the participants' needs pages, and the own department's as a button-styled link (no button role on a link)", () => {
      const needs = { scope: { all: false, departmentIds: ['d1'], committeeIds: [] }, ownDepartmentIds: ['d1'] };
      const page = renderer.render('round', buildRoundPage({ view: view(), history: [] }, {}, { steer: false, needs }), strategist, `/planomgangar/${ID}`);
      expect(page).toContain(`<a href="/planomgangar/${ID}/behov/d1" draggable="false" class="govuk-button" data-module="govuk-button">Er förvaltnings behov</a>`);
      expect(page).toContain(`<th scope="row" class="govuk-table__header"><a class="govuk-link" href="/planomgangar/${ID}/behov/d1">Förskoleförvaltningen<span class="govuk-visually-hidden">, behov</span></a></th>`);
      expect(page).toContain('<th scope="row" class="govuk-table__header">Miljöförvaltningen</th>');
    });

    it('renders no step forms for readers', () => {
      const page = html(false);
      expect(page).not.toContain('/steg"');
      expect(page).not.toContain('disabled');
      expect(page).toContain('1 förvaltning har inte lämnat in behov');
    });
  });
});

describe('the round pages as html-validate reads them (recommended rules)', () => {
  const renderer = new ViewRenderer({ stylesheetUrl: '/assets/samverka.css?v=test' } as WebAssets, {} as ViewerService);
  const strategist = { principal: { strategist: true, admin: false } as Principal, name: 'Erik Strand', csrfToken: 'csrf-1', seesAllDepartments: true, departments: [], committees: [] } as Viewer;
  const validate = async (html: string) => {
    // Whitespace left by the templates' indentation is formatting, not validity.
    const report = await new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'no-trailing-whitespace': 'off' } }).validateString(html);
    return report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`));
  };

  it('finds nothing wrong with the round page of a strategist, the launch and deadline confirmations, and the round list', async () => {
    const round = renderer.render('round', buildRoundPage({ view: view(), history: [] }, {}, { steer: true }), strategist, `/planomgangar/${ID}`);
    const preview = {
      people: 3,
      coordinators: 2,
      managers: 1,
      withoutCoordinator: ['Miljöförvaltningen'],
      assignmentsEnding: [
        { departmentId: 'd1', departmentName: 'Förskoleförvaltningen', personName: 'Annika Åsberg', kind: 'primary' as const, endsOn: '2027-01-31', deadline: { kind: 'consultationReply' as const, label: 'Sista dag för remissvar', date: '2027-03-31' } },
      ],
    };
    const launch = renderer.render('round-launch', buildLaunchConfirm(view({ state: 'preparing' }), preview), strategist, `/planomgangar/${ID}/starta`);
    const confirm = renderer.render('round-deadline-confirm', buildDeadlineConfirm(view(), { ...deadlineFormOf(view()), needsDeadline: '2026-11-22' }), strategist, `/planomgangar/${ID}/tidsfrister`);
    const list = renderer.render('rounds', buildRoundList([view()], true, new Map([[ID, [{ departmentId: 'd1', name: 'Förskoleförvaltningen', submission: view().participants[0].submission }]]])), strategist, '/planomgangar');
    expect(await validate(round)).toEqual([]);
    expect(await validate(launch)).toEqual([]);
    expect(await validate(confirm)).toEqual([]);
    expect(await validate(list)).toEqual([]);
  });
});
