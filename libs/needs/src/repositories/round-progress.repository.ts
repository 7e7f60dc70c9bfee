import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@samverka/database';
import { SubmissionStatus } from '../entities/needs-submission.entity';

/** One participating department's submission as the round page shows it: status, counts, dates and who acted. */
export interface RoundProgressRow {
  departmentId: string;
  status: SubmissionStatus;
  late: boolean;
  needCount: number;
  submittedAt: Date | null;
  submittedById: string | null;
  submittedByName: string | null;
  endorsedAt: Date | null;
  endorsedById: string | null;
  endorsedByName: string | null;
  returnedAt: Date | null;
  returnedById: string | null;
  /** The audit's label of who returned it (a person's name, or a machine's label). */
  returnedByLabel: string | null;
}

interface Raw {
  department_id: string;
  status: SubmissionStatus;
  late: boolean;
  need_count: number;
  submitted_at: Date | null;
  submitted_by_id: string | null;
  submitted_by_name: string | null;
  endorsed_at: Date | null;
  endorsed_by_id: string | null;
  endorsed_by_name: string | null;
  returned_at: Date | null;
  returned_by_id: string | null;
  returned_by_label: string | null;
}

/**
 * The round's submissions, every participating department at once (one query, whatever the number
 * of departments): for the round's "needs" facts. Who returned a submission is the audit's last
 * `needs_submission.return` of that department (the submission keeps when, not who).
 */
@Injectable()
export class RoundProgressRepository {
  constructor(private readonly tx: TransactionHost) {}

  async progressOf(roundId: string): Promise<RoundProgressRow[]> {
    const rows: Raw[] = await this.tx.manager.query(
      `select p.department_id,
              coalesce(s.status, 'draft') as status,
              coalesce(s.late, false) as late,
              (select count(*)::int from need n where n.round_id = p.round_id and n.department_id = p.department_id) as need_count,
              s.submitted_at, s.submitted_by_id, sp.name as submitted_by_name,
              s.endorsed_at, s.endorsed_by_id, ep.name as endorsed_by_name,
              s.returned_at, r.actor_id as returned_by_id, r.actor_label as returned_by_label
         from plan_round_participant p
         left join needs_submission s on s.round_id = p.round_id and s.department_id = p.department_id
         left join person sp on sp.id = s.submitted_by_id
         left join person ep on ep.id = s.endorsed_by_id
         left join lateral (
              select a.actor_id, a.actor_label from audit_event a
               where a.subject_type = 'plan_round' and a.subject_id = p.round_id
                 and a.action = 'needs_submission.return' and a.after ->> 'departmentId' = p.department_id::text
               order by a.occurred_at desc limit 1
         ) r on s.returned_at is not null
        where p.round_id = $1`,
      [roundId],
    );
    return rows.map((r) => ({
      departmentId: r.department_id,
      status: r.status,
      late: r.late,
      needCount: Number(r.need_count),
      submittedAt: r.submitted_at,
      submittedById: r.submitted_by_id,
      submittedByName: r.submitted_by_name,
      endorsedAt: r.endorsed_at,
      endorsedById: r.endorsed_by_id,
      endorsedByName: r.endorsed_by_name,
      returnedAt: r.returned_at,
      returnedById: r.returned_by_id,
      returnedByLabel: r.returned_by_label,
    }));
  }
}
