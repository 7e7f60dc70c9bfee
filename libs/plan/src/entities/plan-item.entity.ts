import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { PlanRoundAreaEntity } from '@samverka/rounds';
import type { PlanItemStatus } from '../plan.model';
import { PlanEntity } from './plan.entity';

/** Insats (the plan's "fokus"): one item of the draft, in one area, with a code stable across versions and rounds. */
@Entity('plan_item')
@Index('plan_item_code_unique', ['roundId', 'code'], { unique: true })
@Index('plan_item_round_area_idx', ['roundId', 'areaCode', 'position'])
@Check('plan_item_status_known', `"status" IN ('planned', 'ongoing', 'completed', 'cancelled')`)
export class PlanItemEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  roundId!: string;

  @Column({ type: 'text' })
  areaCode!: string;

  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'text', nullable: true })
  expectedEffect!: string | null;

  @Column({ type: 'text', nullable: true })
  indicator!: string | null;

  /** A date or a term (`2027 T1`). */
  @Column({ type: 'text', nullable: true })
  startsOn!: string | null;

  @Column({ type: 'text', nullable: true })
  endsOn!: string | null;

  @Column({ type: 'text', default: 'planned' })
  status!: PlanItemStatus;

  /** Order within the area. */
  @Column({ type: 'int' })
  position!: number;

  /** Carried over from this round's plan (with the code it had there). */
  @Column({ type: 'uuid', nullable: true })
  carriedOverFromRoundId!: string | null;

  @Column({ type: 'text', nullable: true })
  carriedOverFromCode!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @ManyToOne(() => PlanEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'round_id' })
  plan?: PlanEntity;

  @ManyToOne('PlanRoundAreaEntity', { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'round_id', referencedColumnName: 'roundId' },
    { name: 'area_code', referencedColumnName: 'code' },
  ])
  area?: PlanRoundAreaEntity;
}
