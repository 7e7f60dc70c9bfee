import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { DepartmentEntity } from '@samverka/organisation';
import { PlanEntity } from './plan.entity';
import { PlanItemEntity } from './plan-item.entity';

/**
 * A department's question about one item (a request for clarification) and the strategist's answer,
 * kept with the version it was asked about and the item's code and title as they were then.
 */
@Entity('plan_item_question')
@Index('plan_item_question_round_department_idx', ['roundId', 'departmentId'])
@Index('plan_item_question_unanswered_idx', ['roundId'], { where: '"answered_at" IS NULL' })
export class PlanItemQuestionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  roundId!: string;

  /** Null once the item is removed from the draft (the thread stays). */
  @Column({ type: 'uuid', nullable: true })
  itemId!: string | null;

  @Column({ type: 'text' })
  itemCode!: string;

  @Column({ type: 'text' })
  itemTitle!: string;

  /** The frozen version the question is about (null: asked about the draft). */
  @Column({ type: 'int', nullable: true })
  version!: number | null;

  @Column({ type: 'uuid' })
  departmentId!: string;

  @Column({ type: 'text' })
  question!: string;

  @Column({ type: 'uuid', nullable: true })
  askedById!: string | null;

  @Column({ type: 'text' })
  askedByName!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  askedAt!: Date;

  @Column({ type: 'text', nullable: true })
  answer!: string | null;

  @Column({ type: 'uuid', nullable: true })
  answeredById!: string | null;

  @Column({ type: 'text', nullable: true })
  answeredByName!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  answeredAt!: Date | null;

  @ManyToOne(() => PlanEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'round_id' })
  plan?: PlanEntity;

  @ManyToOne(() => PlanItemEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'item_id' })
  item?: PlanItemEntity;

  @ManyToOne('DepartmentEntity', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id' })
  department?: DepartmentEntity;
}
