import { LocalDate } from '@samverka/kernel';
import { availableEvents, isPlanRoundState, PLAN_ROUND_EVENT_LABELS, PLAN_ROUND_STATE_LABELS, PlanRoundContext, PlanRoundState } from '@samverka/workflow';
import { DEADLINE_LABELS, deadlineOf, PHASE_DEADLINE } from '../deadlines';
import { PlanRoundEventEntity } from '../entities/plan-round-event.entity';
import { PlanRoundEntity } from '../entities/plan-round.entity';
import { LoadedFacts } from '../facts/plan-round-facts.loader';
import { AreaInput, DeadlineView, PlanRoundSummary, PlanRoundView, RoundDeadlines } from '../plan-round.model';

/** A coordinator of a participant, as the view lists them (the active assignments today). */
export interface CoordinatorOfParticipant {
  departmentId: string;
  personId: string;
  name: string;
  kind: 'primary' | 'deputy';
}

/** Everything the view is built from, loaded by the query service. */
export interface PlanRoundViewSource {
  round: PlanRoundEntity;
  loaded: LoadedFacts;
  coordinators: readonly CoordinatorOfParticipant[];
  /** The DEADLINE_REACHED entries of the round's history. */
  deadlinesReached: readonly PlanRoundEventEntity[];
  today: LocalDate;
}

export function roundStateOf(round: Pick<PlanRoundEntity, 'id' | 'state'>): PlanRoundState {
  if (!isPlanRoundState(round.state)) throw new Error(`Round ${round.id} has an unknown state ${round.state}`);
  return round.state;
}

export function roundDeadlinesOf(round: Pick<PlanRoundEntity, 'needsDeadline' | 'consultationReplyDeadline' | 'decisionDeadline'>): RoundDeadlines {
  return { needs: round.needsDeadline, consultationReply: round.consultationReplyDeadline, decision: round.decisionDeadline };
}

export function roundAreasOf(round: Pick<PlanRoundEntity, 'areas'>): AreaInput[] {
  return (round.areas ?? []).map((a) => ({ code: a.code, name: a.name }));
}

/** The deadline of the phase the round is in, if it has one, and whether today is past it. */
export function currentDeadline(round: PlanRoundEntity, today: LocalDate): DeadlineView | null {
  const kind = PHASE_DEADLINE[roundStateOf(round)];
  const date = kind ? deadlineOf(round, kind) : null;
  return kind && date ? { kind, label: DEADLINE_LABELS[kind], date, passed: today > date } : null;
}

/** A round as the list shows it. */
export function assemblePlanRoundSummary(round: PlanRoundEntity, today: LocalDate): PlanRoundSummary {
  const state = roundStateOf(round);
  return {
    id: round.id,
    title: round.title,
    year: round.year,
    caseNumber: round.caseNumber,
    state,
    stateLabel: PLAN_ROUND_STATE_LABELS[state],
    version: round.version,
    deadlines: roundDeadlinesOf(round),
    currentDeadline: currentDeadline(round, today),
    createdAt: round.createdAt,
    updatedAt: round.updatedAt,
  };
}

/**
 * The round as its page and the API show it (pure): state, deadlines, participants with their
 * coordinators and progress, and the steps the machine accepts now with the facts' reasons.
 */
export function assemblePlanRoundView({ round, loaded, coordinators, deadlinesReached, today }: PlanRoundViewSource): PlanRoundView {
  const state = roundStateOf(round);
  const { facts, participants } = loaded;
  const context = (round.snapshot as { context?: PlanRoundContext } | null)?.context;
  return {
    ...assemblePlanRoundSummary(round, today),
    machineVersion: round.machineVersion,
    autoClose: { needs: round.autoCloseNeeds, consultation: round.autoCloseConsultation },
    deadlinesReached: deadlinesReached.map((e) => ({ kind: e.deadline!, label: DEADLINE_LABELS[e.deadline!], date: e.deadlineDate!, recordedAt: e.occurredAt })),
    areas: roundAreasOf(round),
    participants: participants.map((p, i) => ({
      ...p,
      coordinators: coordinators.filter((c) => c.departmentId === p.departmentId).map((c) => ({ personId: c.personId, name: c.name, kind: c.kind })),
      submitted: facts.participants?.[i]?.submitted ?? false,
      nothingToReport: facts.participants?.[i]?.nothingToReport ?? false,
    })),
    events: availableEvents(state, facts).map((e) => ({ ...e, label: PLAN_ROUND_EVENT_LABELS[e.type] })),
    forcedSteps: context?.forcedSteps ?? [],
    returns: context?.returns ?? [],
    cancellation: context?.cancellation ?? null,
    today,
  };
}
