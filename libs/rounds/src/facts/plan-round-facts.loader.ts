import { Injectable } from '@nestjs/common';
import { LocalDate } from '@samverka/kernel';
import { PlanRoundFacts } from '@samverka/workflow';
import { PlanRoundEntity } from '../entities/plan-round.entity';
import { ParticipantRow } from '../repositories/plan-round.repository';
import { RoundSource, RoundViewRepository } from '../repositories/round-view.repository';
import { ParticipantProgress } from './round-fact-provider';

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

/** What the workflow's guards judge, for one round, today: its own dates and participants, and the facts the other contexts provide. */
export function loadedFactsOf(source: Pick<RoundSource, 'round' | 'participants' | 'facts'>, today: LocalDate): LoadedFacts {
  const { round, participants } = source;
  const { needs: progress, plan: planVersion, consultation, proposals } = source.facts;
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

/** Loads a round's facts (one statement: the round's source, `RoundViewRepository`). */
@Injectable()
export class PlanRoundFactsLoader {
  constructor(private readonly sources: RoundViewRepository) {}

  /** The round's facts today, as stored now (null: no such round). */
  async load(roundId: string, today: LocalDate): Promise<(LoadedFacts & { round: PlanRoundEntity }) | null> {
    const source = await this.sources.sourceOf(roundId, today);
    return source ? { round: source.round, ...loadedFactsOf(source, today) } : null;
  }
}
