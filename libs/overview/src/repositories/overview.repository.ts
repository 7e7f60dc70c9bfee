import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@samverka/database';
import type { LocalDate } from '@samverka/kernel';
import type { CoverageRow, OverdueEntry, OverdueKind, OverviewScope } from '../overview.model';

export interface OpenRoundRow {
  id: string;
  title: string;
  year: number;
  state: string;
  needs: LocalDate;
  consultationReply: LocalDate | null;
  decision: LocalDate | null;
  participants: number;
}

/**
 * The city overview's reads: three set-based statements whatever the number of departments or
 * rounds — the open rounds, everything overdue in them (one union), and the coordinator coverage.
 * The scope is applied in SQL: `all`, or the departments given (and, for consultation responses, the
 * committees those departments serve).
 */
@Injectable()
export class OverviewRepository {
  constructor(private readonly tx: TransactionHost) {}

  /** Rounds neither closed nor cancelled, in which (unless `all`) one of the departments takes part. */
  async openRounds(scope: OverviewScope): Promise<OpenRoundRow[]> {
    const rows: Array<{ id: string; title: string; year: number; state: string; needs: string; reply: string | null; decision: string | null; participants: string }> = await this.tx.manager.query(
      `select r.id, r.title, r.year, r.state,
              to_char(r.needs_deadline, 'YYYY-MM-DD') as needs,
              to_char(r.consultation_reply_deadline, 'YYYY-MM-DD') as reply,
              to_char(r.decision_deadline, 'YYYY-MM-DD') as decision,
              (select count(*) from plan_round_participant pp where pp.round_id = r.id) as participants
         from plan_round r
        where r.state not in ('closed', 'cancelled')
          and ($1::boolean or exists (select 1 from plan_round_participant pp where pp.round_id = r.id and pp.department_id = any($2::uuid[])))
        order by r.year, r.created_at`,
      [scope.all, scope.departmentIds],
    );
    return rows.map((r) => ({ id: r.id, title: r.title, year: r.year, state: r.state, needs: r.needs, consultationReply: r.reply, decision: r.decision, participants: Number(r.participants) }));
  }

  /**
   * Everything owed after its deadline in the open rounds, by whom (one statement):
   * - needs: a participant that has not handed in (draft or returned) while needs are collected and the deadline has passed;
   * - consultation responses: a committee without a submitted response while the consultation is open and its reply date has passed;
   * - follow-up reports: per organisation and period due before today, the items it reports on without any report for that period.
   */
  async overdue(scope: OverviewScope, today: LocalDate): Promise<Array<OverdueEntry & { roundId: string }>> {
    const rows: Array<{ kind: OverdueKind; round_id: string; owner_id: string | null; owner_name: string; due_on: string; period: string | null; count: string }> = await this.tx.manager.query(
      `select 'needs' as kind, r.id as round_id, d.id as owner_id, d.name as owner_name, to_char(r.needs_deadline, 'YYYY-MM-DD') as due_on, null as period, 1 as count, 0 as position
         from plan_round r
         join plan_round_participant p on p.round_id = r.id
         join department d on d.id = p.department_id
         left join needs_submission s on s.round_id = r.id and s.department_id = p.department_id
        where r.state = 'collectingNeeds' and r.needs_deadline < $3::date and coalesce(s.status, 'draft') in ('draft', 'returned')
          and ($1::boolean or p.department_id = any($2::uuid[]))
       union all
       select 'consultationResponse', r.id, c.id, c.name, to_char(cr.reply_by, 'YYYY-MM-DD'), null, 1, 0
         from consultation_recipient cr
         join plan_round r on r.id = cr.round_id
         join committee c on c.id = cr.committee_id
        where r.state = 'consultation' and cr.reply_by < $3::date
          and not exists (select 1 from consultation_response x where x.round_id = cr.round_id and x.committee_id = cr.committee_id and x.status = 'submitted')
          and ($1::boolean or exists (select 1 from department d where d.committee_id = cr.committee_id and d.id = any($2::uuid[])))
       union all
       select 'followUpReport', r.id, o.department_id, coalesce(d.name, 'Kontaktcenter'), to_char(fp.due_on, 'YYYY-MM-DD'), fp.label, count(*), fp.position
         from follow_up_obligation o
         join plan_round r on r.id = o.round_id and r.state = 'followUp'
         join follow_up_period fp on fp.round_id = o.round_id and fp.due_on < $3::date
         left join department d on d.id = o.department_id
        where not exists (select 1 from follow_up_report x
                           where x.round_id = o.round_id and x.period_id = fp.id and x.item_id = o.item_id
                             and x.department_id is not distinct from o.department_id and x.contact_centre = o.contact_centre)
          and ($1::boolean or o.department_id = any($2::uuid[]))
        group by r.id, o.department_id, d.name, fp.due_on, fp.label, fp.position
       order by round_id, kind, due_on, position, owner_name`,
      [scope.all, scope.departmentIds, today],
    );
    return rows.map((r) => ({ roundId: r.round_id, kind: r.kind, ownerId: r.owner_id, ownerName: r.owner_name, dueOn: r.due_on, period: r.period, count: Number(r.count) }));
  }

  /** Each active department (in scope) with its primary coordinator valid today, if any, and its deputies valid today. */
  async coverage(scope: OverviewScope, today: LocalDate): Promise<CoverageRow[]> {
    const rows: Array<{ id: string; name: string; primary_name: string | null; primary_valid_to: string | null; deputies: string }> = await this.tx.manager.query(
      `select d.id, d.name, pr.name as primary_name, to_char(pr.valid_to, 'YYYY-MM-DD') as primary_valid_to,
              (select count(*) from coordinator_assignment a
                where a.department_id = d.id and a.kind = 'deputy' and a.valid_from <= $3::date and (a.valid_to is null or a.valid_to >= $3::date)) as deputies
         from department d
         left join lateral (select pe.name, a.valid_to from coordinator_assignment a join person pe on pe.id = a.person_id
                             where a.department_id = d.id and a.kind = 'primary' and a.valid_from <= $3::date and (a.valid_to is null or a.valid_to >= $3::date)
                             limit 1) pr on true
        where d.active and ($1::boolean or d.id = any($2::uuid[]))
        order by d.name, d.id`,
      [scope.all, scope.departmentIds, today],
    );
    return rows.map((r) => ({
      departmentId: r.id,
      name: r.name,
      primary: r.primary_name === null ? null : { name: r.primary_name, validTo: r.primary_valid_to },
      deputies: Number(r.deputies),
    }));
  }
}
