import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { NeedEntity } from '@samverka/needs';
import { PlanItemEntity } from './plan-item.entity';

/** Which needs an item answers (many-to-many). */
@Entity('plan_item_need')
@Index('plan_item_need_need_idx', ['needId'])
export class PlanItemNeedEntity {
  @PrimaryColumn({ type: 'uuid' })
  itemId!: string;

  @PrimaryColumn({ type: 'uuid' })
  needId!: string;

  @ManyToOne(() => PlanItemEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'item_id' })
  item?: PlanItemEntity;

  @ManyToOne('NeedEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'need_id' })
  need?: NeedEntity;
}
