import { Check, Column, CreateDateColumn, Entity, Index, OneToMany, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { PlanRoundAreaEntity } from './plan-round-area.entity';
import { PlanRoundParticipantEntity } from './plan-round-participant.entity';

export const ONE_ACTIVE_ROUND_PER_YEAR = 'plan_round_one_active_per_year';

/**
 * Planomgång: one yearly cycle of the development plan. The workflow's XState snapshot is kept as
 * jsonb beside the state value (a plain, indexed column for queries), the machine version that made
 * the snapshot, and a row version for optimistic locking (also the API's ETag).
 */
@Entity('plan_round')
@Index(ONE_ACTIVE_ROUND_PER_YEAR, ['year'], { unique: true, where: `"state" NOT IN ('closed', 'cancelled')` })
@Check('plan_round_state_known', `"state" IN ('preparing', 'collectingNeeds', 'draftingPlan', 'consultation', 'compilingResponses', 'awaitingDecision', 'followUp', 'closed', 'cancelled')`)
@Check('plan_round_year_range', `"year" BETWEEN 2000 AND 2100`)
@Check('plan_round_deadline_order', `("consultation_reply_deadline" IS NULL OR "consultation_reply_deadline" > "needs_deadline") AND ("decision_deadline" IS NULL OR "decision_deadline" > "needs_deadline")`)
export class PlanRoundEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'int' })
  year!: number;

  /** Diarienummer, e.g. STK-2024-1400. */
  @Column({ type: 'text' })
  caseNumber!: string;

  @Index('plan_round_state_idx')
  @Column({ type: 'text' })
  state!: string;

  @Column({ type: 'int' })
  machineVersion!: number;

  @Column({ type: 'jsonb' })
  snapshot!: unknown;

  /** Row version: +1 on every change; a write names the version it read (optimistic locking). */
  @Column({ type: 'int' })
  version!: number;

  /** Last day for departments to submit needs. */
  @Column({ type: 'date' })
  needsDeadline!: string;

  @Column({ type: 'date', nullable: true })
  consultationReplyDeadline!: string | null;

  @Column({ type: 'date', nullable: true })
  decisionDeadline!: string | null;

  /** Close needs collection automatically the day after its deadline. */
  @Column({ type: 'boolean', default: false })
  autoCloseNeeds!: boolean;

  /** Close the consultation automatically the day after the reply date. */
  @Column({ type: 'boolean', default: false })
  autoCloseConsultation!: boolean;

  @Column({ type: 'uuid', nullable: true })
  createdById!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @OneToMany(() => PlanRoundAreaEntity, (a) => a.round)
  areas?: PlanRoundAreaEntity[];

  @OneToMany(() => PlanRoundParticipantEntity, (p) => p.round)
  participants?: PlanRoundParticipantEntity[];
}
