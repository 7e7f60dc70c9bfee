import type { LocalDate } from '@samverka/kernel';
import type { DecisionOutcome } from '@samverka/workflow';

/** The executive board's decision on a round's plan, as `GET /rounds/{id}/decisions` and the round page show it. */
export interface PlanDecisionView {
  id: string;
  outcome: DecisionOutcome;
  /** "Antagen" or "Återremitterad". */
  outcomeLabel: string;
  decidedOn: LocalDate;
  /** Who decided, e.g. "Kommunstyrelsen". */
  body: string;
  /** The minute reference (§). */
  minuteReference: string;
  /** Why it was returned (null when adopted). */
  reason: string | null;
  /** The frozen plan version decided on (null: none was frozen). */
  planVersion: number | null;
  recordedBy: string;
  recordedAt: Date;
}

/** The Swedish labels of a decision's outcome. */
export const DECISION_OUTCOME_LABELS: Readonly<Record<DecisionOutcome, string>> = {
  adopted: 'Antagen',
  returned: 'Återremitterad',
};
