import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@samverka/database';
import { LocalDate } from '@samverka/kernel';
import { DeadlineKind, PlanRoundEventEntity } from '../entities/plan-round-event.entity';

export type NewRoundEvent = Omit<PlanRoundEventEntity, 'id' | 'occurredAt' | 'round' | 'deadline' | 'deadlineDate' | 'departmentId' | 'remindedOn'> &
  Partial<Pick<PlanRoundEventEntity, 'deadline' | 'deadlineDate' | 'departmentId' | 'remindedOn'>>;

@Injectable()
export class PlanRoundEventRepository {
  constructor(private readonly tx: TransactionHost) {}

  private get repo() {
    return this.tx.repository(PlanRoundEventEntity);
  }

  async append(entry: NewRoundEvent): Promise<PlanRoundEventEntity> {
    return this.repo.save(this.repo.create({ deadline: null, deadlineDate: null, departmentId: null, remindedOn: null, ...entry }));
  }

  /**
   * Records a reminder to a department, once per round, department and day: true when this call
   * recorded it, false when that day's reminder was already there (a concurrent one waits, then finds it).
   */
  async recordReminder(entry: {
    roundId: string;
    departmentId: string;
    remindedOn: LocalDate;
    state: string;
    actorId: string | null;
    actorLabel: string;
    data: Record<string, unknown>;
  }): Promise<boolean> {
    const rows: unknown[] = await this.tx.manager.query(
      `insert into plan_round_event (round_id, type, version, from_state, to_state, forced, reason, department_id, reminded_on, data, actor_id, actor_label)
       values ($1, 'REMINDER_SENT', null, $2, $2, false, null, $3, $4::date, $5::jsonb, $6, $7)
       on conflict (round_id, department_id, reminded_on) where type = 'REMINDER_SENT' do nothing
       returning id`,
      [entry.roundId, entry.state, entry.departmentId, entry.remindedOn, JSON.stringify(entry.data), entry.actorId, entry.actorLabel],
    );
    return rows.length > 0;
  }

  /**
   * Records that a deadline passed, once per round, deadline and date: true when this call recorded
   * it, false when it was already there (another worker, an earlier sweep). Waits for a concurrent
   * recorder to finish rather than failing.
   */
  async recordDeadlineReached(entry: {
    roundId: string;
    deadline: DeadlineKind;
    deadlineDate: LocalDate;
    fromState: string;
    actorLabel: string;
    data: Record<string, unknown>;
  }): Promise<boolean> {
    const rows: unknown[] = await this.tx.manager.query(
      `insert into plan_round_event (round_id, type, version, from_state, to_state, forced, reason, deadline, deadline_date, data, actor_id, actor_label)
       values ($1, 'DEADLINE_REACHED', null, $2, $2, false, null, $3, $4::date, $5::jsonb, null, $6)
       on conflict (round_id, deadline, deadline_date) where type = 'DEADLINE_REACHED' do nothing
       returning id`,
      [entry.roundId, entry.fromState, entry.deadline, entry.deadlineDate, JSON.stringify(entry.data), entry.actorLabel],
    );
    return rows.length > 0;
  }

  historyOf(roundId: string): Promise<PlanRoundEventEntity[]> {
    return this.repo.find({ where: { roundId }, order: { id: 'ASC' } });
  }

  /** The deadlines recorded as passed, for these rounds (one query for a list). */
  deadlinesReached(roundIds: string[]): Promise<PlanRoundEventEntity[]> {
    if (roundIds.length === 0) return Promise.resolve([]);
    return this.repo
      .createQueryBuilder('e')
      .where('e.round_id = any(:roundIds)', { roundIds })
      .andWhere(`e.type = 'DEADLINE_REACHED'`)
      .orderBy('e.id', 'ASC')
      .getMany();
  }
}
