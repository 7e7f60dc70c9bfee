import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@samverka/database';
import { LocalDate } from '@samverka/kernel';

/** A recipient of a remiss out on consultation that has not responded, with what its reminder says. */
export interface UnansweredRecipientRow {
  roundId: string;
  roundTitle: string;
  caseNumber: string;
  committeeId: string;
  committeeName: string;
  replyBy: LocalDate;
  /** The active departments under the committee (their coordinators are reminded too). */
  departmentIds: string[];
  /** The committee's secretaries. */
  secretaries: Array<{ personId: string; name: string; email: string }>;
}

@Injectable()
export class ConsultationReminderRepository {
  constructor(private readonly tx: TransactionHost) {}

  /**
   * Every recipient of a round in consultation whose own reply date is on or before `replyBy` and that
   * has no current submitted response (a decline counts as one), with its departments and secretaries.
   * One query over the state index and the recipients' and responses' keys.
   */
  async findUnansweredRecipients(replyBy: LocalDate): Promise<UnansweredRecipientRow[]> {
    const rows: Array<{
      round_id: string;
      round_title: string;
      case_number: string;
      committee_id: string;
      committee_name: string;
      reply_by: string;
      department_ids: string[];
      secretaries: Array<{ personId: string; name: string; email: string }>;
    }> = await this.tx.manager.query(
      `select pr.id as round_id, pr.title as round_title, pr.case_number, r.committee_id, k.name as committee_name, r.reply_by::text as reply_by,
              coalesce((select array_agg(d.id order by d.name) from department d where d.committee_id = r.committee_id and d.active), '{}') as department_ids,
              coalesce((select json_agg(json_build_object('personId', p.id, 'name', p.name, 'email', p.email) order by p.name)
                          from role_grant g join app_user u on u.id = g.user_id and u.disabled_at is null join person p on p.id = u.person_id
                         where g.committee_id = r.committee_id and g.role = 'committee_secretary' and g.revoked_at is null), '[]') as secretaries
         from plan_round pr
         join consultation c on c.round_id = pr.id and c.sent_at is not null
         join consultation_recipient r on r.round_id = c.round_id
         join committee k on k.id = r.committee_id
        where pr.state = 'consultation'
          and r.reply_by <= $1::date
          and not exists (select 1 from consultation_response cr where cr.round_id = r.round_id and cr.committee_id = r.committee_id
                             and cr.status = 'submitted' and cr.superseded_at is null)
        order by r.reply_by, pr.id, k.name, k.id`,
      [replyBy],
    );
    return rows.map((r) => ({
      roundId: r.round_id,
      roundTitle: r.round_title,
      caseNumber: r.case_number,
      committeeId: r.committee_id,
      committeeName: r.committee_name,
      replyBy: r.reply_by,
      departmentIds: r.department_ids,
      secretaries: r.secretaries,
    }));
  }
}
