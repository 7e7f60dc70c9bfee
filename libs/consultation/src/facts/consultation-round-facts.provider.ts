import { Injectable } from '@nestjs/common';
import { ConsultationFact, JsonRow, ProvidesRoundFacts, RoundFactProvider } from '@samverka/rounds';

/**
 * The round's "consultation" facts: the prepared remiss's plan version (SEND_FOR_CONSULTATION sends
 * it only for the last frozen version), its recipients and how many have a current submitted
 * response, declines included (an unforced CLOSE_CONSULTATION waits for all). Null when no remiss is
 * prepared, and when the remiss was sent and the plan returned (it must be prepared again, for the
 * next sending, before it is sent again). One select, which the rounds nest in their own statement.
 */
@Injectable()
@ProvidesRoundFacts('consultation')
export class ConsultationRoundFacts implements RoundFactProvider<'consultation'> {
  readonly factsSql = `select c.plan_version,
              (select count(*)::int from consultation_recipient r where r.round_id = c.round_id) as recipients,
              (select count(*)::int from consultation_recipient r
                where r.round_id = c.round_id
                  and exists (select 1 from consultation_response cr
                               where cr.round_id = r.round_id and cr.committee_id = r.committee_id and cr.status = 'submitted' and cr.superseded_at is null)) as responses
         from consultation c
        where c.round_id = $1
          -- a remiss sent before, in a round drafting its plan again (returned): not prepared until prepared again
          and not (c.sent_at is not null and exists (select 1 from plan_round pr where pr.id = c.round_id and pr.state = 'draftingPlan'))`;

  factsFrom(rows: readonly JsonRow[]): ConsultationFact | null {
    const row = rows[0];
    return row ? { planVersion: Number(row.plan_version), recipients: Number(row.recipients), responses: Number(row.responses) } : null;
  }
}
