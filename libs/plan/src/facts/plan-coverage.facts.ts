import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@samverka/database';
import { PlanCoverageFact, PlanCoverageFactsProvider, ProvidesPlanCoverageFacts } from '@samverka/needs';

/**
 * What the plan tells the needs analysis (its gap "area or channel without a plan item"), in one
 * statement: the areas with an item in the draft, and the channels of the handed-in needs the draft's
 * items answer. Null while the round has no plan.
 */
@Injectable()
@ProvidesPlanCoverageFacts(true)
export class PlanNeedsCoverageFacts implements PlanCoverageFactsProvider {
  constructor(private readonly tx: TransactionHost) {}

  async coverageOf(roundId: string): Promise<PlanCoverageFact | null> {
    const rows: Array<{ areas: string[]; channels: string[] }> = await this.tx.manager.query(
      `select array(select distinct i.area_code from plan_item i where i.round_id = p.round_id order by 1) as areas,
              array(select distinct c
                      from plan_item i
                      join plan_item_need l on l.item_id = i.id
                      join need n on n.id = l.need_id
                      join needs_submission s on s.round_id = n.round_id and s.department_id = n.department_id and s.status in ('submitted', 'endorsed')
                      cross join unnest(n.channels) c
                     where i.round_id = p.round_id order by 1) as channels
         from plan p where p.round_id = $1`,
      [roundId],
    );
    const row = rows[0];
    return row ? { areasWithItems: row.areas, answeredChannels: row.channels } : null;
  }
}
