import { Injectable } from '@nestjs/common';
import { JsonRow, ProvidesRoundFacts, RoundFactProvider } from '@samverka/rounds';

/**
 * The round's "proposals" facts: how many proposals of the committees' current (submitted, not
 * superseded) responses no strategist has triaged yet; SUBMIT_FOR_DECISION is refused unless it is
 * nought (or forced with a written reason). One select, which the rounds nest in their own statement.
 */
@Injectable()
@ProvidesRoundFacts('proposals')
export class ProposalsRoundFacts implements RoundFactProvider<'proposals'> {
  readonly factsSql = `select count(*)::int as untriaged
         from consultation_proposal p
         join consultation_response r on r.id = p.response_id
        where p.round_id = $1 and p.triage_decision is null and r.status = 'submitted' and r.superseded_at is null`;

  factsFrom(rows: readonly JsonRow[]): { untriaged: number } {
    return { untriaged: Number(rows[0]?.untriaged ?? 0) };
  }
}
