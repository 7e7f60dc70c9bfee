import { Injectable } from '@nestjs/common';
import { actorName, SYSTEM_ACTOR_NAME } from '@samverka/audit';
import { JsonRow, jsonTimestamp, ParticipantProgress, ProvidesRoundFacts, RoundFactProvider } from '@samverka/rounds';
import { SubmissionStatus } from '../entities/needs-submission.entity';
import { SUBMISSION_STATUS_LABELS } from '../needs.vocabulary';

interface ProgressJson {
  department_id: string;
  status: SubmissionStatus;
  late: boolean;
  need_count: number;
  submitted_at: string | null;
  submitted_by_name: string | null;
  endorsed_at: string | null;
  endorsed_by_name: string | null;
  returned_at: string | null;
  returned_by_id: string | null;
  returned_by_label: string | null;
}

/**
 * The round's "needs" facts: how far each participating department has come with its needs (the
 * workflow's close-needs guard reads them; the round page shows them). Handed in, or endorsed,
 * counts as submitted. One select for the whole round, which the rounds nest in their own statement.
 * Who returned a submission is the audit's last `needs_submission.return` of that department (the
 * submission keeps when, not who).
 */
@Injectable()
@ProvidesRoundFacts('needs')
export class NeedsRoundFacts implements RoundFactProvider<'needs'> {
  readonly factsSql = `select p.department_id,
              coalesce(s.status, 'draft') as status,
              coalesce(s.late, false) as late,
              (select count(*)::int from need n where n.round_id = p.round_id and n.department_id = p.department_id) as need_count,
              s.submitted_at, sp.name as submitted_by_name,
              s.endorsed_at, ep.name as endorsed_by_name,
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
        where p.round_id = $1`;

  factsFrom(rows: readonly JsonRow[]): ReadonlyMap<string, ParticipantProgress> {
    // A step without a person (demo seeding, the system) is named by the system's label.
    const who = (at: Date | null, name: string | null) => (at === null ? null : (name ?? SYSTEM_ACTOR_NAME));
    return new Map(
      (rows as unknown as readonly ProgressJson[]).map((r) => {
        const submittedAt = jsonTimestamp(r.submitted_at);
        const endorsedAt = jsonTimestamp(r.endorsed_at);
        const returnedAt = jsonTimestamp(r.returned_at);
        return [
          r.department_id,
          {
            submitted: r.status === 'submitted' || r.status === 'endorsed',
            nothingToReport: r.status === 'nothingToReport',
            status: r.status,
            statusLabel: SUBMISSION_STATUS_LABELS[r.status],
            late: r.late,
            needCount: Number(r.need_count),
            submittedAt,
            submittedBy: who(submittedAt, r.submitted_by_name),
            endorsedAt,
            endorsedBy: who(endorsedAt, r.endorsed_by_name),
            returnedAt,
            returnedBy: returnedAt === null ? null : r.returned_by_label === null ? SYSTEM_ACTOR_NAME : actorName({ actorId: r.returned_by_id, actorLabel: r.returned_by_label }),
          },
        ];
      }),
    );
  }
}
