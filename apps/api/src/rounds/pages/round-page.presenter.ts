import { actorName } from '@samverka/audit';
import type { PlanDecisionView } from '@samverka/consultation';
import { formatSwedishDate, LocalDate, localDateInCity } from '@samverka/kernel';
import { mayReadNeedsOf, SUBMISSION_STATUS_LABELS } from '@samverka/needs';
import { DEADLINE_LABELS, ParticipantSubmissionView, PlanRoundEventEntity, PlanRoundView, RoundReaderScope, SubmissionStepEntry } from '@samverka/rounds';
import { DECISION_OUTCOME_WORDS, PLAN_ROUND_EVENT_LABELS } from '@samverka/workflow';
import { analysisPath } from '../../needs/pages/needs-analysis-page.presenter';
import { planPath } from '../../plan/pages/plan-format';
import { genitive, needsPath } from '../../needs/pages/needs-format';
import { ErrorSummaryItem, swedishDate, swedishDateTime, tag, TagView } from '../../shell/format';
import { FormFailure } from '../../shell/form-body';
import { PageModel } from '../../shell/view-renderer';
import { ActionView, buildActions, stepErrorSummary } from './round-actions.presenter';
import { DeadlineFormValues, deadlineFormOf } from './deadline-form';
import { DeadlineLine, deadlineLine, OVERDUE_TAG, phaseTag, roundDeadlinesPath, roundReminderPath } from './round-format';
import { HistoryLine, historyLine, noticeText, RoundNotice, submissionStepLine } from './round-history.presenter';
import { buildTimeline, TimelineItem } from './round-timeline.presenter';
import { StepFormValues } from './step-form';

/** The states in which the round page links the follow-up (the adopted plan being carried out, and afterwards). */
const FOLLOW_UP_STATES: readonly string[] = ['followUp', 'closed'];

/** The states in which the round page links the remiss's status page. */
const CONSULTATION_STATES: readonly string[] = ['consultation', 'compilingResponses', 'awaitingDecision', 'followUp', 'closed'];

/** What the round page shows, loaded by the controller. */
export interface RoundPageData {
  view: PlanRoundView;
  /** The round's history, oldest first (as the service returns it). */
  history: PlanRoundEventEntity[];
  /** The departments' steps with their needs (handed in, endorsed, returned), oldest first. */
  submissionSteps?: SubmissionStepEntry[];
  /** The decisions on the round's plan, newest first. */
  decisions?: PlanDecisionView[];
  /** The round's remiss, when one is prepared: whether it has been sent, and to which committees. */
  remiss?: { sent: boolean; recipients: Array<{ committeeId: string; name: string }> } | null;
}

/** What the person looking may do: only strategists steer the round. */
export interface RoundPageAccess {
  steer: boolean;
  /** Whose needs the viewer may open (linked from the participants), and the departments they coordinate or manage. */
  needs?: { scope: RoundReaderScope; ownDepartmentIds: readonly string[] };
  /** The committees the viewer is secretary of (their response pages are linked once the remiss is sent). */
  committeeIds?: readonly string[];
}

/** What just happened (after a redirect) or which step's form failed. */
export interface RoundPageState {
  notice?: RoundNotice;
  step?: FormFailure<StepFormValues>;
  /** A reminder the service refused (already sent today, handed in, no coordinator). */
  reminder?: { general: string[] };
  /** The deadline form, failed. */
  deadlines?: FormFailure<DeadlineFormValues>;
}

/** The query parameters a redirect carries: /planomgangar/:id?skapad=1&steg=LAUNCH. */
export const ROUND_NOTICE_PARAMS = { created: 'skapad', step: 'steg', reminded: 'paminnelse', deadlines: 'tidsfrister' } as const;

/** The participants table's section (the reminders' errors link here). */
export const PARTICIPANTS_ID = 'forvaltningar';
/** The deadline form's section. */
export const DEADLINES_ID = 'andra-tidsfrister';

interface SummaryRow {
  key: string;
  value?: string;
  tag?: TagView | null;
  lines?: string[];
}

/** What a reader (no steering) sees of the next steps. */
interface NextStepView {
  label: string;
  allowed: boolean;
  reasons: string[];
}

interface ParticipantRow {
  name: string;
  /** The department's needs page, for those who may read it. */
  needsHref: string | null;
  coordinators: string[];
  deputies: string[];
  missingCoordinator: TagView | null;
  status: TagView | null;
  statusText: string | null;
  late: TagView | null;
  needCount: string;
  /** "21 november 2026, Annika Åsberg" or null. */
  handedIn: string | null;
  /** "Godkänd 22 november 2026 av Karin Ek", "Skickad tillbaka …", or null. */
  decided: string | null;
  /** The strategist's reminder button (needs collected, not handed in, someone to remind, not yet today). */
  remind: { action: string; department: string } | null;
  /** Reminded today already: "Påmind i dag". */
  remindedToday: string | null;
}

interface DeadlineFormView {
  action: string;
  values: DeadlineFormValues;
  errors: Partial<Record<string, string>>;
  open: boolean;
}

export interface RoundPageModel extends PageModel {
  round: { title: string; caseNumber: string; year: number };
  phase: TagView;
  notice: string | null;
  errorSummary: ErrorSummaryItem[];
  summary: SummaryRow[];
  currentDeadline: DeadlineLine | null;
  timeline: TimelineItem[];
  participantsCaption: string;
  participants: ParticipantRow[];
  /** The table shows the submissions (from launch on). */
  showSubmissions: boolean;
  /** Strategists remind departments while needs are collected. */
  showReminders: boolean;
  /** Strategists change the deadlines and auto-close until the round ends. */
  deadlineForm: DeadlineFormView | null;
  deadlinesId: string;
  /** The needs pages of the viewer's own participating departments: "Er förvaltnings behov". */
  ownNeeds: Array<{ text: string; href: string }>;
  /** Behovsanalys: the needs the viewer may read, counted (everyone who reads the round may open it). */
  analysisHref: string;
  /** Utvecklingsplan: once the round has reached drafting its plan. */
  planHref: string | null;
  /** The remiss's status page (vem har svarat), once the remiss is sent or the round is in consultation or later; else null. */
  consultationHref: string | null;
  /** The response pages of the viewer's own committees among the remiss's recipients, once it is sent: "Er nämnds yttrande". */
  ownResponses: Array<{ text: string; href: string }>;
  /** Uppföljning: while the round is in follow-up (and after it closes); else null. */
  followUpHref: string | null;
  steer: boolean;
  actions: ActionView[];
  nextSteps: NextStepView[];
  /** The round has ended: no more steps. */
  finished: string | null;
  forcedSteps: string[];
  returns: string[];
  cancellation: string | null;
  /** Newest first. */
  history: HistoryLine[];
  /** The decisions on the plan, newest first: what, by whom, when, §, version; a returned one's reason. */
  decisions: DecisionLine[];
}

const SUBMISSION_COLOURS: Record<ParticipantSubmissionView['status'], Parameters<typeof tag>[1]> = {
  draft: 'grey',
  submitted: 'blue',
  endorsed: 'green',
  returned: 'orange',
  nothingToReport: 'turquoise',
};

const HANDED_IN: ReadonlyArray<ParticipantSubmissionView['status']> = ['submitted', 'endorsed', 'nothingToReport'];

/** A moment as the table shows it, with who: "21 november 2026, Annika Åsberg". */
const dayAndWho = (at: Date, who: string | null): string => `${swedishDate(localDateInCity(at))}${who ? `, ${who}` : ''}`;

/** A participant's submission: its status (the needs vocabulary's label), late or not, the count, the dates and who acted. */
function submissionCells(view: Pick<PlanRoundView, 'state'>, s: ParticipantSubmissionView) {
  if (view.state === 'preparing') {
    return { status: null, statusText: 'Bjuds in när behovsinsamlingen startar', late: null, needCount: '–', handedIn: null, decided: null };
  }
  const handedIn = HANDED_IN.includes(s.status);
  const decided =
    s.status === 'endorsed' && s.endorsedAt
      ? `${SUBMISSION_STATUS_LABELS.endorsed} ${dayAndWho(s.endorsedAt, s.endorsedBy)}`
      : s.status === 'returned' && s.returnedAt
        ? `${SUBMISSION_STATUS_LABELS.returned} ${dayAndWho(s.returnedAt, s.returnedBy)}`
        : null;
  return {
    status: tag(SUBMISSION_STATUS_LABELS[s.status], SUBMISSION_COLOURS[s.status]),
    statusText: null,
    late: s.late ? (handedIn ? tag('Sent inlämnad', 'red') : OVERDUE_TAG) : null,
    needCount: String(s.needCount),
    handedIn: handedIn && s.submittedAt ? dayAndWho(s.submittedAt, s.submittedBy) : null,
    decided,
  };
}

/** Departments already reminded today (Stockholm's day), by id, with who reminded them. */
function remindedToday(history: readonly PlanRoundEventEntity[], today: LocalDate): Map<string, string> {
  return new Map(history.filter((e) => e.type === 'REMINDER_SENT' && e.remindedOn === today && e.departmentId).map((e) => [e.departmentId!, actorName(e)]));
}

function participantRows(view: PlanRoundView, history: readonly PlanRoundEventEntity[], access: RoundPageAccess): ParticipantRow[] {
  const { needs } = access;
  const reminders = access.steer && view.state === 'collectingNeeds';
  const reminded = remindedToday(history, view.today);
  return view.participants.map((p) => {
    const coordinators = p.coordinators.filter((c) => c.kind === 'primary').map((c) => c.name);
    const mayRemind = reminders && !HANDED_IN.includes(p.submission.status) && p.coordinators.length > 0;
    const remindedBy = reminded.get(p.departmentId);
    return {
      name: p.name,
      needsHref: needs && mayReadNeedsOf(needs.scope, p) ? needsPath(view.id, p.departmentId) : null,
      coordinators,
      deputies: p.coordinators.filter((c) => c.kind === 'deputy').map((c) => c.name),
      missingCoordinator: coordinators.length === 0 ? tag('Saknar samordnare', 'red') : null,
      ...submissionCells(view, p.submission),
      remind: mayRemind && remindedBy === undefined ? { action: roundReminderPath(view.id, p.departmentId), department: p.name } : null,
      remindedToday: mayRemind && remindedBy !== undefined ? `Påmind i dag av ${remindedBy}` : null,
    };
  });
}

/** The deadline form for strategists until the round ends: as the round is, or as typed when it failed. */
function deadlineForm(view: PlanRoundView, access: RoundPageAccess, failure: FormFailure<DeadlineFormValues> | undefined): DeadlineFormView | null {
  if (!access.steer || view.state === 'closed' || view.state === 'cancelled') return null;
  return {
    action: roundDeadlinesPath(view.id),
    values: failure ? { ...failure.values, version: String(view.version) } : deadlineFormOf(view),
    errors: failure?.errors ?? {},
    open: failure !== undefined,
  };
}

/** One link for a coordinator or manager of one participating department ("Er förvaltnings behov"); the departments' names when they act for several. */
function ownNeedsLinks(view: Pick<PlanRoundView, 'id' | 'participants'>, needs: RoundPageAccess['needs']): RoundPageModel['ownNeeds'] {
  const own = needs ? view.participants.filter((p) => needs.ownDepartmentIds.includes(p.departmentId)) : [];
  return own.map((p) => ({ text: own.length === 1 ? 'Er förvaltnings behov' : `${genitive(p.name)} behov`, href: needsPath(view.id, p.departmentId) }));
}

/** The response pages of the committees the viewer is secretary of, among the recipients of a remiss that has been sent. */
function ownResponseLinks(view: PlanRoundView, remiss: RoundPageData['remiss'], committeeIds: readonly string[] = []): Array<{ text: string; href: string }> {
  if (!remiss?.sent) return [];
  const own = remiss.recipients.filter((r) => committeeIds.includes(r.committeeId));
  return own.map((r) => ({ text: own.length === 1 ? 'Er nämnds yttrande' : `${genitive(r.name)} yttrande`, href: `/planomgangar/${view.id}/remiss/${r.committeeId}` }));
}

/** The states in which the round has reached drafting its plan (a round cancelled may never have). */
const PLAN_STATES: readonly PlanRoundView['state'][] = ['draftingPlan', 'consultation', 'compilingResponses', 'awaitingDecision', 'followUp', 'closed'];

const dateOrNot = (date: LocalDate | null) => (date ? swedishDate(date) : 'Inte bestämt');

/** The round page: phase, deadlines, timeline, participants, the next steps (forms for strategists), and the history. */
export function buildRoundPage(data: RoundPageData, state: RoundPageState = {}, access: RoundPageAccess = { steer: false }): RoundPageModel {
  const { view, history } = data;
  const actions = access.steer ? buildActions(view, state.step) : [];
  const errorSummary = access.steer
    ? [
        ...stepErrorSummary(state.step, actions),
        ...(state.reminder?.general ?? []).map((text) => ({ text, href: `#${PARTICIPANTS_ID}` })),
        ...deadlineErrorSummary(state.deadlines),
      ]
    : [];
  const currentDeadline = view.currentDeadline ? deadlineLine(view.currentDeadline) : null;
  const finished = view.state === 'closed' ? 'Planomgången är avslutad. Den har inga fler steg.' : view.state === 'cancelled' ? 'Planomgången är avbruten. Den har inga fler steg.' : null;
  return {
    title: view.title,
    section: 'rounds',
    hasErrors: errorSummary.length > 0,
    round: { title: view.title, caseNumber: view.caseNumber, year: view.year },
    phase: phaseTag(view.state),
    notice: errorSummary.length > 0 ? null : noticeText(state.notice, view, history),
    errorSummary,
    currentDeadline,
    summary: [
      { key: 'Diarienummer', value: view.caseNumber },
      { key: 'År', value: String(view.year) },
      {
        key: 'Tidsfrister',
        lines: (['needs', 'consultationReply', 'decision'] as const).map((k) => `${DEADLINE_LABELS[k]}: ${dateOrNot(view.deadlines[k])}`),
      },
      {
        key: 'Automatisk stängning',
        lines: [
          view.autoClose.needs ? 'Behovsinsamlingen stängs automatiskt när sista dag för behov har passerat' : 'Behovsinsamlingen stängs av kontaktcenter',
          view.autoClose.consultation ? 'Remissen stängs automatiskt när sista dag för remissvar har passerat' : 'Remissen stängs av kontaktcenter',
        ],
      },
      { key: 'Utvecklingsområden', lines: view.areas.map((a) => a.name) },
    ],
    timeline: buildTimeline(view, history),
    participantsCaption:
      view.state === 'preparing' ? 'Förvaltningarna som deltar i planomgången' : 'Varje förvaltnings inlämning av behov: status, antal behov, datum och vem som gjorde vad',
    participants: participantRows(view, history, access),
    showSubmissions: view.state !== 'preparing',
    showReminders: access.steer && view.state === 'collectingNeeds',
    deadlineForm: deadlineForm(view, access, state.deadlines),
    deadlinesId: DEADLINES_ID,
    ownNeeds: ownNeedsLinks(view, access.needs),
    analysisHref: analysisPath(view.id),
    planHref: PLAN_STATES.includes(view.state) ? planPath(view.id) : null,
    consultationHref: CONSULTATION_STATES.includes(view.state) || data.remiss?.sent ? `/planomgangar/${view.id}/remiss` : null,
    ownResponses: ownResponseLinks(view, data.remiss, access.committeeIds),
    followUpHref: FOLLOW_UP_STATES.includes(view.state) ? `/planomgangar/${view.id}/uppfoljning` : null,
    steer: access.steer,
    actions,
    nextSteps: access.steer
      ? []
      : view.events.filter((e) => e.type !== 'CANCEL').map((e) => ({ label: e.label, allowed: e.allowed, reasons: e.reasons })),
    finished,
    forcedSteps: view.forcedSteps.map((f) => `${PLAN_ROUND_EVENT_LABELS[f.event]} (framtvingad) ${formatSwedishDate(f.on)}: ${f.reason}`),
    returns: view.returns.map((r) => `${DECISION_OUTCOME_WORDS.returned.label} ${formatSwedishDate(r.on)}: ${r.reason}`),
    cancellation: view.cancellation ? `Planomgången avbröts ${formatSwedishDate(view.cancellation.on)}: ${view.cancellation.reason}` : null,
    history: mergedHistory(view, history, data.submissionSteps ?? []),
    decisions: (data.decisions ?? []).map(decisionLine),
  };
}

export interface DecisionLine {
  outcome: TagView;
  text: string;
  reason: string | null;
  recorded: string;
}

/** "Kommunstyrelsen beslutade 7 maj 2025 (§ 123) om version 2 av planen." */
export function decisionLine(d: PlanDecisionView): DecisionLine {
  const version = d.planVersion === null ? 'planen' : `version ${d.planVersion} av planen`;
  return {
    outcome: tag(d.outcomeLabel, d.outcome === 'adopted' ? 'green' : 'orange'),
    text: `${d.body} beslutade ${formatSwedishDate(d.decidedOn)} (${d.minuteReference}) om ${version}.`,
    reason: d.reason ? `Motivering: ${d.reason}` : null,
    recorded: `Registrerat av ${d.recordedBy} ${swedishDateTime(d.recordedAt)}`,
  };
}

/** The deadline form's errors in the summary, each linking to its field (or to the form). */
function deadlineErrorSummary(failure: FormFailure<DeadlineFormValues> | undefined): ErrorSummaryItem[] {
  if (!failure) return [];
  return [
    ...failure.general.map((text) => ({ text, href: `#${DEADLINES_ID}` })),
    ...Object.entries(failure.errors).flatMap(([field, text]) => (text ? [{ text, href: `#${field === 'confirmPastDeadline' ? DEADLINES_ID : field}` }] : [])),
  ];
}

/** The round's own history and the departments' steps with their needs, newest first. */
function mergedHistory(view: Pick<PlanRoundView, 'participants'>, history: readonly PlanRoundEventEntity[], steps: readonly SubmissionStepEntry[]): HistoryLine[] {
  const names = new Map(view.participants.map((p) => [p.departmentId, p.name]));
  const lines = [
    ...history.map((e) => ({ at: e.occurredAt.getTime(), line: historyLine(e) })),
    ...steps.map((s) => ({ at: s.occurredAt.getTime(), line: submissionStepLine(s, names.get(s.departmentId) ?? 'En förvaltning') })),
  ];
  // Stable: entries of the same moment keep their order (the round's first), then newest first.
  return lines
    .map((l, i) => ({ ...l, i }))
    .sort((a, b) => b.at - a.at || b.i - a.i)
    .map((l) => l.line);
}
