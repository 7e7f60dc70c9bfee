import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { PlanVersionEntity } from './plan-version.entity';

/** A person of a department has read that department's responsibility summary of one frozen version. */
@Entity('plan_summary_read')
export class PlanSummaryReadEntity {
  @PrimaryColumn({ type: 'uuid' })
  roundId!: string;

  @PrimaryColumn({ type: 'int' })
  version!: number;

  @PrimaryColumn({ type: 'uuid' })
  departmentId!: string;

  @PrimaryColumn({ type: 'uuid' })
  userId!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  readAt!: Date;

  @ManyToOne(() => PlanVersionEntity, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'round_id', referencedColumnName: 'roundId' },
    { name: 'version', referencedColumnName: 'version' },
  ])
  planVersion?: PlanVersionEntity;
}
