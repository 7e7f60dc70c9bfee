import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@samverka/database';
import { CommonError, LocalDate } from '@samverka/kernel';
import { PlanRoundAreaEntity } from '../entities/plan-round-area.entity';
import { DeadlineKind } from '../entities/plan-round-event.entity';
import { PlanRoundParticipantEntity } from '../entities/plan-round-participant.entity';
import { PlanRoundEntity } from '../entities/plan-round.entity';
import { RoundReaderFacts } from '../facts/round-reader-facts';

export interface ParticipantRow {
  departmentId: string;
  code: string;
  name: string;
  committeeId: string;
  active: boolean;
}

export interface DeadlineDueRow {
  roundId: string;
  deadline: DeadlineKind;
  date: LocalDate;
}

/** Who may read which rounds: the departments and committees a person acts for (strategists and admins read all). */
export interface RoundReaderScope {
  all: boolean;
  departmentIds: string[];
  committeeIds: string[];
}

export type RoundChanges = Partial<
  Pick<
    PlanRoundEntity,
    'state' | 'snapshot' | 'machineVersion' | 'title' | 'caseNumber' | 'needsDeadline' | 'consultationReplyDeadline' | 'decisionDeadline' | 'autoCloseNeeds' | 'autoCloseConsultation'
  >
>;

/**
 * The rounds whose participants include a department the reader acts for, or one under a committee they are secretary of,
 * and the rounds another context lets their committees read (`RoundReaderFacts`: the remiss's recipients).
 */
const VISIBLE_TO_READER = `(exists (
  select 1 from plan_round_participant pp join department d on d.id = pp.department_id
   where pp.round_id = r.id and (pp.department_id = any(:departmentIds::uuid[]) or d.committee_id = any(:committeeIds::uuid[])))
  or r.id = any(:alsoRoundIds::uuid[]))`;

@Injectable()
export class PlanRoundRepository {
  constructor(
    private readonly tx: TransactionHost,
    private readonly readers: RoundReaderFacts,
  ) {}

  private get repo() {
    return this.tx.repository(PlanRoundEntity);
  }

  async insert(values: Omit<PlanRoundEntity, 'id' | 'createdAt' | 'updatedAt' | 'areas' | 'participants'>): Promise<PlanRoundEntity> {
    return this.repo.save(this.repo.create(values));
  }

  async replaceAreas(roundId: string, areas: ReadonlyArray<{ code: string; name: string }>): Promise<void> {
    await this.tx.repository(PlanRoundAreaEntity).delete({ roundId });
    if (areas.length === 0) return;
    await this.tx.repository(PlanRoundAreaEntity).insert(areas.map((a, position) => ({ roundId, code: a.code, name: a.name, position })));
  }

  async replaceParticipants(roundId: string, departmentIds: readonly string[]): Promise<void> {
    await this.tx.repository(PlanRoundParticipantEntity).delete({ roundId });
    if (departmentIds.length === 0) return;
    await this.tx.repository(PlanRoundParticipantEntity).insert(departmentIds.map((departmentId) => ({ roundId, departmentId })));
  }

  findById(id: string): Promise<PlanRoundEntity | null> {
    return this.repo
      .createQueryBuilder('r')
      .leftJoinAndSelect('r.areas', 'a')
      .where('r.id = :id', { id })
      .orderBy('a.position', 'ASC')
      .getOne();
  }

  /** The round, or NOT_FOUND. */
  async require(id: string): Promise<PlanRoundEntity> {
    const round = await this.findById(id);
    if (!round) throw this.notFound(id);
    return round;
  }

  notFound(id: string): CommonError {
    return CommonError.notFound('Planomgången', id);
  }

  /** The round, its row held FOR SHARE until the transaction ends (a step's conditional update waits for it). */
  async findByIdForShare(id: string): Promise<PlanRoundEntity | null> {
    const locked = await this.repo.createQueryBuilder('r').where('r.id = :id', { id }).setLock('pessimistic_read').getOne();
    return locked ? this.findById(id) : null;
  }

  /** Participants with their departments, in name order (one query). */
  async participantsOf(roundId: string): Promise<ParticipantRow[]> {
    const rows: Array<{ department_id: string; code: string; name: string; committee_id: string; active: boolean }> = await this.tx.manager.query(
      `select d.id as department_id, d.code, d.name, d.committee_id, d.active
         from plan_round_participant p join department d on d.id = p.department_id
        where p.round_id = $1
        order by d.name, d.id`,
      [roundId],
    );
    return rows.map((r) => ({ departmentId: r.department_id, code: r.code, name: r.name, committeeId: r.committee_id, active: r.active }));
  }

  /** The parameters of VISIBLE_TO_READER for a scope that is not `all`: the list and the single-round check apply the same. */
  private async readerParameters(scope: RoundReaderScope): Promise<{ departmentIds: string[]; committeeIds: string[]; alsoRoundIds: string[] }> {
    return { departmentIds: scope.departmentIds, committeeIds: scope.committeeIds, alsoRoundIds: await this.readers.roundsReadByCommittees(scope.committeeIds) };
  }

  /** Rounds newest year first; for a participant only the rounds they take part in (or read as a remiss recipient). */
  async list(scope: RoundReaderScope, filter: { year?: number; state?: string } = {}): Promise<PlanRoundEntity[]> {
    const q = this.repo.createQueryBuilder('r').leftJoinAndSelect('r.areas', 'a').orderBy('r.year', 'DESC').addOrderBy('r.created_at', 'DESC').addOrderBy('a.position', 'ASC');
    if (filter.year !== undefined) q.andWhere('r.year = :year', { year: filter.year });
    if (filter.state !== undefined) q.andWhere('r.state = :state', { state: filter.state });
    if (!scope.all) q.andWhere(VISIBLE_TO_READER, await this.readerParameters(scope));
    return q.getMany();
  }

  async isVisibleTo(roundId: string, scope: RoundReaderScope): Promise<boolean> {
    if (scope.all) return (await this.repo.countBy({ id: roundId })) > 0;
    const count = await this.repo
      .createQueryBuilder('r')
      .where('r.id = :roundId', { roundId })
      .andWhere(VISIBLE_TO_READER, await this.readerParameters(scope))
      .getCount();
    return count > 0;
  }

  /** The round of this year that is neither closed nor cancelled, if any. */
  findActiveInYear(year: number): Promise<PlanRoundEntity | null> {
    return this.repo.createQueryBuilder('r').where('r.year = :year', { year }).andWhere(`r.state not in ('closed', 'cancelled')`).getOne();
  }

  /**
   * Optimistic locking: applies the changes and bumps the row version only if nobody changed the
   * round since `expectedVersion` was read. Returns the new version, or null when someone did.
   * (At READ COMMITTED a concurrent writer waits for the first one's row lock, then finds the version moved.)
   */
  async advance(id: string, expectedVersion: number, changes: RoundChanges): Promise<number | null> {
    const result = await this.repo
      .createQueryBuilder()
      .update(PlanRoundEntity)
      .set({ ...changes, version: () => 'version + 1', updatedAt: () => 'now()' } as never)
      .where('id = :id and version = :expectedVersion', { id, expectedVersion })
      .returning(['version'])
      .execute();
    const row = (result.raw as Array<{ version: number }>)[0];
    return row ? row.version : null;
  }

  /**
   * The deadlines that have passed (today is after the last day) while their phase is still open, and
   * that no sweep has recorded yet: needs in collectingNeeds, the reply date in consultation, the
   * decision date in compilingResponses or awaitingDecision. One set-based query over every round.
   */
  async findPassedUnrecordedDeadlines(today: LocalDate): Promise<DeadlineDueRow[]> {
    const rows: Array<{ round_id: string; deadline: DeadlineKind; date: string }> = await this.tx.manager.query(
      `with due as (
         select r.id as round_id, 'needs' as deadline, r.needs_deadline as date from plan_round r
          where r.state = 'collectingNeeds' and r.needs_deadline < $1::date
         union all
         select r.id, 'consultationReply', r.consultation_reply_deadline from plan_round r
          where r.state = 'consultation' and r.consultation_reply_deadline < $1::date
         union all
         select r.id, 'decision', r.decision_deadline from plan_round r
          where r.state in ('compilingResponses', 'awaitingDecision') and r.decision_deadline < $1::date
       )
       select due.round_id, due.deadline, to_char(due.date, 'YYYY-MM-DD') as date from due
        where not exists (select 1 from plan_round_event e
                           where e.round_id = due.round_id and e.type = 'DEADLINE_REACHED'
                             and e.deadline = due.deadline and e.deadline_date = due.date)
        order by due.date, due.round_id`,
      [today],
    );
    return rows.map((r) => ({ roundId: r.round_id, deadline: r.deadline, date: r.date }));
  }
}
