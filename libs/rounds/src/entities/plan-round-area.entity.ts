import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { PlanRoundEntity } from './plan-round.entity';

/** Utvecklingsområde: a development area of one round (the five defaults, editable per round). */
@Entity('plan_round_area')
export class PlanRoundAreaEntity {
  @PrimaryColumn({ type: 'uuid' })
  roundId!: string;

  @PrimaryColumn({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'int' })
  position!: number;

  @ManyToOne(() => PlanRoundEntity, (r) => r.areas, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'round_id' })
  round?: PlanRoundEntity;
}
