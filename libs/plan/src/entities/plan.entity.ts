import { Column, CreateDateColumn, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { PlanRoundEntity } from '@samverka/rounds';

/**
 * Utvecklingsplan: the plan of one round (one per round), holding the draft's plan-level texts and
 * where its versions stand. The draft's items are `plan_item`; frozen versions are `plan_version`.
 */
@Entity('plan')
export class PlanEntity {
  // Named: TypeORM's generated name for (plan, round_id) is the one of (plan_round, id).
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'plan_pkey' })
  roundId!: string;

  @Column({ type: 'text', default: '' })
  introduction!: string;

  /** Kontaktcenters uppdrag och mandat. */
  @Column({ type: 'text', default: '' })
  contactCentreMandate!: string;

  /** Förvaltningarnas ansvar för de egna myndighetsprocesserna. */
  @Column({ type: 'text', default: '' })
  departmentResponsibility!: string;

  /** The number of the last frozen version (0: none yet). */
  @Column({ type: 'int', default: 0 })
  latestVersion!: number;

  /** The draft has changes since the last frozen version (or nothing was frozen yet). */
  @Column({ type: 'boolean', default: true })
  draftChanged!: boolean;

  /** The frozen version the decision adopted (null: not adopted, or returned). */
  @Column({ type: 'int', nullable: true })
  adoptedVersion!: number | null;

  /** The round whose adopted plan this one started from (null: started empty). */
  @Column({ type: 'uuid', nullable: true })
  startedFromRoundId!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @OneToOne('PlanRoundEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'round_id' })
  round?: PlanRoundEntity;
}
