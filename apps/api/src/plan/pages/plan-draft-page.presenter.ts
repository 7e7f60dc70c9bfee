import { PlanDocument } from '@samverka/plan';
import { ErrorSummaryItem } from '../../shell/format';
import { PageModel } from '../../shell/view-renderer';
import { roundPath } from '../../rounds/pages/round-format';
import { planDocumentView, PlanDocumentView } from './plan-document.presenter';
import { allocationPath, planFreezePath, planItemNewPath, planNeedsPath, planQuestionsPath, planStartPath, planTextsPath, planVersionPath, planVersionsPath } from './plan-format';

/** The round as the plan's pages name it. */
export interface PlanRoundHead {
  id: string;
  title: string;
  /** The case number (diarienummer), where the page names it. */
  caseNumber: string | null;
  /** The round is drafting its plan now (the only time the plan may change). */
  drafting: boolean;
  /** The viewer may edit the plan (strategists); admins read the draft without its forms. */
  mayEdit?: boolean;
}

/** The draft as the plan page needs it (from PlanQueryService.draft). */
export interface PlanDraftPageState {
  /** False: the round has no plan yet (the page offers to start one). */
  started: boolean;
  document: PlanDocument;
  latestVersion: number | null;
  /** The draft differs from the latest frozen version. */
  draftChanged: boolean;
  /** The previous round's adopted plan exists to start from. */
  previousPlanAvailable: boolean;
}

export interface PlanDraftPageData {
  round: PlanRoundHead;
  draft: PlanDraftPageState;
  /** Why the plan cannot be sent for consultation now (the round's own guard), or null when that step is not meaningful now. */
  consultationReasons: string[] | null;
  /** How many handed-in needs neither an item answers nor a deferral explains (null: not counted here). */
  unansweredNeeds?: number | null;
}

/** The query parameter a redirect to the plan page carries: ?klart=texter. */
export const PLAN_NOTICE_PARAM = 'klart';
export const PLAN_NOTICES = {
  started: 'Planen är påbörjad.',
  texts: 'Texterna är sparade.',
  itemAdded: 'Insatsen är tillagd.',
  itemChanged: 'Insatsen är ändrad.',
  itemDeleted: 'Insatsen är borttagen.',
  responsibilities: 'Ansvarsfördelningen är sparad.',
} as const;
export type PlanNotice = keyof typeof PLAN_NOTICES;
export const PLAN_NOTICE_SLUGS: Readonly<Record<PlanNotice, string>> = {
  started: 'paborjad',
  texts: 'texter',
  itemAdded: 'ny-insats',
  itemChanged: 'andrad-insats',
  itemDeleted: 'borttagen-insats',
  responsibilities: 'ansvar',
};

/** The notice a redirect named (unknown values: none). */
export function readPlanNotice(query: unknown): PlanNotice | undefined {
  const value = typeof query === 'object' && query !== null ? (query as Record<string, unknown>)[PLAN_NOTICE_PARAM] : undefined;
  return (Object.keys(PLAN_NOTICE_SLUGS) as PlanNotice[]).find((k) => PLAN_NOTICE_SLUGS[k] === value);
}

export interface PlanStartFormView {
  action: string;
  options: Array<{ id: string; value: string; text: string; hint: string; checked: boolean }>;
}

export interface PlanDraftPageModel extends PageModel {
  caption: string;
  backHref: string;
  notice: string | null;
  errorSummary: ErrorSummaryItem[];
  /** "Utkast, ändrat sedan version 2" and the like. */
  stateLines: string[];
  /** Not drafting: the plan can be read but not changed. */
  readOnlyReason: string | null;
  start: PlanStartFormView | null;
  consultation: { reasons: string[]; ready: boolean } | null;
  needsHref: string;
  needsText: string;
  questionsHref: string;
  allocationHref: string;
  textsHref: string | null;
  newItemHref: string | null;
  freezeHref: string | null;
  versionsHref: string | null;
  latestVersionHref: string | null;
  plan: PlanDocumentView | null;
}

/** "3 behov saknar svar", "Alla behov har svar", or (not counted) the link's plain name. */
export function needsLinkText(unanswered: number | null): string {
  if (unanswered === null) return 'Behov som saknar svar i planen';
  if (unanswered === 0) return 'Alla behov har svar i planen';
  return `${unanswered} behov saknar svar`;
}

/** "Version 2 är låst. Utkastet har ändringar sedan dess." */
export function draftStateLines(draft: Pick<PlanDraftPageState, 'latestVersion' | 'draftChanged'>): string[] {
  if (draft.latestVersion === null) return ['Utkast. Ingen version är låst ännu.'];
  return [
    `Version ${draft.latestVersion} är den senast låsta versionen.`,
    draft.draftChanged ? `Utkastet har ändringar som inte är låsta (sedan version ${draft.latestVersion}).` : `Utkastet är oförändrat sedan version ${draft.latestVersion}.`,
  ];
}

/**
 * Utvecklingsplan: the draft for strategists. Its state (the latest frozen version, changes since),
 * what stops consultation, the link to the needs without an answer, then the texts and per area the
 * items with their responsibilities. A round without a plan: the form to start one.
 */
export function buildPlanDraftPage(data: PlanDraftPageData, state: { notice?: PlanNotice; startError?: string } = {}): PlanDraftPageModel {
  const { round, draft } = data;
  const editable = round.drafting && round.mayEdit !== false;
  const started = draft.started;
  const errorSummary = state.startError ? [{ text: state.startError, href: '#startFrom' }] : [];
  const start: PlanStartFormView | null =
    !started && editable
      ? {
          action: planStartPath(round.id),
          options: [
            { id: 'startFrom', value: 'empty', text: 'Börja med en tom plan', hint: 'Texter och insatser skrivs från början.', checked: true },
            ...(draft.previousPlanAvailable
              ? [{ id: 'startFrom-previousRound', value: 'previousRound', text: 'Utgå från föregående planomgångs antagna plan', hint: 'Insatserna förs över med sina koder och sin ansvarsfördelning, men utan behov.', checked: false }]
              : []),
          ],
        }
      : null;
  const mayFreeze = editable && started && (draft.latestVersion === null || draft.draftChanged);
  return {
    title: `Utvecklingsplan – ${round.title}`,
    section: 'rounds',
    hasErrors: errorSummary.length > 0,
    caption: round.caseNumber ? `${round.title}, diarienummer ${round.caseNumber}` : round.title,
    backHref: roundPath(round.id),
    notice: errorSummary.length === 0 && state.notice ? PLAN_NOTICES[state.notice] : null,
    errorSummary,
    stateLines: started ? draftStateLines(draft) : ['Planomgången har ingen plan ännu.'],
    readOnlyReason: !round.drafting ? 'Planen kan ändras bara medan planomgången tar fram planen. Här visas utkastet som det är.' : editable ? null : 'Bara strategerna på kontaktcenter ändrar planen.',
    start,
    consultation: data.consultationReasons && started ? { reasons: data.consultationReasons, ready: data.consultationReasons.length === 0 } : null,
    needsHref: planNeedsPath(round.id),
    needsText: needsLinkText(data.unansweredNeeds ?? null),
    questionsHref: planQuestionsPath(round.id),
    allocationHref: allocationPath(round.id),
    textsHref: editable && started ? planTextsPath(round.id) : null,
    newItemHref: editable && started ? planItemNewPath(round.id) : null,
    freezeHref: mayFreeze ? planFreezePath(round.id) : null,
    versionsHref: draft.latestVersion !== null ? planVersionsPath(round.id) : null,
    latestVersionHref: draft.latestVersion !== null ? planVersionPath(round.id, draft.latestVersion) : null,
    plan: started ? planDocumentView(draft.document, editable) : null,
  };
}
