import { LocalDate, localDateInCity } from '@samverka/kernel';
import { DEADLINE_LABELS, DeadlineKind, PHASE_DEADLINE, PlanRoundEventEntity, PlanRoundView } from '@samverka/rounds';
import { PLAN_ROUND_PHASES, PLAN_ROUND_STATE_LABELS, PlanRoundState } from '@samverka/workflow';
import { swedishDate, tag, TagView } from '../../shell/format';
import { DeadlineLine, deadlineLine } from './round-format';

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

const dayOf = (instant: Date): LocalDate => localDateInCity(instant);

const deadlineDate = (view: Pick<PlanRoundView, 'deadlines'>, kind: DeadlineKind): LocalDate | null => view.deadlines[kind];
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
