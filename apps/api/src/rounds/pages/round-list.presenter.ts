import { SUBMISSION_STATUS_LABELS } from '@samverka/needs';
import { OwnParticipation, PlanRoundSummary } from '@samverka/rounds';
import { PageModel } from '../../shell/view-renderer';
import { tag, TagView } from '../../shell/format';
import { DeadlineLine, deadlineLine, NEW_ROUND_PATH, OVERDUE_TAG, phaseTag, roundPath } from './round-format';

/** The viewer's own department in a round: its name (when they act for several) and its submission's status. */
interface OwnStatus {
  department: string | null;
  status: TagView;
  late: TagView | null;
}

interface RoundRow {
  href: string;
  title: string;
  year: number;
  caseNumber: string;
  phase: TagView;
  /** The deadline of the phase the round is in, if it has one. */
  deadline: DeadlineLine | null;
  /** The viewer's own participating departments' submissions (empty: not one of theirs, or not launched). */
  own: OwnStatus[];
}

export interface RoundListModel extends PageModel {
  rows: RoundRow[];
  /** Strategists start new rounds. */
  newRoundHref: string | null;
  /** The viewer coordinates or manages a department: the list shows its status in each round. */
  showOwn: boolean;
}

const OWN_COLOURS = { draft: 'grey', submitted: 'blue', endorsed: 'green', returned: 'orange', nothingToReport: 'turquoise' } as const;

function ownStatus(own: readonly OwnParticipation[]): OwnStatus[] {
  return own.map((o) => ({
    department: own.length > 1 ? o.name : null,
    status: tag(SUBMISSION_STATUS_LABELS[o.submission.status], OWN_COLOURS[o.submission.status]),
    late: o.submission.late ? (o.submission.status === 'draft' || o.submission.status === 'returned' ? OVERDUE_TAG : tag('Sent inlämnad', 'red')) : null,
  }));
}

/** Planomgångar: the rounds the viewer may read, newest year first (as the service lists them). */
export function buildRoundList(rounds: PlanRoundSummary[], mayCreate: boolean, own: ReadonlyMap<string, OwnParticipation[]> = new Map()): RoundListModel {
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
      own: ownStatus(own.get(r.id) ?? []),
    })),
    newRoundHref: mayCreate ? NEW_ROUND_PATH : null,
    showOwn: own.size > 0,
  };
}
