import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@samverka/database';
import { NeedsSubmissionEntity, SubmissionStatus } from '../entities/needs-submission.entity';

export interface SubmissionRow {
  departmentId: string;
  departmentName: string;
  committeeId: string;
  status: SubmissionStatus;
  needCount: number;
  submission: NeedsSubmissionEntity | null;
}

@Injectable()
export class SubmissionRepository {
  constructor(private readonly tx: TransactionHost) {}

  private get repo() {
    return this.tx.repository(NeedsSubmissionEntity);
  }

  /** The department's submission, created as a draft if it has none yet, locked for the rest of the transaction. */
  async lockOrCreate(roundId: string, departmentId: string): Promise<NeedsSubmissionEntity> {
    await this.tx.manager.query(
      `insert into needs_submission (round_id, department_id, status, version) values ($1, $2, 'draft', 1) on conflict (round_id, department_id) do nothing`,
      [roundId, departmentId],
    );
    return this.repo
      .createQueryBuilder('s')
      .where('s.round_id = :roundId and s.department_id = :departmentId', { roundId, departmentId })
      .setLock('pessimistic_write')
      .getOneOrFail();
  }

  find(roundId: string, departmentId: string): Promise<NeedsSubmissionEntity | null> {
    return this.repo.findOneBy({ roundId, departmentId });
  }

  async save(submission: NeedsSubmissionEntity): Promise<NeedsSubmissionEntity> {
    submission.version += 1;
    return this.repo.save(submission);
  }

  /** Every participating department of the round with its submission (draft when none) and its number of needs; one query. */
  async forRound(roundId: string, departmentIds?: string[]): Promise<SubmissionRow[]> {
    const rows: Array<{ department_id: string; department_name: string; committee_id: string; need_count: string; has_submission: boolean }> = await this.tx.manager.query(
      `select p.department_id, d.name as department_name, d.committee_id,
              (select count(*) from need n where n.round_id = p.round_id and n.department_id = p.department_id) as need_count,
              s.round_id is not null as has_submission
         from plan_round_participant p
         join department d on d.id = p.department_id
         left join needs_submission s on s.round_id = p.round_id and s.department_id = p.department_id
        where p.round_id = $1 and ($2::uuid[] is null or p.department_id = any($2::uuid[]))
        order by d.name, d.id`,
      [roundId, departmentIds ?? null],
    );
    const submissions = await this.repo.findBy({ roundId });
    return rows.map((r) => {
      const submission = submissions.find((s) => s.departmentId === r.department_id) ?? null;
      return {
        departmentId: r.department_id,
        departmentName: r.department_name,
        committeeId: r.committee_id,
        status: submission?.status ?? 'draft',
        needCount: Number(r.need_count),
        submission,
      };
    });
  }

  /** Status per department of a round (for the workflow's facts). */
  async statusesOf(roundId: string): Promise<Map<string, SubmissionStatus>> {
    const rows = await this.repo.find({ select: { departmentId: true, status: true }, where: { roundId } });
    return new Map(rows.map((r) => [r.departmentId, r.status]));
  }
}
