import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { NeedEntity } from '@samverka/needs';
import { PlanEntity } from './plan.entity';

/** A handed-in need the plan does not answer this round, with the reason its department sees. */
@Entity('plan_need_deferral')
@Index('plan_need_deferral_round_idx', ['roundId'])
export class PlanNeedDeferralEntity {
  @PrimaryColumn({ type: 'uuid' })
  needId!: string;

  @Column({ type: 'uuid' })
  roundId!: string;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'uuid', nullable: true })
  deferredById!: string | null;

  @Column({ type: 'text', nullable: true })
  deferredByName!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  deferredAt!: Date;

  @ManyToOne(() => PlanEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'round_id' })
  plan?: PlanEntity;

  @ManyToOne('NeedEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'need_id' })
  need?: NeedEntity;
}
