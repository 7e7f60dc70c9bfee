import type { RoundBasics } from '@samverka/rounds';
import { EDITABLE_STATUSES, SubmissionStatus } from '../entities/needs-submission.entity';
import { NeedsError, NeedsErrorCode } from '../needs.exception';

/**
 * Needs change only while the round collects needs and the department has
 * not handed in (or was returned): the refusal when they cannot, else null.
 * The services refuse with it; a page asks it before offering a change.
 */
export function needsChangeRefusal(round: Pick<RoundBasics, 'state'>, status: SubmissionStatus): NeedsError | null {
  if (round.state !== 'collectingNeeds') {
    return new NeedsError(NeedsErrorCode.ROUND_NOT_COLLECTING, 'Planomgången tar inte emot behov just nu', { state: round.state });
  }
  if (!EDITABLE_STATUSES.includes(status)) {
    return new NeedsError(NeedsErrorCode.SUBMISSION_NOT_EDITABLE, 'Förvaltningens behov är inlämnade och kan inte ändras om inte förvaltningsledningen skickar tillbaka dem', { status });
  }
  return null;
}
