import { LocalDate } from '@samverka/kernel';
import { PlanRoundState } from '@samverka/workflow';
import { DeadlineKind } from './entities/plan-round-event.entity';
import { PlanRoundEntity } from './entities/plan-round.entity';

export const DEADLINE_LABELS: Record<DeadlineKind, string> = {
  needs: 'Sista dag för behov',
  consultationReply: 'Sista dag för remissvar',
  decision: 'Planerat beslut',
};

/** The deadline that closes each phase (the other phases have none). */
export const PHASE_DEADLINE: Partial<Record<PlanRoundState, DeadlineKind>> = {
  collectingNeeds: 'needs',
  consultation: 'consultationReply',
  compilingResponses: 'decision',
  awaitingDecision: 'decision',
};

/** The deadline ahead when a round enters a phase (drafting works towards the consultation's reply date). */
export const NEXT_DEADLINE: Partial<Record<PlanRoundState, DeadlineKind>> = { ...PHASE_DEADLINE, draftingPlan: 'consultationReply' };

export function deadlineOf(round: Pick<PlanRoundEntity, 'needsDeadline' | 'consultationReplyDeadline' | 'decisionDeadline'>, kind: DeadlineKind): LocalDate | null {
  return kind === 'needs' ? round.needsDeadline : kind === 'consultationReply' ? round.consultationReplyDeadline : round.decisionDeadline;
}
