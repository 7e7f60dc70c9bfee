import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { PlanRoundEntity } from './plan-round.entity';

export const ROUND_VERSION_EVENT_UNIQUE = 'plan_round_event_one_per_version';
export const DEADLINE_REACHED_UNIQUE = 'plan_round_event_deadline_once';
/** A department is reminded by hand at most once a day (Stockholm's day) in a round. */
export const REMINDER_ONCE_A_DAY = 'plan_round_event_reminder_once_a_day';

/** What a history entry records. Workflow events keep the machine's names; the rest are the round's own. */
export type RoundHistoryType =
  | 'CREATED'
  | 'UPDATED'
  | 'LAUNCH'
  | 'CLOSE_NEEDS'
  | 'REOPEN_NEEDS'
  | 'SEND_FOR_CONSULTATION'
  | 'CLOSE_CONSULTATION'
  | 'SUBMIT_FOR_DECISION'
  | 'RECORD_DECISION'
  | 'CLOSE_ROUND'
  | 'CANCEL'
  | 'DEADLINE_REACHED'
  | 'REMINDER_SENT';

export type DeadlineKind = 'needs' | 'consultationReply' | 'decision';

/**
 * The round's history, append-only: every change of the round (one row per row version) and every
 * deadline the worker saw pass (once per deadline and date, whatever number of workers sweep), and
 * every reminder a strategist sent a department (once a day per department).
 */
@Entity('plan_round_event')
@Index(ROUND_VERSION_EVENT_UNIQUE, ['roundId', 'version'], { unique: true, where: `"version" IS NOT NULL` })
@Index(DEADLINE_REACHED_UNIQUE, ['roundId', 'deadline', 'deadlineDate'], { unique: true, where: `"type" = 'DEADLINE_REACHED'` })
@Index(REMINDER_ONCE_A_DAY, ['roundId', 'departmentId', 'remindedOn'], { unique: true, where: `"type" = 'REMINDER_SENT'` })
@Check('plan_round_event_forced_has_reason', `NOT "forced" OR length(btrim(coalesce("reason", ''))) > 0`)
export class PlanRoundEventEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id!: string;

  @Index('plan_round_event_round_idx')
  @Column({ type: 'uuid' })
  roundId!: string;

  @ManyToOne(() => PlanRoundEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'round_id' })
  round?: PlanRoundEntity;

  @Column({ type: 'text' })
  type!: RoundHistoryType;

  /** The round's row version this entry produced; null for entries that change nothing (deadline reached). */
  @Column({ type: 'int', nullable: true })
  version!: number | null;

  @Column({ type: 'text', nullable: true })
  fromState!: string | null;

  @Column({ type: 'text', nullable: true })
  toState!: string | null;

  /** Taken past an unmet guard by a strategist; `reason` then says why. */
  @Column({ type: 'boolean', default: false })
  forced!: boolean;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  /** For DEADLINE_REACHED: which deadline, and the date it was. */
  @Column({ type: 'text', nullable: true })
  deadline!: DeadlineKind | null;

  @Column({ type: 'date', nullable: true })
  deadlineDate!: string | null;

  /** For REMINDER_SENT: the department reminded, and the day (Europe/Stockholm). */
  @Column({ type: 'uuid', nullable: true })
  departmentId!: string | null;

  @Column({ type: 'date', nullable: true })
  remindedOn!: string | null;

  /** Anything else the entry carries (a decision's outcome, the changed fields, what was outstanding). */
  @Column({ type: 'jsonb' })
  data!: Record<string, unknown>;

  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'text' })
  actorLabel!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  occurredAt!: Date;
}
