import { PLAN_ROUND_STATE_LABELS, PlanRoundState } from '@samverka/workflow';
import { ROUNDS_PATH } from '../../shell/view-renderer';
import { swedishDate, tag, TagView } from '../../shell/format';

export const roundPath = (roundId: string): string => `${ROUNDS_PATH}/${roundId}`;
export const roundStepPath = (roundId: string): string => `${roundPath(roundId)}/steg`;
export const NEW_ROUND_PATH = `${ROUNDS_PATH}/ny`;
/** The launch's confirmation page. */
export const roundLaunchPath = (roundId: string): string => `${roundPath(roundId)}/starta`;
/** The deadline form's address (and the confirmation page's, when the needs deadline moves into the past). */
export const roundDeadlinesPath = (roundId: string): string => `${roundPath(roundId)}/tidsfrister`;
/** A strategist's reminder to one department. */
export const roundReminderPath = (roundId: string, departmentId: string): string => `${roundPath(roundId)}/forvaltningar/${departmentId}/paminnelse`;

const PHASE_COLOURS: Record<PlanRoundState, Parameters<typeof tag>[1]> = {
  preparing: 'grey',
  collectingNeeds: 'blue',
  draftingPlan: 'purple',
  consultation: 'orange',
  compilingResponses: 'turquoise',
  awaitingDecision: 'yellow',
  followUp: 'light-blue',
  closed: 'green',
  cancelled: 'red',
};

/** The round's phase as a tag: "Behovsinsamling". */
export const phaseTag = (state: PlanRoundState): TagView => tag(PLAN_ROUND_STATE_LABELS[state], PHASE_COLOURS[state]);

export const OVERDUE_TAG: TagView = tag('Försenad', 'red');

/** A deadline as a line of text, with the overdue tag when it has passed. */
export interface DeadlineLine {
  text: string;
  overdue: TagView | null;
}

/** "Sista dag för behov: 22 december 2026" (+ Försenad). */
export const deadlineLine = (d: { label: string; date: string; passed: boolean }): DeadlineLine => ({
  text: `${d.label}: ${swedishDate(d.date)}`,
  overdue: d.passed ? OVERDUE_TAG : null,
});

/** CLOSE_NEEDS → close-needs: ids and anchors on the round page. */
export const eventSlug = (type: string): string => type.toLowerCase().replace(/_/g, '-');
