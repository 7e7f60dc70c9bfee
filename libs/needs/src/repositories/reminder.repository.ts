import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@samverka/database';
import { LocalDate } from '@samverka/kernel';
import { EDITABLE_STATUSES } from '../entities/needs-submission.entity';

/** A participating department that has not handed in its needs, with what its reminder says. */
export interface MissingNeedsRow {
  roundId: string;
  roundTitle: string;
  needsDeadline: LocalDate;
  departmentId: string;
  departmentName: string;
}

@Injectable()
export class ReminderRepository {
  constructor(private readonly tx: TransactionHost) {}

  /**
   * Every department taking part in a round that collects needs, with the round's needs deadline on
   * or before `deadlineBy`, that has not handed in: no submission yet, or a draft or returned one
   * (submitted, endorsed and nothing-to-report count as handed in). One query, over the state
   * index and the primary keys of participants and submissions.
   */
  async findDepartmentsMissingNeeds(deadlineBy: LocalDate): Promise<MissingNeedsRow[]> {
    const rows: Array<{ round_id: string; round_title: string; needs_deadline: string; department_id: string; department_name: string }> = await this.tx.manager.query(
      `select r.id as round_id, r.title as round_title, r.needs_deadline::text as needs_deadline, p.department_id, d.name as department_name
         from plan_round r
         join plan_round_participant p on p.round_id = r.id
         join department d on d.id = p.department_id
         left join needs_submission s on s.round_id = p.round_id and s.department_id = p.department_id
        where r.state = 'collectingNeeds'
          and r.needs_deadline <= $1::date
          and coalesce(s.status, 'draft') = any($2::text[])
        order by r.needs_deadline, r.id, d.name, d.id`,
      [deadlineBy, EDITABLE_STATUSES],
    );
    return rows.map((r) => ({
      roundId: r.round_id,
      roundTitle: r.round_title,
      needsDeadline: r.needs_deadline,
      departmentId: r.department_id,
      departmentName: r.department_name,
    }));
  }
}
