import { Injectable } from '@nestjs/common';
import { actorName, SYSTEM_ACTOR_NAME } from '@samverka/audit';
import { ParticipantProgress, ProvidesRoundFacts, RoundFactProvider } from '@samverka/rounds';
import { SUBMISSION_STATUS_LABELS } from '../needs.vocabulary';
import { RoundProgressRepository } from '../repositories/round-progress.repository';

/**
 * The round's "needs" facts: how far each participating department has come with its needs (the
 * workflow's close-needs guard reads them; the round page shows them). Handed in, or endorsed,
 * counts as submitted. One query for the whole round.
 */
@Injectable()
@ProvidesRoundFacts('needs')
export class NeedsRoundFacts implements RoundFactProvider<'needs'> {
  constructor(private readonly progress: RoundProgressRepository) {}

  async factsOf(roundId: string): Promise<ReadonlyMap<string, ParticipantProgress>> {
    const rows = await this.progress.progressOf(roundId);
    // A step without a person (demo seeding, the system) is named by the system's label.
    const who = (at: Date | null, name: string | null) => (at === null ? null : (name ?? SYSTEM_ACTOR_NAME));
    return new Map(
      rows.map((r) => [
        r.departmentId,
        {
          submitted: r.status === 'submitted' || r.status === 'endorsed',
          nothingToReport: r.status === 'nothingToReport',
          status: r.status,
          statusLabel: SUBMISSION_STATUS_LABELS[r.status],
          late: r.late,
          needCount: r.needCount,
          submittedAt: r.submittedAt,
          submittedBy: who(r.submittedAt, r.submittedByName),
          endorsedAt: r.endorsedAt,
          endorsedBy: who(r.endorsedAt, r.endorsedByName),
          returnedAt: r.returnedAt,
          returnedBy: r.returnedAt === null ? null : r.returnedByLabel === null ? SYSTEM_ACTOR_NAME : actorName({ actorId: r.returnedById, actorLabel: r.returnedByLabel }),
        },
      ]),
    );
  }
}
