import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@samverka/database';
import { ProvidesRoundFacts, RoundFactProvider } from '@samverka/rounds';

/**
 * The round's "proposals" facts: how many proposals of the committees' current (submitted, not
 * superseded) responses no strategist has triaged yet; SUBMIT_FOR_DECISION is refused unless it is
 * nought (or forced with a written reason). One statement.
 */
@Injectable()
@ProvidesRoundFacts('proposals')
export class ProposalsRoundFacts implements RoundFactProvider<'proposals'> {
  constructor(private readonly tx: TransactionHost) {}

  async factsOf(roundId: string): Promise<{ untriaged: number }> {
    const rows: Array<{ untriaged: number }> = await this.tx.manager.query(
      `select count(*)::int as untriaged
         from consultation_proposal p
         join consultation_response r on r.id = p.response_id
        where p.round_id = $1 and p.triage_decision is null and r.status = 'submitted' and r.superseded_at is null`,
      [roundId],
    );
    return { untriaged: rows[0]?.untriaged ?? 0 };
  }
}
