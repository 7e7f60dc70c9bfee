import { Injectable } from '@nestjs/common';
import type { LocalDate, SqlRow, SqlSelect } from '@samverka/kernel';
import type { SubmissionStatus } from '../entities/needs-submission.entity';

/** A participating department's submission in a round, as the task lists read it. */
export interface SubmissionTaskRow {
  roundId: string;
  roundTitle: string;
  needsDeadline: LocalDate;
  departmentId: string;
  departmentName: string;
  committeeId: string;
  committeeName: string;
  status: SubmissionStatus;
  late: boolean;
  returnComment: string | null;
  needCount: number;
}

/** An open round with how far its participants have come (counts), for the strategists' task list. */
export interface RoundProgressRow {
  roundId: string;
  title: string;
  state: string;
  needsDeadline: LocalDate;
  consultationReplyDeadline: LocalDate | null;
  decisionDeadline: LocalDate | null;
  participants: number;
  submitted: number;
  endorsed: number;
  nothingToReport: number;
  late: number;
  withoutCoordinator: number;
}

interface RawSubmissionRow {
  round_id: string;
  round_title: string;
  needs_deadline: string;
  department_id: string;
  department_name: string;
  committee_id: string;
  committee_name: string;
  status: SubmissionStatus;
  late: boolean;
  return_comment: string | null;
  need_count: number;
}

/**
 * The needs context's obligations, each one set-based select that the task composer folds into its one
 * statement. The reach is the caller's (the departments they coordinate or manage, the committees they
 * are secretary of), applied in SQL; a participant without a submission row is a draft.
 */
@Injectable()
export class NeedsTaskRepository {
  /** Submissions in rounds in the given states, of the given departments (or committees), in the given statuses. */
  selectSubmissions(scope: { departmentIds?: readonly string[]; committeeIds?: readonly string[] }, statuses: readonly SubmissionStatus[], states: readonly string[]): SqlSelect<SubmissionTaskRow> {
    return {
      sql: `select r.id as round_id, r.title as round_title, r.needs_deadline::text as needs_deadline,
              d.id as department_id, d.name as department_name, d.committee_id, c.name as committee_name,
              coalesce(s.status, 'draft') as status, coalesce(s.late, false) as late, s.return_comment,
              (select count(*) from need n where n.round_id = p.round_id and n.department_id = p.department_id)::int as need_count
         from plan_round_participant p
         join plan_round r on r.id = p.round_id
         join department d on d.id = p.department_id
         join committee c on c.id = d.committee_id
         left join needs_submission s on s.round_id = p.round_id and s.department_id = p.department_id
        where r.state = any($1::text[])
          and coalesce(s.status, 'draft') = any($2::text[])
          and (p.department_id = any($3::uuid[]) or d.committee_id = any($4::uuid[]))`,
      values: [states, statuses, scope.departmentIds ?? [], scope.committeeIds ?? []],
      rowsFrom: (rows) => (rows as unknown as RawSubmissionRow[]).map((r) => ({
      roundId: r.round_id,
      roundTitle: r.round_title,
      needsDeadline: r.needs_deadline,
      departmentId: r.department_id,
      departmentName: r.department_name,
      committeeId: r.committee_id,
      committeeName: r.committee_name,
      status: r.status,
      late: r.late,
      returnComment: r.return_comment,
      needCount: Number(r.need_count),
    })),
    };
  }

  /**
   * Every open round (neither closed nor cancelled) with its participants' progress on `today`: handed in
   * (submitted or endorsed), endorsed, nothing to report, late (handed in late, or not handed in and the
   * needs deadline past) and without a primary coordinator today.
   */
  selectOpenRoundProgress(today: LocalDate): SqlSelect<RoundProgressRow> {
    return {
      sql: `select r.id as round_id, r.title, r.state, r.needs_deadline::text as needs_deadline,
              r.consultation_reply_deadline::text as consultation_reply_deadline, r.decision_deadline::text as decision_deadline,
              count(p.department_id)::int as participants,
              count(*) filter (where s.status in ('submitted', 'endorsed'))::int as submitted,
              count(*) filter (where s.status = 'endorsed')::int as endorsed,
              count(*) filter (where s.status = 'nothingToReport')::int as nothing_to_report,
              count(*) filter (where s.late or (p.department_id is not null and coalesce(s.status, 'draft') in ('draft', 'returned') and r.needs_deadline < $1::date))::int as late,
              count(*) filter (where p.department_id is not null and not exists (
                select 1 from coordinator_assignment a
                 where a.department_id = p.department_id and a.kind = 'primary'
                   and a.valid_from <= $1::date and (a.valid_to is null or a.valid_to >= $1::date)))::int as without_coordinator
         from plan_round r
         left join plan_round_participant p on p.round_id = r.id
         left join needs_submission s on s.round_id = p.round_id and s.department_id = p.department_id
        where r.state not in ('closed', 'cancelled')
        group by r.id`,
      values: [today],
      rowsFrom: (rows: readonly SqlRow[]) => rows.map((r) => ({
      roundId: String(r.round_id),
      title: String(r.title),
      state: String(r.state),
      needsDeadline: String(r.needs_deadline),
      consultationReplyDeadline: r.consultation_reply_deadline === null ? null : String(r.consultation_reply_deadline),
      decisionDeadline: r.decision_deadline === null ? null : String(r.decision_deadline),
      participants: Number(r.participants),
      submitted: Number(r.submitted),
      endorsed: Number(r.endorsed),
      nothingToReport: Number(r.nothing_to_report),
      late: Number(r.late),
      withoutCoordinator: Number(r.without_coordinator),
    })),
    };
  }
}
