import { Injectable } from '@nestjs/common';
import { LocalDate } from '@samverka/kernel';
import { PlanRoundFacts } from '@samverka/workflow';
import { PlanRoundEntity } from '../entities/plan-round.entity';
import { ParticipantRow, PlanRoundRepository } from '../repositories/plan-round.repository';

export interface LoadedFacts {
  facts: PlanRoundFacts;
  participants: ParticipantRow[];
}

/**
 * Loads what the workflow's guards judge, for one round, today. Needs submissions, plan versions
 * and consultation replies belong to their own contexts (needs, plan, consultation); each adds its
 * facts here. Until a context records anything for the round the fact is what it is: nothing
 * submitted, no plan version, no consultation sent, and the guards say so in their reasons.
 */
@Injectable()
export class PlanRoundFactsLoader {
  constructor(private readonly rounds: PlanRoundRepository) {}

  async load(round: PlanRoundEntity, today: LocalDate): Promise<LoadedFacts> {
    const participants = await this.rounds.participantsOf(round.id);
    return {
      participants,
      facts: {
        today,
        deadlines: { needs: round.needsDeadline, consultationReply: round.consultationReplyDeadline, decision: round.decisionDeadline },
        participants: participants.map((p) => ({ name: p.name, submitted: false })),
        planVersion: null,
        consultation: null,
      },
    };
  }
}
