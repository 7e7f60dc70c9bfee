import { CompilationView, RESPONSE_STANCE_LABELS, TRIAGE_DECISION_LABELS, TRIAGE_DECISIONS } from '@samverka/consultation';
import type { LocalDate } from '@samverka/kernel';
import { FormFailure } from '../../shell/form-body';
import { ErrorSummaryItem, swedishDate, swedishDateTime } from '../../shell/format';
import type { PageModel } from '../../shell/view-renderer';
import type { TriageFormValues } from './compilation-forms';

export const compilationPagePath = (roundId: string): string => `/planomgangar/${roundId}/remiss/sammanstallning`;
export const triagePath = (roundId: string, proposalId: string): string => `${compilationPagePath(roundId)}/forslag/${proposalId}/behandla`;
export const compilationCsvPath = (roundId: string): string => `/api/v1/rounds/${roundId}/consultation/compilation.csv`;
export const compilationDocxPath = (roundId: string): string => `/api/v1/rounds/${roundId}/consultation/compilation/document.docx`;

export interface CompilationPageState {
  /** After a triage: `?klart=behandlat#forslag-<id>`. */
  notice?: 'triaged';
  failed?: { proposalId: string; failure: FormFailure<TriageFormValues> };
}

export const TRIAGED_NOTICE_PARAM = 'behandlat';

interface TriageFormView {
  action: string;
  /** A re-triage of a triaged proposal (the form sits in "Ändra beslutet", open when it failed). */
  retriage: boolean;
  open: boolean;
  /** The triage's version shown (hidden field). */
  version: number;
  legendId: string;
  decisions: Array<{ id: string; value: string; label: string; checked: boolean }>;
  decisionId: string;
  decisionError: string | null;
  motivationId: string;
  motivation: string;
  motivationError: string | null;
  itemsId: string;
  items: Array<{ id: string; value: string; label: string; checked: boolean }>;
  itemsError: string | null;
}

export interface CompilationPageModel extends PageModel {
  backHref: string;
  caption: string;
  heading: string;
  notice: string | null;
  errorSummary: ErrorSummaryItem[];
  filter: { committee: string; allHref: string } | null;
  committeeLinks: Array<{ text: string; href: string }>;
  csvHref: string;
  docxHref: string;
  planVersion: number;
  untriaged: number;
  stances: Array<{ label: string; count: number }>;
  responses: Array<{ committee: string; stance: string; adoptedOn: string; minuteReference: string; theirReference: string; summary: string; paper: boolean }>;
  areas: Array<{ name: string; comments: Array<{ committee: string; comment: string }> }>;
  matrix: { committees: string[]; rows: Array<{ number: number; text: string; cells: Array<{ committee: string; proposed: boolean }>; decision: string }> };
  proposals: Array<{
    id: string;
    number: number;
    committee: string;
    text: string;
    place: string | null;
    triage: { decision: string; motivation: string; items: string; by: string } | null;
    form: TriageFormView | null;
  }>;
}

/**
 * Sammanställningen: counts per stance, each committee's current response, the comments per area, the
 * proposals × committees, and every proposal with what became of it — for strategists a triage form per
 * untriaged one, and a re-triage form (pre-filled, with the triage's version) per triaged one. Filtered to one committee (`?namnd=`): what became of what it asked for.
 */
export function buildCompilationPage(view: CompilationView, mayTriage: boolean, committeeId: string | null, state: CompilationPageState = {}): CompilationPageModel {
  const roundId = view.round.id;
  const failed = state.failed;
  const itemTitle = new Map(view.items.map((i) => [i.code, i.title]));
  const areaName = new Map(view.planAreas.map((a) => [a.code, a.name]));
  const proposals = view.proposals.map((p, index) => {
    const mine = failed?.proposalId === p.id ? failed.failure : undefined;
    const values = mine?.values;
    const base = `forslag-${p.id}`;
    // Pre-filled with what was typed (after a refusal), else with the triage it changes.
    const shown = values ?? (p.triage ? { decision: p.triage.decision, motivation: p.triage.motivation, itemCodes: p.triage.itemCodes } : undefined);
    const form: TriageFormView | null =
      mayTriage
        ? {
            action: triagePath(roundId, p.id),
            retriage: p.triage !== null,
            open: mine !== undefined,
            version: p.triageVersion,
            legendId: `${base}-beslut-rubrik`,
            decisionId: `${base}-decision`,
            decisions: TRIAGE_DECISIONS.map((d, i) => ({ id: i === 0 ? `${base}-decision` : `${base}-decision-${d}`, value: d, label: TRIAGE_DECISION_LABELS[d], checked: shown?.decision === d })),
            decisionError: mine?.errors.decision ?? null,
            motivationId: `${base}-motivation`,
            motivation: shown?.motivation ?? '',
            motivationError: mine?.errors.motivation ?? null,
            itemsId: `${base}-itemCodes`,
            items: view.items.map((item, i) => ({
              id: i === 0 ? `${base}-itemCodes` : `${base}-itemCodes-${item.code}`,
              value: item.code,
              label: `${item.code} ${item.title}`,
              checked: shown?.itemCodes.includes(item.code) ?? false,
            })),
            itemsError: mine?.errors.itemCodes ?? null,
          }
        : null;
    const place = [p.areaCode ? (areaName.get(p.areaCode) ?? p.areaCode) : null, p.itemCode ? `insats ${p.itemCode}` : null].filter((x) => x !== null).join(', ');
    return {
      id: base,
      number: index + 1,
      committee: p.committee,
      text: p.text,
      place: place === '' ? null : place,
      triage: p.triage
        ? {
            decision: TRIAGE_DECISION_LABELS[p.triage.decision],
            motivation: p.triage.motivation,
            items: p.triage.itemCodes.length > 0 ? p.triage.itemCodes.map((c) => (itemTitle.has(c) ? `${c} ${itemTitle.get(c)}` : c)).join(', ') : 'Inga insatser ändrades',
            by: `${p.triage.triagedBy ?? 'Samverka'}, ${swedishDateTime(new Date(p.triage.triagedAt))}`,
          }
        : null,
      form,
    };
  });
  const errorSummary: ErrorSummaryItem[] = failed
    ? [
        ...(['decision', 'motivation', 'itemCodes'] as const)
          .filter((f) => failed.failure.errors[f])
          .map((f) => ({ text: failed.failure.errors[f]!, href: `#forslag-${failed.proposalId}-${f}` })),
        ...failed.failure.general.map((text) => ({ text, href: `#forslag-${failed.proposalId}` })),
      ]
    : [];
  const filtered = committeeId ? view.committees.find((c) => c.committeeId === committeeId) : undefined;
  const counts = view.stanceCounts;
  return {
    title: filtered ? `Sammanställning för ${filtered.committee} – ${view.round.title}` : `Sammanställning av remissvar – ${view.round.title}`,
    section: 'rounds',
    hasErrors: errorSummary.length > 0,
    backHref: `/planomgangar/${roundId}`,
    caption: `${view.round.title} (${view.round.caseNumber})`,
    heading: filtered ? `Sammanställning: ${filtered.committee}` : 'Sammanställning av remissvar',
    notice: errorSummary.length === 0 && state.notice === 'triaged' ? 'Förslaget är behandlat.' : null,
    errorSummary,
    filter: filtered ? { committee: filtered.committee, allHref: compilationPagePath(roundId) } : null,
    committeeLinks: view.committees.map((c) => ({ text: c.committee, href: `${compilationPagePath(roundId)}?namnd=${c.committeeId}` })),
    csvHref: compilationCsvPath(roundId),
    docxHref: compilationDocxPath(roundId),
    planVersion: view.planVersion,
    untriaged: view.proposals.filter((p) => !p.triage).length,
    stances: [
      ...(['approve', 'approve_with_remarks', 'reject', 'decline'] as const).map((s) => ({ label: RESPONSE_STANCE_LABELS[s], count: counts[s] })),
      { label: 'Har inte svarat', count: counts.none },
    ],
    responses: view.responses.map((r) => ({
      committee: r.committee,
      stance: RESPONSE_STANCE_LABELS[r.stance],
      adoptedOn: swedishDate(r.adoptedOn as LocalDate),
      minuteReference: r.minuteReference,
      theirReference: r.theirReference ?? '–',
      summary: r.summary,
      paper: r.receivedOnPaper,
    })),
    areas: view.areas.map((a) => ({ name: a.name, comments: a.comments })),
    matrix: {
      committees: view.matrix.committees.map((c) => c.committee),
      rows: view.matrix.rows.map((r, i) => ({
        number: i + 1,
        text: r.text,
        cells: r.committees.map((c) => ({ committee: view.matrix.committees.find((x) => x.committeeId === c.committeeId)?.committee ?? '', proposed: c.proposed })),
        decision: r.triageDecision ? TRIAGE_DECISION_LABELS[r.triageDecision] : 'Inte behandlat',
      })),
    },
    proposals,
  };
}
