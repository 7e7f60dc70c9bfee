import { Injectable } from '@nestjs/common';
import { Actor, AuditRecord, auditInsert } from '@samverka/audit';
import { TransactionHost } from '@samverka/database';
import { CommonError, LocalDate } from '@samverka/kernel';
import { PlanRoundAreaEntity } from '../entities/plan-round-area.entity';
import { DeadlineKind, PlanRoundEventEntity } from '../entities/plan-round-event.entity';
import { PlanRoundParticipantEntity } from '../entities/plan-round-participant.entity';
import { PlanRoundEntity } from '../entities/plan-round.entity';
import { RoundReaderFacts } from '../facts/round-reader-facts';
import { PreparedQuery, preparedQuery } from './prepared-query';

export interface ParticipantRow {
  departmentId: string;
  code: string;
  name: string;
  committeeId: string;
  active: boolean;
}

export interface BasicsRow {
  id: string;
  title: string;
  year: number;
  state: string;
  needs_deadline: LocalDate;
  areas: Array<{ code: string; name: string }>;
  participants: Array<{ departmentId: string; name: string; committeeId: string }>;
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

/** A change's history entry and audit row, written with it (`advance`). */
export interface RecordedChange {
  event: Pick<PlanRoundEventEntity, 'type' | 'fromState' | 'toState' | 'forced' | 'reason' | 'data' | 'actorId' | 'actorLabel'>;
  actor: Actor;
  audit: AuditRecord;
}

const CHANGE_COLUMNS: Record<keyof RoundChanges, [column: string, type: string]> = {
  state: ['state', 'text'],
  snapshot: ['snapshot', 'jsonb'],
  machineVersion: ['machine_version', 'int'],
  title: ['title', 'text'],
  caseNumber: ['case_number', 'text'],
  needsDeadline: ['needs_deadline', 'date'],
  consultationReplyDeadline: ['consultation_reply_deadline', 'date'],
  decisionDeadline: ['decision_deadline', 'date'],
  autoCloseNeeds: ['auto_close_needs', 'boolean'],
  autoCloseConsultation: ['auto_close_consultation', 'boolean'],
};

/**
 * The rounds whose participants include a department the reader acts for, or one under a committee they are secretary of,
 * and the rounds another context lets their committees read (`RoundReaderFacts`: the remiss's recipients): an SQL condition
 * on the round `r`, with the department and committee ids as the uuid[] expressions given.
 */
function visibleToReader(readers: RoundReaderFacts, departmentIds: string, committeeIds: string): string {
  return `(exists (
  select 1 from plan_round_participant pp join department d on d.id = pp.department_id
   where pp.round_id = r.id and (pp.department_id = any(${departmentIds}) or d.committee_id = any(${committeeIds})))
  or ${readers.readByCommittees('r.id', committeeIds)})`;
}

@Injectable()
export class PlanRoundRepository {
  private visibleQuery?: PreparedQuery;

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

  /**
   * What another context needs of a round (`RoundBasics`'s fields; areas in order, participants in name
   * order) in one prepared statement; `lockForShare` holds the round's row until the transaction ends.
   */
  async basicsOf(id: string, lockForShare: boolean): Promise<BasicsRow | null> {
    const text = `select r.id, r.title, r.year, r.state, r.needs_deadline::text as needs_deadline,
              (select coalesce(json_agg(json_build_object('code', a.code, 'name', a.name) order by a.position), '[]'::json)
                 from plan_round_area a where a.round_id = r.id) as areas,
              (select coalesce(json_agg(json_build_object('departmentId', d.id, 'name', d.name, 'committeeId', d.committee_id) order by d.name, d.id), '[]'::json)
                 from plan_round_participant p join department d on d.id = p.department_id where p.round_id = r.id) as participants
         from plan_round r where r.id = $1${lockForShare ? ' for share of r' : ''}`;
    const rows = await this.tx.prepared<BasicsRow>(lockForShare ? 'rounds.basics_for_share' : 'rounds.basics', text, [id]);
    return rows[0] ?? null;
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

  /**
   * For each of the rounds, its participants among `departmentIds` and the needs facts (`needsJson`: the
   * needs provider's select for the round it is given, as JSON): one statement for every round.
   */
  async ownParticipantsWithNeedsFacts(
    roundIds: readonly string[],
    departmentIds: readonly string[],
    needsJson: (roundRef: string) => string,
  ): Promise<Map<string, { participants: ParticipantRow[]; needs: unknown }>> {
    const rows: Array<{ round_id: string; participants: ParticipantRow[]; needs: unknown }> = await this.tx.manager.query(
      `select facts_round.id as round_id, own.participants, case when own.participants is null then null else ${needsJson('facts_round.id')} end as needs
         from plan_round facts_round
         cross join lateral (
              select json_agg(json_build_object('departmentId', d.id, 'code', d.code, 'name', d.name, 'committeeId', d.committee_id, 'active', d.active) order by d.name, d.id) as participants
                from plan_round_participant p join department d on d.id = p.department_id
               where p.round_id = facts_round.id and p.department_id = any($2::uuid[])) own
        where facts_round.id = any($1::uuid[])`,
      [roundIds, departmentIds],
    );
    return new Map(rows.map((r) => [r.round_id, { participants: r.participants ?? [], needs: r.needs }]));
  }

  /** Rounds newest year first; for a participant only the rounds they take part in (or read as a remiss recipient). One statement. */
  async list(scope: RoundReaderScope, filter: { year?: number; state?: string } = {}): Promise<PlanRoundEntity[]> {
    const q = this.repo.createQueryBuilder('r').leftJoinAndSelect('r.areas', 'a').orderBy('r.year', 'DESC').addOrderBy('r.created_at', 'DESC').addOrderBy('a.position', 'ASC');
    if (filter.year !== undefined) q.andWhere('r.year = :year', { year: filter.year });
    if (filter.state !== undefined) q.andWhere('r.state = :state', { state: filter.state });
    if (!scope.all) {
      q.andWhere(visibleToReader(this.readers, ':departmentIds::uuid[]', ':committeeIds::uuid[]'), { departmentIds: scope.departmentIds, committeeIds: scope.committeeIds });
    }
    return q.getMany();
  }

  /** Whether the round exists and the scope reads it: one prepared statement (the access check of every request about a round). */
  async isVisibleTo(roundId: string, scope: RoundReaderScope): Promise<boolean> {
    const rows = scope.all
      ? await this.tx.prepared<{ visible: boolean }>('rounds.exists', 'select exists (select 1 from plan_round where id = $1) as visible', [roundId])
      : await this.tx.prepared<{ visible: boolean }>(this.visibleToReaderQuery.name, this.visibleToReaderQuery.text, [roundId, scope.departmentIds, scope.committeeIds]);
    return rows[0]?.visible === true;
  }

  /** Built once the reader facts are known (after start); named after its text, which depends on the app's provider. */
  private get visibleToReaderQuery(): PreparedQuery {
    return (this.visibleQuery ??= preparedQuery(
      'rounds.visible_to_reader',
      `select exists (select 1 from plan_round r where r.id = $1 and ${visibleToReader(this.readers, '$2::uuid[]', '$3::uuid[]')}) as visible`,
    ));
  }

  /** The round of this year that is neither closed nor cancelled, if any. */
  findActiveInYear(year: number): Promise<PlanRoundEntity | null> {
    return this.repo.createQueryBuilder('r').where('r.year = :year', { year }).andWhere(`r.state not in ('closed', 'cancelled')`).getOne();
  }

  /**
   * Optimistic locking: applies the changes and bumps the row version only if nobody changed the
   * round since `expectedVersion` was read, and in the same statement writes the change's history
   * entry and audit row (data-modifying CTEs on the update's `returning`: all three or none, one
   * round trip). Returns the new version and time, or null when someone changed the round meanwhile
   * (nothing is written then). (At READ COMMITTED a concurrent writer waits for the first one's row
   * lock, then finds the version moved.) The audit row's `after` may name the new version: it is
   * `expectedVersion + 1`.
   */
  async advance(id: string, expectedVersion: number, changes: RoundChanges, recorded: RecordedChange): Promise<{ version: number; updatedAt: Date } | null> {
    const values: unknown[] = [id, expectedVersion];
    const param = (value: unknown, type: string) => `$${values.push(value)}::${type}`;
    const set = (Object.keys(changes) as Array<keyof RoundChanges>)
      .filter((key) => changes[key] !== undefined)
      .map((key) => {
        const [column, type] = CHANGE_COLUMNS[key];
        return `${column} = ${param(type === 'jsonb' ? JSON.stringify(changes[key]) : changes[key], type)}`;
      });
    const e = recorded.event;
    const history = `insert into plan_round_event (round_id, type, version, from_state, to_state, forced, reason, data, actor_id, actor_label)
          select moved.id, ${param(e.type, 'text')}, moved.version, ${param(e.fromState, 'text')}, ${param(e.toState, 'text')}, ${param(e.forced, 'boolean')},
                 ${param(e.reason, 'text')}, ${param(JSON.stringify(e.data), 'jsonb')}, ${param(e.actorId, 'uuid')}, ${param(e.actorLabel, 'text')} from moved`;
    const audit = auditInsert(recorded.actor, recorded.audit, 'moved', values.length + 1);
    values.push(...audit.values);
    const rows: Array<{ version: number; updated_at: Date }> = await this.tx.manager.query(
      `with moved as (
         update plan_round set ${[...set, 'version = version + 1', 'updated_at = now()'].join(', ')}
          where id = $1 and version = $2
          returning id, version, updated_at),
       history as (${history}),
       audit as (${audit.sql})
       select version, updated_at from moved`,
      values,
    );
    const row = rows[0];
    return row ? { version: row.version, updatedAt: row.updated_at } : null;
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
