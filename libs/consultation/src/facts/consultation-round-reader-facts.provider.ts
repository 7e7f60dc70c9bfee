import { Injectable } from '@nestjs/common';
import { ProvidesRoundReaderFacts, RoundReaderFactsProvider } from '@samverka/rounds';

/**
 * A committee the plan was sent to on remiss reads the round (its page and the plan sent to it) even
 * when none of its departments takes part: the rounds whose remiss has been sent (now or in an earlier
 * sending) with one of these committees among its recipients. One select, nested in the rounds' own statement.
 */
@Injectable()
@ProvidesRoundReaderFacts(true)
export class ConsultationRoundReaderFacts implements RoundReaderFactsProvider {
  readonly roundsReadSql = `select cr.round_id
         from consultation_recipient cr join consultation c on c.round_id = cr.round_id
        where cr.committee_id = any($1) and (c.sent_at is not null or c.sending > 1)`;
}
