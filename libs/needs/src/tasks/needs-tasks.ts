import type { LocalDate, TaskDraft } from '@samverka/kernel';
import { availableEvents, countNoun, isPlanRoundState, PLAN_ROUND_EVENT_LABELS, PLAN_ROUND_STATE_LABELS, PlanRoundFacts } from '@samverka/workflow';
import { SUBMISSION_STATUS_LABELS } from '../needs.vocabulary';
import type { RoundProgressRow, SubmissionTaskRow } from '../repositories/needs-task.repository';

/** The kinds of task the needs context knows. */
export const NEEDS_TASK_KINDS = {
  handIn: 'needs.hand_in',
  endorse: 'needs.endorse',
  roundProgress: 'round.progress',
  committeeSubmissions: 'committee.submissions',
} as const;

/** The department's needs page in a round: where needs are written, handed in and endorsed. */
export function needsPagePath(roundId: string, departmentId: string): string {
  return `/planomgangar/${roundId}/behov/${departmentId}`;
}

export function roundPagePath(roundId: string): string {
  return `/planomgangar/${roundId}`;
}

const ids = (r: SubmissionTaskRow) => ({ roundId: r.roundId, departmentId: r.departmentId, committeeId: r.committeeId });

/** A coordinator's draft or returned submission: hand it in by the needs deadline. */
export function handInTask(r: SubmissionTaskRow): TaskDraft {
  const what =
    r.status === 'returned'
      ? `behoven skickades tillbaka${r.returnComment ? ` med kommentaren ”${r.returnComment.trim()}”` : ''}`
      : r.needCount === 0
        ? 'inga behov i utkastet ännu'
        : `${countNoun(r.needCount, 'behov', 'behov')} i utkastet`;
  return {
    kind: NEEDS_TASK_KINDS.handIn,
    title: `Lämna in behoven för ${r.departmentName} till ${r.roundTitle}: ${what}`,
    dueOn: r.needsDeadline,
    href: needsPagePath(r.roundId, r.departmentId),
    ...ids(r),
  };
}

/** A submission handed in and waiting for the department's management. */
export function endorseTask(r: SubmissionTaskRow): TaskDraft {
  return {
    kind: NEEDS_TASK_KINDS.endorse,
    title: `Godkänn behoven från ${r.departmentName} till ${r.roundTitle}: ${countNoun(r.needCount, 'behov', 'behov')} väntar på ditt godkännande${r.late ? ' (inlämnade sent)' : ''}`,
    dueOn: null,
    href: needsPagePath(r.roundId, r.departmentId),
    ...ids(r),
  };
}

/** A committee's department and where its submission stands in the running round. */
export function committeeSubmissionTask(r: SubmissionTaskRow): TaskDraft {
  const open = r.status === 'draft' || r.status === 'returned';
  return {
    kind: NEEDS_TASK_KINDS.committeeSubmissions,
    title: `${r.committeeName}: behoven från ${r.departmentName} till ${r.roundTitle} – ${SUBMISSION_STATUS_LABELS[r.status].toLowerCase()}${r.late ? ', inlämnade sent' : ''}`,
    dueOn: open ? r.needsDeadline : null,
    href: needsPagePath(r.roundId, r.departmentId),
    ...ids(r),
  };
}

/** The round's deadline that matters in its phase. */
function currentDeadline(r: RoundProgressRow): LocalDate | null {
  switch (r.state) {
    case 'preparing':
    case 'collectingNeeds':
      return r.needsDeadline;
    case 'consultation':
    case 'compilingResponses':
      return r.consultationReplyDeadline;
    case 'awaitingDecision':
      return r.decisionDeadline;
    default:
      return null;
  }
}

/** The step that takes the round forward from its phase (going back or cancelling is no next step). */
const BACKWARD = new Set(['REOPEN_NEEDS', 'CANCEL']);

/**
 * What blocks the round's next step: the workflow's own guards, judged on facts built from the
 * counts (the guards count participants; their names are not needed here).
 */
export function nextStep(r: RoundProgressRow, today: LocalDate): { label: string; reasons: string[] } | null {
  if (!isPlanRoundState(r.state)) return null;
  const handedIn = r.submitted + r.nothingToReport;
  const facts: PlanRoundFacts = {
    today,
    deadlines: { needs: r.needsDeadline, consultationReply: r.consultationReplyDeadline, decision: r.decisionDeadline },
    participants: Array.from({ length: r.participants }, (_, i) => ({ name: '', submitted: i < r.submitted, nothingToReport: i >= r.submitted && i < handedIn })),
  };
  const step = availableEvents(r.state, facts).find((e) => !BACKWARD.has(e.type));
  return step ? { label: PLAN_ROUND_EVENT_LABELS[step.type], reasons: step.reasons } : null;
}

/** An open round for the strategists: its progress and what stands in the way of the next step. */
export function roundProgressTask(r: RoundProgressRow, today: LocalDate): TaskDraft {
  const handedIn = r.submitted + r.nothingToReport;
  const progress = [
    `${handedIn} av ${countNoun(r.participants, 'förvaltning', 'förvaltningar')} har lämnat in`,
    countNoun(r.endorsed, 'godkänd', 'godkända'),
    countNoun(r.late, 'sen', 'sena'),
    `${r.withoutCoordinator} utan samordnare`,
  ].join(', ');
  const step = nextStep(r, today);
  const next = step ? ` Nästa steg: ${step.label}${step.reasons.length ? ` – ${step.reasons.join('; ')}` : ' – kan tas nu'}.` : '';
  const phase = isPlanRoundState(r.state) ? PLAN_ROUND_STATE_LABELS[r.state] : r.state;
  return {
    kind: NEEDS_TASK_KINDS.roundProgress,
    title: `${r.title} (${phase.toLowerCase()}): ${progress}.${next}`,
    dueOn: currentDeadline(r),
    href: roundPagePath(r.roundId),
    roundId: r.roundId,
  };
}
