import { formatSwedishDate, LocalDate } from '@samverka/kernel';
import { mayReadNeedsOf } from '@samverka/needs';
import { DEADLINE_LABELS, PlanRoundEventEntity, PlanRoundView, RoundReaderScope } from '@samverka/rounds';
import { DECISION_OUTCOME_WORDS, PLAN_ROUND_EVENT_LABELS } from '@samverka/workflow';
import { analysisPath } from '../../needs/pages/needs-analysis-page.presenter';
import { genitive, needsPath } from '../../needs/pages/needs-format';
import { ErrorSummaryItem, swedishDate, tag, TagView } from '../../shell/format';
import { FormFailure } from '../../shell/form-body';
import { PageModel } from '../../shell/view-renderer';
import { ActionView, buildActions, stepErrorSummary } from './round-actions.presenter';
import { DeadlineLine, deadlineLine, phaseTag } from './round-format';
import { HistoryLine, historyLine, noticeText, RoundNotice } from './round-history.presenter';
import { buildTimeline, TimelineItem } from './round-timeline.presenter';
import { StepFormValues } from './step-form';

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
  notice?: RoundNotice;
  step?: FormFailure<StepFormValues>;
}

/** The query parameters a redirect carries: /planomgangar/:id?skapad=1&steg=LAUNCH. */
export const ROUND_NOTICE_PARAMS = { created: 'skapad', step: 'steg' } as const;

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
    forcedSteps: view.forcedSteps.map((f) => `${PLAN_ROUND_EVENT_LABELS[f.event]} (framtvingad) ${formatSwedishDate(f.on)}: ${f.reason}`),
    returns: view.returns.map((r) => `${DECISION_OUTCOME_WORDS.returned.label} ${formatSwedishDate(r.on)}: ${r.reason}`),
    cancellation: view.cancellation ? `Planomgången avbröts ${formatSwedishDate(view.cancellation.on)}: ${view.cancellation.reason}` : null,
    history: [...history].reverse().map(historyLine),
  };
}
