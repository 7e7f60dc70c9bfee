import { NEED_PRIORITY_LABELS } from '@samverka/needs';
import type { CoverageRow, NeedsCoverage } from '@samverka/plan';
import type { RoundBasics } from '@samverka/rounds';
import { FormFailure } from '../../shell/form-body';
import { ErrorSummaryItem, swedishDateTime } from '../../shell/format';
import { PAGE_PARAM, pagination, PaginationModel } from '../../shell/pagination';
import type { PageModel } from '../../shell/view-renderer';
import { DeferralFormValues } from './plan-questions-forms';

export const planNeedsPath = (roundId: string): string => `/planomgangar/${roundId}/plan/behov`;
/** A page of the needs page: `?sida=N` after the first. */
const onPage = (path: string, page: number): string => (page > 1 ? `${path}?${PAGE_PARAM}=${page}` : path);
export const planNeedsPagePath = (roundId: string, page: number): string => onPage(planNeedsPath(roundId), page);
export const deferPath = (roundId: string, needId: string, page = 1): string => onPage(`${planNeedsPath(roundId)}/${needId}/skjut-upp`, page);
export const undeferPath = (roundId: string, needId: string, page = 1): string => onPage(`${planNeedsPath(roundId)}/${needId}/ta-tillbaka`, page);

/** Needs of each section on a page of the needs page. */
export const PLAN_NEEDS_PAGE_SIZE = 50;

/** What the page was told after a redirect: `?klart=uppskjutet` or `?klart=tillbaka`. */
export type PlanNeedsNotice = 'deferred' | 'undeferred';
export const PLAN_NEEDS_NOTICE_PARAM: Record<PlanNeedsNotice, string> = { deferred: 'uppskjutet', undeferred: 'tillbaka' };
export function readPlanNeedsNotice(query: Record<string, unknown>): PlanNeedsNotice | undefined {
  return (Object.keys(PLAN_NEEDS_NOTICE_PARAM) as PlanNeedsNotice[]).find((k) => PLAN_NEEDS_NOTICE_PARAM[k] === query.klart);
}
const NOTICE_TEXT: Record<PlanNeedsNotice, string> = { deferred: 'Behovet är uppskjutet.', undeferred: 'Uppskjutningen är borttagen: behovet saknar svar igen.' };

export interface PlanNeedsPageData {
  round: RoundBasics;
  /** One page of each section (PLAN_NEEDS_PAGE_SIZE from the page's offset), with the counts. */
  coverage: NeedsCoverage;
  /** The page shown, from 1. */
  page: number;
  /** The strategist may defer and undo now (the round drafts its plan, and the plan is started). */
  editable: boolean;
  /** Why not, when a strategist cannot edit. */
  notEditableReason: string | null;
}

export interface PlanNeedsPageState {
  notice?: PlanNeedsNotice;
  /** The need whose form failed, and how. */
  failed?: { needId: string; form: 'defer' | 'undefer'; failure: FormFailure<DeferralFormValues | Record<string, never>> };
}

interface NeedRowView {
  id: string;
  headingId: string;
  title: string;
  department: string;
  area: string;
  priority: string;
  items: string | null;
  reason: string | null;
  deferredBy: string | null;
  defer: { action: string; fieldId: string; value: string; error: string | null } | null;
  undo: { action: string } | null;
}

export interface PlanNeedsPageModel extends PageModel {
  backHref: string;
  caption: string;
  notice: string | null;
  notEditableReason: string | null;
  errorSummary: ErrorSummaryItem[];
  counts: { total: number; unanswered: number; deferred: number; answered: number };
  unanswered: NeedRowView[];
  deferred: NeedRowView[];
  answered: NeedRowView[];
  /** Per section, when it holds more than one page: "Visar 51–100 av 230." */
  shown: { unanswered: string | null; deferred: string | null; answered: string | null };
  pagination: PaginationModel | null;
}

/**
 * Behovstäckning for the strategists: the needs no item answers and nobody deferred first, each with
 * a form to defer it with a reason; then the deferred (with the reason and a form to undo) and the
 * answered (with the items' codes).
 */
export function buildPlanNeedsPage(data: PlanNeedsPageData, state: PlanNeedsPageState = {}): PlanNeedsPageModel {
  const { round, coverage, editable, page } = data;
  const areaName = (code: string) => round.areas.find((a) => a.code === code)?.name ?? code;
  const failed = state.failed;
  const row = (r: CoverageRow): NeedRowView => {
    const fieldId = `reason-${r.needId}`;
    const mine = failed?.needId === r.needId ? failed : undefined;
    const deferValues = mine?.form === 'defer' ? (mine.failure.values as DeferralFormValues) : undefined;
    return {
      id: `behov-${r.needId}`,
      headingId: `behov-${r.needId}-rubrik`,
      title: r.title,
      department: r.departmentName,
      area: areaName(r.areaCode),
      priority: NEED_PRIORITY_LABELS[r.priority] ?? r.priority,
      items: r.items.length > 0 ? r.items.map((i) => `${i.code} ${i.title}`).join(', ') : null,
      reason: r.deferral?.reason ?? null,
      deferredBy: r.deferral ? `${r.deferral.deferredBy ?? 'Samverka'}, ${swedishDateTime(r.deferral.deferredAt)}` : null,
      defer:
        editable && r.items.length === 0 && !r.deferral
          ? { action: deferPath(round.id, r.needId, page), fieldId, value: deferValues?.reason ?? '', error: mine?.form === 'defer' ? (mine.failure.errors.reason ?? null) : null }
          : null,
      undo: editable && r.deferral && r.items.length === 0 ? { action: undeferPath(round.id, r.needId, page) } : null,
    };
  };
  const errorSummary: ErrorSummaryItem[] = failed
    ? [
        ...Object.values(failed.failure.errors)
          .filter((m): m is string => !!m)
          .map((text) => ({ text, href: `#reason-${failed.needId}` })),
        ...failed.failure.general.map((text) => ({ text, href: `#behov-${failed.needId}` })),
      ]
    : [];
  return {
    title: `Behov och planen – ${round.title}`,
    section: 'rounds',
    hasErrors: errorSummary.length > 0,
    backHref: `/planomgangar/${round.id}`,
    caption: round.title,
    notice: errorSummary.length === 0 && state.notice ? NOTICE_TEXT[state.notice] : null,
    notEditableReason: data.notEditableReason,
    errorSummary,
    counts: coverage.counts,
    unanswered: coverage.unanswered.map(row),
    deferred: coverage.deferred.map(row),
    answered: coverage.answered.map(row),
    shown: {
      unanswered: shownOf(coverage.unanswered.length, coverage.counts.unanswered, page),
      deferred: shownOf(coverage.deferred.length, coverage.counts.deferred, page),
      answered: shownOf(coverage.answered.length, coverage.counts.answered, page),
    },
    pagination: pagination({
      page,
      pageSize: PLAN_NEEDS_PAGE_SIZE,
      total: Math.max(coverage.counts.unanswered, coverage.counts.deferred, coverage.counts.answered),
      label: 'Sidor med behov',
      link: (n) => planNeedsPagePath(round.id, n),
    }),
  };
}

/** What a section shows of its whole when that is more than a page ("Visar 51–100 av 230."), else null. */
function shownOf(rows: number, total: number, page: number): string | null {
  if (total <= PLAN_NEEDS_PAGE_SIZE) return null;
  const from = (page - 1) * PLAN_NEEDS_PAGE_SIZE;
  return rows === 0 ? `Inga fler på den här sidan av ${total}.` : `Visar ${from + 1}–${from + rows} av ${total}.`;
}
