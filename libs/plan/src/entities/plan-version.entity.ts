import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { PlanDocument } from '../plan.model';
import { PlanEntity } from './plan.entity';

/**
 * A frozen, immutable version of a round's plan (1, 2, …): the whole document as it stood, with
 * names as they were. The migration adds a trigger that refuses any UPDATE of a row.
 */
@Entity('plan_version')
export class PlanVersionEntity {
  @PrimaryColumn({ type: 'uuid' })
  roundId!: string;

  @PrimaryColumn({ type: 'int' })
  version!: number;

  @Column({ type: 'timestamptz' })
  frozenAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  frozenById!: string | null;

  @Column({ type: 'text', nullable: true })
  frozenByName!: string | null;

  @Column({ type: 'jsonb' })
  snapshot!: PlanDocument;

  @ManyToOne(() => PlanEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'round_id' })
  plan?: PlanEntity;
}
