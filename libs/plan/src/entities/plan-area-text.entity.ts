import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { PlanRoundAreaEntity } from '@samverka/rounds';

/** The draft's introduction to one development area. */
@Entity('plan_area_text')
export class PlanAreaTextEntity {
  @PrimaryColumn({ type: 'uuid' })
  roundId!: string;

  @PrimaryColumn({ type: 'text' })
  areaCode!: string;

  @Column({ type: 'text', default: '' })
  introduction!: string;

  @ManyToOne('PlanRoundAreaEntity', { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'round_id', referencedColumnName: 'roundId' },
    { name: 'area_code', referencedColumnName: 'code' },
  ])
  area?: PlanRoundAreaEntity;
}
