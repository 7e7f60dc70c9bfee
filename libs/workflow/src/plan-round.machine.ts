/**
 * The plan-round workflow as a pure XState v5 definition (no Nest, no database, no clock).
 *
 *   preparing → collectingNeeds → draftingPlan → consultation → compilingResponses
 *             → awaitingDecision → followUp → closed
 *   + CANCEL (with a reason) from every non-final state → cancelled
 *   + RECORD_DECISION(returned, reason) → draftingPlan;  REOPEN_NEEDS: draftingPlan → collectingNeeds
 *
 * Every event carries the `facts` its guard needs (today, deadlines, participants, plan version,
 * consultation replies), loaded by the caller; the guards are the plain functions in
 * `plan-round.guards.ts`, shared with `evaluate`/`availableEvents` so they cannot disagree.
 * `DEADLINE_REACHED` is part of the event vocabulary (the worker may send it) but has no
 * transition in version 1: passing a deadline only changes what the facts allow.
 */
import { assign, createActor, setup, type Snapshot, type SnapshotFrom } from 'xstate';
import {
  reasonsToCancel,
  reasonsToCloseConsultation,
  reasonsToSubmitForDecision,
  reasonsToCloseNeeds,
  reasonsToForce,
  reasonsToLaunch,
  reasonsToRecordDecision,
  reasonsToSendForConsultation,
  REASON_FORCE_NOT_ALLOWED,
  type IsoDate,
  type PlanRoundFacts,
} from './plan-round.guards';
import { PLAN_ROUND_STATE_LABELS } from './plan-round.vocabulary';

export type { PlanRoundFacts } from './plan-round.guards';

/** Bump when the machine changes incompatibly; add the step to `migrateSnapshot`. */
export const PLAN_ROUND_MACHINE_VERSION = 1;

export const PLAN_ROUND_STATES = [
  'preparing',
  'collectingNeeds',
  'draftingPlan',
  'consultation',
  'compilingResponses',
  'awaitingDecision',
  'followUp',
  'closed',
  'cancelled',
] as const;
export type PlanRoundState = (typeof PLAN_ROUND_STATES)[number];

export const PLAN_ROUND_FINAL_STATES: readonly PlanRoundState[] = ['closed', 'cancelled'];

interface WithFacts {
  facts: PlanRoundFacts;
}

export type DecisionOutcome = 'adopted' | 'returned';

export type PlanRoundEvent =
  | ({ type: 'LAUNCH' } & WithFacts)
  | ({ type: 'CLOSE_NEEDS'; force?: boolean; reason?: string } & WithFacts)
  | ({ type: 'REOPEN_NEEDS'; reason?: string } & WithFacts)
  | ({ type: 'SEND_FOR_CONSULTATION' } & WithFacts)
  | ({ type: 'CLOSE_CONSULTATION'; force?: boolean; reason?: string } & WithFacts)
  | ({ type: 'SUBMIT_FOR_DECISION'; force?: boolean; reason?: string } & WithFacts)
  | ({ type: 'RECORD_DECISION'; outcome: DecisionOutcome; reason?: string } & WithFacts)
  | ({ type: 'CLOSE_ROUND' } & WithFacts)
  | ({ type: 'CANCEL'; reason: string } & WithFacts)
  | ({ type: 'DEADLINE_REACHED'; deadline: 'needs' | 'consultationReply' | 'decision' } & WithFacts);

export type PlanRoundEventType = PlanRoundEvent['type'];

export const PLAN_ROUND_EVENT_TYPES: readonly PlanRoundEventType[] = [
  'LAUNCH',
  'CLOSE_NEEDS',
  'REOPEN_NEEDS',
  'SEND_FOR_CONSULTATION',
  'CLOSE_CONSULTATION',
  'SUBMIT_FOR_DECISION',
  'RECORD_DECISION',
  'CLOSE_ROUND',
  'CANCEL',
  'DEADLINE_REACHED',
];

/** The events that may be forced (`force: true` + a written `reason`). */
export const FORCIBLE_EVENTS: readonly PlanRoundEventType[] = ['CLOSE_NEEDS', 'CLOSE_CONSULTATION', 'SUBMIT_FOR_DECISION'];

export interface ForcedStep {
  event: 'CLOSE_NEEDS' | 'CLOSE_CONSULTATION' | 'SUBMIT_FOR_DECISION';
  reason: string;
  on: IsoDate;
}

/** What the machine remembers itself; everything else is a fact loaded per event. */
export interface PlanRoundContext {
  forcedSteps: ForcedStep[];
  returns: Array<{ reason: string; on: IsoDate }>;
  cancellation: { reason: string; on: IsoDate } | null;
}

function isForced(event: PlanRoundEvent): boolean {
  return (event as { force?: unknown }).force === true;
}

/** Reasons that depend only on the facts (what `availableEvents` shows before the person types anything). */
function factReasons(type: PlanRoundEventType, facts: PlanRoundFacts): string[] {
  switch (type) {
    case 'LAUNCH':
      return reasonsToLaunch(facts);
    case 'CLOSE_NEEDS':
      return reasonsToCloseNeeds(facts);
    case 'SEND_FOR_CONSULTATION':
      return reasonsToSendForConsultation(facts);
    case 'CLOSE_CONSULTATION':
      return reasonsToCloseConsultation(facts);
    case 'SUBMIT_FOR_DECISION':
      return reasonsToSubmitForDecision(facts);
    default:
      return [];
  }
}

/**
 * Why this event may not be taken (state aside): the single source for the XState guards and
 * for `evaluate`. A forced event needs only its written reason; forcing where it makes no sense is refused.
 */
export function reasonsFor(event: PlanRoundEvent): string[] {
  const forceGiven = (event as { force?: unknown }).force;
  if (forceGiven !== undefined && forceGiven !== false && !FORCIBLE_EVENTS.includes(event.type)) {
    return [REASON_FORCE_NOT_ALLOWED];
  }
  if (isForced(event)) return reasonsToForce(event as { reason?: string });
  const reasons = factReasons(event.type, event.facts);
  if (event.type === 'CANCEL') reasons.push(...reasonsToCancel(event));
  if (event.type === 'RECORD_DECISION') reasons.push(...reasonsToRecordDecision(event));
  return reasons;
}

const allowed = ({ event }: { event: PlanRoundEvent }): boolean => reasonsFor(event).length === 0;

export const planRoundMachine = setup({
  types: {
    context: {} as PlanRoundContext,
    events: {} as PlanRoundEvent,
  },
  guards: {
    allowed,
    decisionAdopted: ({ event }) => event.type === 'RECORD_DECISION' && event.outcome === 'adopted' && allowed({ event }),
    decisionReturned: ({ event }) => event.type === 'RECORD_DECISION' && event.outcome === 'returned' && allowed({ event }),
  },
  actions: {
    recordForcedStep: assign({
      forcedSteps: ({ context, event }) =>
        (event.type === 'CLOSE_NEEDS' || event.type === 'CLOSE_CONSULTATION' || event.type === 'SUBMIT_FOR_DECISION') && event.force === true
          ? [...context.forcedSteps, { event: event.type, reason: (event.reason ?? '').trim(), on: event.facts.today }]
          : context.forcedSteps,
    }),
    recordReturn: assign({
      returns: ({ context, event }) =>
        event.type === 'RECORD_DECISION' ? [...context.returns, { reason: (event.reason ?? '').trim(), on: event.facts.today }] : context.returns,
    }),
    recordCancellation: assign({
      cancellation: ({ context, event }) =>
        event.type === 'CANCEL' ? { reason: event.reason.trim(), on: event.facts.today } : context.cancellation,
    }),
  },
}).createMachine({
  id: 'planRound',
  initial: 'preparing',
  context: { forcedSteps: [], returns: [], cancellation: null },
  // CANCEL is declared in each non-final state on purpose: a root-level CANCEL would still
  // answer snapshot.can() from the final `closed` state (the model tests prove the difference).
  states: {
    preparing: {
      on: {
        LAUNCH: { target: 'collectingNeeds', guard: 'allowed' },
        CANCEL: { target: 'cancelled', guard: 'allowed', actions: 'recordCancellation' },
      },
    },
    collectingNeeds: {
      on: {
        CLOSE_NEEDS: { target: 'draftingPlan', guard: 'allowed', actions: 'recordForcedStep' },
        CANCEL: { target: 'cancelled', guard: 'allowed', actions: 'recordCancellation' },
      },
    },
    draftingPlan: {
      on: {
        REOPEN_NEEDS: { target: 'collectingNeeds', guard: 'allowed' },
        SEND_FOR_CONSULTATION: { target: 'consultation', guard: 'allowed' },
        CANCEL: { target: 'cancelled', guard: 'allowed', actions: 'recordCancellation' },
      },
    },
    consultation: {
      on: {
        CLOSE_CONSULTATION: { target: 'compilingResponses', guard: 'allowed', actions: 'recordForcedStep' },
        CANCEL: { target: 'cancelled', guard: 'allowed', actions: 'recordCancellation' },
      },
    },
    compilingResponses: {
      on: {
        SUBMIT_FOR_DECISION: { target: 'awaitingDecision', guard: 'allowed', actions: 'recordForcedStep' },
        CANCEL: { target: 'cancelled', guard: 'allowed', actions: 'recordCancellation' },
      },
    },
    awaitingDecision: {
      on: {
        RECORD_DECISION: [
          { target: 'followUp', guard: 'decisionAdopted' },
          { target: 'draftingPlan', guard: 'decisionReturned', actions: 'recordReturn' },
        ],
        CANCEL: { target: 'cancelled', guard: 'allowed', actions: 'recordCancellation' },
      },
    },
    followUp: {
      on: {
        CLOSE_ROUND: { target: 'closed', guard: 'allowed' },
        CANCEL: { target: 'cancelled', guard: 'allowed', actions: 'recordCancellation' },
      },
    },
    closed: { type: 'final' },
    cancelled: { type: 'final' },
  },
});

export type PlanRoundSnapshot = SnapshotFrom<typeof planRoundMachine>;

const isPlanRoundEventType = (value: string): value is PlanRoundEventType => (PLAN_ROUND_EVENT_TYPES as readonly string[]).includes(value);

/**
 * The events `state` accepts, in the order the machine declares them, read from the machine
 * definition itself (its transitions), so no list beside it can drift from it.
 */
export function eventsAcceptedIn(state: PlanRoundState): readonly PlanRoundEventType[] {
  return planRoundMachine.states[state].ownEvents.filter(isPlanRoundEventType);
}

/** The events each state handles: `eventsAcceptedIn` for every state, computed once. */
export const EVENTS_BY_STATE: Readonly<Record<PlanRoundState, readonly PlanRoundEventType[]>> = Object.fromEntries(
  PLAN_ROUND_STATES.map((state) => [state, eventsAcceptedIn(state)]),
) as Record<PlanRoundState, readonly PlanRoundEventType[]>;

export interface Verdict {
  allowed: boolean;
  reasons: string[];
}

export function isPlanRoundState(value: unknown): value is PlanRoundState {
  return typeof value === 'string' && (PLAN_ROUND_STATES as readonly string[]).includes(value);
}

function stateOf(snapshotOrState: PlanRoundState | { value: unknown }): PlanRoundState {
  const value = typeof snapshotOrState === 'string' ? snapshotOrState : snapshotOrState.value;
  if (!isPlanRoundState(value)) throw new Error(`Unknown plan-round state: ${JSON.stringify(value)}`);
  return value;
}

/** Whether `event` may be taken now, and if not, why (Swedish, for the UI). Agrees with `snapshot.can(event)`. */
export function evaluate(snapshotOrState: PlanRoundState | { value: unknown }, event: PlanRoundEvent): Verdict {
  const state = stateOf(snapshotOrState);
  if (state === 'closed') return { allowed: false, reasons: ['Planomgången är avslutad och kan inte ändras'] };
  if (state === 'cancelled') return { allowed: false, reasons: ['Planomgången är avbruten och kan inte ändras'] };
  if (!EVENTS_BY_STATE[state].includes(event.type)) {
    return { allowed: false, reasons: [`Steget är inte möjligt när planomgången är i läget ${PLAN_ROUND_STATE_LABELS[state]}`] };
  }
  const reasons = reasonsFor(event);
  return { allowed: reasons.length === 0, reasons };
}

export interface AvailableEvent extends Verdict {
  type: PlanRoundEventType;
  /** The step is blocked by the facts but may be forced with a written reason. */
  forcible: boolean;
}

/**
 * Every event meaningful in `state`, with whether the facts allow it now and why not. Input that the
 * person supplies with the step (a cancellation reason, a decision's outcome) is not judged here.
 */
export function availableEvents(snapshotOrState: PlanRoundState | { value: unknown }, facts: PlanRoundFacts): AvailableEvent[] {
  const state = stateOf(snapshotOrState);
  return EVENTS_BY_STATE[state].map((type) => {
    const reasons = factReasons(type, facts);
    return { type, allowed: reasons.length === 0, reasons, forcible: FORCIBLE_EVENTS.includes(type) };
  });
}

/** A snapshot as stored: the machine version it was made by, and `actor.getPersistedSnapshot()`. */
export interface PersistedPlanRound {
  machineVersion: number;
  snapshot: unknown;
}

/**
 * Returns a snapshot valid for the current machine version (version 1: the identity, after a shape check).
 * A future version adds its step here (`if (version === 1) { snapshot = v1ToV2(snapshot); version = 2; }`).
 */
export function migrateSnapshot(persisted: PersistedPlanRound): Snapshot<unknown> {
  const { machineVersion } = persisted;
  if (!Number.isInteger(machineVersion) || machineVersion < 1) {
    throw new Error(`Invalid plan-round machine version: ${String(machineVersion)}`);
  }
  if (machineVersion > PLAN_ROUND_MACHINE_VERSION) {
    throw new Error(`Plan-round snapshot is from machine version ${machineVersion}, newer than ${PLAN_ROUND_MACHINE_VERSION}`);
  }
  const snapshot = persisted.snapshot;
  // (version 1 is current: no steps yet)
  if (typeof snapshot !== 'object' || snapshot === null || !isPlanRoundState((snapshot as { value?: unknown }).value)) {
    throw new Error('Not a plan-round snapshot');
  }
  const context = (snapshot as { context?: unknown }).context;
  if (typeof context !== 'object' || context === null || !Array.isArray((context as PlanRoundContext).forcedSteps)) {
    throw new Error('Not a plan-round snapshot (context)');
  }
  return snapshot as Snapshot<unknown>;
}

export type StepResult =
  | { allowed: true; from: PlanRoundState; to: PlanRoundState; context: PlanRoundContext; persisted: PersistedPlanRound }
  | { allowed: false; from: PlanRoundState; reasons: string[] };

/**
 * What a service does per request, without I/O: restore (migrating) the stored snapshot, or start a new
 * round when there is none; check the event; send it; return the new persisted snapshot; stop the actor.
 */
export function applyPlanRoundEvent(persisted: PersistedPlanRound | null, event: PlanRoundEvent): StepResult {
  const actor = createActor(planRoundMachine, persisted ? { snapshot: migrateSnapshot(persisted) } : undefined);
  actor.start();
  try {
    const before = actor.getSnapshot();
    const from = stateOf(before);
    const verdict = evaluate(before, event);
    if (!verdict.allowed || !before.can(event)) {
      return { allowed: false, from, reasons: verdict.reasons.length > 0 ? verdict.reasons : ['Steget är inte möjligt'] };
    }
    actor.send(event);
    const after = actor.getSnapshot();
    return {
      allowed: true,
      from,
      to: stateOf(after),
      context: after.context,
      persisted: { machineVersion: PLAN_ROUND_MACHINE_VERSION, snapshot: actor.getPersistedSnapshot() },
    };
  } finally {
    actor.stop();
  }
}

/** A new round's stored form: the machine's initial snapshot (`preparing`), under the current version. */
export function initialPlanRoundSnapshot(): PersistedPlanRound {
  const actor = createActor(planRoundMachine);
  actor.start();
  try {
    return { machineVersion: PLAN_ROUND_MACHINE_VERSION, snapshot: actor.getPersistedSnapshot() };
  } finally {
    actor.stop();
  }
}

/** The workflow phases in order, as a timeline shows them (the final `cancelled` is not a phase). */
export const PLAN_ROUND_PHASES: readonly PlanRoundState[] = PLAN_ROUND_STATES.filter((state) => state !== 'cancelled');
