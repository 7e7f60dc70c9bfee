import type { DecisionOutcome, PlanRoundEventType, PlanRoundState } from './plan-round.machine';

/**
 * The words for a plan round's phases and steps (Swedish), in one place: the
 * pages, the emails and the machine's own messages take them from here.
 */

/** Each phase: "Behovsinsamling". */
export const PLAN_ROUND_STATE_LABELS: Record<PlanRoundState, string> = {
  preparing: 'Förberedelse',
  collectingNeeds: 'Behovsinsamling',
  draftingPlan: 'Planarbete',
  consultation: 'Remiss',
  compilingResponses: 'Sammanställning av remissvar',
  awaitingDecision: 'Inför beslut',
  followUp: 'Uppföljning',
  closed: 'Avslutad',
  cancelled: 'Avbruten',
};

/** A step someone takes (every event but the deadline the clock reports). */
export type PlanRoundStep = Exclude<PlanRoundEventType, 'DEADLINE_REACHED'>;

/** How a step is said: as the button, once done, and in the history. */
export interface PlanRoundStepWords {
  /** The button, and the step named in a message: "Stäng behovsinsamlingen". */
  label: string;
  /** What has become true once it is taken: "Behovsinsamlingen är stängd." */
  done: string;
  /** Who did it, in the history: "Stängde behovsinsamlingen". */
  did: string;
}

export const PLAN_ROUND_STEP_WORDS: Record<PlanRoundStep, PlanRoundStepWords> = {
  LAUNCH: { label: 'Starta behovsinsamlingen', done: 'Behovsinsamlingen har startat.', did: 'Startade behovsinsamlingen' },
  CLOSE_NEEDS: { label: 'Stäng behovsinsamlingen', done: 'Behovsinsamlingen är stängd.', did: 'Stängde behovsinsamlingen' },
  REOPEN_NEEDS: { label: 'Öppna behovsinsamlingen igen', done: 'Behovsinsamlingen är öppen igen.', did: 'Öppnade behovsinsamlingen igen' },
  SEND_FOR_CONSULTATION: { label: 'Skicka planen på remiss', done: 'Planen är skickad på remiss.', did: 'Skickade planen på remiss' },
  CLOSE_CONSULTATION: { label: 'Stäng remissen', done: 'Remissen är stängd.', did: 'Stängde remissen' },
  SUBMIT_FOR_DECISION: { label: 'Lämna planen till beslut', done: 'Planen är lämnad till beslut.', did: 'Lämnade planen till beslut' },
  RECORD_DECISION: { label: 'Registrera beslutet', done: 'Beslutet är registrerat.', did: 'Registrerade beslutet' },
  CLOSE_ROUND: { label: 'Avsluta planomgången', done: 'Planomgången är avslutad.', did: 'Avslutade planomgången' },
  CANCEL: { label: 'Avbryt planomgången', done: 'Planomgången är avbruten.', did: 'Avbröt planomgången' },
};

/** Each event by its label: the steps' buttons, and the deadline the clock reports. */
export const PLAN_ROUND_EVENT_LABELS: Record<PlanRoundEventType, string> = {
  ...(Object.fromEntries(Object.entries(PLAN_ROUND_STEP_WORDS).map(([step, words]) => [step, words.label])) as Record<PlanRoundStep, string>),
  DEADLINE_REACHED: 'Tidsfristen har passerat',
};

/** A decision's outcome: as chosen ("Antagen"), and as the history tells it ("planen antogs"). */
export const DECISION_OUTCOME_WORDS: Record<DecisionOutcome, { label: string; happened: string }> = {
  adopted: { label: 'Antagen', happened: 'planen antogs' },
  returned: { label: 'Återremitterad', happened: 'planen återremitterades' },
};
