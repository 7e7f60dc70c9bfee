import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { PlanRoundEntity } from '@samverka/rounds';

/** A reporting period of a round's follow-up (a tertial, a quarter …) with the day its reports are due. */
@Entity('follow_up_period')
@Index('follow_up_period_label_unique', ['roundId', 'label'], { unique: true })
@Index('follow_up_period_due_idx', ['dueOn'])
export class FollowUpPeriodEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  roundId!: string;

  @Column({ type: 'text' })
  label!: string;

  @Column({ type: 'date' })
  dueOn!: string;

  /** Order within the round (by due date when set). */
  @Column({ type: 'int' })
  position!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @ManyToOne('PlanRoundEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'round_id' })
  round?: PlanRoundEntity;
}
