import { PlanRoundSummary } from '@samverka/rounds';
import { PageModel } from '../../shell/view-renderer';
import { TagView } from '../../shell/format';
import { DeadlineLine, deadlineLine, NEW_ROUND_PATH, phaseTag, roundPath } from './round-format';

interface RoundRow {
  href: string;
  title: string;
  year: number;
  caseNumber: string;
  phase: TagView;
  /** The deadline of the phase the round is in, if it has one. */
  deadline: DeadlineLine | null;
}

export interface RoundListModel extends PageModel {
  rows: RoundRow[];
  /** Strategists start new rounds. */
  newRoundHref: string | null;
}

/** Planomgångar: the rounds the viewer may read, newest year first (as the service lists them). */
export function buildRoundList(rounds: PlanRoundSummary[], mayCreate: boolean): RoundListModel {
  return {
    title: 'Planomgångar',
    section: 'rounds',
    sectionHome: true,
    rows: rounds.map((r) => ({
      href: roundPath(r.id),
      title: r.title,
      year: r.year,
      caseNumber: r.caseNumber,
      phase: phaseTag(r.state),
      deadline: r.currentDeadline ? deadlineLine(r.currentDeadline) : null,
    })),
    newRoundHref: mayCreate ? NEW_ROUND_PATH : null,
  };
}
