import { Injectable } from '@nestjs/common';
import { ParticipantProgress, ProvidesRoundFacts, RoundFactProvider } from '@samverka/rounds';
import { SUBMISSION_STATUS_LABELS } from '../needs.vocabulary';
import { SubmissionRepository } from '../repositories/submission.repository';

/**
 * The round's "needs" facts: how far each participating department has come with its needs
 * (the workflow's close-needs guard reads them). Handed in, or endorsed, counts as submitted.
 */
@Injectable()
@ProvidesRoundFacts('needs')
export class NeedsRoundFacts implements RoundFactProvider<'needs'> {
  constructor(private readonly submissions: SubmissionRepository) {}

  async factsOf(roundId: string): Promise<ReadonlyMap<string, ParticipantProgress>> {
    const statuses = await this.submissions.statusesOf(roundId);
    return new Map(
      [...statuses].map(([departmentId, status]) => [departmentId, { submitted: status === 'submitted' || status === 'endorsed', nothingToReport: status === 'nothingToReport', statusLabel: SUBMISSION_STATUS_LABELS[status] }]),
    );
  }
}
