import { Injectable } from '@nestjs/common';
import { LocalDate } from '@samverka/kernel';
import { PlanRoundFacts } from '@samverka/workflow';
import { PlanRoundEntity } from '../entities/plan-round.entity';
import { ParticipantRow, PlanRoundRepository } from '../repositories/plan-round.repository';

export interface LoadedFacts {
  facts: PlanRoundFacts;
  participants: ParticipantRow[];
}

/** How far a participating department has come with its needs (from the needs context). */
export interface ParticipantProgress {
  submitted: boolean;
  nothingToReport: boolean;
}

/** A context that knows each participant's progress in a round (one set-based query per round). */
export interface ParticipantProgressSource {
  progressOf(roundId: string): Promise<Map<string, ParticipantProgress>>;
}

/**
 * Loads what the workflow's guards judge, for one round, today. Needs submissions, plan versions
 * and consultation replies belong to their own contexts, which depend on this one; each registers
 * its source here when its module starts (so this library never imports them). A fact no context
 * has registered is what it is: nothing submitted, no plan version, no consultation sent, and the
 * guards say so in their reasons.
 */
@Injectable()
export class PlanRoundFactsLoader {
  private progress: ParticipantProgressSource | null = null;

  constructor(private readonly rounds: PlanRoundRepository) {}

  /** The needs context registers where submissions are (once, at start). */
  provideParticipantProgress(source: ParticipantProgressSource): void {
    this.progress = source;
  }

  async load(round: PlanRoundEntity, today: LocalDate): Promise<LoadedFacts> {
    const participants = await this.rounds.participantsOf(round.id);
    const progress = this.progress ? await this.progress.progressOf(round.id) : new Map<string, ParticipantProgress>();
    return {
      participants,
      facts: {
        today,
        deadlines: { needs: round.needsDeadline, consultationReply: round.consultationReplyDeadline, decision: round.decisionDeadline },
        participants: participants.map((p) => ({
          name: p.name,
          submitted: progress.get(p.departmentId)?.submitted ?? false,
          nothingToReport: progress.get(p.departmentId)?.nothingToReport ?? false,
        })),
        planVersion: null,
        consultation: null,
      },
    };
  }
}
