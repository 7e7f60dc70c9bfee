import type { ResponseStance, TriageDecision } from '../consultation.model';

/** A triage as read back: the decision, its motivation, the plan items it changed, who and when. */
export interface TriageView {
  decision: TriageDecision;
  motivation: string;
  itemCodes: string[];
  triagedBy: string | null;
  triagedAt: string;
}

export interface CompiledProposal {
  id: string;
  committeeId: string;
  committee: string;
  text: string;
  areaCode: string | null;
  itemCode: string | null;
  triage: TriageView | null;
  /** The triage's version (0: untriaged): a re-triage names it (If-Match), a stale one is refused. */
  triageVersion: number;
}

export interface CompiledResponse {
  committeeId: string;
  committee: string;
  stance: ResponseStance;
  summary: string;
  adoptedOn: string;
  minuteReference: string;
  theirReference: string | null;
  receivedOnPaper: boolean;
  revision: number;
}

export type StanceCounts = Record<ResponseStance | 'none', number>;

/** One row of the proposals × committees view: the proposal, and per recipient committee whether it is theirs. */
export interface MatrixRow {
  proposalId: string;
  text: string;
  triageDecision: TriageDecision | null;
  committees: Array<{ committeeId: string; proposed: boolean }>;
}

/** Sammanställning: where every recipient stands, the comments per area, every proposal and its triage. */
export interface CompilationView {
  round: { id: string; title: string; caseNumber: string; state: string };
  planVersion: number;
  committees: Array<{ committeeId: string; committee: string }>;
  stanceCounts: StanceCounts;
  responses: CompiledResponse[];
  areas: Array<{ areaCode: string; name: string; comments: Array<{ committee: string; comment: string }> }>;
  proposals: CompiledProposal[];
  matrix: { committees: Array<{ committeeId: string; committee: string }>; rows: MatrixRow[] };
  /** The plan items a proposal may be linked to (the latest frozen version's), in plan order. */
  items: Array<{ code: string; title: string; areaCode: string }>;
  /** The plan's areas (the latest frozen version's), in order. */
  planAreas: Array<{ code: string; name: string }>;
}

/** What the repository reads in one statement. */
export interface CompilationRead {
  round: { id: string; title: string; caseNumber: string; state: string };
  planVersion: number;
  recipients: Array<{ committeeId: string; committee: string }>;
  responses: Array<CompiledResponse & { areaComments: Array<{ areaCode: string; comment: string }> }>;
  proposals: CompiledProposal[];
  areas: Array<{ code: string; name: string; items: Array<{ code: string; title: string }> }>;
}
