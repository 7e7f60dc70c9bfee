import { Injectable } from '@nestjs/common';
import { PlanQueryService } from '@samverka/plan';
import { PlanRoundQueryService } from '@samverka/rounds';
import { DECISION_OUTCOME_LABELS, PlanDecisionView } from '../decision.model';
import { PlanDecisionRepository } from '../repositories/plan-decision.repository';

/** Reads the executive board's decisions on a round's plan. */
@Injectable()
export class DecisionQueryService {
  constructor(
    private readonly decisions: PlanDecisionRepository,
    private readonly rounds: PlanRoundQueryService,
    private readonly plans: PlanQueryService,
  ) {}

  /** The plan version a decision on the round decides on: the one the remiss sent, or else the latest frozen one (null: none frozen). */
  async versionToDecide(roundId: string): Promise<number | null> {
    return (await this.decisions.consultedPlanVersion(roundId)) ?? (await this.plans.latestVersionNumber(roundId));
  }

  /** The round's decisions, newest first (404 when the round does not exist). */
  async decisionsOf(roundId: string): Promise<PlanDecisionView[]> {
    await this.rounds.basics(roundId);
    return (await this.decisions.decisionsOf(roundId)).map((d) => ({
      id: d.id,
      outcome: d.outcome,
      outcomeLabel: DECISION_OUTCOME_LABELS[d.outcome],
      decidedOn: d.decidedOn,
      body: d.body,
      minuteReference: d.minuteReference,
      reason: d.reason,
      planVersion: d.planVersion,
      recordedBy: d.recordedByName,
      recordedAt: d.recordedAt,
    }));
  }
}
