import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { PlanRoundEntity } from '@samverka/rounds';

/**
 * One item of the round's adopted plan, copied from the adopted version when the round enters
 * follow-up (its id is the plan item's id, its code the stable code). Follow-up reads these rows,
 * never the plan's snapshot.
 */
@Entity('follow_up_item')
@Index('follow_up_item_code_unique', ['roundId', 'code'], { unique: true })
export class FollowUpItemEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'follow_up_item_pkey' })
  roundId!: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'follow_up_item_pkey' })
  itemId!: string;

  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  areaCode!: string;

  @Column({ type: 'text' })
  title!: string;

  /** Order in the plan (areas in order, items in order within them). */
  @Column({ type: 'int' })
  position!: number;

  /** Estimated effort in hours per year, the sum over the item's responsibilities (null: not estimated). */
  @Column({ type: 'numeric', precision: 10, scale: 1, nullable: true })
  effortHours!: string | null;

  @ManyToOne('PlanRoundEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'round_id' })
  round?: PlanRoundEntity;
}
