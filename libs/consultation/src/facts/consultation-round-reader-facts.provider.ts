import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@samverka/database';
import { ProvidesRoundReaderFacts, RoundReaderFactsProvider } from '@samverka/rounds';

/**
 * A committee the plan was sent to on remiss reads the round (its page and the plan sent to it) even
 * when none of its departments takes part: the rounds whose remiss has been sent (now or in an earlier
 * sending) with one of these committees among its recipients. One statement.
 */
@Injectable()
@ProvidesRoundReaderFacts(true)
export class ConsultationRoundReaderFacts implements RoundReaderFactsProvider {
  constructor(private readonly tx: TransactionHost) {}

  async roundsReadByCommittees(committeeIds: readonly string[]): Promise<string[]> {
    const rows: Array<{ round_id: string }> = await this.tx.manager.query(
      `select distinct r.round_id
         from consultation_recipient r join consultation c on c.round_id = r.round_id
        where r.committee_id = any($1::uuid[]) and (c.sent_at is not null or c.sending > 1)`,
      [committeeIds],
    );
    return rows.map((r) => r.round_id);
  }
}
