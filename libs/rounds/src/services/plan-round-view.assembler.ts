import { LocalDate } from '@samverka/kernel';
import { availableEvents, isPlanRoundState, PLAN_ROUND_FINAL_STATES, PLAN_ROUND_EVENT_LABELS, PLAN_ROUND_STATE_LABELS, PlanRoundContext, PlanRoundState } from '@samverka/workflow';
import { DEADLINE_LABELS, deadlineOf, PHASE_DEADLINE } from '../deadlines';
import { PlanRoundEventEntity } from '../entities/plan-round-event.entity';
import { PlanRoundEntity } from '../entities/plan-round.entity';
import { LoadedFacts } from '../facts/plan-round-facts.loader';
import type { ParticipantProgress, ParticipantSubmissionStatus } from '../facts/round-fact-provider';
import { AreaInput, DeadlineView, EndingAssignmentView, ParticipantSubmissionView, PlanRoundSummary, PlanRoundView, RoundDeadlines } from '../plan-round.model';

/** A coordinator of a participant, as the view lists them (the active assignments today). */
export interface CoordinatorOfParticipant {
  departmentId: string;
  personId: string;
  name: string;
  kind: 'primary' | 'deputy';
  /** The assignment's last day (null: open-ended). */
  validTo?: LocalDate | null;
}

/** Everything the view is built from, loaded by the query service. */
export interface PlanRoundViewSource {
  round: PlanRoundEntity;
  loaded: LoadedFacts;
  coordinators: readonly CoordinatorOfParticipant[];
  /** The DEADLINE_REACHED entries of the round's history. */
  deadlinesReached: ReadonlyArray<Pick<PlanRoundEventEntity, 'deadline' | 'deadlineDate' | 'occurredAt'>>;
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

const HANDED_IN: readonly ParticipantSubmissionStatus[] = ['submitted', 'endorsed', 'nothingToReport'];

/** A participant's submission as the view shows it; `overdue`: needs are collected and the deadline has passed. */
export function submissionOf(progress: ParticipantProgress | undefined, overdue: boolean): ParticipantSubmissionView {
  const status = progress?.status ?? 'draft';
  return {
    status,
    late: (progress?.late ?? false) || (overdue && !HANDED_IN.includes(status)),
    needCount: progress?.needCount ?? 0,
    submittedAt: status === 'draft' ? null : (progress?.submittedAt ?? null),
    submittedBy: status === 'draft' ? null : (progress?.submittedBy ?? null),
    endorsedAt: status === 'endorsed' ? (progress?.endorsedAt ?? null) : null,
    endorsedBy: status === 'endorsed' ? (progress?.endorsedBy ?? null) : null,
    returnedAt: status === 'returned' ? (progress?.returnedAt ?? null) : null,
    returnedBy: status === 'returned' ? (progress?.returnedBy ?? null) : null,
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
      submission: submissionOf(loaded.progress.get(p.departmentId), state === 'collectingNeeds' && today > round.needsDeadline),
    })),
    events: availableEvents(state, facts).map((e) => ({ ...e, label: PLAN_ROUND_EVENT_LABELS[e.type] })),
    forcedSteps: context?.forcedSteps ?? [],
    returns: context?.returns ?? [],
    cancellation: context?.cancellation ?? null,
    today,
    assignmentsEnding: PLAN_ROUND_FINAL_STATES.includes(state) ? [] : assignmentsEndingBefore(roundDeadlinesOf(round), participants, coordinators, today),
  };
}

/**
 * The coordinators' assignments (valid today) that end before a deadline of the round still ahead:
 * which department, whose, the last day, and the first deadline after it. Flagged when the round is
 * launched, so that a department is not left without a coordinator halfway through the round.
 */
export function assignmentsEndingBefore(
  deadlines: RoundDeadlines,
  participants: ReadonlyArray<{ departmentId: string; name: string }>,
  coordinators: readonly CoordinatorOfParticipant[],
  today: LocalDate,
): EndingAssignmentView[] {
  const ahead = (['needs', 'consultationReply', 'decision'] as const)
    .flatMap((kind) => (deadlines[kind] !== null && deadlines[kind]! >= today ? [{ kind, label: DEADLINE_LABELS[kind], date: deadlines[kind]! }] : []))
    .sort((a, b) => a.date.localeCompare(b.date));
  const names = new Map(participants.map((p) => [p.departmentId, p.name]));
  return coordinators
    .flatMap((c): EndingAssignmentView[] => {
      const endsOn = c.validTo ?? null;
      const missed = endsOn === null ? undefined : ahead.find((d) => d.date > endsOn);
      if (endsOn === null || !missed || !names.has(c.departmentId)) return [];
      return [{ departmentId: c.departmentId, departmentName: names.get(c.departmentId)!, personName: c.name, kind: c.kind, endsOn, deadline: missed }];
    })
    .sort((a, b) => a.endsOn.localeCompare(b.endsOn) || a.departmentName.localeCompare(b.departmentName, 'sv'));
}
