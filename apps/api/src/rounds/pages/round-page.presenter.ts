import { formatSwedishDate, LocalDate, localDateInCity } from '@samverka/kernel';
import { mayReadNeedsOf } from '@samverka/needs';
import { DEADLINE_LABELS, DeadlineKind, PHASE_DEADLINE, PlanRoundEventEntity, PlanRoundView, RoundReaderScope, SteeringEventType } from '@samverka/rounds';
import { isPlanRoundState, PLAN_ROUND_EVENT_LABELS, PLAN_ROUND_PHASES, PLAN_ROUND_STATE_LABELS, PlanRoundState } from '@samverka/workflow';
import { FormFailure } from '../../shell/form-body';
import { isSteeringEventType, StepFormValues } from './step-form';
import { PageModel } from '../../shell/view-renderer';
import { swedishDate, swedishDateTime, tag, TagView, ErrorSummaryItem } from '../../shell/format';
import { analysisPath } from '../../needs/pages/needs-analysis-page.presenter';
import { genitive, needsPath } from '../../needs/pages/needs-format';
import { DeadlineLine, deadlineLine, eventSlug, phaseTag, roundStepPath } from './round-format';

/** What the round page shows, loaded by the controller. */
export interface RoundPageData {
  view: PlanRoundView;
  /** The round's history, oldest first (as the service returns it). */
  history: PlanRoundEventEntity[];
}

/** What the person looking may do: only strategists steer the round. */
export interface RoundPageAccess {
  steer: boolean;
  /** Whose needs the viewer may open (linked from the participants), and the departments they coordinate or manage. */
  needs?: { scope: RoundReaderScope; ownDepartmentIds: readonly string[] };
}

/** What just happened (after a redirect) or which step's form failed. */
export interface RoundPageState {
  notice?: { created: boolean; step: SteeringEventType | null };
  step?: FormFailure<StepFormValues>;
}

/** The query parameters a redirect carries: /planomgangar/:id?skapad=1&steg=LAUNCH. */
export const ROUND_NOTICE_PARAMS = { created: 'skapad', step: 'steg' } as const;

export const ACTIONS_ID = 'atgarder';

interface SummaryRow {
  key: string;
  value?: string;
  tag?: TagView | null;
  lines?: string[];
}

export type PhaseStatus = 'done' | 'current' | 'upcoming' | 'cancelledHere' | 'notReached';

export interface TimelineItem {
  phase: PlanRoundState;
  label: string;
  status: PhaseStatus;
  statusTag: TagView;
  /** aria-current="step" */
  current: boolean;
  classes: string;
  deadline: DeadlineLine | null;
  /** When the round was in the phase, from the history: "Sedan 22 november 2026". */
  period: string | null;
}

interface TextField {
  id: string;
  label: string;
  hint: string | null;
  value: string;
  error: string | undefined;
}

interface RadioView {
  id: string;
  value: string;
  text: string;
  checked: boolean;
}

/** One step the strategist may take now (or could, were it not blocked), as its own small form. */
export interface ActionView {
  type: SteeringEventType;
  label: string;
  /** The step's section (the error summary links here). */
  anchor: string;
  action: string;
  version: number;
  allowed: boolean;
  /** The button is disabled, described by the reasons under it. */
  disabled: boolean;
  reasons: string[];
  reasonsId: string;
  buttonClasses: string;
  /** The form sits in a <details> (cancelling is not done by accident); open when it failed. */
  disclosure: boolean;
  open: boolean;
  reason: TextField | null;
  outcome: { legend: string; id: string; options: RadioView[]; error: string | undefined } | null;
  /** A blocked step that may be forced: a separate form with a required motivation. */
  force: { reason: TextField } | null;
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
}

export interface HistoryLine {
  when: string;
  who: string;
  what: string;
  detail: string | null;
  phase: string | null;
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
  /** The needs pages of the viewer's own participating departments: "Er förvaltnings behov". */
  ownNeeds: Array<{ text: string; href: string }>;
  /** Behovsanalys: the needs the viewer may read, counted (everyone who reads the round may open it). */
  analysisHref: string;
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
}

const dayOf = (instant: Date): LocalDate => localDateInCity(instant);

/** What the banner says after each step. */
const STEP_DONE: Record<SteeringEventType, string> = {
  LAUNCH: 'Behovsinsamlingen har startat.',
  CLOSE_NEEDS: 'Behovsinsamlingen är stängd.',
  REOPEN_NEEDS: 'Behovsinsamlingen är öppen igen.',
  SEND_FOR_CONSULTATION: 'Planen är skickad på remiss.',
  CLOSE_CONSULTATION: 'Remissen är stängd.',
  SUBMIT_FOR_DECISION: 'Planen är lämnad till beslut.',
  RECORD_DECISION: 'Beslutet är registrerat.',
  CLOSE_ROUND: 'Planomgången är avslutad.',
  CANCEL: 'Planomgången är avbruten.',
};

/** What the history says someone did (past tense). */
const HISTORY_VERBS: Record<SteeringEventType, string> = {
  LAUNCH: 'Startade behovsinsamlingen',
  CLOSE_NEEDS: 'Stängde behovsinsamlingen',
  REOPEN_NEEDS: 'Öppnade behovsinsamlingen igen',
  SEND_FOR_CONSULTATION: 'Skickade planen på remiss',
  CLOSE_CONSULTATION: 'Stängde remissen',
  SUBMIT_FOR_DECISION: 'Lämnade planen till beslut',
  RECORD_DECISION: 'Registrerade beslutet',
  CLOSE_ROUND: 'Avslutade planomgången',
  CANCEL: 'Avbröt planomgången',
};

/** The round's details, by the service's names, as the history names a change. */
const DETAIL_NAMES: Record<string, string> = {
  title: 'titel',
  caseNumber: 'diarienummer',
  deadlines: 'tidsfrister',
  autoClose: 'automatisk stängning',
  areas: 'utvecklingsområden',
  participantDepartmentIds: 'deltagande förvaltningar',
};

const stateLabel = (state: string | null): string | null => (isPlanRoundState(state) ? PLAN_ROUND_STATE_LABELS[state] : null);
const deadlineDate = (view: Pick<PlanRoundView, 'deadlines'>, kind: DeadlineKind): LocalDate | null => view.deadlines[kind];
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/**
 * The phases in order, each done, current (aria-current="step") or
 * upcoming, with its deadline where one applies and when the round was in
 * it (from the history; the latest time, when a phase was entered again).
 * A cancelled round shows where it stopped and what it never reached.
 */
export function buildTimeline(view: Pick<PlanRoundView, 'state' | 'deadlines' | 'today'>, history: PlanRoundEventEntity[]): TimelineItem[] {
  const cancelled = view.state === 'cancelled';
  const stoppedIn = cancelled ? [...history].reverse().find((e) => e.type === 'CANCEL')?.fromState : view.state;
  const at = PLAN_ROUND_PHASES.indexOf(stoppedIn as PlanRoundState);

  return PLAN_ROUND_PHASES.map((phase, i): TimelineItem => {
    const status: PhaseStatus = i < at ? 'done' : i === at ? (cancelled ? 'cancelledHere' : 'current') : cancelled ? 'notReached' : 'upcoming';
    const kind = PHASE_DEADLINE[phase];
    const date = kind ? deadlineDate(view, kind) : null;
    return {
      phase,
      label: PLAN_ROUND_STATE_LABELS[phase],
      status,
      statusTag: statusTag(phase, status),
      current: status === 'current',
      classes: `samverka-timeline__item--${status === 'cancelledHere' ? 'cancelled' : status === 'notReached' ? 'upcoming' : status}`,
      deadline: kind && date ? deadlineLine({ label: DEADLINE_LABELS[kind], date, passed: status === 'current' && view.today > date }) : null,
      period: status === 'upcoming' || status === 'notReached' ? null : periodIn(phase, status, history),
    };
  });
}

function statusTag(phase: PlanRoundState, status: PhaseStatus): TagView {
  switch (status) {
    case 'done':
      return tag('Klar', 'green');
    case 'current':
      return phase === 'closed' ? tag('Avslutad', 'green') : tag('Pågår', 'blue');
    case 'cancelledHere':
      return tag('Avbröts här', 'red');
    case 'notReached':
      return tag('Nåddes inte', 'grey');
    case 'upcoming':
      return tag('Kommande', 'grey');
  }
}

/** "Sedan 22 november 2026", "22 november – 3 december 2026" as whole dates, from the latest time the round entered the phase. */
function periodIn(phase: PlanRoundState, status: PhaseStatus, history: PlanRoundEventEntity[]): string | null {
  let enteredAt = -1;
  history.forEach((e, i) => {
    if (e.toState === phase && e.fromState !== phase) enteredAt = i;
  });
  if (enteredAt < 0) return null;
  const entered = swedishDate(dayOf(history[enteredAt].occurredAt));
  if (phase === 'closed') return entered;
  if (status === 'current') return `Sedan ${entered}`;
  const left = history.slice(enteredAt + 1).find((e) => e.fromState === phase && e.toState !== phase);
  if (!left) return `Från ${entered}`;
  const until = swedishDate(dayOf(left.occurredAt));
  if (status === 'cancelledHere') return `${entered} – avbröts ${until}`;
  return until === entered ? entered : `${entered} – ${until}`;
}

/** Ids of a step's form fields: the main form's, or the force form's. */
export const stepFieldId = (type: string, field: 'reason' | 'outcome', force = false): string => `${eventSlug(type)}${force ? '-force' : ''}-${field}`;

const REASON_FIELDS: Partial<Record<SteeringEventType, { label: string; hint: string | null }>> = {
  REOPEN_NEEDS: { label: 'Motivering (valfritt)', hint: 'Varför förvaltningarna får lämna in behov igen. Motiveringen syns i historiken.' },
  RECORD_DECISION: { label: 'Motivering', hint: 'Krävs om planen återremitterades. Skriv vad som ska göras om.' },
  CANCEL: { label: 'Varför avbryts planomgången?', hint: 'Motiveringen syns i historiken för alla som läser planomgången.' },
};

/**
 * The steps possible in the round's phase, for strategists: each its own
 * form (with the round version); a step the facts do not allow has its
 * button disabled with the reasons listed under it, and a blocked step that
 * may be forced gets a second form asking for the motivation. A form that
 * failed is shown again with what was typed and its errors.
 */
export function buildActions(view: Pick<PlanRoundView, 'id' | 'version' | 'events'>, failure?: FormFailure<StepFormValues>): ActionView[] {
  return view.events.filter((e) => isSteeringEventType(e.type)).map((e): ActionView => {
    const type = e.type as SteeringEventType;
    const slug = eventSlug(type);
    const failed = (force: boolean) => (failure && failure.values.type === type && failure.values.force === force ? failure : undefined);
    const main = failed(false);
    const forced = failed(true);
    const reasonField = (force: boolean, f: FormFailure<StepFormValues> | undefined, label: string, hint: string | null): TextField => ({
      id: stepFieldId(type, 'reason', force),
      label,
      hint,
      value: f?.values.reason ?? '',
      error: f?.errors.reason,
    });
    const reasonSpec = REASON_FIELDS[type];
    return {
      type,
      label: e.label,
      anchor: `steg-${slug}`,
      action: roundStepPath(view.id),
      version: view.version,
      allowed: e.allowed,
      disabled: !e.allowed,
      reasons: e.reasons,
      reasonsId: `${slug}-hinder`,
      buttonClasses: type === 'CANCEL' ? 'govuk-button--warning' : type === 'REOPEN_NEEDS' ? 'govuk-button--secondary' : '',
      disclosure: type === 'CANCEL',
      open: main !== undefined,
      reason: reasonSpec ? reasonField(false, main, reasonSpec.label, reasonSpec.hint) : null,
      outcome:
        type === 'RECORD_DECISION'
          ? {
              legend: 'Beslut',
              id: stepFieldId(type, 'outcome'),
              options: [
                { id: stepFieldId(type, 'outcome'), value: 'adopted', text: 'Antagen', checked: main?.values.outcome === 'adopted' },
                { id: `${stepFieldId(type, 'outcome')}-returned`, value: 'returned', text: 'Återremitterad', checked: main?.values.outcome === 'returned' },
              ],
              error: main?.errors.outcome,
            }
          : null,
      force:
        e.forcible && !e.allowed
          ? {
              reason: reasonField(
                true,
                forced,
                'Motivering',
                'Steget kan tas trots hindren ovan. Skriv varför; motiveringen sparas i historiken och visas för alla som läser planomgången.',
              ),
            }
          : null,
    };
  });
}

/** The error summary for a step's form that failed: each error links to its field, or to the step (or the steps) when no field can fix it. */
function stepErrorSummary(failure: FormFailure<StepFormValues> | undefined, actions: ActionView[]): ErrorSummaryItem[] {
  if (!failure) return [];
  const action = actions.find((a) => a.type === failure.values.type);
  const section = action ? `#${action.anchor}` : `#${ACTIONS_ID}`;
  const formShown = action !== undefined && (failure.values.force ? action.force !== null : true);
  const fieldHref = (field: 'reason' | 'outcome') => {
    const present = field === 'reason' ? (failure.values.force ? action?.force?.reason : action?.reason) : action?.outcome;
    return formShown && present ? `#${stepFieldId(failure.values.type, field, failure.values.force)}` : section;
  };
  const items: ErrorSummaryItem[] = failure.general.map((text) => ({ text, href: section }));
  for (const field of ['outcome', 'reason'] as const) {
    const message = failure.errors[field];
    if (message) items.push({ text: message, href: fieldHref(field) });
  }
  return items;
}

/** A participant's part in the phase the round is in. */
function participantStatus(view: Pick<PlanRoundView, 'state' | 'currentDeadline'>, p: PlanRoundView['participants'][number]): { status: TagView | null; statusText: string | null } {
  switch (view.state) {
    case 'preparing':
      return { status: null, statusText: 'Bjuds in när behovsinsamlingen startar' };
    case 'collectingNeeds':
      if (p.submitted) return { status: tag('Har lämnat in behov', 'green'), statusText: null };
      if (p.nothingToReport) return { status: tag('Inget att rapportera', 'turquoise'), statusText: null };
      return { status: tag('Har inte lämnat in behov', view.currentDeadline?.passed ? 'red' : 'yellow'), statusText: null };
    default:
      return {
        status: null,
        statusText: p.submitted ? 'Lämnade in behov' : p.nothingToReport ? 'Hade inga behov att rapportera' : 'Lämnade inte in behov',
      };
  }
}

function participantRows(view: PlanRoundView, needs: RoundPageAccess['needs']): ParticipantRow[] {
  return view.participants.map((p) => {
    const coordinators = p.coordinators.filter((c) => c.kind === 'primary').map((c) => c.name);
    return {
      name: p.name,
      needsHref: needs && mayReadNeedsOf(needs.scope, p) ? needsPath(view.id, p.departmentId) : null,
      coordinators,
      deputies: p.coordinators.filter((c) => c.kind === 'deputy').map((c) => c.name),
      missingCoordinator: coordinators.length === 0 ? tag('Saknar samordnare', 'red') : null,
      ...participantStatus(view, p),
    };
  });
}

/** One history entry in Swedish: "Stängde behovsinsamlingen (framtvingad): <motivering>", "Sista dag för behov passerade". */
export function historyLine(e: PlanRoundEventEntity): HistoryLine {
  const from = stateLabel(e.fromState);
  const to = stateLabel(e.toState);
  const line = (what: string, detail: string | null = null): HistoryLine => ({
    when: swedishDateTime(e.occurredAt),
    who: e.actorId === null && e.actorLabel === 'system' ? 'Samverka (automatiskt)' : e.actorLabel,
    what,
    detail,
    phase: from && to && from !== to ? `${from} → ${to}` : null,
  });
  const withReason = (text: string) => (e.reason ? `${text}: ${e.reason}` : text);
  switch (e.type) {
    case 'CREATED':
      return line('Skapade planomgången');
    case 'UPDATED': {
      const changed = Object.keys((e.data?.changed as Record<string, unknown> | undefined) ?? {}).map((k) => DETAIL_NAMES[k] ?? k);
      return line(changed.length > 0 ? `Ändrade ${changed.join(', ')}` : 'Ändrade planomgången');
    }
    case 'DEADLINE_REACHED': {
      const label = e.deadline ? DEADLINE_LABELS[e.deadline] : 'En tidsfrist';
      const outstanding = strings(e.data?.outstanding);
      return line(`${label} passerade${e.deadlineDate ? ` (${swedishDate(e.deadlineDate)})` : ''}`, outstanding.length > 0 ? `Då saknades: ${outstanding.join('; ')}` : null);
    }
    case 'RECORD_DECISION': {
      const outcome = e.data?.outcome === 'returned' ? 'planen återremitterades' : e.data?.outcome === 'adopted' ? 'planen antogs' : null;
      return line(withReason(outcome ? `${HISTORY_VERBS.RECORD_DECISION}: ${outcome}` : HISTORY_VERBS.RECORD_DECISION));
    }
    default: {
      if (!isSteeringEventType(e.type)) return line(e.type);
      const unmet = strings(e.data?.unmetConditions);
      const verb = `${HISTORY_VERBS[e.type]}${e.forced ? ' (framtvingad)' : ''}`;
      return line(withReason(verb), e.forced && unmet.length > 0 ? `Villkor som inte var uppfyllda: ${unmet.join('; ')}` : null);
    }
  }
}

/** The banner after a redirect; only when the round's latest step is the one named (a link cannot claim a step that did not happen). */
export function noticeText(notice: RoundPageState['notice'], view: Pick<PlanRoundView, 'stateLabel'>, history: PlanRoundEventEntity[]): string | null {
  if (!notice) return null;
  const last = [...history].reverse().find((e) => e.type !== 'DEADLINE_REACHED' && e.type !== 'UPDATED');
  const step = notice.step && last?.type === notice.step ? notice.step : null;
  const phase = `Planomgången är nu i fasen ${view.stateLabel}.`;
  if (notice.created && step === 'LAUNCH') return `Planomgången är skapad och behovsinsamlingen har startat. ${phase}`;
  if (notice.created) return 'Planomgången är skapad och sparad som förberedelse. Starta behovsinsamlingen när allt är klart.';
  if (!step) return null;
  const done = STEP_DONE[step];
  return `${last?.forced ? `${done.slice(0, -1)} (framtvingat).` : done} ${step === 'CANCEL' || step === 'CLOSE_ROUND' ? '' : phase}`.trim();
}

/** One link for a coordinator or manager of one participating department ("Er förvaltnings behov"); the departments' names when they act for several. */
function ownNeedsLinks(view: Pick<PlanRoundView, 'id' | 'participants'>, needs: RoundPageAccess['needs']): RoundPageModel['ownNeeds'] {
  const own = needs ? view.participants.filter((p) => needs.ownDepartmentIds.includes(p.departmentId)) : [];
  return own.map((p) => ({ text: own.length === 1 ? 'Er förvaltnings behov' : `${genitive(p.name)} behov`, href: needsPath(view.id, p.departmentId) }));
}

const dateOrNot = (date: LocalDate | null) => (date ? swedishDate(date) : 'Inte bestämt');

/** The round page: phase, deadlines, timeline, participants, the next steps (forms for strategists), and the history. */
export function buildRoundPage(data: RoundPageData, state: RoundPageState = {}, access: RoundPageAccess = { steer: false }): RoundPageModel {
  const { view, history } = data;
  const actions = access.steer ? buildActions(view, state.step) : [];
  const errorSummary = access.steer ? stepErrorSummary(state.step, actions) : [];
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
    participantsCaption: `Vad varje förvaltning har gjort i den här fasen (${view.stateLabel.toLowerCase()})`,
    participants: participantRows(view, access.needs),
    ownNeeds: ownNeedsLinks(view, access.needs),
    analysisHref: analysisPath(view.id),
    steer: access.steer,
    actions,
    nextSteps: access.steer
      ? []
      : view.events.filter((e) => e.type !== 'CANCEL').map((e) => ({ label: e.label, allowed: e.allowed, reasons: e.reasons })),
    finished,
    forcedSteps: view.forcedSteps.map((f) => `${PLAN_ROUND_EVENT_LABELS[f.event]}, framtvingat ${formatSwedishDate(f.on)}: ${f.reason}`),
    returns: view.returns.map((r) => `Återremitterad ${formatSwedishDate(r.on)}: ${r.reason}`),
    cancellation: view.cancellation ? `Planomgången avbröts ${formatSwedishDate(view.cancellation.on)}: ${view.cancellation.reason}` : null,
    history: [...history].reverse().map(historyLine),
  };
}
