import { Injectable } from '@nestjs/common';
import { Principal, ProvidesTasks, SqlSelect, TaskDraft, TaskProvider } from '@samverka/kernel';

export const TRIAGE_TASK_KIND = 'consultation.triage';

/** The compilation page of a round (sammanställningen), where proposals are triaged. */
export function compilationPath(roundId: string): string {
  return `/planomgangar/${roundId}/remiss/sammanstallning`;
}

/** One task per round (in consultation, compiling or awaiting the decision) with untriaged proposals of current responses, for the strategists. */
@Injectable()
@ProvidesTasks(TRIAGE_TASK_KIND)
export class TriageTasks implements TaskProvider {
  appliesTo(p: Principal): boolean {
    return p.strategist;
  }
  taskSelect(): SqlSelect<TaskDraft> {
    type Row = { round_id: string; round_title: string; untriaged: number };
    return {
      sql: `select r.id as round_id, r.title as round_title, count(*)::int as untriaged
         from plan_round r
         join consultation_proposal p on p.round_id = r.id and p.triage_decision is null
         join consultation_response s on s.id = p.response_id and s.status = 'submitted' and s.superseded_at is null
        where r.state in ('consultation', 'compilingResponses', 'awaitingDecision')
        group by r.id, r.title
        order by r.title, r.id`,
      values: [],
      rowsFrom: (rows) =>
        (rows as unknown as Row[]).map((r) => ({
          kind: TRIAGE_TASK_KIND,
          title: `${r.untriaged} förslag att behandla i remissvaren för ${r.round_title}`,
          dueOn: null,
          href: compilationPath(r.round_id),
          roundId: r.round_id,
        })),
    };
  }
}
