import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { PlanRoundEntity } from '@samverka/rounds';

/** The executive board's decision on the round's plan (RECORD_DECISION): adopted, or returned with a reason. Each one kept. */
@Entity('plan_decision')
@Index('plan_decision_round_idx', ['roundId', 'recordedAt'])
@Check('plan_decision_outcome_known', `"outcome" IN ('adopted', 'returned')`)
export class PlanDecisionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  roundId!: string;

  @Column({ type: 'text' })
  outcome!: 'adopted' | 'returned';

  @Column({ type: 'date' })
  decidedOn!: string;

  /** Who decided, e.g. "Kommunstyrelsen". */
  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'text' })
  minuteReference!: string;

  /** Why it was returned (återremiss). */
  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  /** The frozen plan version decided on. */
  @Column({ type: 'int', nullable: true })
  planVersion!: number | null;

  @Column({ type: 'text' })
  recordedByName!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  recordedAt!: Date;

  @ManyToOne('PlanRoundEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'round_id' })
  round?: PlanRoundEntity;
}
