import { Injectable } from '@nestjs/common';
import { LocalDate } from '@samverka/kernel';
import { PlanRoundFacts } from '@samverka/workflow';
import { PlanRoundEntity } from '../entities/plan-round.entity';
import { ParticipantRow, PlanRoundRepository } from '../repositories/plan-round.repository';
import { ParticipantProgress } from './round-fact-provider';
import { RoundFactProviders } from './round-fact-providers';

/**
 * The facts a round's guards judge today. The plan's last frozen version comes from the plan context
 * (null: none), the prepared remiss and its responses from the consultation context (null: none).
 */
export type RoundFacts = Omit<PlanRoundFacts, 'planVersion' | 'consultation' | 'consultationPrepared'> & {
  planVersion: PlanRoundFacts['planVersion'];
  consultation: PlanRoundFacts['consultation'];
  consultationPrepared: PlanRoundFacts['consultationPrepared'];
};

export interface LoadedFacts {
  facts: RoundFacts;
  participants: ParticipantRow[];
  /** Each participating department's submission (by department id), as the needs context reads it in one query. */
  progress: ReadonlyMap<string, ParticipantProgress>;
}

/** Loads what the workflow's guards judge, for one round, today: its own dates and participants, and the facts the other contexts provide. */
@Injectable()
export class PlanRoundFactsLoader {
  constructor(
    private readonly rounds: PlanRoundRepository,
    private readonly providers: RoundFactProviders,
  ) {}

  async load(round: PlanRoundEntity, today: LocalDate): Promise<LoadedFacts> {
    const participants = await this.rounds.participantsOf(round.id);
    const progress = await this.providers.of('needs').factsOf(round.id);
    const planVersion = await this.providers.of('plan').factsOf(round.id);
    const consultation = await this.providers.of('consultation').factsOf(round.id);
    const proposals = await this.providers.of('proposals').factsOf(round.id);
    return {
      participants,
      progress,
      facts: {
        today,
        deadlines: { needs: round.needsDeadline, consultationReply: round.consultationReplyDeadline, decision: round.decisionDeadline },
        participants: participants.map((p) => ({
          name: p.name,
          submitted: progress.get(p.departmentId)?.submitted ?? false,
          nothingToReport: progress.get(p.departmentId)?.nothingToReport ?? false,
        })),
        planVersion,
        consultation: consultation ? { recipients: consultation.recipients, responses: consultation.responses } : null,
        consultationPrepared: consultation ? { planVersion: consultation.planVersion } : null,
        proposals,
      },
    };
  }
}
