import { Injectable } from '@nestjs/common';
import { Principal, ProvidesTasks, SqlSelect, TaskDraft, TaskProvider } from '@samverka/kernel';
import { committeeResponsePath, consultationPath } from '../services/consultation.service';

/** The kinds of task the remiss creates. */
export const CONSULTATION_TASK_KINDS = {
  respond: 'consultation.respond',
  extensionPending: 'consultation.extension_pending',
} as const;

/** Each open remiss of a secretary's committees (sent, out on consultation, no current response): respond by its own reply date. */
@Injectable()
@ProvidesTasks(CONSULTATION_TASK_KINDS.respond)
export class ConsultationRespondTasks implements TaskProvider {
  appliesTo(p: Principal): boolean {
    return p.committeeSecretary.length > 0;
  }
  taskSelect(p: Principal): SqlSelect<TaskDraft> {
    type Row = { round_id: string; round_title: string; committee_id: string; committee_name: string; reply_by: string };
    return {
      sql: `select pr.id as round_id, pr.title as round_title, r.committee_id, k.name as committee_name, r.reply_by::text as reply_by
         from consultation_recipient r
         join consultation c on c.round_id = r.round_id and c.sent_at is not null
         join plan_round pr on pr.id = r.round_id and pr.state = 'consultation'
         join committee k on k.id = r.committee_id
        where r.committee_id = any($1::uuid[])
          and not exists (select 1 from consultation_response cr where cr.round_id = r.round_id and cr.committee_id = r.committee_id
                             and cr.status = 'submitted' and cr.superseded_at is null)
        order by r.reply_by, k.name, pr.id`,
      values: [p.committeeSecretary],
      rowsFrom: (rows) =>
        (rows as unknown as Row[]).map((r) => ({
          kind: CONSULTATION_TASK_KINDS.respond,
          title: `Lämna ${r.committee_name}s svar på remissen av ${r.round_title}`,
          dueOn: r.reply_by,
          href: committeeResponsePath(r.round_id, r.committee_id),
          roundId: r.round_id,
          committeeId: r.committee_id,
        })),
    };
  }
}

/** Each open extension request, for the strategists: approve or decline it. */
@Injectable()
@ProvidesTasks(CONSULTATION_TASK_KINDS.extensionPending)
export class ConsultationExtensionPendingTasks implements TaskProvider {
  appliesTo(p: Principal): boolean {
    return p.strategist;
  }
  taskSelect(): SqlSelect<TaskDraft> {
    type Row = { round_id: string; round_title: string; committee_id: string; committee_name: string };
    return {
      sql: `select pr.id as round_id, pr.title as round_title, e.committee_id, k.name as committee_name
         from consultation_extension e
         join plan_round pr on pr.id = e.round_id and pr.state = 'consultation'
         join committee k on k.id = e.committee_id
        where e.status = 'requested'
        order by e.requested_at, e.id`,
      values: [],
      rowsFrom: (rows) =>
        (rows as unknown as Row[]).map((r) => ({
          kind: CONSULTATION_TASK_KINDS.extensionPending,
          title: `Avgör ${r.committee_name}s begäran om anstånd med remissvaret till ${r.round_title}`,
          dueOn: null,
          href: consultationPath(r.round_id),
          roundId: r.round_id,
          committeeId: r.committee_id,
        })),
    };
  }
}

export const CONSULTATION_SEND_TASK_PROVIDERS = [ConsultationRespondTasks, ConsultationExtensionPendingTasks];
